/*
 * tmpl.cc - the one C++ file: a thin extern "C" shim over ctemplate 2.4
 * that gives the renderer templates which always escape for HTML.
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
 * Dictionaries are our own (struct tmpl_dict, below), not ctemplate's
 * TemplateDictionary: ctemplate expands through the abstract
 * TemplateDictionaryInterface, and its own implementation spends most
 * of a build on bookkeeping we never use (a debug name string per
 * section, a process-wide id-to-name map under a lock on every key, a
 * global-dictionary lookup under another lock on every miss). Ours keeps
 * TemplateDictionary's lookup rules exactly (see struct tmpl_dict), so
 * the bytes ctemplate emits are the same; it allocates from one arena
 * per page and frees it at once.
 *
 * Expansion of a loaded template whose includes all passed tmpl_load
 * cannot make ctemplate log anything, so it runs without the capture
 * mutex, in parallel, straight into the caller's buffer; anything else
 * (a refused include, a template not loaded yet) takes the captured,
 * serialised path that reports what went wrong.
 */
#include <ctemplate/template.h>
#include <ctemplate/template_dictionary_interface.h>
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

extern "C" {
#include "tmpl.h"
}

using ctemplate::TemplateDictionaryInterface;
using ctemplate::TemplateString;

/*
 * struct tmpl_dict - a template dictionary with TemplateDictionary's
 * semantics (ctemplate 2.4, template_dictionary.cc), for expansion
 * through TemplateDictionaryInterface:
 *  - a variable is looked up in the dictionary, then its section
 *    parents, then the template globals of the page (set on any
 *    dictionary of the tree, shared with its includes), then the
 *    built-ins BI_SPACE and BI_NEWLINE; a miss is "";
 *  - a section is shown if it is in the dictionary or a parent; it
 *    expands once per section dictionary, iterating the list of the
 *    nearest dictionary that has it; tmpl_show adds one empty
 *    dictionary only when the section has none yet;
 *  - an include dictionary has no parent (nothing is inherited across
 *    files but the template globals) and names its template file.
 * Keys are compared by their bytes (ctemplate compares 64-bit hashes
 * of them). Every dictionary of a tree lives in the root's arena; only
 * the root is freed, and that frees everything at once.
 */
namespace {

/* A bump allocator: chunks of 16 KiB, larger requests on their own. */
struct dict_arena {
	struct chunk {
		chunk	*next;
		size_t	 used, size;
		alignas(16) char data[1];
	};
	chunk	*head = nullptr;

	void *alloc(size_t n) {
		n = (n + 15) & ~(size_t)15;
		if (head == nullptr || head->size - head->used < n) {
			size_t size = n > 4096 ? n : 16384;
			chunk *c = static_cast<chunk *>(std::malloc(
			    offsetof(chunk, data) + size));
			if (c == nullptr)
				throw std::bad_alloc();
			c->used = 0;
			c->size = size;
			if (size == n && head != nullptr) {
				/* a big one-off: keep filling the current chunk */
				c->next = head->next;
				head->next = c;
				c->used = n;
				return c->data;
			}
			c->next = head;
			head = c;
		}
		void *p = head->data + head->used;
		head->used += n;
		return p;
	}
	/* Free everything but one standard chunk, kept for reuse. */
	void reset() {
		chunk *keep = nullptr;
		while (head != nullptr) {
			chunk *n = head->next;
			if (keep == nullptr && head->size == 16384)
				keep = head;
			else
				std::free(head);
			head = n;
		}
		if (keep != nullptr) {
			keep->used = 0;
			keep->next = nullptr;
		}
		head = keep;
	}
	const char *dup(const char *s, size_t n) {
		char *p = static_cast<char *>(alloc(n + 1));
		std::memcpy(p, s, n);
		p[n] = '\0';
		return p;
	}
	~dict_arena() {
		while (head != nullptr) {
			chunk *n = head->next;
			std::free(head);
			head = n;
		}
	}
};

struct dict_str {
	const char	*p;
	size_t		 n;
	bool is(const char *s, size_t len) const {
		return n == len && std::memcmp(p, s, len) == 0;
	}
};

/*
 * Everything of a dictionary is a singly linked list in the arena: each
 * element is allocated once, at its final size (growable arrays left
 * their old copies behind in the arena, a third of a big page's
 * dictionary memory), and a page's dictionaries are mostly written
 * once and read once, front to back.
 */
struct dict_var {
	dict_var	*next;		/* older */
	dict_str	 key, val;
};

}	/* namespace */

