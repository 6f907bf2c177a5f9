#!/usr/bin/env python3
"""mkseeds.py OUTDIR - seed corpora for the fuzz targets.

Seeds come from the example content (content/) and from every hostile
case tree (tests/cases/*.case, materialised as cases.py does), plus a
few hand-written strings per grammar. Writes OUTDIR/<target>/<name>.
Files over 64 KiB are left out (the fuzzers mutate small inputs).
"""
import hashlib
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(TOP, "tests", "e2e"))
import cases  # noqa: E402

MAX = 65536
SINGLES = ["site.yaml", "recipients.yaml", "categories.yaml", "committee/members.yaml"]
DIRS = ["inventory", "purposes", "pages", "reports", "committee/decisions"]

PARSER_SEEDS = [
    "30 days", "1 day", "6 years after last order", "2 weeks after the event",
    "12 months", "until you close your account", "until", "0 days",
    "2147483647 years", "2147483648 years", "-1 days", "1.5 years",
    "2026-02-28", "2024-02-29", "2026-02-30", "2026-13-01", "0000-01-01",
    "9999-12-31", "2026-06", "2026", "2026-Q1", "2026-Q5", "2026-00",
]

MD_SEEDS = [
    "*a **a b a** a*", "a_ a_ a_", "_a _a _a", "a]a]a]", "[a[a[a",
    "*a_ *a_ ", "a**bc* c* c* ", "[ a_[ a_", "[ (](", "![[]()![[]()",
    "**x [a*b**c*](d)", "[[[a]]]", "> > > a", "* a\n  * a\n    * a\n",
    "e`e``e```", "[a](<b[a](<b", "[a](b[a](b", "</<!--<!--",
    "[1]: u\n[2]: u\n[0] [0]", ">>>a*a*a*", "***a***", "- - - x\n\n\n",
    "<><>", "x<?<?", "x<![CDATA[<![CDATA[", "\\``\\``", "* * * a",
    "[[]]\n\n[a]: /b", "[t](/u) [t](/u)", "<script>alert(1)</script>",
    "<a href=x onclick=y>", "[x](javascript:alert(1))", "[x](JaVaScRiPt:x)",
    "[x](&#106;avascript:x)", "[x](java\tscript:x)", "[x](vbscript:x)",
    "[x](data:text/html,x)", "![x](file:///etc/passwd)", "[x](//evil.example/)",
    "<javascript:alert(1)>", "[x]\n\n[x]: javascript:y",
]


def tree_files(root):
    out = []
    for d, _, fs in os.walk(root):
        for f in fs:
            p = os.path.join(d, f)
            if os.path.isfile(p):	# not FIFOs, devices (content-fifo.case)
                out.append((os.path.relpath(p, root), p))
    return sorted(out)


def as_check_input(root):
    parts = []
    for rel, p in tree_files(root):
        if rel not in SINGLES and os.path.dirname(rel) not in DIRS:
            continue
        with open(p, "rb") as f:
            data = f.read()
        if len(data) > MAX:
            continue
        parts.append(b"%%% " + os.fsencode(rel) + b"\n" + data)
    return b"\n".join(parts)


def save(out, target, data):
    if len(data) > MAX:
        return
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def seed_tree(out, root):
    for rel, p in tree_files(root):
        with open(p, "rb") as f:
            data = f.read()
        if rel.endswith(".yaml"):
            save(out, "yml", data)
            for m in re.finditer(rb"(?:retention|date|review_by|period|when): *([^\n]*)", data):
                save(out, "parsers", m.group(1).strip().strip(b"'\""))
        elif rel.endswith(".md"):
            save(out, "frontmatter", data)
            body = re.split(rb"^---\s*$", data, maxsplit=2, flags=re.M)
            save(out, "markdown", body[-1])
    save(out, "check", as_check_input(root))


def main():
    out = sys.argv[1]
    shutil.rmtree(out, ignore_errors=True)
    seed_tree(out, os.path.join(TOP, "content"))
    for f in sorted(os.listdir(cases.CASES)):
        if not f.endswith(".case"):
            continue
        case = cases.parse(os.path.join(cases.CASES, f))
        # generated files are big patterns: small versions are in MD_SEEDS
        case["ops"] = [op for op in case["ops"] if op[0] != "python"]
        tmp = tempfile.mkdtemp(prefix="gh-seed-")
        try:
            try:
                cases.materialise(case, tmp)
            except OSError:
                continue
            seed_tree(out, os.path.join(tmp, "content"))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    for s in PARSER_SEEDS:
        save(out, "parsers", s.encode())
    for s in MD_SEEDS:
        save(out, "markdown", s.encode())
    # a dictionary of the format's words for the check and yml targets
    words = set()
    for rel, p in tree_files(os.path.join(TOP, "content")):
        with open(p, "rb") as f:
            for m in re.finditer(rb"^[ -]*([a-z_]+):", f.read(), re.M):
                words.add(m.group(1) + b":")
    words |= {b"\n%%% " + d.encode() + b"/" for d in DIRS}
    words |= {b"\n%%% " + s.encode() + b"\n" for s in SINGLES}
    words |= {b"---\n", b"&a ", b"*a", b"!!str ", b"<<: ", b"? ", b"- ", b"[", b"{"}
    with open(os.path.join(out, "content.dict"), "w") as f:
        for w in sorted(words):
            f.write('"%s"\n' % "".join(chr(c) if 32 <= c < 127 and c not in b'"\\'
                                         else "\\x%02x" % c for c in w))
    for t in sorted(os.listdir(out)):
        if not os.path.isdir(os.path.join(out, t)):
            continue
        print("%-12s %d seeds" % (t, len(os.listdir(os.path.join(out, t)))))


if __name__ == "__main__":
    main()
