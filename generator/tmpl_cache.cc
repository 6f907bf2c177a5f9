/*
 * tmpl_cache.cc - the bottom of the ctemplate shim behind tmpl.h: the
 * template cache (the names loaded and failed, the cache generation,
 * under one mutex) and loading: tmpl_set_root, tmpl_load, tmpl_reset,
 * and the error reports of both loading and expansion. The
 * dictionaries (tmpl_dict.cc) and expansion (tmpl.cc) build on it;
 * tmpl_impl.hh is what the three share. It calls neither of them.
 *
 * What ctemplate does not do for us, and this file does:
 *  - it escapes only files that start with {{%AUTOESCAPE context="HTML"}},
 *    so tmpl_load reads each file first and refuses one without it, and
 *    no template (top-level or included) reaches ctemplate's cache
 *    without passing that check;
 *  - it reports errors on std::cerr, without line numbers, and only on
 *    the first attempt, so every call into ctemplate runs with cerr
 *    captured (under one mutex: the stream is process-wide), failures
 *    are remembered per name, and the offending token is searched for
 *    in the file to give "path:LINE: message";
 *  - it throws C++ exceptions (bad_alloc at least): every function
 *    catches everything; out of memory aborts like the C x* wrappers.
 *
 * Expansion of a loaded template whose includes all passed tmpl_load
 * cannot make ctemplate log anything, so it runs without the capture
 * mutex, in parallel, straight into the caller's buffer; anything else
 * (a refused include, a template not loaded yet) takes the captured,
 * serialised path that reports what went wrong.
 */
#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>

#include <cctype>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <strings.h>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <new>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tmpl_impl.hh"

using namespace tmpl_impl;

/* --- The cache's state (tmpl_impl.hh) --- */

namespace tmpl_impl {

std::mutex g_mu;		/* guards everything below and std::cerr */
std::set<std::string> g_loaded;	/* names that passed tmpl_load */
std::map<std::string, std::string> g_failed;	/* name -> message */
unsigned long g_generation;	/* bumped when the cache is emptied */

}	/* namespace tmpl_impl */

/* --- Reading a template and locating its errors --- */