struct tmpl_dict;

namespace {

/* A section's or include's dictionaries, in the order they were added
 * (linked through tmpl_dict::next). */
struct dict_list {
	dict_list	*next;
	dict_str	 key;
	tmpl_dict	*head, *tail;
	size_t		 n;
	/* A lazy section (tmpl_section_lazy): n dictionaries made one at
	 * a time while the page expands, by fill; head is NULL. */
	tmpl_fill_fn	*fill;
	void		*arg;
};

/* What the dictionaries of one page share. A lazy section's rows have
 * a root of their own (their memory is reused from row to row) whose
 * up is the page's root: template globals are looked up through it. */
struct dict_root {
	dict_arena		 arena;
	dict_var		*globals = nullptr;
	dict_root		*up = nullptr;
	bool			 refused = false;	/* an include failed to load */
	unsigned long		 generation = 0;	/* of the template cache */

	dict_root *top() {
		dict_root *r = this;
		while (r->up != nullptr)
			r = r->up;
		return r;
	}
};

const dict_str *
find_var(const dict_var *v, const char *k, size_t n)
{
	/* newest first: a key set again is a new entry (see set_in) */
	for (; v != nullptr; v = v->next)
		if (v->key.is(k, n))
			return &v->val;
	return nullptr;
}

dict_list *
find_list(dict_list *l, const char *k, size_t n)
{
	for (; l != nullptr; l = l->next)
		if (l->key.is(k, n))
			return l;
	return nullptr;
}

}	/* namespace */

struct tmpl_dict : public TemplateDictionaryInterface {
	tmpl_dict		*parent;	/* section parent, or NULL */
	dict_root		*root;
	const char		*filename;	/* include dictionaries */
	tmpl_dict		*next;		/* in its dict_list */
	dict_var		*vars;		/* newest first */
	dict_list		*sections, *includes;

	tmpl_dict(tmpl_dict *p, dict_root *r) : parent(p), root(r),
	    filename(nullptr), next(nullptr), vars(nullptr),
	    sections(nullptr), includes(nullptr) {}

	/* A new dictionary in the root's arena. Never destroyed one by
	 * one: every member is plain memory of the arena. */
	static tmpl_dict *make(tmpl_dict *parent, dict_root *r) {
		void *mem = r->arena.alloc(sizeof(tmpl_dict));
		return new (mem) tmpl_dict(parent, r);
	}

	void set(const char *k, const char *v, size_t vn) {
		size_t kn = std::strlen(k);
		dict_str val = { root->arena.dup(v, vn), vn };
		set_in(&vars, k, kn, val);
	}
	void set_global(const char *k, const char *v) {
		size_t kn = std::strlen(k), vn = std::strlen(v);
		dict_str val = { root->arena.dup(v, vn), vn };
		set_in(&root->globals, k, kn, val);
	}
	/* Prepend, without looking for an earlier value of k: find_var
	 * searches newest first, so the last value set is the one seen,
	 * as in TemplateDictionary, and setting costs no search. */
	void set_in(dict_var **vs, const char *k, size_t kn, dict_str val) {
		dict_var *x = static_cast<dict_var *>(
		    root->arena.alloc(sizeof(dict_var)));
		x->key.p = root->arena.dup(k, kn);
		x->key.n = kn;
		x->val = val;
		x->next = *vs;
		*vs = x;
	}
	dict_list *list(dict_list **ls, const char *k) {
		size_t kn = std::strlen(k);
		dict_list *l = find_list(*ls, k, kn);
		if (l == nullptr) {
			l = static_cast<dict_list *>(
			    root->arena.alloc(sizeof(dict_list)));
			l->key.p = root->arena.dup(k, kn);
			l->key.n = kn;
			l->head = l->tail = nullptr;
			l->n = 0;
			l->fill = nullptr;
			l->arg = nullptr;
			l->next = *ls;
			*ls = l;
		}
		return l;
	}
	static void append(dict_list *l, tmpl_dict *d) {
		if (l->tail != nullptr)
			l->tail->next = d;
		else
			l->head = d;
		l->tail = d;
		l->n++;
	}
	void show(const char *k) {
		dict_list *l = list(&sections, k);
		if (l->n == 0)
			append(l, make(this, root));
	}
	tmpl_dict *add_section(const char *k) {
		tmpl_dict *d = make(this, root);
		dict_list *l = list(&sections, k);
		if (l->fill != nullptr)
			std::abort();	/* one kind of section per name */
		append(l, d);
		return d;
	}
	void add_lazy(const char *k, size_t n, tmpl_fill_fn *fill, void *arg) {
		dict_list *l = list(&sections, k);
		if (l->n != 0)
			std::abort();	/* one kind of section per name */
		l->n = n;
		l->fill = fill;
		l->arg = arg;
	}
	tmpl_dict *add_include(const char *k, const std::string &file) {
		tmpl_dict *d = make(nullptr, root);
		d->filename = root->arena.dup(file.data(), file.size());
		append(list(&includes, k), d);
		return d;
	}

