/*
 * tmpl_impl.hh - internal to tmpl.cc and tmpl_dict.cc, the two halves
 * of the ctemplate shim behind tmpl.h. tmpl.cc owns the template cache
 * (its mutex, the names loaded and failed, the cache generation) and
 * expands; tmpl_dict.cc owns the dictionaries. What each needs of the
 * other is declared here, in namespace tmpl_impl; nothing else of the
 * program includes this file.
 */
#ifndef GH_TMPL_IMPL_HH
#define GH_TMPL_IMPL_HH

#include <ctemplate/template_dictionary_interface.h>

#include <string>

extern "C" {
#include "tmpl.h"
}

namespace tmpl_impl {

/* Prefix of the file name given to an include whose template failed
 * tmpl_load: ctemplate cannot find it, so the expansion fails instead
 * of loading the unchecked file itself. */
const char REFUSED[] = "/\001glasshouse-refused/";

/* tmpl.cc. */
/* "glasshouse: what" on stderr, then abort (out of memory, or an
 * exception that cannot be reported through a return value). */
[[noreturn]] void die(const char *what);
/* tmpl_load of name under the cache's mutex: 0, or -1; messages are
 * added to *err as lines. */
int	 load_template(const std::string &name, std::string *err);
/* The cache's generation, bumped whenever the cache is emptied. */
unsigned long cache_generation();

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
