#!/usr/bin/env python3
"""Golden end-to-end cases: build tests/golden/<case>/content and compare
the whole output tree (file list, then bytes) with tests/golden/<case>/
expected/, and the build's exit status, stdout and stderr with
tests/golden/<case>/build.log.

A case may hold a file 'epoch' with the SOURCE_DATE_EPOCH to build with;
without it the variable is unset (then no page may show a date).

    golden.py            compare (TAP)
    golden.py --update   rewrite expected/ and build.log (tests/golden/update.sh)
"""
import difflib
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ghlib  # noqa: E402

GOLDEN = os.path.join(ghlib.TOP, "tests", "golden")


def cases():
    return sorted(d for d in os.listdir(GOLDEN)
                  if os.path.isdir(os.path.join(GOLDEN, d, "content")))


def build(case, tmp):
    src = os.path.join(GOLDEN, case)
    shutil.copytree(os.path.join(src, "content"), os.path.join(tmp, "content"))
    epoch = None
    if os.path.exists(os.path.join(src, "epoch")):
        epoch = ghlib.read_bytes(os.path.join(src, "epoch")).decode().strip()
    p = ghlib.run(["build", "-c", "content", "-o", "out"], tmp, epoch=epoch)
    log = ("exit %d\n--- stdout\n%s--- stderr\n%s" %
           (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace")))
    return p, log, os.path.join(tmp, "out")


def entries(root):
    """Sorted 'relpath' (files) and 'relpath/' (directories) under root."""
    out = []
    for rel, p in ghlib.walk(root):
        if os.path.islink(p):
            out.append(rel + " -> " + os.readlink(p))
        elif os.path.isdir(p):
            out.append(rel + "/")
        else:
            out.append(rel)
    return out


def udiff(a, b, name_a, name_b, limit=60):
    try:
        la = a.decode("utf-8").splitlines(True)
        lb = b.decode("utf-8").splitlines(True)
    except UnicodeDecodeError:
        return "binary files differ (%d vs %d bytes)" % (len(a), len(b))
    d = list(difflib.unified_diff(la, lb, name_a, name_b, n=2))
    if len(d) > limit:
        d = d[:limit] + ["... (%d more diff lines)\n" % (len(d) - limit)]
    return "".join(d)


def required(case, out):
    """Problems with tests/golden/<case>/required against the tree out."""
    path = os.path.join(GOLDEN, case, "required")
    if not os.path.exists(path):
        return []
    bad = []
    for line in ghlib.read_bytes(path).decode().split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        neg = line.startswith("!")
        rel = line.lstrip("!")
        p = os.path.join(out, rel)
        if rel.endswith("/"):
            there = os.path.isdir(p) and bool(os.listdir(p))
        else:
            there = os.path.isfile(p)
        if there == neg:
            bad.append(("present, must not be: " if neg else "missing: ") + rel)
    return bad


def today_spellings():
    """Today's date as a page might show it (for builds without
    SOURCE_DATE_EPOCH, which must show no build date at all)."""
    t = time.gmtime()
    month = time.strftime("%B", t)
    return [time.strftime("%Y-%m-%d", t), "%d %s %d" % (t.tm_mday, month, t.tm_year),
            "%s %d, %d" % (month, t.tm_mday, t.tm_year)]


# The style sheet is the theme's, copied verbatim: expected/ keeps a
# placeholder and the output is compared with the theme file itself, so a
# CSS change does not mean re-recording every golden tree.
THEME_CSS = os.path.join(ghlib.TOP, "themes", "default", "static", "style.css")
CSS_PLACEHOLDER = "compared with themes/default/static/style.css (tests/e2e/golden.py)\n"


def expected_file(exp, rel):
    if os.path.basename(rel) == "style.css":
        return THEME_CSS
    return os.path.join(exp, rel)


def compare(tap, case):
    with ghlib.TempDir("gh-golden-") as tmp:
        p, log, out = build(case, tmp)
        exp = os.path.join(GOLDEN, case, "expected")
        explog = os.path.join(GOLDEN, case, "build.log")
        tap.ok(p.returncode == 0, "%s: build exits 0" % case, ghlib.outtext(p))
        if os.path.exists(os.path.join(GOLDEN, case, "required")):
            bad = required(case, out)
            tap.ok(not bad, "%s: output has every page the contract requires" % case,
                   "\n".join(bad))
        if not os.path.exists(os.path.join(GOLDEN, case, "epoch")) and os.path.isdir(out):
            days = today_spellings()
            shown = [rel for rel in ghlib.files(out)
                     if any(d.encode() in ghlib.read_bytes(os.path.join(out, rel)) for d in days)]
            tap.ok(not shown, "%s: without SOURCE_DATE_EPOCH no file shows today's date" % case,
                   "found in: " + ", ".join(shown[:10]))
        if not tap.ok(os.path.isdir(exp), "%s: expected tree exists" % case,
                      "run tests/golden/update.sh and review the output"):
            return
        if os.path.exists(explog):
            want = ghlib.read_bytes(explog).decode("utf-8")
            tap.ok(log == want, "%s: exit status, stdout and stderr match build.log"
                   % case, udiff(want.encode(), log.encode(), "build.log", "got"))
        got_list, want_list = entries(out) if os.path.isdir(out) else [], entries(exp)
        tap.ok(got_list == want_list, "%s: file list matches (%d entries)"
               % (case, len(want_list)),
               "".join(difflib.unified_diff([x + "\n" for x in want_list],
                                            [x + "\n" for x in got_list],
                                            "expected", "got", n=1)))
        first = None
        ndiff = 0
        for rel in want_list:
            if rel.endswith("/") or " -> " in rel or rel not in got_list:
                continue
            a = ghlib.read_bytes(expected_file(exp, rel))
            b = ghlib.read_bytes(os.path.join(out, rel))
            if a != b:
                ndiff += 1
                if first is None:
                    first = "%s differs:\n%s" % (rel, udiff(
                        a, b, "expected/" + rel, "got/" + rel))
        tap.ok(ndiff == 0, "%s: every file has the expected bytes" % case,
               first and ("%d file(s) differ; first: %s" % (ndiff, first)))


def update():
    for case in cases():
        with ghlib.TempDir("gh-golden-") as tmp:
            p, log, out = build(case, tmp)
            exp = os.path.join(GOLDEN, case, "expected")
            if p.returncode != 0:
                print("%s: build failed, expected tree NOT updated\n%s" % (case, log))
                return 1
            for b in required(case, out):
                print("%s: warning: %s (see tests/golden/%s/required)" % (case, b, case))
            shutil.rmtree(exp, ignore_errors=True)
            shutil.copytree(out, exp, symlinks=True)
            for rel in ghlib.files(exp):
                if os.path.basename(rel) == "style.css":
                    ghlib.write(os.path.join(exp, rel), CSS_PLACEHOLDER)
            ghlib.write(os.path.join(GOLDEN, case, "build.log"), log)
            n = len(ghlib.files(exp))
            print("%s: %d files in %s" % (case, n, os.path.relpath(exp, ghlib.TOP)))
    print("Now review the output by eye (git diff --stat tests/golden; open the\n"
          "pages in a browser) before you commit it: golden files that record a\n"
          "bug make the bug permanent.")
    return 0


def main():
    if sys.argv[1:] == ["--update"]:
        return update()
    tap = ghlib.Tap()
    if ghlib.need_binary(tap):
        for case in cases():
            compare(tap, case)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
