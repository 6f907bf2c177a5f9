#!/usr/bin/env python3
"""Leak test: the public build is a strict subset (content-format section 3).

tests/fixtures/leak/content carries a unique canary in every internal
field and every internal entity (ids, file names, note keys included).
The canaries are collected from the fixture itself (every word starting
with "canary-" or "canary_", in file contents and file names), plus the
internal review_by dates. After a build with --audience all:

- no trace of any canary may appear in any file (or file name) under
  public/: checked as bytes, case-insensitively, with dashes and
  underscores removed or turned into spaces, after HTML-entity, URL and
  JSON-escape decoding;
- every canary must appear under internal/, so the canaries are real and
  a test that finds nothing means something.

Then the checker is shown able to fail: an internal page copied into a
public tree, and a variant build with canaries planted in public fields.
"""
import html
import os
import re
import shutil
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ghlib  # noqa: E402

FIXTURE = os.path.join(ghlib.FIXTURES, "leak", "content")

# Internal values that cannot carry a canary word: review_by dates.
# name -> spellings to look for (any spelling counts).
EXTRA = {
    "review_by 2031-07-19": ["2031-07-19", "19 july 2031", "july 19, 2031",
                             "19/07/2031", "07/19/2031"],
    "review_by 2032-01-01": ["2032-01-01", "1 january 2032", "january 1, 2032",
                             "01/01/2032"],
    "review_by 2033-01-01": ["2033-01-01", "1 january 2033", "january 1, 2033",
                             "01/01/2033"],
}


def collect_canaries(root):
    found = set()
    rx = re.compile(r"canary[-_][-_a-z0-9]*[a-z0-9]", re.I)
    for rel in ghlib.files(root):
        found.update(rx.findall(rel))
        found.update(rx.findall(ghlib.read_bytes(os.path.join(root, rel)).decode("utf-8")))
    return sorted(found)


def spellings(canary):
    c = canary.lower()
    out = {c}
    for sep in "-_":
        out.add(c.replace(sep, ""))
        out.add(c.replace(sep, " "))
    out.add(re.sub(r"[-_]", "", c))
    out.add(re.sub(r"[-_]", " ", c))
    return sorted(out)


def _json_unescape(text):
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def views(rel, data):
    """Every decoding of a file we search: raw, entities, URL, JSON."""
    t = data.decode("utf-8", "replace")
    vs = [rel, t, html.unescape(t), urllib.parse.unquote(t),
          _json_unescape(t), html.unescape(urllib.parse.unquote(t)),
          urllib.parse.unquote(html.unescape(t))]
    return [v.lower() for v in vs]


def search(root, wanted):
    """wanted: name -> spellings. Returns name -> [relpath, ...] of hits."""
    hits = {}
    for rel in ghlib.files(root):
        vs = views(rel, ghlib.read_bytes(os.path.join(root, rel)))
        for name, sp in wanted.items():
            if any(s in v for s in sp for v in vs):
                hits.setdefault(name, []).append(rel)
    return hits


def wanted_all(canaries):
    w = {c: spellings(c) for c in canaries}
    w.update(EXTRA)
    return w


def build(tmp, content_src, out="out", audience="all"):
    shutil.copytree(content_src, os.path.join(tmp, "content"))
    return ghlib.run(["build", "-c", "content", "-o", out, "--audience", audience], tmp)


