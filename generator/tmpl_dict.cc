/*
 * tmpl_dict.cc - the template dictionaries of tmpl.h (tmpl_dict_new,
 * tmpl_set*, tmpl_show, tmpl_section, tmpl_section_lazy, tmpl_include,
 * tmpl_dict_free): our own implementation of ctemplate's
 * TemplateDictionaryInterface, which is all ctemplate expands through.
 * It owns every dictionary of a page, in one arena per page freed at
 * once by tmpl_dict_free; tmpl.cc owns the template cache and expands.
 *
 * Not ctemplate's TemplateDictionary: its implementation spends most of
 * a build on bookkeeping we never use (a debug name string per section,
 * a process-wide id-to-name map under a lock on every key, a
 * global-dictionary lookup under another lock on every miss). Ours
 * keeps TemplateDictionary's lookup rules exactly (see struct
 * tmpl_dict), so the bytes ctemplate emits are the same; it allocates
 * from one arena per page and frees it at once.
 */
#include <ctemplate/template_dictionary_interface.h>
#include <ctemplate/template_string.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "tmpl_impl.hh"

using ctemplate::TemplateDictionaryInterface;
using ctemplate::TemplateString;
using namespace tmpl_impl;

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

/* The value of key k (n bytes) in list v, newest first, or NULL. */
const dict_str *
find_var(const dict_var *v, const char *k, size_t n)
{
	/* newest first: a key set again is a new entry (see set_in) */
	for (; v != nullptr; v = v->next)
		if (v->key.is(k, n))
			return &v->val;
	return nullptr;
}

/* The list named k (n bytes) among l, or NULL. */
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

/* --- Shared with tmpl.cc (tmpl_impl.hh) --- */

/* d as ctemplate expands it. */
const TemplateDictionaryInterface *
tmpl_impl::dict_iface(const struct tmpl_dict *d)
{
	return d;
}

/* Did every include of d's page pass tmpl_load in cache generation
 * gen? Call with the cache's mutex held. */
bool
tmpl_impl::dict_checked(const struct tmpl_dict *d, unsigned long gen)
{
	return !d->root->refused && d->root->generation == gen;
}

/* --- The C API of the dictionaries --- */

extern "C" {

/* A page's root dictionary, with its own arena. */
struct tmpl_dict *
tmpl_dict_new(void)
{
	try {
		dict_root *r = new dict_root();
		r->generation = cache_generation();
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

/* Set key to len bytes of val (NULL: the empty string). */
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

/* tmpl_setn of a string. */
void
tmpl_set(struct tmpl_dict *d, const char *key, const char *val)
{
	tmpl_setn(d, key, val, val != NULL ? std::strlen(val) : 0);
}

/* tmpl_setn of v in decimal. */
void
tmpl_set_int(struct tmpl_dict *d, const char *key, long long v)
{
	char num[32];
	int n = std::snprintf(num, sizeof num, "%lld", v);

	tmpl_setn(d, key, num, (size_t)n);
}

/* Set a template global of the page (see struct tmpl_dict). */
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

/* Show section once (one empty dictionary if it has none). */
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

/* Add one repetition of section, as a child dictionary. */
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

/* Add a section of n rows made by fill at expansion. */
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
		std::string ignored;	/* reported by tmpl_expand */
		if (load_template(fname, &ignored) != 0) {
			fname = REFUSED + fname;
			d->root->top()->refused = true;
		}
		return d->add_include(name, fname);
	} catch (const std::bad_alloc &) {
		die("out of memory");
	} catch (...) {
		die("unexpected exception in tmpl_include");
	}
}

}	/* extern "C" */
