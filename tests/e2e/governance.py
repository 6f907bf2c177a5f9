#!/usr/bin/env python3
"""Governance pages on the example content (issue 4), end to end.

Builds a copy of content/ and checks, against what the content says
(read here with a small front-matter reader, not through the generator):

- check: exactly the findings the example is meant to have (design has
  no committee member, one overdue review), with positions;
- the decision log: every decision, newest first, status, affected items
  linked to pages that exist, the rationale rendered;
- provenance: every affected system, purpose, recipient and report page
  shows "Decided on 14 Oct 2026 - id" of the latest adopted decision that
  touched it; public pages only for published decisions;
- changes.html and changes.atom: exactly the published decisions, the
  feed valid Atom 1.0 (parsed with xml.etree, required elements, tag:
  ids, decision dates, byte-identical under another SOURCE_DATE_EPOCH,
  relative links without base_url);
- a canary rationale never reaches public/ (and the search can fail);
- checks.html lists the same findings as check; removing fields from a
  copy turns them missing there and shows "Not yet documented" publicly;
- label.html: the boxes from linked/tracking, the grid with th scope and
  a scrolling region; with 30 more purposes, at most 10 per category and
  "and N more", a row per kind of data instead of the grid; the
  committee page and the navigation.
"""
import html
import os
import re
import shutil
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ghlib  # noqa: E402

CONTENT = os.path.join(ghlib.TOP, "content")
EPOCH = 1791936000          # 2026-10-14
EPOCH2 = 1800000000         # 2027-01-15
ATOM = "{http://www.w3.org/2005/Atom}"
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
       "Nov", "Dec"]


# --- reading the content (flat keys are all this suite needs) -------

def front_matter(path):
    text = ghlib.read_bytes(path).decode()
    if text.startswith("---\n"):
        fm, body = text[4:].split("\n---\n", 1)
    else:
        fm, body = text, ""
    d = {}
    for line in fm.split("\n"):
        m = re.match(r"^([a-z_]+):\s*(.*)$", line)
        if m:
            v = m.group(2).strip()
            if v.startswith("[") and v.endswith("]"):
                v = [x.strip() for x in v[1:-1].split(",") if x.strip()]
            d[m.group(1)] = v
    return d, body


def decisions(content):
    ddir = os.path.join(content, "committee", "decisions")
    out = []
    for f in sorted(os.listdir(ddir)):
        d, body = front_matter(os.path.join(ddir, f))
        d["id"] = f[:-3]
        d["body"] = body
        d.setdefault("status", "proposed")
        d.setdefault("audience", "public")
        d.setdefault("affects", [])
        out.append(d)
    # newest first, one day's by id
    out.sort(key=lambda d: d["id"])
    out.sort(key=lambda d: d["date"], reverse=True)
    return out


def published(d):
    return (d["status"] == "adopted" and d["audience"] == "public"
            and bool(d.get("public_summary")))


def short_date(iso):
    y, m, d = iso.split("-")
    return "%d %s %s" % (int(d), MON[int(m) - 1], y)


def audience_of(content, kind, ident):
    """'public' or 'internal' for an affected item."""
    if kind == "inventory":
        d, _ = front_matter(os.path.join(content, "inventory", ident + ".yaml"))
        return d.get("audience", "public")
    if kind == "purpose":
        d, _ = front_matter(os.path.join(content, "purposes", ident + ".md"))
        if d.get("status") == "proposed":
            return "internal"
        return d.get("audience", "public")
    if kind == "report":
        d, _ = front_matter(os.path.join(content, "reports", ident + ".yaml"))
        return d.get("audience", "internal")
    if kind == "recipient":
        text = ghlib.read_bytes(os.path.join(content, "recipients.yaml")).decode()
        m = re.search(r"^%s:\n((?:  .*\n)*)" % re.escape(ident), text, re.M)
        return "internal" if m and "audience: internal" in m.group(1) else "public"
    raise ValueError(kind)


def text_of(page):
    """Visible text of an HTML page, tags dropped, entities decoded."""
    t = re.sub(r"<[^>]+>", "", page)
    return re.sub(r"\s+", " ", html.unescape(t))


def read(root, rel):
    p = os.path.join(root, rel)
    return ghlib.read_bytes(p).decode() if os.path.isfile(p) else None


