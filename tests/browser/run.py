#!/usr/bin/env python3
"""The site as a person meets it (tests/e2e/browser.sh; TAP).

Builds the example content/ (both audiences), finds every page by walking
the output (so new page types are covered without touching this file),
groups pages by type (the body class "page-KIND") and runs:

  links     file:// and HTTP-under-/privacy/ link and fragment checks (links.py)
  vnu       the Nu HTML Checker (npm vnu-jar, Java), --errors-only, one run
            over every page
  script    no <script> in any output file
  browser   Chromium + playwright-core (check.mjs): axe-core (WCAG 2 A/AA +
            best practices) light and dark at 1280 px and light at 375 px;
            at 375 and 1280 px no horizontal scrolling, skip link to
            <main>, keyboard-reachable navigation, visible focus; every
            focusable element has a focus indicator in both colour schemes;
            readable with JavaScript off; fits A4 in print (page.pdf() for
            ROPA and report pages)
  theme     a site theme overriding style.css and one template, by
            `theme:` in site.yaml and by --theme

Every checker is also run on planted problems (an image without alt, a
dark-only contrast failure, an invalid element, broken links, a script,
...) and must report each one: proof that a green run means something.

Chromium missing (tools/deps.sh could not install it): the browser checks
are skipped with a loud SKIP line; everything else still runs. Missing
node_modules or Java is a failure (make test installs them).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "e2e"))
sys.path.insert(0, HERE)
import ghlib  # noqa: E402
import links  # noqa: E402

TOP = ghlib.TOP
NODE_MODULES = os.path.join(TOP, "node_modules")
VNU = os.path.join(NODE_MODULES, "vnu-jar", "build", "dist", "vnu.jar")
AUDIENCES = ("public", "internal")
KIND_RE = re.compile(rb'<body[^>]*\bclass="[^"]*\bpage-([\w-]+)')
# Kinds whose pages are also printed to PDF (one page each).
PDF_KINDS = re.compile(r"^(ropa|report|access)")

tap = ghlib.Tap()


def loud(msg):
    bar = "!" * 72
    for line in (bar, msg, bar):
        print("# " + line)
        print(line, file=sys.stderr)


def chromium():
    """CHROMIUM=path overrides (and CHROMIUM=/nonexistent shows the skip)."""
    if "CHROMIUM" in os.environ:
        c = os.environ["CHROMIUM"]
        return c if os.access(c, os.X_OK) else None
    for c in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.access(c, os.X_OK):
            return c
    return None


def pages_of(root):
    """[(audience, rel, abspath, kind)] for every HTML page under root."""
    out = []
    for aud in AUDIENCES:
        d = os.path.join(root, aud)
        for p in links.html_files(d):
            with open(p, "rb") as f:
                m = KIND_RE.search(f.read(4096))
            kind = m.group(1).decode() if m else "?"
            out.append((aud, os.path.relpath(p, d), p, kind))
    return out


def groups(pages):
    """(audience, kind) -> [page ids] in a stable order."""
    g = {}
    for aud, rel, _, kind in pages:
        g.setdefault((aud, kind), []).append("%s/%s" % (aud, rel))
    return dict(sorted(g.items()))


def build(content, out, cwd, *extra):
    p = ghlib.run(["build", "-c", content, "-o", out] + list(extra), cwd)
    return p


# ------------------------------------------------------------ planting

def plant(src, dst, old, new, count=1):
    """Copy src to dst with old replaced by new; old must be there."""
    with open(src, encoding="utf-8") as f:
        text = f.read()
    if isinstance(old, re.Pattern):
        text2, n = old.subn(new, text, count=count)
    else:
        n = text.count(old)
        text2 = text.replace(old, new, count)
    if n == 0:
        raise RuntimeError("plant: %r not in %s" % (old, src))
    ghlib.write(dst, text2)
    return dst


MAIN_OPEN = re.compile(r"<main\b[^>]*>")


def plant_browser(base_dir, idx):
    """Planted copies of index.html next to it; -> {id: (path, expect)}.

    expect: list of check names that must report the page, and "clean"
    for the untouched copy (must report nothing)."""
    p = {}

    def put(name, old, new, expect, count=1):
        path = plant(idx, os.path.join(base_dir, name + ".html"), old, new, count)
        p["planted/" + name] = (path, expect)

    shutil.copy(idx, os.path.join(base_dir, "clean.html"))
    p["planted/clean"] = (os.path.join(base_dir, "clean.html"), ["clean"])
    put("img-no-alt", MAIN_OPEN, lambda m: m.group(0) + '<img src="style.css" width="40" height="40">',
        ["axe-light", "axe-dark", "axe-375"])
    put("dark-contrast", "</head>",
        "<style>@media (prefers-color-scheme: dark){.lead{color:#3a3f45 !important}}</style></head>",
        ["axe-dark", "!axe-light"])
    put("svg-faint-text", MAIN_OPEN, lambda m: m.group(0) +
        '<svg viewBox="0 0 100 20" width="200" height="40" role="img" aria-label="A chart">'
        '<text x="2" y="15" fill="#d8d8d8">faint</text></svg>',
        ["axe-light:svg-contrast", "!axe-dark:svg-contrast"])
    put("wide", MAIN_OPEN, lambda m: m.group(0) + '<div style="width:900px">wide</div>',
        ["overflow-375", "!overflow-1280"])
    put("tiny-svg-text", MAIN_OPEN, lambda m: m.group(0) +
        '<svg viewBox="0 0 1000 100" width="300" height="30" role="img" aria-label="A chart">'
        '<text x="2" y="60" font-size="20" fill="#1a1a1a">tiny</text></svg>',
        ["text-375", "text-1280"])
    put("no-focus-ring", "</head>",
        "<style>:focus-visible,:focus{outline:none !important;box-shadow:none !important}</style></head>",
        ["focus-light", "focus-dark", "nav-375", "nav-1280"])
    put("no-skip-link", re.compile(r'<a class="skip-link"[^>]*>[^<]*</a>'), "",
        ["skip-375", "skip-1280"])
    put("skip-no-focus", MAIN_OPEN, '<main id="main">', ["skip-375", "skip-1280"])
    put("nav-untabbable", re.compile(r'(<nav class="site-nav"[^>]*>\s*<ul>\s*<li><a) '),
        r'\1 tabindex="-1" ', ["nav-375", "nav-1280"])
    put("script", "</body>", "<script>document.title += '!';</script></body>", ["nojs"])
    put("needs-js", re.compile(r"(<main\b[^>]*>)(.*?)(</main>)", re.S),
        lambda m: m.group(1) + '<div id="app"></div>' + m.group(3) +
        "<script>document.getElementById('app').textContent='" + "x" * 50 + "';</script>",
        ["nojs"])
    put("print-wide", "</head>",
        "<style>@media print{main{width:1400px}}</style></head>", ["print", "!overflow-1280"])
    return p


def plant_vnu(d, idx):
    shutil.copy(idx, os.path.join(d, "clean.html"))
    plant(idx, os.path.join(d, "invalid-element.html"), MAIN_OPEN,
          lambda m: m.group(0) + "<blink>old</blink>")
    plant(idx, os.path.join(d, "misnested.html"), MAIN_OPEN,
          lambda m: m.group(0) + "<p><div>block in p</div></p><span><ul><li>x</li></ul>")
    plant(idx, os.path.join(d, "duplicate-id.html"), MAIN_OPEN,
          lambda m: m.group(0) + '<p id="main">again</p>')
    return {"clean": 0, "invalid-element": 1, "misnested": 1, "duplicate-id": 1}


def plant_links(d):
    """A copy of the public tree with one broken link kind per page."""
    idx = os.path.join(d, "index.html")
    cases = {
        "missing-file": ('<a href="nowhere.html">x</a>', "no such file", True),
        "missing-fragment": ('<a href="rights.html#no-such-id">x</a>', "no id", True),
        "missing-self-fragment": ('<a href="#nothing-here">x</a>', "no id", True),
        "root-absolute": ('<a href="/index.html">x</a>', "root-absolute", True),
        "directory": ('<a href="purposes/">x</a>', "directory", False),
        "escapes-tree": ('<a href="../../../etc/passwd">x</a>', "leaves the site", True),
        "bare-hash": ('<a href="#">x</a>', "bare '#'", False),
        "javascript-url": ('<a href="javascript:alert(1)">x</a>', "javascript", True),
        "missing-css": ('<link rel="stylesheet" href="nostyle.css">', "no such file", True),
        "missing-image": ('<img src="data/none.png" alt="x">', "no such file", True),
    }
    for name, (snippet, _, _) in cases.items():
        if snippet.startswith("<link"):
            plant(idx, os.path.join(d, name + ".html"), "</head>", snippet + "</head>")
        else:
            plant(idx, os.path.join(d, name + ".html"), MAIN_OPEN,
                  lambda m, s=snippet: m.group(0) + s)
    # Pages nothing links to: the http check's orphan report; also make
    # sure "clean" (an unlinked copy) is the only other orphan.
    shutil.copy(idx, os.path.join(d, "clean.html"))
    return cases


# ------------------------------------------------------------- checkers

def run_vnu(files):
    """{abspath: [messages]} for errors; raises if vnu could not run."""
    if not shutil.which("java"):
        raise RuntimeError("java not found (make test installs default-jre-headless)")
    if not os.path.exists(VNU):
        raise RuntimeError("%s missing (run npm ci; make test does)" % VNU)
    p = subprocess.run(["java", "-Xss4m", "-jar", VNU, "--errors-only", "--format", "json"] + files,
                       capture_output=True, timeout=600, stdin=subprocess.DEVNULL)
    try:
        data = json.loads(p.stderr.decode("utf-8", "replace") or p.stdout.decode())
    except ValueError:
        raise RuntimeError("vnu said: %s" % (p.stderr or p.stdout)[:2000].decode("utf-8", "replace"))
    out = {}
    for m in data.get("messages", []):
        if m.get("type") != "error" and m.get("subType") != "fatal":
            continue
        url = m.get("url", "")
        path = url[len("file:"):] if url.startswith("file:") else url
        path = os.path.realpath(re.sub(r"^/+", "/", path))
        out.setdefault(path, []).append("%s:%s: %s" % (os.path.basename(path), m.get("lastLine", "?"),
                                                       m.get("message", "")))
    return out


def run_browser(jobpages, pdf_ids, tmp):
    job = os.path.join(tmp, "job.json")
    res = os.path.join(tmp, "result.json")
    with open(job, "w") as f:
        json.dump({"pages": [{"id": i, "path": p} for i, p in jobpages],
                   "workers": int(os.environ.get("GH_BROWSER_WORKERS", "2")),
                   "widths": [375, 1280], "pdf": pdf_ids}, f)
    t0 = time.monotonic()
    p = subprocess.run(["node", os.path.join(HERE, "check.mjs"), job, res],
                       capture_output=True, timeout=1200, stdin=subprocess.DEVNULL, cwd=TOP)
    if p.returncode != 0 or not os.path.exists(res):
        raise RuntimeError("check.mjs failed (exit %d): %s" %
                           (p.returncode, (p.stderr + p.stdout).decode("utf-8", "replace")[-3000:]))
    with open(res) as f:
        r = json.load(f)
    r["wall"] = time.monotonic() - t0
    return r


BROWSER_CHECKS = [
    ("axe-light", "axe WCAG 2 A/AA + best practices, light, 1280 px"),
    ("axe-dark", "axe WCAG 2 A/AA + best practices, dark, 1280 px"),
    ("axe-375", "axe WCAG 2 A/AA + best practices, light, 375 px"),
    ("overflow-375", "no horizontal scrolling at 375 px"),
    ("overflow-1280", "no horizontal scrolling at 1280 px"),
    ("text-375", "no text smaller than 9 px at 375 px"),
    ("text-1280", "no text smaller than 9 px at 1280 px"),
    ("skip-375", "skip link moves focus to main at 375 px"),
    ("skip-1280", "skip link moves focus to main at 1280 px"),
    ("nav-375", "navigation reachable by Tab, visible focus, at 375 px"),
    ("nav-1280", "navigation reachable by Tab, visible focus, at 1280 px"),
    ("focus-light", "every focusable element shows focus (light)"),
    ("focus-dark", "every focusable element shows focus (dark)"),
    ("nojs", "readable with JavaScript disabled, no script"),
    ("print", "fits A4 when printed"),
]


def reported(findings, spec):
    """spec "check" or "check:text" (a finding of check whose message has text)."""
    check, _, text = spec.partition(":")
    return any(f["check"] == check and text in f["msg"] for f in findings)


def diag_for(res, ids, check, limit=12):
    lines = []
    for i in ids:
        for f in res["pages"].get(i, {}).get("findings", []):
            if f["check"] in (check, "error"):
                lines.append("%s: %s%s" % (i, "" if f["check"] == check else "ERROR ",
                                           f["msg"]))
    if len(lines) > limit:
        lines = lines[:limit] + ["... %d more" % (len(lines) - limit)]
    return lines


# ----------------------------------------------------------------- main

def main():
    if not ghlib.need_binary(tap):
        return tap.done()
    tmpdir = tempfile.mkdtemp(prefix="gh-browser-")
    try:
        return suite(tmpdir)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def suite(tmp):
    cwd = os.path.join(tmp, "w")
    os.makedirs(cwd)
    # GH_EXAMPLE_SITE: the same build, made once by tests/run.py for
    # every suite that only reads it (read-only here: planted copies
    # are made elsewhere); run alone, the suite builds its own.
    site = os.environ.get("GH_EXAMPLE_SITE")
    if site and os.path.isdir(os.path.join(site, "public")):
        tap.ok(True, "the example content builds (shared build %s)" % site)
    else:
        site = os.path.join(tmp, "site")
        p = build(os.path.join(TOP, "content"), site, cwd)
        if not tap.ok(p.returncode == 0, "the example content builds", ghlib.outtext(p)):
            return tap.done()
    pages = pages_of(site)
    grp = groups(pages)
    kinds = {a: sorted({k for (aa, k) in grp if aa == a}) for a in AUDIENCES}
    tap.ok(all(kinds.values()) and "?" not in kinds["public"] + kinds["internal"],
           "pages found: %s" % "; ".join("%s %d pages (%s)" % (
               a, sum(len(v) for (aa, _), v in grp.items() if aa == a), ", ".join(kinds[a]))
               for a in AUDIENCES),
           "a page without <body class=\"page-KIND\">" if "?" in str(kinds) else None)

    # ---- no script anywhere in the output (static; any file type)
    bad = []
    for aud in AUDIENCES:
        for rel, path in ghlib.walk(os.path.join(site, aud)):
            if os.path.isfile(path) and re.search(rb"<script\b", ghlib.read_bytes(path), re.I):
                bad.append("%s/%s" % (aud, rel))
    tap.ok(not bad, "no <script> in any output file (%d pages)" % len(pages), bad[:10])

    # ---- links (file:// and http)
    for aud in AUDIENCES:
        f, n = links.check_files(os.path.join(site, aud))
        tap.ok(not f, "links from file://: %s, %d links in %d pages resolve" % (
            aud, n, sum(1 for a, *_ in pages if a == aud)), [m for _, m in f][:15])
    try:
        f, st = links.check_http({"privacy": os.path.join(site, "public"),
                                  "staff/privacy": os.path.join(site, "internal")})
        for prefix in ("privacy", "staff/privacy"):
            ff = [(w, m) for w, m in f if w.startswith("/" + prefix + "/")]
            tap.ok(not ff, "links over HTTP under /%s/: %d pages, %d linked resources fetched; "
                   "every page reachable from index.html" % ((prefix,) + st.get(prefix, (0, 0))),
                   ["%s: %s" % x for x in ff][:15])
        rest = [x for x in f if not x[0].startswith(("/privacy/", "/staff/privacy/"))]
        if rest:
            tap.ok(False, "link crawl", ["%s: %s" % x for x in rest][:10])
    except Exception as e:  # server did not start
        tap.ok(False, "links over HTTP", str(e))

    # ---- negative: link checkers
    neg = os.path.join(tmp, "neg-links")
    shutil.copytree(os.path.join(site, "public"), neg)
    cases = plant_links(neg)
    f, _ = links.check_files(neg)
    byfile = {}
    for w, m in f:
        byfile.setdefault(w, []).append(m)
    missed = [n for n, (_, why, _) in cases.items()
              if not any(why in m for m in byfile.get(n + ".html", []))]
    extra = sorted(w for w in byfile if w[:-5] not in cases)
    tap.ok(not missed and not extra,
           "link checker (file://) reports every planted broken link (%d kinds) and nothing else"
           % len(cases), ["missed: %s" % missed, "unexpected: %s" % extra, str(byfile)[:1500]])
    try:
        f, _ = links.check_http({"privacy": neg})
        byfile = {}
        for w, m in f:
            byfile.setdefault(w.split("/")[-1], []).append(m)
        http_cases = {n: c for n, c in cases.items() if c[2]}
        missed = [n for n in http_cases if n + ".html" not in byfile]
        # A directory link and "#" work over HTTP (the first) or are
        # only flagged as bad values (the second): see cases[n][2].
        orphan = [w for w, ms in byfile.items() if any("no link leads here" in m for m in ms)]
        tap.ok(not missed and "clean.html" in orphan and "directory.html" in byfile
               and not any("answers HTTP" in m or "outside" in m for m in byfile.get("directory.html", [])),
               "link checker (HTTP /privacy/) reports planted root-absolute, missing file, "
               "missing fragment and unlinked pages; a directory link works there",
               ["missed: %s" % missed, "orphans: %s" % orphan, str(byfile)[:1500]])
    except Exception as e:
        tap.ok(False, "link checker (HTTP) negative test", str(e))

    # ---- vnu
    vdir = os.path.join(tmp, "neg-vnu")
    os.makedirs(vdir)
    idx = os.path.join(site, "public", "index.html")
    vexpect = plant_vnu(vdir, idx)
    all_html = [pp for _, _, pp, _ in pages]
    try:
        v = run_vnu(all_html + [os.path.join(vdir, n + ".html") for n in vexpect])
        for (aud, kind), ids in grp.items():
            errs = []
            for i in ids:
                errs += v.get(os.path.realpath(os.path.join(site, i)), [])
            tap.ok(not errs, "Nu HTML Checker: %s %s: %d pages, 0 errors" % (aud, kind, len(ids)),
                   errs[:10])
        got = {n: len(v.get(os.path.realpath(os.path.join(vdir, n + ".html")), [])) for n in vexpect}
        tap.ok(all((got[n] > 0) == (e > 0) for n, e in vexpect.items()),
               "Nu HTML Checker reports planted invalid element, misnesting and duplicate id; "
               "not the clean copy", str(got))
    except Exception as e:
        tap.ok(False, "Nu HTML Checker ran", str(e))

    # ---- theme override (no browser needed)
    theme_tests(tmp, cwd)

    # ---- browser
    if not chromium():
        loud("CHROMIUM COULD NOT BE INSTALLED: axe, keyboard, focus, no-JS and print checks "
             "DID NOT RUN (apt-get install chromium)")
        tap.skip("browser checks (axe light/dark, keyboard, focus, overflow, no-JS, print)",
                 "!!! NO CHROMIUM: tools/deps.sh could not install Debian's chromium; "
                 "accessibility checks DID NOT RUN !!!")
        return tap.done()
    if not os.path.isdir(os.path.join(NODE_MODULES, "playwright-core")):
        tap.ok(False, "node_modules installed", "run `npm ci` (make test does it)")
        return tap.done()
    bdir = os.path.join(tmp, "planted-site")
    shutil.copytree(os.path.join(site, "public"), bdir)
    planted = plant_browser(bdir, os.path.join(bdir, "index.html"))
    jobpages = [("%s/%s" % (a, r), pp) for a, r, pp, _ in pages]
    jobpages += [(i, pp) for i, (pp, _) in planted.items()]
    pdf_ids = []
    for (aud, kind), ids in grp.items():
        if PDF_KINDS.match(kind):
            pdf_ids.append(ids[0])
    try:
        res = run_browser(jobpages, pdf_ids, tmp)
    except Exception as e:
        tap.ok(False, "browser checks ran", str(e))
        return tap.done()
    print("# browser: %d pages in %.0f s (check.mjs %.0f s)" % (len(jobpages), res["wall"], res["seconds"]))
    errs = diag_for(res, [i for i, _ in jobpages], "error")
    tap.ok(not errs, "browser: every page loaded and every check ran", errs)
    for check, label in BROWSER_CHECKS:
        for (aud, kind), ids in grp.items():
            tap.ok(not diag_for(res, ids, check), "%s: %s %s (%d pages)" % (label, aud, kind, len(ids)),
                   diag_for(res, ids, check))
    kinds_seen = {(a, res["pages"]["%s/%s" % (a, r)]["kind"]) for a, r, _, _ in pages}
    tap.ok(kinds_seen == set(grp), "the browser saw every page type of both audiences",
           "%s vs %s" % (sorted(kinds_seen), sorted(grp)))
    pdfs = {i: res["pages"][i].get("pdfBytes", 0) for i in pdf_ids}
    tap.ok(all(pdfs.values()), "page.pdf() renders A4 PDFs of %s" % ", ".join(sorted(pdfs)), str(pdfs))

    # negative: every planted problem reported by the check meant to see it
    for pid, (_, expect) in sorted(planted.items()):
        fl = res["pages"][pid]["findings"]
        found = {f["check"] for f in fl}
        if expect == ["clean"]:
            tap.ok(not found, "planted control (untouched copy) passes every browser check",
                   diag_for(res, [pid], "error") + [str(res["pages"][pid]["findings"])[:1500]])
            continue
        want = [c for c in expect if not c.startswith("!")]
        unwanted = [c[1:] for c in expect if c.startswith("!")]
        ok = all(reported(fl, c) for c in want) and not any(reported(fl, c) for c in unwanted)
        tap.ok(ok, "planted %s: reported by %s%s" % (
            pid.split("/")[1], ", ".join(want),
            (" (not by %s)" % ", ".join(unwanted)) if unwanted else ""),
            "got: %s" % json.dumps(res["pages"][pid]["findings"])[:2000])
    return tap.done()


def theme_tests(tmp, cwd):
    """A site theme overriding style.css and footer.tpl only."""
    content = os.path.join(tmp, "theme-content")
    shutil.copytree(os.path.join(TOP, "content"), content)
    css = "/* SITE-THEME-CSS */\nbody { font-family: serif; }\n"
    footer = ('{{%AUTOESCAPE context="HTML"}}\n'
              '<footer class="site-footer"><p>SITE-THEME-FOOTER {{ORG_NAME}}</p></footer>\n')
    for d, mark in ((os.path.join(content, "brand"), "IN-CONTENT"),
                    (os.path.join(tmp, "cli-theme"), "FROM-CLI")):
        ghlib.write(os.path.join(d, "static", "style.css"), css.replace("SITE-THEME", mark))
        ghlib.write(os.path.join(d, "templates", "footer.tpl"), footer.replace("SITE-THEME", mark))
    with open(os.path.join(content, "site.yaml"), "a") as f:
        f.write("\ntheme: brand\n")

    def check(out, mark, label):
        bad = []
        for aud in AUDIENCES:
            d = os.path.join(out, aud)
            with open(os.path.join(d, "style.css")) as f:
                if not f.read().startswith("/* %s-CSS */" % mark):
                    bad.append("%s/style.css is not the theme's" % aud)
            for pp in links.html_files(d):
                t = ghlib.read_bytes(pp).decode()
                if "%s-FOOTER" % mark not in t:
                    bad.append("%s: theme footer missing" % pp)
                if "Skip to main content" not in t or "site-header" not in t:
                    bad.append("%s: default layout/header not used" % pp)
                if 'class="site-footer"><div' in t:
                    bad.append("%s: default footer used" % pp)
        tap.ok(not bad, "theme override via %s: style.css and footer.tpl from the site theme, "
               "other templates from the default theme" % label, bad[:10])

    o1 = os.path.join(tmp, "theme-out1")
    p = build(content, o1, cwd)
    if tap.ok(p.returncode == 0, "build with theme: brand in site.yaml", ghlib.outtext(p)):
        check(o1, "IN-CONTENT", "`theme: brand` in site.yaml (relative to the content dir)")
    o2 = os.path.join(tmp, "theme-out2")
    p = build(content, o2, cwd, "--theme", os.path.join(tmp, "cli-theme"))
    if tap.ok(p.returncode == 0, "build with --theme", ghlib.outtext(p)):
        check(o2, "FROM-CLI", "--theme DIR (wins over site.yaml)")


if __name__ == "__main__":
    sys.exit(main())
