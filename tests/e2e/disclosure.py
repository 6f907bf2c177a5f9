#!/usr/bin/env python3
"""Disclosure test: published report figures follow content-format
section 5, checked from the outside, independently of disclose.c.

The content is generated here (seeded, so every run is the same): the
minimal base tree plus public report series full of small counts -
monthly, quarterly and yearly, zeros, groups missing in some periods,
one series with nothing but small counts, one with a single cell - and
an internal series whose figures must not reach public/ at all. It is
built twice, with the default rules (min_count 10, round_to 5) and with
min_count 8, round_to 1 (no rounding: the subtraction attack at its
strongest).

For every public series, from public/reports/<id>.csv and the "reports"
member of public/inventory.json:
- a true count from 1 to N-1 reads "fewer than N", a zero "0", any
  other count its rounded value (halves up, never below N) or
  "withheld"; totals likewise, from the true sums; JSON says the same;
- the subtraction attack: no row, column, row of totals or column of
  totals has exactly one hidden figure;
- the linear-algebra attack: with every published figure taken as
  exact, no hidden figure is determined (exact rational elimination);
and from the HTML pages (report pages and the reports index): every
number a reader can see, in text or in any attribute but SVG geometry,
is a published figure, a threshold or a year - an allow-list, where the
generator's own guard uses a deny-list. No trace of the internal series
anywhere under public/.

Then the checkers are shown able to fail (the internal pages hold exact
figures and are flagged; a figure planted in a public page is flagged),
and the generator's guard is shown at work: a site theme that prints an
exact figure in a data attribute (tests/fixtures/disclosure/leaky-theme)
makes the build exit 1 with the position of the figure, and leaves the
previous output byte for byte as it was.
"""
import csv
import html.parser
import io
import json
import os
import random
import re
import shutil
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ghlib  # noqa: E402

BASE = os.path.join(ghlib.TOP, "tests", "cases", "base", "minimal")
LEAKY = os.path.join(ghlib.FIXTURES, "disclosure", "leaky-theme")
EPOCH = 1791936000
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

tap = ghlib.Tap()


# --------------------------------------------------------------------
# Content

def gen_series(rng, periods, groups, p_zero=0.15, p_missing=0.05, p_small=0.45,
               small_max=9):
    out = []
    for p in periods:
        cells = {}
        for g in groups:
            x = rng.random()
            if x < p_missing:
                continue
            if x < p_missing + p_zero:
                cells[g] = 0
            elif x < p_missing + p_zero + p_small:
                cells[g] = rng.randint(1, small_max)
            else:
                cells[g] = rng.randint(10, 400)
        if not cells:
            cells[groups[0]] = rng.randint(1, small_max)
        out.append((p, cells))
    return out


def series_yaml(title, audience, by, series, kind="requests"):
    lines = ["title: %s" % title, "audience: %s" % audience,
             "kind: %s" % kind, "measure: requests received", "by: %s" % by,
             "periods:"]
    for p, cells in series:
        lines.append("  %s: {%s}" % (p, ", ".join("%s: %d" % kv for kv in cells.items())))
    return "\n".join(lines) + "\n"


def make_content(root, min_count, round_to):
    rng = random.Random(20261014 + min_count * 100 + round_to)
    shutil.copytree(BASE, root)
    with open(os.path.join(root, "site.yaml"), "a", encoding="utf-8") as f:
        f.write("disclosure: {min_count: %d, round_to: %d}\n" % (min_count, round_to))
    truth = {}
    months = ["2026-%02d" % m for m in range(1, 13)]
    quarters = ["%d-Q%d" % (y, q) for y in (2024, 2025) for q in (1, 2, 3, 4)]
    years = [str(y) for y in range(2019, 2026)]
    small = min_count - 1
    specs = {
        "monthly": (months, ["care", "sales", "ops", "it", "hr", "legal"], {}),
        "quarterly": (quarters, ["access", "erasure", "objection", "rectification"], {}),
        "yearly": (years, ["police", "hmrc", "court-order"], {"p_small": 0.6}),
        "all-small": (quarters[:4], ["a", "b", "c"], {"p_small": 1.0, "p_zero": 0, "p_missing": 0}),
        "zeros": (months[:6], ["x", "y", "z"], {"p_zero": 0.5, "p_missing": 0.15}),
        "single": (["2026"], ["only"], {"p_small": 1.0, "p_zero": 0, "p_missing": 0}),
    }
    for rid, (periods, groups, kw) in sorted(specs.items()):
        s = gen_series(rng, periods, groups, small_max=small, **kw)
        truth[rid] = s
        ghlib.write(os.path.join(root, "reports", rid + ".yaml"),
                    series_yaml("Series %s" % rid, "public", "type", s))
    # the series the leaky theme copies a figure from (avon 2025 = 7)
    police = [("2025", {"avon": 7, "devon": 31, "wilts": 0}),
              ("2026", {"avon": 12, "devon": 28, "wilts": 3})]
    truth["police"] = police
    ghlib.write(os.path.join(root, "reports", "police.yaml"),
                series_yaml("Requests from the police", "public", "force", police))
    internal = gen_series(rng, months[:3], ["canary-team-one", "canary-team-two"],
                          small_max=small)
    ghlib.write(os.path.join(root, "reports", "canary-internal.yaml"),
                series_yaml("CANARY-INTERNAL-SERIES", "internal", "person", internal,
                            kind="access"))
    return truth


