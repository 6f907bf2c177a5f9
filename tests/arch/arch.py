#!/usr/bin/env python3
"""Architecture test: the generator keeps its layers (issue 12).

Reads the link-level dependencies of the generator's objects with
`nm -P` (one object per generator/*.c or *.cc, in the build directory:
$GH_OBJDIR, else the directory of $GLASSHOUSE, else build/; test and
fuzz objects are never read). Object A uses object B when A has an
undefined symbol (U, or weak-undefined w/v) that B defines globally
(T D B R C G S ..., or the only weak definition W/V). Against the layer
table tests/arch/layers.txt it fails on

  - an object no pattern of the table assigns to a layer,
  - a cycle (reported as its strongly connected component),
  - an edge that goes up the layer order,
  - any edge between two files of an "isolated" layer (page families),
  - a generator/*.c or *.cc over max-lines that is not exempt.

It prints the graph: as TAP comments, layer by layer, and the same
listing in <objdir>/arch-graph.txt. `arch.py --graph` prints only the
listing. Before the real check the suite proves its checker can fail:
planted graphs with an upward edge, a cycle, a family-to-family edge, an
unassigned object and an oversized file must each be reported, and a
clean graph must pass. Python 3, stdlib only.
"""
import fnmatch
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(TOP, "tests", "e2e"))
from ghlib import Tap  # noqa: E402  (TAP lines, diagnostics as comments)

GENERATOR = os.path.join(TOP, "generator")
TABLE = os.path.join(HERE, "layers.txt")


def comment(text):
    """text as TAP comment lines."""
    for line in str(text).rstrip("\n").split("\n"):
        print("# " + line)


# --- the layer table ---

class Table:
    """Parsed layers.txt: rows of (layer, isolated, patterns), the size
    limit and the files exempt from it."""

    def __init__(self, text):
        self.rows = []
        self.max_lines = None
        self.exempt = set()
        for n, raw in enumerate(text.split("\n"), 1):
            words = raw.split("#", 1)[0].split()
            if not words:
                continue
            if words[0] == "max-lines" and len(words) == 2:
                self.max_lines = int(words[1])
            elif words[0] == "exempt" and len(words) >= 2:
                self.exempt.update(words[1:])
            elif words[0].isdigit():
                iso = len(words) > 1 and words[1] == "isolated"
                pats = words[2:] if iso else words[1:]
                if not pats:
                    raise ValueError("layers.txt:%d: a layer without patterns" % n)
                self.rows.append((int(words[0]), iso, pats))
            else:
                raise ValueError("layers.txt:%d: cannot read %r" % (n, raw))
        self.isolated = {lay for lay, iso, _ in self.rows if iso}

    def layer_of(self, name):
        """(layer, None) for name, or (None, why) when no single layer
        holds it: an exact pattern wins, else the longest glob."""
        exact = {lay for lay, _, pats in self.rows for p in pats if p == name}
        if len(exact) == 1:
            return exact.pop(), None
        if exact:
            return None, "exact pattern in layers %s" % sorted(exact)
        best = {}
        for lay, _, pats in self.rows:
            for p in pats:
                if any(c in p for c in "*?[") and fnmatch.fnmatchcase(name, p):
                    best.setdefault(len(p), set()).add(lay)
        if not best:
            return None, "no pattern matches"
        lays = best[max(best)]
        if len(lays) > 1:
            return None, "globs of the same length in layers %s" % sorted(lays)
        return lays.pop(), None


# --- the graph ---

def parse_nm(text):
    """(defined, undefined) symbol sets of one object from nm -P output;
    defined is a dict symbol -> 'strong' or 'weak'. Local symbols
    (lower-case types) are not part of the link."""
    defined, undefined = {}, set()
    for line in text.split("\n"):
        f = line.split()
        if len(f) < 2:
            continue
        sym, typ = f[0], f[1]
        if typ in ("U", "w", "v"):
            undefined.add(sym)
        elif typ in ("W", "V"):
            defined.setdefault(sym, "weak")
        elif typ.isupper() or typ == "u":
            defined[sym] = "strong"
    return defined, undefined


def build_graph(objs):
    """objs: name -> (defined, undefined). Returns edges: name -> {dep:
    sorted symbols}. A weak definition counts only when it is the one
    definition of the symbol (C++ inline copies are everywhere)."""
    strong, weak = {}, {}
    for name, (defined, _) in objs.items():
        for sym, kind in defined.items():
            (strong if kind == "strong" else weak).setdefault(sym, set()).add(name)
    edges = {name: {} for name in objs}
    for name, (defined, undefined) in objs.items():
        for sym in undefined:
            if sym in defined:
                continue
            owners = strong.get(sym)
            if not owners:
                owners = weak.get(sym, set())
                if len(owners) != 1:
                    continue
            for dep in owners:
                if dep != name:
                    edges[name].setdefault(dep, []).append(sym)
    for deps in edges.values():
        for dep in deps:
            deps[dep].sort()
    return edges