def build(tmp, content, out, epoch=EPOCH, audience="all"):
    dst = os.path.join(tmp, os.path.basename(out) + "-content")
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(content, dst)
    p = ghlib.run(["build", "-c", dst, "-o", out, "--audience", audience],
                  tmp, epoch=epoch)
    return p


def page_for(kind, ident, internal):
    if kind == "inventory":
        return ("systems/%s.html" % ident) if internal else None
    if kind == "purpose":
        return "purposes/%s.html" % ident
    if kind == "report":
        return "reports/%s.html" % ident
    return "recipients.html"


def section_of(page, kind, ident):
    """The part of a page about the item: a recipient's article."""
    if kind != "recipient":
        return page
    m = re.search(r'<article[^>]*id="%s".*?</article>' % re.escape(ident),
                  page, re.S)
    return m.group(0) if m else ""


# --- Atom ----------------------------------------------------------

def atom_problems(data, decs, base_url):
    """Everything wrong with a changes.atom, as a list of strings."""
    probs = []
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        return ["not well-formed: %s" % e]
    if root.tag != ATOM + "feed":
        return ["root is %s, not atom:feed" % root.tag]
    for req in ("id", "title", "updated"):
        if len(root.findall(ATOM + req)) != 1:
            probs.append("feed needs exactly one <%s>" % req)
    if root.find(ATOM + "author/" + ATOM + "name") is None:
        probs.append("feed has no author/name")
    rels = {l.get("rel", "alternate"): l.get("href") for l in root.findall(ATOM + "link")}
    if "self" not in rels or "alternate" not in rels:
        probs.append("feed needs rel=self and rel=alternate links")
    pub = [d for d in decs if published(d)]
    entries = root.findall(ATOM + "entry")
    titles = [html.unescape(e.findtext(ATOM + "title") or "") for e in entries]
    if titles != [d["title"] for d in pub]:
        probs.append("entry titles %r, want %r" % (titles, [d["title"] for d in pub]))
    ids = set()
    for e, d in zip(entries, pub):
        for req in ("id", "title", "updated", "summary"):
            if len(e.findall(ATOM + req)) != 1:
                probs.append("%s: needs exactly one <%s>" % (d["id"], req))
        eid = e.findtext(ATOM + "id") or ""
        if not re.match(r"^tag:[a-z0-9.-]+,\d{4}-\d\d-\d\d:decision/%s$" % re.escape(d["id"]), eid):
            probs.append("%s: id %r is not a tag: URI for it" % (d["id"], eid))
        ids.add(eid)
        want = d["date"] + "T00:00:00Z"
        if e.findtext(ATOM + "updated") != want:
            probs.append("%s: updated %r, want %r (the decision's date)" %
                         (d["id"], e.findtext(ATOM + "updated"), want))
        summ = e.find(ATOM + "summary")
        got = html.unescape(summ.text or "") if summ.get("type") == "html" else summ.text
        if got != d["public_summary"]:
            probs.append("%s: summary %r" % (d["id"], got))
        link = e.find(ATOM + "link")
        href = link.get("href") if link is not None else None
        want = (base_url or "") + "changes.html#d-" + d["id"]
        if href != want:
            probs.append("%s: link %r, want %r" % (d["id"], href, want))
    if len(ids) != len(entries):
        probs.append("entry ids are not unique")
    newest = max((d["date"] for d in pub), default="1970-01-01")
    if root.findtext(ATOM + "updated") != newest + "T00:00:00Z":
        probs.append("feed updated %r is not the newest decision's date" %
                     root.findtext(ATOM + "updated"))
    return probs


# --- the suite -------------------------------------------------------