	/* The nearest list named k among sections (or includes), and the
	 * dictionary that holds it. */
	const dict_list *lookup(const TemplateString &k, bool inc,
	    const tmpl_dict **holder = nullptr) const {
		for (const tmpl_dict *d = this; d != nullptr; d = d->parent) {
			const dict_list *l = find_list(inc ? d->includes :
			    d->sections, k.data(), k.size());
			if (l != nullptr) {
				if (holder != nullptr)
					*holder = d;
				return l;
			}
		}
		return nullptr;
	}

	/*
	 * ctemplate asks for a new iterator for every section it expands
	 * and deletes it after: one malloc and free per table, list or
	 * optional block of every page. A thread needs only as many at
	 * once as sections nest, so they come from a small array in the
	 * thread's own storage (nothing to free at thread exit), and from
	 * the heap only beyond it.
	 */
	class iter : public TemplateDictionaryInterface::Iterator {
		const tmpl_dict		*p_;

		enum { SLOTS = 32 };
		struct slot {	/* an iter: vtable pointer and p_ */
			alignas(void *) unsigned char mem[2 * sizeof(void *)];
		};
		struct slots {
			slot		 s[SLOTS];
			unsigned	 used = 0;	/* bit i: s[i] taken */
		};
		static slots &tls() {
			static thread_local slots t;
			return t;
		}
	public:
		static void *operator new(std::size_t n) {
			slots &t = tls();
			if (n <= sizeof(slot) && ~t.used != 0) {
				unsigned i = (unsigned)__builtin_ctz(~t.used);
				t.used |= 1u << i;
				return t.s[i].mem;
			}
			return ::operator new(n);
		}
		static void operator delete(void *p) {
			slots &t = tls();
			unsigned char *c = static_cast<unsigned char *>(p);
			if (c >= t.s[0].mem && c < t.s[SLOTS - 1].mem +
			    sizeof(slot)) {
				t.used &= ~(1u << ((c - t.s[0].mem) /
				    sizeof(slot)));
				return;
			}
			::operator delete(p);
		}
		iter(const dict_list *l) : p_(l->head) {}
		bool HasNext() const { return p_ != nullptr; }
		const TemplateDictionaryInterface &Next() {
			const tmpl_dict *d = p_;
			p_ = p_->next;
			return *d;
		}
	};

