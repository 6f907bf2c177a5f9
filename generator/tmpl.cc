/*
 * tmpl.cc - expansion, the top of the ctemplate shim behind tmpl.h:
 * tmpl_expand, tmpl_expand_err, tmpl_expand_sink. The template cache
 * and loading are tmpl_cache.cc's, the dictionaries tmpl_dict.cc's;
 * tmpl_impl.hh is what the three share.
 *
 * Expansion of a loaded template whose includes all passed tmpl_load
 * cannot make ctemplate log anything, so it runs without the capture
 * mutex, in parallel, straight into the caller's buffer; anything else
 * (a refused include, a template not loaded yet) takes the captured,
 * serialised path that reports what went wrong. Every function catches
 * every C++ exception; out of memory aborts like the C x* wrappers.
 */
#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>

#include <map>
#include <mutex>
#include <new>
#include <set>
#include <string>
#include <vector>

#include "tmpl_impl.hh"

using namespace tmpl_impl;

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

/* --- The C API: expansion (tmpl.h) --- */

extern "C" {

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
			quiet = dict_checked(d, g_generation) &&
			    g_loaded.count(name) != 0;
		}
		if (quiet) {
			/* Loaded and checked, includes too: ctemplate has
			 * nothing to say, so no capture, no lock. */
			size_t len = out != NULL ? out->len : 0;
			struct buf scratch = BUF_INIT;
			buf_emitter e(out != NULL ? out : &scratch, sink);
			ok = ctemplate::ExpandTemplate(name, STRIP,
			    dict_iface(d), &e);
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
				ok = ctemplate::ExpandTemplate(name, STRIP,
				    dict_iface(d), &s);
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

/* tmpl_expand, with the failure's reason in err. */
int
tmpl_expand_err(const char *name, const struct tmpl_dict *d, struct buf *out,
    struct buf *err)
{
	return expand(name, d, out, nullptr, err);
}

/* tmpl_expand_err into a sink. */
int
tmpl_expand_sink(const char *name, const struct tmpl_dict *d,
    struct sink *out, struct buf *err)
{
	return expand(name, d, nullptr, out, err);
}

/* tmpl_expand_err without the reason. */
int
tmpl_expand(const char *name, const struct tmpl_dict *d, struct buf *out)
{
	return tmpl_expand_err(name, d, out, NULL);
}

}	/* extern "C" */