def sccs(edges):
    """Strongly connected components with more than one member (Tarjan,
    iterative), each sorted, in sorted order."""
    index, low, on, stack, out = {}, {}, set(), [], []
    counter = [0]
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in edges:
                    continue
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return sorted(out)


def edge_text(a, b, syms, limit=6):
    """'a -> b (symbols)', at most limit of them named."""
    more = "" if len(syms) <= limit else ", ... %d more" % (len(syms) - limit)
    return "%s -> %s (%s%s)" % (a, b, ", ".join(syms[:limit]), more)


def check(edges, table):
    """The problems of a graph against a table: dict kind -> list of
    lines, kinds unassigned, cycle, upward, isolated (all present)."""
    probs = {"unassigned": [], "cycle": [], "upward": [], "isolated": []}
    layer = {}
    for name in sorted(edges):
        lay, why = table.layer_of(name)
        if lay is None:
            probs["unassigned"].append("%s: %s (classify it in tests/arch/layers.txt)"
                                       % (name, why))
        layer[name] = lay
    for comp in sccs(edges):
        inner = [edge_text(a, b, edges[a][b]) for a in comp
                 for b in sorted(edges[a]) if b in comp]
        probs["cycle"].append("cycle {%s}:\n  %s" % (", ".join(comp), "\n  ".join(inner)))
    for a in sorted(edges):
        for b in sorted(edges[a]):
            la, lb = layer[a], layer.get(b)
            if la is None or lb is None:
                continue
            if la < lb:
                probs["upward"].append("layer %d -> %d: %s" % (la, lb, edge_text(a, b, edges[a][b])))
            elif la == lb and la in table.isolated:
                probs["isolated"].append("inside layer %d: %s" % (la, edge_text(a, b, edges[a][b])))
    return probs


def oversized(sizes, table):
    """Files (name -> line count) over the limit and not exempt."""
    return ["%s: %d lines (max %d)" % (f, n, table.max_lines)
            for f, n in sorted(sizes.items())
            if n > table.max_lines and f not in table.exempt]


def listing(edges, table):
    """The graph layer by layer, top first: every object and its uses."""
    by = {}
    for name in edges:
        by.setdefault(table.layer_of(name)[0], []).append(name)
    out = []
    keys = sorted((k for k in by if k is not None), reverse=True)
    for lay in ([None] if None in by else []) + keys:
        iso = " (isolated)" if lay in table.isolated else ""
        out.append("layer %s%s: %s" % ("?" if lay is None else lay, iso,
                                       " ".join(sorted(by[lay]))))
        for a in sorted(by[lay]):
            for b in sorted(edges[a], key=lambda d: (-(table.layer_of(d)[0] or 0), d)):
                lb = table.layer_of(b)[0]
                out.append("    %s  [%s]" % (edge_text(a, b, edges[a][b], 4),
                                             "?" if lb is None else lb))
    return "\n".join(out)


# --- proof that the checker can fail ---

CLEAN = {
    "main": ["render", "load", "write"],
    "render": ["render_purposes", "render_systems", "render_kit", "pool"],
    "render_purposes": ["render_kit", "model"],
    "render_systems": ["render_kit", "render_parts"],
    "render_parts": ["render_kit"],
    "render_kit": ["tmpl", "model", "util"],
    "pool": ["tmpl", "write"],
    "tmpl": ["util"],
    "json": ["report", "model"],
    "report": ["disclose", "model"],
    "disclose": ["util"],
    "model": ["util", "vocab"],
    "decode": ["load", "yml", "diag"],
    "load": ["yml", "util"],
    "yml": ["util"],
    "write": ["write_fs", "util"],
    "write_fs": ["util"],
    "vocab": ["util"],
    "diag": ["util"],
    "util": [],
}


def planted(extra_nodes=(), extra_edges=()):
    """The clean synthetic graph plus planted nodes and edges."""
    edges = {a: {b: ["f_" + b] for b in deps} for a, deps in CLEAN.items()}
    for n in extra_nodes:
        edges.setdefault(n, {})
    for a, b in extra_edges:
        edges.setdefault(a, {})[b] = ["planted_" + b]
        edges.setdefault(b, {})
    return edges