# --------------------------------------------------------------------
# The rules, written again from the contract

def rounded(v, n, r):
    if r <= 1:
        return v
    q = (v + r // 2) // r * r
    if q < n:
        q = (n + r - 1) // r * r
    return q


def true_table(series):
    """(groups, matrix with margins): rows = periods + totals row."""
    groups = []
    for _, cells in series:
        for g in cells:
            if g not in groups:
                groups.append(g)
    R, C = len(series), len(groups)
    t = [[0] * (C + 1) for _ in range(R + 1)]
    missing = set()
    for i, (_, cells) in enumerate(series):
        for j, g in enumerate(groups):
            if g not in cells:
                missing.add((i, j))
                continue
            v = cells[g]
            t[i][j] = v
            t[i][C] += v
            t[R][j] += v
            t[R][C] += v
    return groups, t, missing


def parse_csv(data):
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    return rows


def check_series(rid, series, rows, jrep, n, r):
    """Problems with one public series (CSV rows and its JSON object)."""
    probs = []
    groups, t, missing = true_table(series)
    R, C = len(series), len(groups)
    if rows[0] != ["period"] + groups + ["total"]:
        return ["%s: CSV header %r" % (rid, rows[0])]
    if len(rows) != R + 2:
        return ["%s: CSV has %d rows, want %d" % (rid, len(rows), R + 2)]
    hidden = set()
    for i in range(R + 1):
        label = series[i][0] if i < R else "total"
        if rows[i + 1][0] != label:
            probs.append("%s: row %d is %r, want %r" % (rid, i + 1, rows[i + 1][0], label))
        for j in range(C + 1):
            got, v = rows[i + 1][j + 1], t[i][j]
            where = "%s (%s, %s)" % (rid, label, groups[j] if j < C else "total")
            if (i, j) in missing:
                if got != "":
                    probs.append("%s: missing cell shows %r" % (where, got))
                continue
            if 1 <= v < n:
                want = ["fewer than %d" % n]
            elif v == 0:
                want = ["0"]
            else:
                want = [str(rounded(v, n, r)), "withheld"]
            if got not in want:
                probs.append("%s: true %d published as %r, want %s" % (where, v, got, " or ".join(map(repr, want))))
            if got.startswith("fewer") or got == "withheld":
                hidden.add((i, j))
            # JSON: the same figure
            jrow = jrep["periods"][i] if i < R else jrep["totals"]
            jc = jrow["counts"][j] if j < C else jrow["total"]
            js = jrow["shown"][j] if j < C else jrow["total_shown"]
            if got.isdigit():
                if jc != int(got) or js.replace(",", "") != got:
                    probs.append("%s: JSON %r/%r, CSV %r" % (where, jc, js, got))
            elif jc is not None or (got and js != got):
                probs.append("%s: JSON %r/%r, CSV %r" % (where, jc, js, got))
    # the subtraction attack: a line with exactly one hidden figure
    for i in range(R + 1):
        k = [j for j in range(C + 1) if (i, j) in hidden]
        if len(k) == 1:
            probs.append("%s: row %d has one hidden figure: total minus the "
                         "others gives it" % (rid, i))
    for j in range(C + 1):
        k = [i for i in range(R + 1) if (i, j) in hidden]
        if len(k) == 1:
            probs.append("%s: column %d has one hidden figure" % (rid, j))
    # the linear-algebra attack
    det = determined(R, C, hidden)
    if det is not None:
        probs.append("%s: hidden figure %r is determined by the published "
                     "ones" % (rid, det))
    return probs, hidden, t


def determined(R, C, hidden):
    """A hidden entry fixed by the line equations, or None. Unknowns are
    the hidden entries; each line says cells - total = published rest."""
    unk = sorted(hidden)
    if not unk:
        return None
    col = {e: k for k, e in enumerate(unk)}
    eqs = []
    for i in range(R + 1):
        eqs.append([Fraction(0)] * len(unk))
        for j in range(C + 1):
            if (i, j) in col:
                eqs[-1][col[(i, j)]] = Fraction(-1 if j == C else 1)
    for j in range(C + 1):
        eqs.append([Fraction(0)] * len(unk))
        for i in range(R + 1):
            if (i, j) in col:
                eqs[-1][col[(i, j)]] = Fraction(-1 if i == R else 1)

    def rank(m):
        m = [row[:] for row in m]
        rk, ncol = 0, len(unk)
        for c in range(ncol):
            piv = next((x for x in range(rk, len(m)) if m[x][c] != 0), None)
            if piv is None:
                continue
            m[rk], m[piv] = m[piv], m[rk]
            for x in range(len(m)):
                if x != rk and m[x][c] != 0:
                    f = m[x][c] / m[rk][c]
                    m[x] = [a - f * b for a, b in zip(m[x], m[rk])]
            rk += 1
        return rk

    base = rank(eqs)
    for k, e in enumerate(unk):
        unit = [Fraction(0)] * len(unk)
        unit[k] = Fraction(1)
        if rank(eqs + [unit]) == base:
            return e
    return None


# --------------------------------------------------------------------
# Numbers a reader can see in HTML

GEOMETRY = {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height",
            "points", "viewbox", "stroke-width", "font-size", "stroke-dasharray",
            "d", "transform"}
REFS = {"id", "class", "href", "aria-labelledby", "aria-describedby", "for",
        "datetime", "charset", "content", "tabindex", "xmlns", "lang", "rel",
        "name"}
PERIOD_RX = re.compile(
    r"\b\d{4}-(?:Q[1-4]|\d{2})(?:-\d{2})?\b|\bQ[1-4] \d{4}\b|"
    r"\b(?:\d{1,2} )?(?:%s)[a-z]* \d{4}\b" % "|".join(m[:3] for m in MONTHS))
NUM_RX = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?![\w.]|,\d)|(?<![\w.,])\d+(?![\w.]|,\d{3})")