namespace {

std::string g_root;		/* as given to tmpl_set_root (under g_mu) */

const size_t TEMPLATE_MAX = 16u << 20;	/* bytes: templates are small */

/*
 * Read a template file (buf_read_file: a FIFO or device planted in a
 * theme must not hang the build, and only a file that passed here ever
 * reaches ctemplate's loader, which would block in its own open).
 * *err: errno, or BUF_NOT_REGULAR.
 */
bool
read_file(const std::string &path, std::string *out, int *err)
{
	struct buf b = BUF_INIT;
	bool ok = buf_read_file(&b, path.c_str(), TEMPLATE_MAX, err) == 0;

	if (ok)
		out->assign(b.ptr, b.len);
	else if (*err == BUF_TOO_BIG)
		*err = EFBIG;
	buf_free(&b);
	return ok;
}

/* The 1-based line of byte off of t. */
int
line_at(const std::string &t, size_t off)
{
	int line = 1;
	if (off > t.size())
		off = t.size();
	for (size_t i = 0; i < off; i++)
		if (t[i] == '\n')
			line++;
	return line;
}

/* One {{...}} marker of a template, found by a scan that mirrors
 * ctemplate's tokenizer closely enough to point at lines. */
struct marker {
	size_t		off;
	int		line;
	char		kind;	/* # / > ! % = or 'v' (variable) */
	std::string	name;	/* up to the first ':' for variables */
	std::string	body;	/* everything between the braces */
};

/* The markers of t in order, each with its line. */
std::vector<marker>
scan(const std::string &t)
{
	std::vector<marker> v;
	size_t pos = 0;
	int line = 1;
	size_t counted = 0;

	for (;;) {
		size_t a = t.find("{{", pos);
		if (a == std::string::npos)
			break;
		size_t b = t.find("}}", a + 2);
		if (b == std::string::npos)
			break;
		for (; counted < a; counted++)
			if (t[counted] == '\n')
				line++;
		marker m;
		m.off = a;
		m.line = line;
		m.body = t.substr(a + 2, b - a - 2);
		char c = m.body.empty() ? 'v' : m.body[0];
		if (std::strchr("#/>!%=", c) != NULL) {
			m.kind = c;
			m.name = m.body.substr(1);
		} else {
			m.kind = 'v';
			m.name = m.body.substr(0, m.body.find(':'));
		}
		v.push_back(m);
		if (m.kind == '=')	/* new delimiters: stop guessing */
			break;
		pos = b + 2;
	}
	return v;
}

/* The first line of s, cut to cap bytes. */
std::string
first_line(const std::string &s, size_t cap)
{
	std::string r = s.substr(0, s.find('\n'));
	if (r.size() > cap)
		r = r.substr(0, cap) + "...";
	return r;
}

/* Where is the attribute attr given an unquoted value? */
int
find_unquoted_attr(const std::string &t, const std::string &attr)
{
	if (attr.empty())
		return 0;
	for (size_t i = 0; i + attr.size() <= t.size(); i++) {
		if (i > 0 && !std::isspace((unsigned char)t[i - 1]))
			continue;
		if (strncasecmp(t.c_str() + i, attr.c_str(), attr.size()) != 0)
			continue;
		size_t j = i + attr.size();
		while (j < t.size() && std::isspace((unsigned char)t[j]))
			j++;
		if (j >= t.size() || t[j] != '=')
			continue;
		j++;
		while (j < t.size() && std::isspace((unsigned char)t[j]))
			j++;
		if (j < t.size() && t[j] != '"' && t[j] != '\'')
			return line_at(t, i);
	}
	return 0;
}

/* The line of the first needle in t, or 0. */
int
find_text(const std::string &t, const std::string &needle)
{
	if (needle.empty())
		return 0;
	size_t a = t.find(needle);
	return a == std::string::npos ? 0 : line_at(t, a);
}

/* First variable marker named name (with modifiers if want_mod). */
int
find_var(const std::vector<marker> &ms, const std::string &name,
    const std::string &mod)
{
	for (size_t i = 0; i < ms.size(); i++)
		if (ms[i].kind == 'v' && ms[i].name == name &&
		    (mod.empty() || ms[i].body.find(mod, name.size()) !=
		    std::string::npos))
			return ms[i].line;
	return 0;
}

/* The line of the first marker of kind, or 0. */
int
find_kind(const std::vector<marker> &ms, char kind)
{
	for (size_t i = 0; i < ms.size(); i++)
		if (ms[i].kind == kind)
			return ms[i].line;
	return 0;
}

/*
 * Turn one ctemplate complaint about template text t into a line number
 * and a message in the project's style. Returns 0 for the line when the
 * token cannot be found.
 */
int
locate(const std::string &t, const std::string &raw, std::string *msg)
{
	std::vector<marker> ms = scan(t);
	*msg = tidy(raw);

	if (raw.find("File ended before all sections were closed") !=
	    std::string::npos ||
	    raw.find("Found end of different section") != std::string::npos) {
		std::vector<const marker *> open;
		for (size_t i = 0; i < ms.size(); i++) {
			if (ms[i].kind == '#')
				open.push_back(&ms[i]);
			else if (ms[i].kind != '/')
				continue;
			else if (open.empty()) {
				*msg = "'{{/" + ms[i].name +
				    "}}' closes a section that is not open";
				return ms[i].line;
			} else if (open.back()->name != ms[i].name) {
				std::ostringstream o;
				o << "'{{/" << ms[i].name << "}}' does not "
				    "close the open section '" <<
				    open.back()->name << "' (line " <<
				    open.back()->line << ")";
				*msg = o.str();
				return ms[i].line;
			} else
				open.pop_back();
		}
		if (!open.empty()) {
			*msg = "section '" + open.back()->name +
			    "' is never closed";
			return open.back()->line;
		}
		return 0;
	}
	if (raw.find("Unknown modifier for variable ") != std::string::npos) {
		std::string var = field(raw, "for variable ", ':');
		std::string mod = field(raw, ": '", '\'');
		int l = find_var(ms, var, mod);
		return l ? l : find_var(ms, var, "");
	}
	if (raw.find("has missing in-template modifiers") !=
	    std::string::npos) {
		std::string var = field(raw, "Token: ", ' ');
		int l = find_var(ms, var, ":");
		return l ? l : find_var(ms, var, "");
	}
	if (raw.find("No ending '}}' when parsing name starting with '") !=
	    std::string::npos) {
		std::string start = field(raw,
		    "when parsing name starting with '", '\0');
		if (!start.empty() && start[start.size() - 1] == '\'')
			start.erase(start.size() - 1);	/* closing quote */
		start = first_line(start, 1000);
		*msg = "no closing '}}' after '{{" + first_line(start, 30) +
		    "'";
		return find_text(t, "{{" + start);
	}
	if (raw.find("Illegal name in template '") != std::string::npos)
		return find_text(t, "{{" + field(raw,
		    "Illegal name in template '", '\''));
	if (raw.find("must be enclosed in quotes") != std::string::npos)
		return find_unquoted_attr(t, field(raw, "attribute \"", '"'));
	if (raw.find("Failed parsing: ") != std::string::npos) {
		std::string chunk = field(raw, "Failed parsing: ", '\0');
		size_t in = chunk.rfind("\nIn: ");
		if (in != std::string::npos)
			chunk.erase(in);
		/* first non-blank line of the chunk, trimmed */
		std::istringstream ls(chunk);
		std::string l;
		while (std::getline(ls, l)) {
			size_t a = l.find_first_not_of(" \t\r");
			if (a == std::string::npos)
				continue;
			l = l.substr(a, l.find_last_not_of(" \t\r") - a + 1);
			break;
		}
		*msg = "auto-escape: cannot parse the HTML at '" +
		    first_line(l, 40) + "'";
		return find_text(t, l);
	}
	if (raw.find("ragma") != std::string::npos ||
	    raw.find("PRAGMA") != std::string::npos)
		return find_kind(ms, '%');
	if (raw.find("delimiter") != std::string::npos)
		return find_kind(ms, '=');
	return 0;
}

/* "path:LINE: msg", or "path: msg" when line is 0. */
std::string
positioned(const std::string &path, int line, const std::string &msg)
{
	std::ostringstream o;
	o << path;
	if (line > 0)
		o << ":" << line;
	o << ": " << msg;
	return o.str();
}

/* Does the template start (after blanks and comments) with the HTML
 * auto-escape pragma? Sets *line to where it should be. */
bool
has_html_pragma(const std::string &t, int *line)
{
	size_t i = 0;
	for (;;) {
		while (i < t.size() && std::isspace((unsigned char)t[i]))
			i++;
		if (t.compare(i, 3, "{{!") != 0)
			break;
		size_t e = t.find("}}", i);
		if (e == std::string::npos)
			break;
		i = e + 2;
	}
	*line = line_at(t, i);
	if (t.compare(i, 13, "{{%AUTOESCAPE") != 0)
		return false;
	size_t e = t.find("}}", i);
	if (e == std::string::npos)
		return false;
	return t.substr(i, e - i).find(" context=\"HTML\"") !=
	    std::string::npos;
}

}	/* namespace */