def selftest(tap, table):
    """TAP lines showing that every check of the suite can fail."""
    nm = ("util.c:\nxmalloc T 10 20\nhelper t 30 4\n.LC0 r 0\nbuf_free U\n"
          "_ZNSsD1Ev W 0 0\nstdout U\n__gmon_start__ w\ncounter B 0 4\n"
          "table R 0 8\ncommon_x C 8 8\n")
    d, u = parse_nm(nm)
    tap.ok(d == {"xmalloc": "strong", "_ZNSsD1Ev": "weak", "counter": "strong",
                 "table": "strong", "common_x": "strong"}
           and u == {"buf_free", "stdout", "__gmon_start__"},
           "self-test: nm -P parsed (T/B/R/C strong, W weak, t/r local, U/w used)",
           "defined %r\nundefined %r" % (d, sorted(u)))
    g = build_graph({"a": ({"f": "strong", "inl": "weak"}, {"g", "libc_fn"}),
                     "b": ({"g": "strong", "inl": "weak"}, {"inl", "f"}),
                     "c": ({"only": "weak"}, set()),
                     "d": ({}, {"only", "inl"})})
    tap.ok(g == {"a": {"b": ["g"]}, "b": {"a": ["f"]}, "c": {}, "d": {"c": ["only"]}},
           "self-test: edges from symbols (shared weak copies are no edge)", repr(g))
    want = {"util": 0, "vocab_labels": 0, "write_fs": 1, "decode_site": 2,
            "model_sort": 3, "ropa": 4, "pool": 5, "tmpl_dict": 5,
            "render_kit": 6, "render_guard": 6, "render_gov": 7,
            "render_purposes": 7, "render": 8, "main": 9, "newthing": None}
    got = {n: table.layer_of(n)[0] for n in want}
    tap.ok(got == want, "self-test: layers.txt assigns exact names before globs",
           "want %r\ngot  %r" % (want, got))
    amb = Table("1 a_*\n2 *_b\n")
    tap.ok(amb.layer_of("a_b")[0] is None and amb.layer_of("a_c")[0] == 1,
           "self-test: two equal globs in different layers are an error")

    def only(probs, kind, *names):
        """A problem of kind naming all of names, and no other kind."""
        others = [k for k, v in probs.items() if v and k != kind]
        hit = [p for p in probs[kind] if all(n in p for n in names)]
        return bool(hit) and not others

    def show(probs):
        """Every problem, one a line."""
        return "\n".join("%s: %s" % (k, p) for k, v in probs.items() for p in v) or "(none)"

    p = check(planted(), table)
    tap.ok(not any(p.values()), "self-test: the clean planted graph passes", show(p))
    p = check(planted(extra_edges=[("yml", "render_purposes")]), table)
    tap.ok(only(p, "upward", "yml -> render_purposes", "layer 1 -> 7"),
           "self-test: planted upward edge yml -> render_purposes reported", show(p))
    p = check(planted(extra_edges=[("util", "render_kit")]), table)
    tap.ok(any("util -> render_kit" in x and "layer 0 -> 6" in x for x in p["upward"])
           and any("util -> render_kit" in x for x in p["cycle"]),
           "self-test: planted util -> render_kit reported as upward and as a cycle",
           show(p))
    p = check(planted(extra_edges=[("json", "tmpl")]), table)
    tap.ok(only(p, "upward", "json -> tmpl"),
           "self-test: planted export -> tmpl edge reported", show(p))
    p = check(planted(extra_edges=[("load", "decode")]), table)
    tap.ok(only(p, "cycle", "{decode, load}", "load -> decode", "decode -> load"),
           "self-test: planted same-layer cycle load <-> decode reported as its SCC", show(p))
    p = check(planted(extra_edges=[("render_kit", "render_parts")]), table)
    tap.ok(only(p, "cycle", "{render_kit, render_parts}"),
           "self-test: planted cycle inside the page kit reported", show(p))
    p = check(planted(extra_edges=[("render_purposes", "render_systems")]), table)
    tap.ok(only(p, "isolated", "render_purposes -> render_systems", "layer 7"),
           "self-test: planted family -> family edge reported", show(p))
    p = check(planted(extra_nodes=["newthing"]), table)
    tap.ok(only(p, "unassigned", "newthing"),
           "self-test: planted unassigned object reported", show(p))
    p = check(planted(extra_edges=[("model", "render"), ("render_gov", "render")]), table)
    tap.ok(p["upward"] and p["cycle"] and "render_kit" in p["cycle"][0]
           and "model -> render" in p["cycle"][0],
           "self-test: a long cycle through several layers reported whole", show(p))
    saved, table.exempt = table.exempt, {"vocab.c"}	# as a table may say
    big = oversized({"vocab.c": 1057, "render.c": 2298, "util.c": 800, "tmpl.cc": 801},
                    table)
    table.exempt = saved
    tap.ok(big == ["render.c: 2298 lines (max 800)", "tmpl.cc: 801 lines (max 800)"],
           "self-test: files over max-lines reported, an exempt one (vocab.c) not", repr(big))