	TemplateString GetValue(const TemplateString &k) const {
		const dict_str *v;
		for (const tmpl_dict *d = this; d != nullptr; d = d->parent)
			if ((v = find_var(d->vars, k.data(), k.size())) != nullptr)
				return TemplateString(v->p, v->n);
		for (const dict_root *r = root; r != nullptr; r = r->up)
			if ((v = find_var(r->globals, k.data(), k.size())) !=
			    nullptr)
				return TemplateString(v->p, v->n);
		/* ctemplate's global dictionary holds only these two */
		if (k.size() == 8 && std::memcmp(k.data(), "BI_SPACE", 8) == 0)
			return TemplateString(" ", 1);
		if (k.size() == 10 && std::memcmp(k.data(), "BI_NEWLINE", 10) == 0)
			return TemplateString("\n", 1);
		return TemplateString("", 0);
	}
	bool IsHiddenSection(const TemplateString &k) const {
		const dict_list *l = lookup(k, false);
		return l == nullptr || l->n == 0;
	}
	bool IsUnhiddenSection(const TemplateString &k) const {
		return !IsHiddenSection(k);
	}
	bool IsHiddenTemplate(const TemplateString &k) const {
		return lookup(k, true) == nullptr;
	}
	const char *GetIncludeTemplateName(const TemplateString &k,
	    int n) const {
		const dict_list *l = lookup(k, true);
		if (l == nullptr || n < 0 || (size_t)n >= l->n)
			std::abort();	/* ctemplate asks only after IsHidden* */
		const tmpl_dict *d = l->head;
		for (; n > 0; n--)
			d = d->next;
		const char *f = d->filename;
		return f != nullptr ? f : "";
	}
	Iterator *CreateTemplateIterator(const TemplateString &k) const {
		const dict_list *l = lookup(k, true);
		if (l == nullptr)
			std::abort();
		return new iter(l);
	}
	/*
	 * The rows of a lazy section: row i is made and filled when
	 * ctemplate asks for it, in memory reused for row i + 1 (ctemplate
	 * is done with a row when it asks for the next), so a page of
	 * thousands of rows never holds more than one row's dictionary.
	 */
	class lazy_iter : public TemplateDictionaryInterface::Iterator {
		const dict_list	*l_;
		tmpl_dict	*holder_;
		dict_root	 rows_;
		size_t		 i_ = 0;
	public:
		lazy_iter(const dict_list *l, const tmpl_dict *holder) :
		    l_(l), holder_(const_cast<tmpl_dict *>(holder)) {
			rows_.up = holder->root;
		}
		bool HasNext() const { return i_ < l_->n; }
		const TemplateDictionaryInterface &Next() {
			rows_.arena.reset();
			rows_.globals = nullptr;
			tmpl_dict *row = make(holder_, &rows_);
			l_->fill(row, i_++, l_->arg);
			return *row;
		}
	};

	Iterator *CreateSectionIterator(const TemplateString &k) const {
		const tmpl_dict *holder = nullptr;
		const dict_list *l = lookup(k, false, &holder);
		if (l == nullptr)
			std::abort();
		if (l->fill != nullptr)
			return new lazy_iter(l, holder);
		return new iter(l);
	}
	void DumpToString(std::string *out, int level) const {
		std::string pad((size_t)level * 2, ' ');
		for (const dict_var *v = vars; v != nullptr; v = v->next)
			*out += pad + std::string(v->key.p, v->key.n) + ": >" +
			    std::string(v->val.p, v->val.n) + "<\n";
		for (const dict_list *l = sections; l != nullptr; l = l->next)
			for (const tmpl_dict *d = l->head; d != nullptr;
			    d = d->next) {
				*out += pad + "section " + std::string(l->key.p,
				    l->key.n) + " -->\n";
				d->DumpToString(out, level + 1);
			}
		for (const dict_list *l = includes; l != nullptr; l = l->next)
			for (const tmpl_dict *d = l->head; d != nullptr;
			    d = d->next) {
				*out += pad + "include-template " + std::string(
				    l->key.p, l->key.n) + " -->\n";
				d->DumpToString(out, level + 1);
			}
	}

};

namespace {

/* ctemplate output straight into a struct buf; with a sink (whose
 * buffer b is), handed on every SINK_CHUNK bytes. */
class buf_emitter : public ctemplate::ExpandEmitter {
	struct buf	*b_;
	struct sink	*s_;
	void check() {
		if (s_ != nullptr)
			(void)sink_check(s_);
	}
public:
	explicit buf_emitter(struct buf *b, struct sink *s = nullptr) :
	    b_(b), s_(s) {}
	/* HtmlEscape emits most bytes one at a time */
	void Emit(char c) {
		if (b_->cap - b_->len >= 2) {
			b_->ptr[b_->len++] = c;
			b_->ptr[b_->len] = '\0';
		} else {
			buf_putc(b_, c);
			check();
		}
	}
	void Emit(const std::string &s) {
		buf_put(b_, s.data(), s.size());
		check();
	}
	void Emit(const char *s) {
		buf_puts(b_, s);
		check();
	}
	void Emit(const char *s, size_t n) {
		buf_put(b_, s, n);
		check();
	}
};

}	/* namespace */