class Visible(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if v is None or k.lower() in GEOMETRY or k.lower() in REFS:
                continue
            self.parts.append(v)

    def handle_data(self, data):
        self.parts.append(data)


def numbers_in_html(data):
    p = Visible()
    p.feed(data.decode("utf-8"))
    out = []
    for part in p.parts:
        part = PERIOD_RX.sub(" ", part)
        for m in NUM_RX.finditer(part):
            out.append((int(m.group(0).replace(",", "")), part.strip()[:80]))
    return out


def html_problems(data, allowed, rel):
    return ["%s: %d is not a published figure (in %r)" % (rel, v, ctx)
            for v, ctx in numbers_in_html(data) if v not in allowed]


# --------------------------------------------------------------------

def build(content, out, *extra):
    return ghlib.run(["build", "-c", content, "-o", out, "-q"] + list(extra),
                     cwd=os.path.dirname(content), epoch=EPOCH)


def main():
    if not ghlib.need_binary(tap):
        return tap.done()
    for n, r in ((10, 5), (8, 1)):
        with ghlib.TempDir() as tmp:
            content = os.path.join(tmp, "content")
            out = os.path.join(tmp, "site")
            truth = make_content(content, n, r)
            p = build(content, out)
            tag = "min_count %d, round_to %d" % (n, r)
            if not tap.ok(p.returncode == 0, "%s: the small-count tree builds "
                          "(the guard raises no false alarm)" % tag, ghlib.outtext(p)):
                continue
            pub = os.path.join(out, "public")
            inv = json.loads(ghlib.read_bytes(os.path.join(pub, "inventory.json")))
            jreps = {x["id"]: x for x in inv["reports"]}
            tap.ok(sorted(jreps) == sorted(truth), "%s: inventory.json lists the "
                   "public series, and only those" % tag, sorted(jreps))
            probs, allowed, nhidden, secrets = [], {n, r}, 0, set()
            for rid, series in sorted(truth.items()):
                rows = parse_csv(ghlib.read_bytes(os.path.join(pub, "reports", rid + ".csv")))
                pr, hidden, t = check_series(rid, series, rows, jreps[rid], n, r)
                probs += pr
                nhidden += len(hidden)
                for row in rows[1:]:
                    allowed.update(int(x) for x in row[1:] if x.isdigit())
                for p_, _ in series:
                    allowed.add(int(p_[:4]))
                for i, row in enumerate(t):
                    for j, v in enumerate(row):
                        shown = rows[i + 1][j + 1]
                        if v and shown != str(v):
                            secrets.add(v)
            tap.ok(not probs, "%s: every published figure follows the rules; "
                   "no hidden figure falls to subtraction or linear algebra "
                   "(%d hidden)" % (tag, nhidden), "\n".join(probs[:20]))
            tap.ok(nhidden > 40 and secrets - allowed, "%s: the tree really has "
                   "hidden figures to protect" % tag, nhidden)

            pages = ["reports/index.html"] + ["reports/%s.html" % rid for rid in sorted(truth)]
            probs = []
            for rel in pages:
                probs += html_problems(ghlib.read_bytes(os.path.join(pub, rel)), allowed, rel)
            tap.ok(not probs, "%s: every number on the %d public report pages is "
                   "a published figure, a threshold or a year" % (tag, len(pages)),
                   "\n".join(probs[:20]))

            hits = []
            for rel in ghlib.files(pub):
                b = ghlib.read_bytes(os.path.join(pub, rel)).lower()
                for word in (b"canary", b"canary-internal"):
                    if word in b or word in rel.encode():
                        hits.append(rel)
            tap.ok(not hits, "%s: no trace of the internal series under public/" % tag,
                   sorted(set(hits)))

            # The checkers can fail: the internal pages show exact figures.
            probs = []
            for rel in pages[1:]:
                probs += html_problems(ghlib.read_bytes(os.path.join(out, "internal", rel)),
                                       allowed, rel)
            tap.ok(len(probs) > 10, "%s: the page checker flags the exact figures "
                   "of the internal pages (%d)" % (tag, len(probs)))
            rows = parse_csv(ghlib.read_bytes(os.path.join(out, "internal", "reports",
                                                           "quarterly.csv")))
            ijson = {x["id"]: x for x in json.loads(ghlib.read_bytes(
                os.path.join(out, "internal", "inventory.json")))["reports"]}
            pr = check_series("quarterly", truth["quarterly"], rows,
                              ijson["quarterly"], n, r)[0]
            tap.ok(pr, "%s: the CSV checker flags the exact internal table" % tag)
            planted = ghlib.read_bytes(os.path.join(pub, "reports", "police.html")).replace(
                b"<h1>", b"<h1 data-n=\"7\">", 1)
            tap.ok(html_problems(planted, allowed, "planted"),
                   "%s: the page checker flags a figure planted in a public page" % tag)
            # Exact internally: the true counts are all there.
            _, t, missing = true_table(truth["quarterly"])
            want = [[("" if (i, j) in missing else str(v)) for j, v in enumerate(row)]
                    for i, row in enumerate(t)]
            tap.ok([row[1:] for row in rows[1:]] == want,
                   "%s: internal/reports/quarterly.csv holds the exact counts" % tag)

            # The generator's guard: a leaky theme fails the build, writes nothing.
            before = ghlib.snapshot(out)
            p = build(content, out, "--theme", LEAKY)
            err = p.stderr.decode("utf-8", "replace")
            tap.ok(p.returncode == 1, "%s: a theme printing an exact figure fails "
                   "the build (exit 1)" % tag, ghlib.outtext(p))
            # every public report page shows the template's figure; the
            # police page's error says whose figure it is
            want = ("%s/public/reports/police.html:33:33: error: undisclosed "
                    "figure '7' (the count for 'avon' in 2025 of report 'police', "
                    "published as 'fewer than %d'): " % (out, n))
            lines = err.splitlines()
            tap.ok(any(x.startswith(want) for x in lines) and len(lines) == len(truth)
                   and all(": error: undisclosed figure '7' " in x for x in lines),
                   "%s: one error per public report page, at the file, line and "
                   "column of the figure, naming it" % tag, err)
            tap.ok(not ghlib.snap_diff(before, ghlib.snapshot(out)),
                   "%s: and the previous output is untouched" % tag,
                   ghlib.snap_diff(before, ghlib.snapshot(out)))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