/* --- Shared with tmpl.cc and tmpl_dict.cc (tmpl_impl.hh) --- */

namespace tmpl_impl {

/* The path a user knows the template by: root as given, then name. */
std::string
display_path(const std::string &name)
{
	if (g_root.empty() || name.empty() || name[0] == '/')
		return name;
	if (g_root[g_root.size() - 1] == '/')
		return g_root + name;
	return g_root + "/" + name;
}

/* The text of a quoted field in msg after prefix, up to the quote. */
std::string
field(const std::string &msg, const char *prefix, char quote)
{
	size_t a = msg.find(prefix);
	if (a == std::string::npos)
		return "";
	a += std::strlen(prefix);
	size_t b = msg.find(quote, a);
	return msg.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

/* Lowercase the first letter of a sentence (not of "URL" or "HTML"),
 * drop a final full stop and fold line breaks: the project's style. */
std::string
tidy(std::string s)
{
	std::string r;
	for (size_t i = 0; i < s.size(); i++) {
		if (s[i] == '\n' || s[i] == '\r') {
			if (!r.empty() && r[r.size() - 1] != ' ')
				r += "; ";
		} else
			r += s[i];
	}
	while (!r.empty() && (r[r.size() - 1] == ' ' ||
	    r[r.size() - 1] == ';' || r[r.size() - 1] == '.'))
		r.erase(r.size() - 1);
	if (r.compare(0, 13, "Auto-Escape: ") == 0)
		r = "auto-escape: " + tidy(r.substr(13));
	else if (r.size() > 1 && std::isupper((unsigned char)r[0]) &&
	    !std::isupper((unsigned char)r[1]))
		r[0] = (char)std::tolower((unsigned char)r[0]);
	if (r.size() > 300)
		r = r.substr(0, 300) + "...";
	return r;
}

/* Captured ctemplate output as messages, labels removed. */
std::vector<logmsg>
split_log(const std::string &cap)
{
	std::vector<logmsg> v;
	std::istringstream in(cap);
	std::string l;

	while (std::getline(in, l)) {
		logmsg m;
		if (l.compare(0, 7, "ERROR: ") == 0) {
			m.error = true;
			m.text = l.substr(7);
		} else if (l.compare(0, 9, "WARNING: ") == 0) {
			m.error = false;
			m.text = l.substr(9);
		} else if (l.compare(0, 6, "FATAL:") == 0 ||
		    l.compare(0, 12, "Check failed") == 0) {
			m.error = true;
			m.text = l;
		} else if (!v.empty()) {	/* continuation line */
			v.back().text += "\n" + l;
			continue;
		} else {
			m.error = false;
			m.text = l;
		}
		/* "Template /abs/path: ERROR: msg": we name the file */
		if (m.text.compare(0, 9, "Template ") == 0) {
			size_t e = m.text.find(": ERROR: ");
			if (e != std::string::npos)
				m.text = m.text.substr(e + 9);
		}
		v.push_back(m);
	}
	return v;
}

/* Append s to *out as a line of its own. */
void
add_line(std::string *out, const std::string &s)
{
	if (!out->empty())
		*out += "\n";
	*out += s;
}

/* tmpl_load with g_mu held; messages are added to *err. */
int
load_locked(const std::string &name, std::string *err)
{
	if (g_loaded.count(name))
		return 0;
	std::map<std::string, std::string>::const_iterator f =
	    g_failed.find(name);
	if (f != g_failed.end()) {
		add_line(err, f->second);
		return -1;
	}

	std::string path = display_path(name);
	std::string resolved =
	    ctemplate::mutable_default_template_cache()->
	    FindTemplateFilename(name);
	std::string text, msgs;
	int e = 0;
	if (resolved.empty())
		resolved = path;
	if (!read_file(resolved, &text, &e)) {
		add_line(&msgs, "cannot read template '" + path + "': " +
		    (e == BUF_NOT_REGULAR ? "not a regular file" :
		    std::strerror(e)));
		g_failed[name] = msgs;
		add_line(err, msgs);
		return -1;
	}
	int line;
	if (!has_html_pragma(text, &line)) {
		add_line(&msgs, positioned(path, line, "template must begin "
		    "with {{%AUTOESCAPE context=\"HTML\"}} (without it "
		    "nothing is escaped)"));
		g_failed[name] = msgs;
		add_line(err, msgs);
		return -1;
	}

	bool ok;
	std::string cap;
	{
		cerr_capture c;
		ok = ctemplate::mutable_default_template_cache()->
		    LoadTemplate(name, STRIP);
		cap = c.text();
	}
	std::vector<logmsg> log = split_log(cap);
	bool anyerror = false;
	for (size_t i = 0; i < log.size(); i++) {
		std::string m;
		int l = locate(text, log[i].text, &m);
		if (!log[i].error)
			m = "warning: " + m;
		else
			anyerror = true;
		add_line(&msgs, positioned(path, l, m));
	}
	/* A template ctemplate accepted with an ERROR (it "fixed" the
	 * escaping modifiers itself) is still refused: fix the theme. */
	if (ok && !anyerror) {
		g_loaded.insert(name);
		add_line(err, msgs);	/* warnings, if any */
		return 0;
	}
	if (msgs.empty())
		msgs = positioned(path, 0, "ctemplate cannot load this "
		    "template");
	g_failed[name] = msgs;
	add_line(err, msgs);
	return -1;
}

/* Append s to b (b may be NULL). */
void
to_buf(struct buf *b, const std::string &s)
{
	if (b != NULL && !s.empty())
		buf_put(b, s.data(), s.size());
}

}	/* namespace tmpl_impl */

/* --- Shared with tmpl_dict.cc (tmpl_impl.hh) --- */

/* Out of memory, or an exception with no way to report it. */
[[noreturn]] void
tmpl_impl::die(const char *what)
{
	std::fprintf(stderr, "glasshouse: %s\n", what);
	std::abort();
}

/* load_locked under g_mu. */
int
tmpl_impl::load_template(const std::string &name, std::string *err)
{
	std::lock_guard<std::mutex> lk(g_mu);
	return load_locked(name, err);
}

/* The cache generation, for a new page's dictionary. */
unsigned long
tmpl_impl::cache_generation()
{
	std::lock_guard<std::mutex> lk(g_mu);
	return g_generation;
}

/* --- The C API: the cache (tmpl.h) --- */

namespace {

/* Empty ctemplate's cache and forget what was loaded or failed; a new
 * generation for the dictionaries. Call with g_mu held. */
void
forget_all()
{
	ctemplate::mutable_default_template_cache()->ClearCache();
	g_loaded.clear();
	g_failed.clear();
	g_generation++;
}

}	/* namespace */

extern "C" {

/* Resolve template names against dir; a new root empties the cache,
 * since ctemplate keys cached templates by the unresolved name. */
void
tmpl_set_root(const char *dir)
{
	try {
		std::lock_guard<std::mutex> lk(g_mu);
		std::string d = dir != NULL ? dir : "";
		if (d == g_root)
			return;
		g_root = d;
		cerr_capture c;
		ctemplate::mutable_default_template_cache()->
		    SetTemplateRootDirectory(d);
		forget_all();
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_set_root");
	}
}

/* Load name under the mutex; see tmpl.h. */
int
tmpl_load(const char *name, struct buf *err)
{
	try {
		std::string msgs;
		int rc;
		rc = load_template(name, &msgs);
		to_buf(err, msgs);
		return rc;
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		if (err != NULL)
			buf_printf(err, "%s: unexpected exception while "
			    "loading the template", name);
		return -1;
	}
}

/* Forget every parsed template and every remembered failure: the next
 * tmpl_load reads the file again (and reports its errors again). */
void
tmpl_reset(void)
{
	try {
		std::lock_guard<std::mutex> lk(g_mu);
		cerr_capture c;
		forget_all();
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_reset");
	}
}

}	/* extern "C" */