def main():
    tap = ghlib.Tap()
    if not ghlib.need_binary(tap):
        return tap.done()
    decs = decisions(CONTENT)
    pub = [d for d in decs if published(d)]
    tap.ok(len(decs) >= 6 and len(pub) >= 2 and
           {d["status"] for d in decs} == {"adopted", "rejected", "proposed"},
           "example content: %d decisions, every status, %d published" % (len(decs), len(pub)))

    with ghlib.TempDir("gh-gov-") as tmp:
        out = os.path.join(tmp, "out")
        want_warn = [
            "committee/members.yaml:3:55: warning: required function 'design' has no committee member",
            "purposes/police-requests.md:9:12: warning: purpose 'police-requests' is overdue for review (review_by 2026-06-30)",
        ]
        shutil.copytree(CONTENT, os.path.join(tmp, "content"))
        p = ghlib.run(["check", "-c", "content"], tmp, epoch=EPOCH)
        got = p.stderr.decode().splitlines()
        tap.ok(p.returncode == 0 and got == ["content/" + w for w in want_warn],
               "check: exactly the two governance warnings, with positions",
               ghlib.outtext(p))

        p = build(tmp, CONTENT, out)
        if not tap.ok(p.returncode == 0, "build exits 0", ghlib.outtext(p)):
            return tap.done()
        pubd, intd = os.path.join(out, "public"), os.path.join(out, "internal")

        # -- decision log ------------------------------------------
        log = read(intd, "committee/decisions.html") or ""
        order = re.findall(r'<article class="decision card" id="d-([a-z0-9-]+)"', log)
        tap.ok(order == [d["id"] for d in decs],
               "decision log: every decision, newest first", "%r" % order)
        probs = []
        for d in decs:
            art = re.search(r'<article class="decision card" id="d-%s".*?</article>' %
                            re.escape(d["id"]), log, re.S)
            art = art.group(0) if art else ""
            verb = "Proposed on" if d["status"] == "proposed" else "Decided on"
            if "%s %s — %s" % (verb, short_date(d["date"]), d["id"]) not in text_of(art):
                probs.append("%s: no date line" % d["id"])
            if ">%s</span>" % d["status"].capitalize() not in art:
                probs.append("%s: no status %s" % (d["id"], d["status"]))
            for a in d["affects"]:
                kind, ident = a.split(":")
                href = {"inventory": "../systems/%s.html", "purpose": "../purposes/%s.html",
                        "recipient": "../recipients.html#%s", "report": "../reports/%s.html"}[kind] % ident
                if 'href="%s"' % href not in art:
                    probs.append("%s: no link %s" % (d["id"], href))
                target = os.path.normpath(os.path.join(intd, "committee", href.split("#")[0]))
                if not os.path.isfile(target):
                    probs.append("%s: %s does not exist" % (d["id"], href))
            # the rationale, rendered: its first words, quotes aside
            words = re.sub(r"[*_`']", "", d["body"].strip().split("\n")[0])[:40]
            norm = text_of(art).replace("\u2019", "").replace("\u2018", "").replace('"', "")
            norm = norm.replace("\u201c", "").replace("\u201d", "")
            if words.replace('"', "") not in norm:
                probs.append("%s: rationale %r not shown" % (d["id"], words))
        tap.ok(not probs, "decision log: date, status, affected items linked, rationale",
               "\n".join(probs))

        # -- provenance on affected pages ---------------------------
        latest = {}
        for d in decs:                       # newest first: first wins
            if d["status"] != "adopted":
                continue
            for a in d["affects"]:
                latest.setdefault(a, d)
        probs, checked = [], 0
        for a, d in sorted(latest.items()):
            kind, ident = a.split(":")
            line = "Decided on %s — %s" % (short_date(d["date"]), d["id"])
            for internal in (True, False):
                rel = page_for(kind, ident, internal)
                if rel is None:
                    continue
                visible = internal or audience_of(CONTENT, kind, ident) == "public"
                page = read(intd if internal else pubd, rel)
                if not visible:
                    if page is not None and kind != "recipient":
                        probs.append("public page for internal %s exists" % a)
                    continue
                if page is None:
                    probs.append("%s: no page %s" % (a, rel))
                    continue
                part = text_of(section_of(page, kind, ident))
                shown = line in part
                want = internal or published(d)
                checked += 1
                if shown != want:
                    probs.append("%s %s: %r %s" % ("internal" if internal else "public",
                                                   rel, line, "missing" if want else "shown"))
                if not internal and not published(d) and "Decided on" in part:
                    probs.append("public %s shows an unpublished decision" % rel)
        tap.ok(not probs and checked >= 15,
               "provenance: %d affected pages show the latest decision (public: published only)"
               % checked, "\n".join(probs))

        # -- changelog ----------------------------------------------
        ch = read(pubd, "changes.html") or ""
        order = re.findall(r'<article class="change card" id="d-([a-z0-9-]+)"', ch)
        tap.ok(order == [d["id"] for d in pub],
               "changes.html: the published decisions, newest first", "%r" % order)
        t = text_of(ch)
        probs = [d["id"] for d in pub
                 if d["public_summary"] not in t or
                 "Decided on %s — %s" % (short_date(d["date"]), d["id"]) not in t]
        probs += ["unpublished %s shown" % d["id"] for d in decs
                  if not published(d) and (d["title"] in t or d["id"] in t)]
        tap.ok(not probs, "changes.html: summary and date line each; nothing unpublished",
               "\n".join(probs))

        # -- Atom -----------------------------------------------------
        feed = ghlib.read_bytes(os.path.join(pubd, "changes.atom"))
        base = "https://privacy.northwind.example/"
        probs = atom_problems(feed, decs, base)
        tap.ok(not probs, "changes.atom: valid Atom 1.0, the published decisions only",
               "\n".join(probs))
        tap.ok(atom_problems(feed.replace(b"<updated>", b"<updatedx>", 1)
                             .replace(b"</updated>", b"</updatedx>", 1), decs, base) and
               atom_problems(feed[:-20], decs, base) and
               atom_problems(feed.replace(b"fraud-human-review", b"x", 2), decs, base),
               "the Atom checker can fail (missing element, cut file, wrong entry id)")
        tap.ok(ghlib.read_bytes(os.path.join(intd, "changes.atom")) == feed,
               "internal changes.atom is the public one")
        out2 = os.path.join(tmp, "out2")
        p = build(tmp, CONTENT, out2, epoch=EPOCH2)
        tap.ok(p.returncode == 0 and
               ghlib.read_bytes(os.path.join(out2, "public", "changes.atom")) == feed,
               "changes.atom: same bytes under another SOURCE_DATE_EPOCH (no build time)")
        # without base_url: relative links, ids from the email domain
        nb = os.path.join(tmp, "nobase")
        shutil.copytree(CONTENT, nb)
        site = ghlib.read_bytes(os.path.join(nb, "site.yaml")).decode()
        ghlib.write(os.path.join(nb, "site.yaml"),
                    re.sub(r"^base_url:.*\n", "", site, flags=re.M))
        p = build(tmp, nb, os.path.join(tmp, "out-nobase"))
        f2 = ghlib.read_bytes(os.path.join(tmp, "out-nobase", "public", "changes.atom"))
        probs = atom_problems(f2, decs, "")
        root = ET.fromstring(f2)
        if not (root.findtext(ATOM + "id") or "").startswith("urn:uuid:"):
            probs.append("feed id %r" % root.findtext(ATOM + "id"))
        if b"https://privacy.northwind.example" in f2:
            probs.append("base_url still used")
        if not all(e.findtext(ATOM + "id").startswith("tag:northwind.example,")
                   for e in root.findall(ATOM + "entry")):
            probs.append("entry ids not from the email domain")
        ch2 = read(os.path.join(tmp, "out-nobase", "public"), "changes.html") or ""
        for e in root.findall(ATOM + "entry"):
            frag = e.find(ATOM + "link").get("href").split("#")[1]
            if 'id="%s"' % frag not in ch2:
                probs.append("link #%s has no target in changes.html" % frag)
        tap.ok(p.returncode == 0 and not probs,
               "changes.atom without base_url: urn:uuid feed id, relative links that resolve",
               "\n".join(probs) or ghlib.outtext(p))

        # -- canary: the rationale never goes public --------------------
        cv = os.path.join(tmp, "canary")
        shutil.copytree(CONTENT, cv)
        ghlib.write(os.path.join(cv, "committee", "decisions", "zz-canary.md"),
                    "---\ntitle: Shorter order email retention\ndate: 2026-10-20\n"
                    "status: adopted\naffects: [purpose:order-fulfilment, inventory:online-shop]\n"
                    "public_summary: We now keep order emails for less time.\n"
                    "internal:\n  notes: CANARY-NOTE-Q7X3\n---\n"
                    "Because CANARY-RATIONALE-Q7X3 says so, *really* (canary rationale q7x3).\n")
        # Summaries that must stay internal too: an internal decision's and
        # a rejected one's (both the newest about the account purpose).
        ghlib.write(os.path.join(cv, "committee", "decisions", "zz-internal.md"),
                    "---\ntitle: Internal only\ndate: 2026-10-21\nstatus: adopted\n"
                    "audience: internal\naffects: [purpose:customer-account]\n"
                    "public_summary: CANARY-SUMMARY-INTERNAL-Q7X3\n---\nInternal.\n")
        ghlib.write(os.path.join(cv, "committee", "decisions", "zz-rejected.md"),
                    "---\ntitle: Rejected one\ndate: 2026-10-22\nstatus: rejected\n"
                    "affects: [purpose:customer-account]\n"
                    "public_summary: CANARY-SUMMARY-REJECTED-Q7X3\n---\nNo.\n")
        p = build(tmp, cv, os.path.join(tmp, "out-canary"))
        cp = os.path.join(tmp, "out-canary", "public")
        ci = os.path.join(tmp, "out-canary", "internal")

        def hits(root):
            found = []
            for rel in ghlib.files(root):
                t = ghlib.read_bytes(os.path.join(root, rel)).decode("utf-8", "replace")
                t = html.unescape(t).lower()
                if "q7x3" in t or "q7x3" in rel.lower():
                    found.append(rel)
            return found
        ph = hits(cp)
        tap.ok(p.returncode == 0 and not ph,
               "canary: no rationale or note reaches public/ (HTML, Atom, JSON, anything)",
               "found in: %s" % ph if ph else ghlib.outtext(p))
        tap.ok("We now keep order emails for less time." in (read(cp, "changes.html") or "") and
               b"less time" in ghlib.read_bytes(os.path.join(cp, "changes.atom")) and
               "Decided on 20 Oct 2026 — zz-canary" in text_of(read(cp, "purposes/order-fulfilment.html") or ""),
               "canary: the decision itself is published (changelog, feed, provenance)")
        ih = hits(ci)
        tap.ok("committee/decisions.html" in ih and
               "CANARY-RATIONALE-Q7X3" in (read(ci, "committee/decisions.html") or ""),
               "canary: the rationale and note are in the internal decision log", "%r" % ih)
        fake = os.path.join(tmp, "fake-public")
        shutil.copytree(cp, fake)
        shutil.copy(os.path.join(ci, "committee", "decisions.html"), os.path.join(fake, "x.html"))
        tap.ok("x.html" in hits(fake), "canary: the search can fail (internal page copied in)")

        # -- checks page: the same findings as check -------------------
        chk = read(intd, "checks.html") or ""
        rows = re.findall(r"<tr>\n<td><code>([^<]*)</code></td>\n<td>[^<]*</td>\n<td>([^<]*)</td>", chk)
        got = ["%s: warning: %s" % (w, html.unescape(m)) for w, m in rows]
        tap.ok(got == want_warn, "checks.html lists exactly check's findings", "%r" % got)
        npur = len([f for f in os.listdir(os.path.join(CONTENT, "purposes"))
                    if front_matter(os.path.join(CONTENT, "purposes", f))[0].get("status") != "retired"])
        nsys = len(os.listdir(os.path.join(CONTENT, "inventory")))
        tap.ok(chk.count('class="cs-missing"') == 0 and
               "%d of %d</span> purposes complete" % (npur, npur) in chk and
               "%d of %d</span> systems complete" % (nsys, nsys) in chk and
               "<p>All %d purposes document every item" % npur in chk and
               "<p>All %d systems document every item" % nsys in chk and
               'class="checks-matrix"' not in chk,
               "checks.html: every purpose and system of the example is complete, none listed")
        tap.ok("No committee member for: <span><span class=\"item\">Design</span></span>" in chk and
               "Helping the police and other authorities" in chk.split('id="reviews-h"')[1].split("</section>")[0],
               "checks.html: the committee gap and the overdue review")

        # -- removing fields: checks.html changes, public marker shows --
        rv = os.path.join(tmp, "removed")
        shutil.copytree(CONTENT, rv)
        pf = os.path.join(rv, "purposes", "order-fulfilment.md")
        t = ghlib.read_bytes(pf).decode()
        ghlib.write(pf, t.replace("automated_decisions: none\n", "", 1))
        sf = os.path.join(rv, "inventory", "online-shop.yaml")
        t = ghlib.read_bytes(sf).decode()
        ghlib.write(sf, t.replace("    required: contract\n", "", 1))
        tap.ok("not yet documented" not in text_of("".join(
            ghlib.read_bytes(os.path.join(pubd, r)).decode() for r in ghlib.files(pubd)
            if r.endswith(".html"))).lower(),
            "baseline: no public page says 'not yet documented'")
        p = build(tmp, rv, os.path.join(tmp, "out-removed"))
        err = p.stderr.decode()
        tap.ok(p.returncode == 0 and
               "removed-content/purposes/order-fulfilment.md:2:1: warning: purpose 'order-fulfilment' "
               "has no 'automated_decisions'" in err and
               "removed-content/inventory/online-shop.yaml:9:5: warning: data entry 'user.name' does "
               "not say whether people must give it" in err,
               "removed fields: build warns, with positions", ghlib.outtext(p))
        rp = os.path.join(tmp, "out-removed", "public")
        chk2 = read(os.path.join(tmp, "out-removed", "internal"), "checks.html") or ""
        row = re.search(r'<tr>\n<th scope="row"><a href="purposes/order-fulfilment.html">.*?</tr>',
                        chk2, re.S)
        tap.ok(chk2 != chk and row and row.group(0).count('class="cs-missing"') == 2 and
               chk2.count('class="cs-missing"') >= 3,
               "removed fields: checks.html marks them missing",
               row.group(0) if row else "no row")
        # The matrices are a worklist: exactly the rows with something
        # missing, each with its missing cells, and a count of the rest.
        psec = chk2.split('id="purposes-h"')[1].split("</section>")[0]
        ssec = chk2.split('id="systems-h"')[1].split("</section>")[0]
        prows = re.findall(r'<tr>\n<th scope="row"><a href="purposes/([a-z0-9-]+)\.html">(.*?)</tr>',
                           psec, re.S)
        srows = re.findall(r'<tr>\n<th scope="row"><a href="systems/([a-z0-9-]+)\.html">(.*?)</tr>',
                           ssec, re.S)
        probs = []
        # Only entries of online-shop lost 'required'; the purposes they
        # name are the ones with something missing.
        want_p = {"order-fulfilment", "tax-and-accounting"}  # user.name's purposes
        if {r[0] for r in prows} != want_p:
            probs.append("purpose rows %r, want %r" % (sorted(r[0] for r in prows), sorted(want_p)))
        if any(r[1].count('class="cs-missing"') == 0 for r in prows + srows):
            probs.append("a listed row has nothing missing")
        for r in prows:
            m = re.search(r'<td class="num">(\d+)</td>', r[1])
            if not m or int(m.group(1)) != r[1].count('class="cs-missing"'):
                probs.append("row %s: Missing count disagrees with its cells" % r[0])
        def missing_cols(sec, cells):
            head = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', sec.split("</thead>")[0])
            tds = re.findall(r'<td class="(cs-[a-z]+)"', cells)
            return [h for h, t in zip(head[1:], tds) if t == "cs-missing"]
        for pid, cells in prows:
            want = ["Must give?", "Automated decisions"] if pid == "order-fulfilment" else ["Must give?"]
            if missing_cols(psec, cells) != want:
                probs.append("%s: missing %r, want %r" % (pid, missing_cols(psec, cells), want))
        if srows and missing_cols(ssec, srows[0][1]) != ["Must give?"]:
            probs.append("online-shop: missing %r" % missing_cols(ssec, srows[0][1]))
        if [r[0] for r in srows] != ["online-shop"]:
            probs.append("system rows %r, want ['online-shop']" % [r[0] for r in srows])
        nok = npur - len(prows)
        if "%d complete purposes are not listed." % nok not in psec:
            probs.append("no '%d complete purposes are not listed.'" % nok)
        if "%d complete systems are not listed." % (nsys - 1) not in ssec:
            probs.append("no '%d complete systems are not listed.'" % (nsys - 1))
        if "purposes/customer-account.html" in psec:
            probs.append("a complete purpose is listed")
        tap.ok(not probs, "removed fields: the matrices list only incomplete rows, with the "
               "right missing cells, and count the complete ones", "\n".join(probs))
        page = read(rp, "purposes/order-fulfilment.html") or ""
        auto = re.search(r'<h2 id="auto-h">Automated decisions</h2>.*?</section>', page, re.S)
        tap.ok(auto and 'class="undocumented">Not yet documented' in auto.group(0) and
               text_of(page).count("Not yet documented") == 2,
               "removed fields: the public purpose page says 'Not yet documented' (automated "
               "decisions, and the name's 'do you have to give it')")
        tap.ok("Not yet documented" in text_of(read(rp, "data/user.name.html") or ""),
               "removed fields: the public data page says 'Not yet documented'")

        # -- label page -------------------------------------------------
        lab = read(pubd, "label.html") or ""
        boxes = ["Data used to track you", "Data linked to you", "Data not linked to you",
                 "Data not collected"]
        tap.ok(all(">%s</h2>" % b in lab for b in boxes) and
               "<strong>None.</strong> We do not use your data to track you" in lab,
               "label.html: the four boxes; nothing used to track you in the example")
        grid = re.search(r'<div class="table-wrap label-grid-wrap" role="region" '
                         r'aria-labelledby="grid-h" tabindex="0">\n<table class="label-grid">(.*?)</table>',
                         lab, re.S)
        probs = []
        if not grid:
            probs.append("no scrolling region around the grid")
        else:
            g = grid.group(1)
            ths = re.findall(r"<th( [^>]*)?>", g)
            if any("scope=" not in (a or "") for a in ths):
                probs.append("a <th> without scope")
            head = re.search(r"<thead>(.*?)</thead>", g, re.S).group(1)
            cols = re.findall(r'<th scope="col"><a href="purposes/([a-z0-9-]+)\.html">', head)
            for c in cols:
                if not os.path.isfile(os.path.join(pubd, "purposes", c + ".html")):
                    probs.append("column %s has no page" % c)
            rows = re.findall(r'<th scope="row"><a href="data/([^"]+)\.html">', g)
            for r in rows:
                if not os.path.isfile(os.path.join(pubd, "data", r + ".html")):
                    probs.append("row %s has no page" % r)
            ncells = len(re.findall(r"<td", g))
            if ncells != len(rows) * len(cols):
                probs.append("%d cells for %d x %d" % (ncells, len(rows), len(cols)))
            if len(cols) < 10 or len(rows) < 20:
                probs.append("grid %d x %d looks too small" % (len(rows), len(cols)))
            cell = re.search(r'<th scope="row"><a href="data/user.device.cookie_id.html">.*?</tr>', g, re.S)
            if not cell or "Consent" not in cell.group(0) or "14 months" not in cell.group(0):
                probs.append("cookie ID row lacks 'Consent' / '14 months'")
        tap.ok(not probs, "label.html: grid of data x purposes, th scope, cells basis + retention",
               "\n".join(probs))
        unl = lab.split('id="unlinked-h"')[1].split("</section>")[0]
        lnk = lab.split('id="linked-h"')[1].split("</section>")[0]
        tap.ok('data/user.device.cookie_id.html' in unl and 'data/user.device.cookie_id.html' not in lnk and
               'data/user.contact.email.html' in lnk and 'data/user.contact.email.html' not in unl and
               'data/user.device.ip_address.html' in lnk and 'data/user.device.ip_address.html' in unl,
               "label.html: linked / not linked follow the entries' linked flags")
        tap.ok("data/user.health_and_medical.html" in lnk and
               "Information about children" in lab.split('id="nc-h"')[1].split("</section>")[0],
               "label.html: data collected and data not collected")

        # -- label at scale: bounded lists, a summary instead of the grid --
        # The example has at most 9 purposes per category and 19 columns:
        # every purpose listed, the grid. 30 more purposes on the email
        # address: 10 named, "and N more" to its data page, and one row
        # per kind of data instead of a column per purpose.
        def box_items(page, box, key):
            sec = page.split('id="%s-h"' % box)[1].split("</section>")[0]
            li = re.search(r'<li><a href="data/%s\.html">.*?</li>' % re.escape(key), sec)
            if not li:
                return None, None
            more = re.search(r'<span class="item more"><a href="([^"]+)">and (\d+) more</a>', li.group(0))
            return (re.findall(r'<span class="item"><a href="purposes/([a-z0-9-]+)\.html">', li.group(0)),
                    (more.group(1), int(more.group(2))) if more else None)
        base_items, base_more = box_items(lab, "linked", "user.contact.email")
        base_row = re.search(r'<th scope="row"><a href="data/user.contact.email.html">.*?</tr>',
                             grid.group(1) if grid else "", re.S)
        base_uses = base_row.group(0).count("<td><span class=\"basis\">") if base_row else -1
        big = os.path.join(tmp, "big")
        shutil.copytree(CONTENT, big)
        extra = ["extra-%02d" % i for i in range(30)]
        nl = ghlib.read_bytes(os.path.join(CONTENT, "purposes", "email-newsletter.md")).decode()
        for i, e in enumerate(extra):
            ghlib.write(os.path.join(big, "purposes", e + ".md"),
                        nl.replace("title: Sending you our newsletter", "title: Extra purpose %d" % i, 1))
        sf = os.path.join(big, "inventory", "online-shop.yaml")
        t = ghlib.read_bytes(sf).decode()
        ghlib.write(sf, t.replace("purposes: [order-fulfilment, product-recalls]",
                                  "purposes: [order-fulfilment, product-recalls, %s]" % ", ".join(extra), 1))
        p = build(tmp, big, os.path.join(tmp, "out-big"))
        blab = read(os.path.join(tmp, "out-big", "public"), "label.html") or ""
        items, more = box_items(blab, "linked", "user.contact.email")
        probs = []
        if base_more is not None or not base_items or len(base_items) > 10:
            probs.append("baseline: %r items, more %r" % (base_items, base_more))
        elif p.returncode != 0:
            probs.append("big build failed: " + ghlib.outtext(p))
        else:
            if items != sorted(set(base_items) | set(extra))[:10]:
                probs.append("first 10 purposes %r" % items)
            if more != ("data/user.contact.email.html", len(base_items) + 30 - 10):
                probs.append("more %r, want %d more" % (more, len(base_items) + 20))
            if any(li.count('class="item"') > 10 for li in re.findall(r"<li>.*?</li>", blab)):
                probs.append("a category names more than 10 purposes")
            if 'class="label-grid"' in blab or 'class="label-summary"' not in blab:
                probs.append("no summary instead of the grid")
            row = re.search(r'<th scope="row"><a href="data/user.contact.email.html">.*?</tr>', blab, re.S)
            if not row or '<td class="num"><a href="data/user.contact.email.html">%d</a></td>' % (
                    base_uses + 30) not in row.group(0) or "Consent" not in row.group(0):
                probs.append("summary row %r, want %d purposes" % (row and row.group(0), base_uses + 30))
            if 'Each row is a kind of data: the legal bases we rely on to use it, for how many of ' \
               'our %d purposes' % (len(re.findall(r'<th scope="col"><a href="purposes/', lab)) + 30) not in blab:
                probs.append("summary intro lacks the number of purposes")
        tap.ok(not probs, "label.html at scale: 10 purposes then 'and N more' to the data page, "
               "a row per kind of data instead of a column per purpose", "\n".join(probs))

        # -- committee page and navigation --------------------------------
        com = read(intd, "committee/index.html") or ""
        names = re.findall(r"\{name: ([^,]+),", ghlib.read_bytes(
            os.path.join(CONTENT, "committee", "members.yaml")).decode())
        tap.ok('class="callout callout-warn"' in com and
               'The committee has no member for <span class="item">Design</span>' in com and
               all(n in com for n in names) and len(names) >= 7,
               "committee page: the missing-function notice and every member")
        tap.ok(not os.path.exists(os.path.join(pubd, "committee")) and
               not os.path.exists(os.path.join(pubd, "checks.html")),
               "public/ has no committee pages and no checks page")
        nav_pub = re.search(r'<nav class="site-nav".*?</nav>', read(pubd, "index.html"), re.S).group(0)
        nav_int = re.search(r'<nav class="site-nav".*?</nav>', read(intd, "index.html"), re.S).group(0)
        tap.ok(all(">%s<" % x in nav_pub for x in ("Privacy label", "Changes")) and
               not any(">%s<" % x in nav_pub for x in ("Committee", "Checks")) and
               all(">%s<" % x in nav_int for x in ("Privacy label", "Changes", "Committee", "Checks")),
               "navigation: Changes and Privacy label everywhere, Committee and Checks for staff")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