namespace {

/* Every template is loaded and expanded with this strip mode: the
 * cache is keyed by (name, strip), so one mode means one entry. */
const ctemplate::Strip STRIP = ctemplate::STRIP_BLANK_LINES;

/* Prefix of the file name given to an include whose template failed
 * tmpl_load: ctemplate cannot find it, so the expansion fails instead
 * of loading the unchecked file itself. */
const char REFUSED[] = "/\001glasshouse-refused/";

std::mutex g_mu;		/* guards everything below and std::cerr */
std::string g_root;		/* as given to tmpl_set_root */
std::set<std::string> g_loaded;	/* names that passed tmpl_load */
std::map<std::string, std::string> g_failed;	/* name -> message */
unsigned long g_generation;	/* bumped when the cache is emptied */

[[noreturn]] void
die(const char *what)
{
	std::fprintf(stderr, "glasshouse: %s\n", what);
	std::abort();
}

/* Redirects std::cerr into a string for its lifetime (hold g_mu). */
class cerr_capture {
	std::ostringstream	 ss_;
	std::streambuf		*old_;
public:
	cerr_capture() : old_(std::cerr.rdbuf(ss_.rdbuf())) {}
	~cerr_capture() { std::cerr.rdbuf(old_); }
	std::string text() const { return ss_.str(); }
};

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

/*
 * Read a template file (buf_read_file: a FIFO or device planted in a
 * theme must not hang the build, and only a file that passed here ever
 * reaches ctemplate's loader, which would block in its own open).
 * *err: errno, or BUF_NOT_REGULAR.
 */
const size_t TEMPLATE_MAX = 16u << 20;	/* bytes: templates are small */

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

std::string
first_line(const std::string &s, size_t cap)
{
	std::string r = s.substr(0, s.find('\n'));
	if (r.size() > cap)
		r = r.substr(0, cap) + "...";
	return r;
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

/* One message of captured ctemplate output. */
struct logmsg {
	bool		error;
	std::string	text;	/* without the "ERROR: " label */
};

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

void
add_line(std::string *out, const std::string &s)
{
	if (!out->empty())
		*out += "\n";
	*out += s;
}

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

void
to_buf(struct buf *b, const std::string &s)
{
	if (b != NULL && !s.empty())
		buf_put(b, s.data(), s.size());
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
		ctemplate::mutable_default_template_cache()->ClearCache();
		g_loaded.clear();
		g_failed.clear();
		g_generation++;
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_set_root");
	}
}

int
tmpl_load(const char *name, struct buf *err)
{
	try {
		std::string msgs;
		int rc;
		{
			std::lock_guard<std::mutex> lk(g_mu);
			rc = load_locked(name, &msgs);
		}
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

struct tmpl_dict *
tmpl_dict_new(void)
{
	try {
		dict_root *r = new dict_root();
		{
			std::lock_guard<std::mutex> lk(g_mu);
			r->generation = g_generation;
		}
		return tmpl_dict::make(nullptr, r);
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_dict_new");
	}
}

/* Free a dictionary from tmpl_dict_new, with its sections and includes
 * (all in its arena). */
void
tmpl_dict_free(struct tmpl_dict *d)
{
	if (d != NULL)
		delete d->root;
}

void
tmpl_setn(struct tmpl_dict *d, const char *key, const char *val, size_t len)
{
	try {
		d->set(key, val != NULL ? val : "", val != NULL ? len : 0);
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_set");
	}
}

void
tmpl_set(struct tmpl_dict *d, const char *key, const char *val)
{
	tmpl_setn(d, key, val, val != NULL ? std::strlen(val) : 0);
}

void
tmpl_set_int(struct tmpl_dict *d, const char *key, long long v)
{
	char num[32];
	int n = std::snprintf(num, sizeof num, "%lld", v);

	tmpl_setn(d, key, num, (size_t)n);
}

void
tmpl_set_global(struct tmpl_dict *d, const char *key, const char *val)
{
	try {
		d->set_global(key, val != NULL ? val : "");
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_set_global");
	}
}

void
tmpl_show(struct tmpl_dict *d, const char *section)
{
	try {
		d->show(section);
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_show");
	}
}

struct tmpl_dict *
tmpl_section(struct tmpl_dict *d, const char *section)
{
	try {
		return d->add_section(section);
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_section");
	}
}

void
tmpl_section_lazy(struct tmpl_dict *d, const char *section, size_t n,
    tmpl_fill_fn *fill, void *arg)
{
	if (n == 0)
		return;		/* hidden, as a section never added */
	try {
		d->add_lazy(section, n, fill, arg);
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_section_lazy");
	}
}

/*
 * The include's template goes through tmpl_load here if the caller did
 * not load it: ctemplate would otherwise load it at expansion, without
 * the pragma check. One that fails gets a name ctemplate cannot find,
 * so the expansion fails and reports the load error.
 */
struct tmpl_dict *
tmpl_include(struct tmpl_dict *d, const char *name, const char *file)
{
	try {
		std::string fname = file;
		{
			std::lock_guard<std::mutex> lk(g_mu);
			std::string ignored;	/* reported by tmpl_expand */
			if (load_locked(fname, &ignored) != 0) {
				fname = REFUSED + fname;
				d->root->top()->refused = true;
			}
		}
		return d->add_include(name, fname);
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_include");
	}
}

/*
 * tmpl_expand_err and tmpl_expand_sink: the page goes to out, or when
 * sink is not NULL to its buffer and on through it.
 */
static int
expand(const char *name, const struct tmpl_dict *d, struct buf *out,
    struct sink *sink, struct buf *err)
{
	if (sink != nullptr)
		out = &sink->b;
	try {
		std::string s, msgs;
		bool ok, quiet;
		{
			std::lock_guard<std::mutex> lk(g_mu);
			quiet = !d->root->refused &&
			    d->root->generation == g_generation &&
			    g_loaded.count(name) != 0;
		}
		if (quiet) {
			/* Loaded and checked, includes too: ctemplate has
			 * nothing to say, so no capture, no lock. */
			size_t len = out != NULL ? out->len : 0;
			struct buf scratch = BUF_INIT;
			buf_emitter e(out != NULL ? out : &scratch, sink);
			ok = ctemplate::ExpandTemplate(name, STRIP, d, &e);
			buf_free(&scratch);
			if (ok)
				return 0;
			if (sink != nullptr)
				buf_reset(out);	/* the caller drops the rest */
			else if (out != NULL) {
				out->len = len;	/* drop the partial page */
				out->ptr[len] = '\0';
			}
			if (err != NULL)
				buf_printf(err, "%s: cannot expand the template",
				    display_path(name).c_str());
			return -1;
		}
		{
			std::lock_guard<std::mutex> lk(g_mu);
			if (load_locked(name, &msgs) != 0) {
				to_buf(err, msgs);
				return -1;
			}
			std::string cap;
			{
				cerr_capture c;
				ok = ctemplate::ExpandTemplate(name, STRIP, d, &s);
				cap = c.text();
			}
			std::vector<logmsg> log = split_log(cap);
			for (size_t i = 0; i < log.size(); i++) {
				const std::string &t = log[i].text;
				std::string inc = field(t,
				    "Failed to load included template: \"",
				    '"');
				if (inc.compare(0, sizeof REFUSED - 1,
				    REFUSED) == 0) {
					inc.erase(0, sizeof REFUSED - 1);
					std::map<std::string, std::string>::
					    const_iterator f = g_failed.find(inc);
					if (f != g_failed.end())
						add_line(&msgs, f->second);
				} else if (!inc.empty())
					add_line(&msgs, display_path(name) +
					    ": cannot load included template '"
					    + display_path(inc) + "'");
				else if (t.find(REFUSED) == std::string::npos)
					add_line(&msgs, display_path(name) +
					    ": " + (log[i].error ? "" :
					    "warning: ") + tidy(t));
				if (log[i].error)
					ok = false;
			}
			if (!ok && msgs.empty())
				msgs = display_path(name) +
				    ": cannot expand the template";
		}
		to_buf(err, msgs);
		if (!ok)
			return -1;
		to_buf(out, s);
		if (sink != nullptr)
			(void)sink_check(sink);
		return 0;
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		if (err != NULL)
			buf_printf(err, "%s: unexpected exception while "
			    "expanding the template", name);
		return -1;
	}
}

int
tmpl_expand_err(const char *name, const struct tmpl_dict *d, struct buf *out,
    struct buf *err)
{
	return expand(name, d, out, nullptr, err);
}

int
tmpl_expand_sink(const char *name, const struct tmpl_dict *d,
    struct sink *out, struct buf *err)
{
	return expand(name, d, nullptr, out, err);
}

int
tmpl_expand(const char *name, const struct tmpl_dict *d, struct buf *out)
{
	return tmpl_expand_err(name, d, out, NULL);
}

/* Forget every parsed template and every remembered failure: the next
 * tmpl_load reads the file again (and reports its errors again). */
void
tmpl_reset(void)
{
	try {
		std::lock_guard<std::mutex> lk(g_mu);
		cerr_capture c;
		ctemplate::mutable_default_template_cache()->ClearCache();
		g_loaded.clear();
		g_failed.clear();
		g_generation++;
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_reset");
	}
}

}	/* extern "C" */
