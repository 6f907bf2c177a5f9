/*
 * tmpl_impl.hh - internal to the ctemplate shim behind tmpl.h, three
 * files from the bottom up: tmpl_cache.cc owns the template cache (its
 * mutex, the names loaded and failed, the cache generation), loading
 * and the error reports; tmpl_dict.cc owns the dictionaries; tmpl.cc
 * expands. What an upper file needs of a lower one is declared here,
 * in namespace tmpl_impl; nothing else of the program includes this
 * file.
 */
#ifndef GH_TMPL_IMPL_HH
#define GH_TMPL_IMPL_HH

#include <ctemplate/template_dictionary_interface.h>
#include <ctemplate/template_enums.h>

#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

extern "C" {
#include "tmpl.h"
}

namespace tmpl_impl {

/* Prefix of the file name given to an include whose template failed
 * tmpl_load: ctemplate cannot find it, so the expansion fails instead
 * of loading the unchecked file itself. */
const char REFUSED[] = "/\001glasshouse-refused/";

/* tmpl_cache.cc: the cache's state and loading. */
/* Every template is loaded and expanded with this strip mode: the
 * cache is keyed by (name, strip), so one mode means one entry. */
const ctemplate::Strip STRIP = ctemplate::STRIP_BLANK_LINES;
extern std::mutex g_mu;		/* guards the cache below and std::cerr */
extern std::set<std::string> g_loaded;	/* names that passed tmpl_load */
extern std::map<std::string, std::string> g_failed; /* name -> message */
extern unsigned long g_generation; /* bumped when the cache is emptied */

/* Redirects std::cerr into a string for its lifetime (hold g_mu). */
class cerr_capture {
	std::ostringstream	 ss_;
	std::streambuf		*old_;
public:
	cerr_capture() : old_(std::cerr.rdbuf(ss_.rdbuf())) {}
	~cerr_capture() { std::cerr.rdbuf(old_); }
	std::string text() const { return ss_.str(); }
};

/* One message of captured ctemplate output. */
struct logmsg {
	bool		error;
	std::string	text;	/* without the "ERROR: " label */
};

/* "glasshouse: what" on stderr, then abort (out of memory, or an
 * exception that cannot be reported through a return value). */
[[noreturn]] void die(const char *what);
/* tmpl_load of name under the cache's mutex: 0, or -1; messages are
 * added to *err as lines. */
int	 load_template(const std::string &name, std::string *err);
/* The same with g_mu held. */
int	 load_locked(const std::string &name, std::string *err);
/* The cache's generation, bumped whenever the cache is emptied. */
unsigned long cache_generation();
/* The path a user knows the template by: root as given, then name. */
std::string display_path(const std::string &name);
/* The text of a quoted field in msg after prefix, up to the quote. */
std::string field(const std::string &msg, const char *prefix, char quote);
/* A ctemplate message in the project's style (lowercase, no stop). */
std::string tidy(std::string s);
/* Captured ctemplate output as messages, labels removed. */
std::vector<logmsg> split_log(const std::string &cap);
/* Append s to *out as a line of its own. */
void	 add_line(std::string *out, const std::string &s);
/* Append s to b (b may be NULL). */
void	 to_buf(struct buf *b, const std::string &s);

/* tmpl_dict.cc. */
/* d as ctemplate expands it. */
const ctemplate::TemplateDictionaryInterface *
	 dict_iface(const struct tmpl_dict *d);
/* Whether every include of d's page passed tmpl_load and d was made in
 * cache generation gen (call with the cache's mutex held): then its
 * expansion cannot make ctemplate log anything. */
bool	 dict_checked(const struct tmpl_dict *d, unsigned long gen);

}	/* namespace tmpl_impl */

#endif