def main():
    tap = ghlib.Tap()
    if not ghlib.need_binary(tap):
        return tap.done()
    canaries = collect_canaries(FIXTURE)
    tap.ok(len(canaries) >= 50, "fixture carries %d canaries" % len(canaries))
    clash = [(a, b) for a in canaries for b in canaries
             if a != b and a.lower() in b.lower()]
    tap.ok(not clash, "no canary is part of another (each presence check is real)",
           "\n".join("%s is inside %s" % c for c in clash))
    wanted = wanted_all(canaries)

    with ghlib.TempDir("gh-leak-") as tmp:
        p = build(tmp, FIXTURE)
        if not tap.ok(p.returncode == 0, "build --audience all exits 0", ghlib.outtext(p)):
            return tap.done()
        pub = os.path.join(tmp, "out", "public")
        internal = os.path.join(tmp, "out", "internal")
        tap.ok(os.path.isfile(os.path.join(pub, "index.html")), "public/index.html exists")
        tap.ok(len(ghlib.files(internal)) > len(ghlib.files(pub)),
               "internal/ has more files than public/")

        pub_hits = search(pub, wanted)
        int_hits = search(internal, wanted)
        for name in sorted(wanted):
            tap.ok(name not in pub_hits, "no trace of %s under public/" % name,
                   "found in: " + ", ".join(pub_hits.get(name, [])[:8]))
        for name in sorted(wanted):
            tap.ok(name in int_hits, "%s is shown under internal/" % name,
                   "the canary appears in no internal file: the leak test for it "
                   "proves nothing (or the internal site drops the field)")

        # A public-only build gives the very same public tree.
        q = ghlib.run(["build", "-c", "content", "-o", "pubonly", "--audience", "public"], tmp)
        tap.ok(q.returncode == 0, "build --audience public exits 0", ghlib.outtext(q))
        po = os.path.join(tmp, "pubonly")
        tap.ok(not os.path.exists(os.path.join(po, "internal")),
               "--audience public writes no internal/")
        a, b = ghlib.snapshot(pub), ghlib.snapshot(os.path.join(po, "public"))
        tap.ok({k: v[:2] for k, v in a.items()} == {k: v[:2] for k, v in b.items()},
               "--audience public gives the same public/ as --audience all",
               ghlib.snap_diff(a, b, fields=(0, 1)))

        # The checker can fail (1): an internal page copied into public/.
        fake = os.path.join(tmp, "fake-public")
        shutil.copytree(pub, fake)
        src = os.path.join(internal, "systems", "canary-internal-system-id.html")
        if os.path.exists(src):
            shutil.copy(src, os.path.join(fake, "stray.html"))
        h = search(fake, wanted)
        tap.ok("CANARY-INTERNAL-SYSTEM-NAME" in h and "canary-internal-system-id" in h,
               "checker flags an internal page copied into public/",
               "hits: %s" % sorted(h))

    # The checker can fail (2): canaries planted in public fields, one as
    # written, one with its dashes removed, one lowercased with spaces,
    # one as an HTML entity-escaped string inside Markdown.
    with ghlib.TempDir("gh-leak-") as tmp:
        variant = os.path.join(tmp, "variant")
        shutil.copytree(FIXTURE, variant)
        path = os.path.join(variant, "purposes", "orders.md")
        text = ghlib.read_bytes(path).decode()
        text = text.replace(
            "summary: We use your email address to tell you when your tea ships.",
            "summary: We use CANARY-PURPOSE-INTERNAL-NOTES to tell you.")
        text = text.replace("benefit: You know when your tea arrives.",
                            "benefit: You know CANARYSYSTEMINTERNALNOTES.")
        text = text.replace("We email you when your order ships.",
                            "We email you (canary member name one) &#67;ANARY-SITE-INTERNAL-NOTES.")
        ghlib.write(path, text)
        p = build(tmp, variant)
        tap.ok(p.returncode == 0, "variant with canaries in public fields builds",
               ghlib.outtext(p))
        h = search(os.path.join(tmp, "out", "public"), wanted)
        for planted in ("CANARY-PURPOSE-INTERNAL-NOTES", "CANARY-SYSTEM-INTERNAL-NOTES",
                        "CANARY-MEMBER-NAME-ONE", "CANARY-SITE-INTERNAL-NOTES"):
            tap.ok(planted in h, "checker catches %s planted in a public field" % planted,
                   "hits: %s" % sorted(h))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
