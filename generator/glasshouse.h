/*
 * glasshouse.h - the program's version and exit statuses, and a map of
 * the generator: its modules from the bottom layer up, each with the
 * header that states what it owns. A module uses only the layers below
 * its own; model.h's types are everyone's. generator/README says more.
 *
 *  0  util.h      buffers, arenas, hash maps, lists (util.c)
 *     diag.h      diagnostics and "did you mean" hints (diag.c)
 *     vocab.h     the closed sets' words and labels (vocab*.c)
 *  1  yml.h       YAML -> trees (yml.c)
 *     markdown.h  Markdown -> safe HTML, the URL allow-list (markdown.c)
 *     write.h     staging tree -> atomic switch (write*.c; write_impl.h)
 *  2  load.h      content/ -> struct source (load.c)
 *     decode.h    trees -> typed model objects (decode*.c; decode_impl.h)
 *  3  model.h     the model, derived indexes, sort orders (model.c)
 *     check.h     references and rules across objects (check.c)
 *     complete.h  the completeness analysis (complete.c)
 *  4  disclose.h  statistical disclosure control (disclose*.c)
 *     report.h    report tables, their CSV and JSON (report.c)
 *     ropa.h      ropa.csv, the Art. 30 record (ropa.c)
 *     json.h      inventory.json (json.c)
 *     atom.h      changes.atom (atom.c)
 *     chart.h     inline SVG charts (chart.c)
 *  5  tmpl.h      ctemplate shim (tmpl*.cc; tmpl_impl.hh)
 *     pool.h      the render threads: expand and write pages (pool.c)
 *  6  render.h    the HTML stage; its page kit and page families'
 *                 contract is render_impl.h (render_theme, _kit,
 *                 _parts, _marks, _guard with render_guard.h)
 *  7              page families render_<section>.c
 *  8              render.c, the driver
 *  9              main.c: the commands, stage by stage
 */
#ifndef GH_GLASSHOUSE_H
#define GH_GLASSHOUSE_H

#define GH_VERSION	"0.1.0"

/* Exit statuses (content-format section 6). */
enum {
	EXIT_OK		= 0,
	EXIT_CONTENT	= 1,
	EXIT_USAGE	= 2,
	EXIT_IO		= 3
};

#endif