# --- the real tree ---

def objdir():
    """Where the generator's objects are (see the top of this file)."""
    if os.environ.get("GH_OBJDIR"):
        return os.environ["GH_OBJDIR"]
    if os.environ.get("GLASSHOUSE"):
        return os.path.dirname(os.path.abspath(os.environ["GLASSHOUSE"]))
    return os.path.join(TOP, "build")


def sources():
    """Base name -> file name of every generator source."""
    out = {}
    for p in sorted(glob.glob(os.path.join(GENERATOR, "*.c")) +
                    glob.glob(os.path.join(GENERATOR, "*.cc"))):
        f = os.path.basename(p)
        name = f.rsplit(".", 1)[0]
        if name.startswith(("test_", "fuzz")):
            continue
        out[name] = f
    return out


def read_objects(odir, names):
    """name -> (defined, undefined) from one nm -P -A over the objects;
    and the objects missing."""
    paths, missing = {}, []
    for name in sorted(names):
        path = os.path.join(odir, name + ".o")
        if os.path.isfile(path):
            paths[path] = name
        else:
            missing.append(path)
    if not paths:
        return {}, missing
    out = subprocess.run(["nm", "-P", "-A"] + list(paths), capture_output=True, text=True)
    if out.returncode != 0:
        return {}, missing + ["nm failed: %s" % out.stderr.strip()]
    text = {path: [] for path in paths}
    for line in out.stdout.split("\n"):
        path, sep, rest = line.partition(": ")
        if sep and path in text:
            text[path].append(rest)
    return {paths[p]: parse_nm("\n".join(t)) for p, t in text.items()}, missing


def line_count(path):
    """Lines in a file (newlines, as wc -l)."""
    with open(path, "rb") as f:
        return f.read().count(b"\n")


def main(argv):
    with open(TABLE, encoding="utf-8") as f:
        table = Table(f.read())
    odir = objdir()
    srcs = sources()
    objs, missing = read_objects(odir, srcs)
    edges = build_graph(objs)
    graph = listing(edges, table)
    if argv[1:] == ["--graph"]:
        print(graph)
        return 0 if not missing else 1

    tap = Tap()
    selftest(tap, table)

    stale = sorted(os.path.basename(p)[:-2] for p in glob.glob(os.path.join(odir, "*.o"))
                   if os.path.basename(p)[:-2] not in srcs)
    if stale:
        comment("ignored (no generator source): %s" % " ".join(stale))
    tap.ok(not missing, "every generator source has its object in %s" % odir,
           "missing (run make):\n" + "\n".join(missing))
    probs = check(edges, table)
    nedges = sum(len(d) for d in edges.values())
    comment("%d objects, %d file-level edges (A -> B: A uses symbols B defines) [layer of B]"
            % (len(edges), nedges))
    comment(graph)
    try:
        with open(os.path.join(odir, "arch-graph.txt"), "w", encoding="utf-8") as f:
            f.write(graph + "\n")
    except OSError:
        pass
    tap.ok(not probs["unassigned"], "every object has a layer in tests/arch/layers.txt",
           "\n".join(probs["unassigned"]))
    tap.ok(not probs["cycle"], "no cycle between objects", "\n".join(probs["cycle"]))
    tap.ok(not probs["upward"], "no edge goes up the layer order", "\n".join(probs["upward"]))
    tap.ok(not probs["isolated"], "no edge between two files of an isolated layer "
           "(page families)", "\n".join(probs["isolated"]))
    sizes = {f: line_count(os.path.join(GENERATOR, f)) for f in srcs.values()}
    big = oversized(sizes, table)
    tap.ok(not big, "no generator source over %d lines (exempt: %s)"
           % (table.max_lines, " ".join(sorted(table.exempt)) or "none"), "\n".join(big))
    unused = [p for _, _, pats in table.rows for p in pats
              if not any(fnmatch.fnmatchcase(n, p) for n in srcs)]
    if unused:
        comment("patterns matching no source today: %s" % " ".join(unused))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
