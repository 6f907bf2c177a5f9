#!/usr/bin/env python3
"""XSS test: hostile text in every text field and hostile Markdown bodies
must come out as inert text.

The content tree is generated here (tests/e2e/xss.py), so every text field
of every kind gets the payload, each with its own label (XSS01, XSS02, ...)
to prove the field reached the output. Every output file is then checked
by parsing it, not by grep:

- HTML (html.parser): no <script>/<iframe>/<object>/<embed>/<base>/
  <frame>/<applet>/<meta http-equiv=refresh> element, no on* attribute,
  no style attribute with javascript:/expression(, and every URL-bearing
  attribute (href, src, action, formaction, srcset, poster, cite, data,
  background, xlink:href) must not, after entity decoding, removal of
  whitespace and control characters and lowercasing, start with
  javascript:, vbscript:, data:, file:, // or a backslash variant, nor
  use any scheme but http, https, mailto and tel;
- Atom/XML: well-formed; type="html" content is checked as HTML;
- JSON: valid; CSV: parses;
- every file: no raw "<script" (case-insensitive) outside CSV.

An unsafe URL in a YAML URL field (authority url: javascript:...) is a
content error: that variant must fail with a diagnostic, and the main
tree puts quotes and markup into URLs that are accepted instead.
"""
import csv
import html
import html.parser
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ghlib  # noqa: E402
from ghlib import yq  # noqa: E402

PAYLOAD = ("<script>alert(1)</script> \"><img src=x onerror=alert(1)> "
           "' onmouseover='x javascript:alert(1) [m](javascript:alert(1)) "
           "<a href=\"javascript:alert(1)\">a</a> </title></textarea><svg onload=alert(1)> "
           "{{x}} &amp; &#60;b&#62;")

MD_BODY = """Intro paragraph for %(label)s with *emphasis*.

<script>alert(1)</script>

<div onmouseover="alert(1)">raw block</div>

Inline <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">raw link</a>.

- [a](javascript:alert(1))
- [b](JaVaScRiPt:alert(1))
- [c](&#106;avascript:alert(1))
- [d](java&#9;script:alert(1))
- [e](//evil.example/path)
- ![f](data:text/html,<script>alert(1)</script>)
- ![f2](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
- [g](vbscript:msgbox(1))
- [h](file:///etc/passwd)
- [i](  javascript:alert(1))
- [j][ref]
- <javascript:alert(1)>
- [k](https://ok.example/ "t\\" onmouseover=\\"alert(1)")
- [l](\\\\evil.example)
- [n](&#x6A;avascript&#x3A;alert(1))
- ![o](x" onerror="alert(1))

[ref]: javascript:alert(1)
"""

BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
OK_SCHEMES = ("http", "https", "mailto", "tel")
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "cite", "data",
             "background", "xlink:href", "longdesc", "manifest", "codebase",
             "srcset", "ping", "lowsrc", "dynsrc"}
BAD_TAGS = {"script", "iframe", "object", "embed", "base", "frame", "frameset",
            "applet"}


class Labels:
    def __init__(self):
        self.n = 0
        self.names = []

    def __call__(self, where):
        self.n += 1
        lab = "XSS%02d" % self.n
        self.names.append((lab, where))
        return lab

    def text(self, where):
        return yq(self(where) + " " + PAYLOAD)


def generate(root, authority_url="https://ico.org.uk/\"><script>alert(1)</script>"):
    L = Labels()
    w = lambda rel, s: ghlib.write(os.path.join(root, rel), s)  # noqa: E731
    w("site.yaml", """organisation:
  name: %s
  legal_name: %s
  address: %s
  email: "a'onmouseover='alert(1)'@xss.example"
  phone: %s
  dpo: {name: %s, email: "dpo'x@xss.example", address: %s, phone: %s}
  representative: {name: %s, address: %s, email: "rep@xss.example"}
  authority: {name: %s, url: %s}
title: %s
jurisdictions: [uk-gdpr, eu-gdpr, ccpa, lgpd]
base_url: "https://privacy.xss.example/\\"onmouseover=\\"alert(1)/"
internal:
  notes: %s
  %s: %s
""" % (L.text("organisation.name"), L.text("organisation.legal_name"),
       L.text("organisation.address"), L.text("organisation.phone"),
       L.text("dpo.name"), L.text("dpo.address"), L.text("dpo.phone"),
       L.text("representative.name"), L.text("representative.address"),
       L.text("authority.name"), yq(authority_url), L.text("site.title"),
       L.text("site.internal.notes"), L.text("site.internal key"),
       L.text("site.internal value")))
    w("categories.yaml", """user.xss_category:
  name: %s
  description: %s
  special: false
""" % (L.text("category.name"), L.text("category.description")))
    w("recipients.yaml", """evil-co:
  name: %s
  role: processor
  country: US
  safeguard: scc
  purpose: %s
  transfers:
    - {country: IN, safeguard: scc}
  contract: "https://contracts.xss.example/\\"><script>alert(1)</script>"
  internal:
    notes: %s
hidden-co:
  name: %s
  role: controller
  country: GB
  purpose: %s
  audience: internal
""" % (L.text("recipient.name"), L.text("recipient.purpose"),
       L.text("recipient.internal"), L.text("internal recipient.name"),
       L.text("internal recipient.purpose")))
    for sid, aud in (("public-system", "public"), ("internal-system", "internal")):
        w("inventory/%s.yaml" % sid, """name: %s
description: %s
custodian: ecommerce
vendor: evil-co
locations: [GB, US]
security: [%s]
access: [ecommerce]
audience: %s
data:
  - category: user.xss_category
    subjects: [customer]
    purposes: [consent-purpose, interest-purpose, special-purpose, proposed-purpose, internal-purpose]
    retention: %s
    shared_with: [evil-co, hidden-co]
  - category: user.health_and_medical
    subjects: [customer]
    purposes: [special-purpose]
    retention: %s
  - category: user.contact.email
    subjects: [customer]
    purposes: [consent-purpose]
    source: evil-co
    retention: %s
internal:
  notes: %s
""" % (L.text(sid + ".name"), L.text(sid + ".description"),
       L.text(sid + ".security"), aud,
       yq("until " + L(sid + ".retention until") + " " + PAYLOAD),
       yq("6 years after " + L(sid + ".retention after") + " " + PAYLOAD),
       yq("30 days"), L.text(sid + ".internal")))
    purposes = {
        "consent-purpose": "legal_basis: consent\nwithdraw: %s\n" % L.text("withdraw"),
        "interest-purpose": "legal_basis: legitimate-interests\nlegitimate_interest: %s\n"
                            % L.text("legitimate_interest"),
        "special-purpose": "legal_basis: contract\nspecial_condition: explicit-consent\n",
        "proposed-purpose": "legal_basis: contract\nstatus: proposed\n",
        "internal-purpose": "legal_basis: contract\naudience: internal\n",
    }
    for pid, extra in sorted(purposes.items()):
        w("purposes/%s.md" % pid, """---
title: %s
summary: %s
%sbenefit: %s
automated_decisions: %s
owner: marketing
review_by: 2030-01-01
internal:
  notes: %s
---
%s""" % (L.text(pid + ".title"), L.text(pid + ".summary"), extra,
         L.text(pid + ".benefit"), L.text(pid + ".automated_decisions"),
         L.text(pid + ".internal"), MD_BODY % {"label": L(pid + ".body")}))
    for pgid, aud in (("public-page", "public"), ("internal-page", "internal")):
        w("pages/%s.md" % pgid, "---\ntitle: %s\naudience: %s\n---\n%s"
          % (L.text(pgid + ".title"), aud, MD_BODY % {"label": L(pgid + ".body")}))
    for rid, aud, kind in (("public-report", "public", "requests"),
                           ("internal-report", "internal", "access")):
        # Report groups are ids (content-format section 1): no payload.
        g1, g2 = "xss-group-a", "xss-group-b"
        w("reports/%s.yaml" % rid, """title: %s
audience: %s
kind: %s
measure: %s
by: %s
periods:
  2026-01: {%s: 120, %s: 40}
  2026-02: {%s: 100, %s: 55}
internal:
  notes: %s
""" % (L.text(rid + ".title"), aud, kind, L.text(rid + ".measure"),
       L.text(rid + ".by"), g1, g2, g1, g2, L.text(rid + ".internal")))
    w("committee/members.yaml", """required_functions: [legal]
members:
  - {name: %s, function: legal, since: 2025-01}
""" % L.text("member.name"))
    w("committee/decisions/xss-decision.md", """---
title: %s
date: 2026-03-10
status: adopted
affects: [inventory:public-system, purpose:consent-purpose, recipient:evil-co, report:public-report]
public_summary: %s
internal:
  notes: %s
---
%s""" % (L.text("decision.title"), L.text("decision.public_summary"),
         L.text("decision.internal"), MD_BODY % {"label": L("decision.body")}))
    return L.names


def clean_url(v):
    v = html.unescape(v)
    v = re.sub(r"[\x00-\x20\x7f-\x9f]", "", v).lower()
    return v


def url_problem(v):
    u = clean_url(v)
    for b in BAD_SCHEMES:
        if u.startswith(b):
            return "scheme " + b
    if u[:2] in ("//", "\\\\", "/\\", "\\/"):
        return "protocol-relative"
    m = re.match(r"^([a-z][a-z0-9+.-]*):", u)
    if m and m.group(1) not in OK_SCHEMES:
        return "scheme %s: not allowed" % m.group(1)
    return None


class Checker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        where = "line %d" % self.getpos()[0]
        if tag in BAD_TAGS:
            self.problems.append("%s: <%s> element" % (where, tag))
        amap = {}
        for name, val in attrs:
            val = val or ""
            amap[name] = val
            if name.startswith("on"):
                self.problems.append("%s: <%s %s=...> event handler attribute" % (where, tag, name))
            if name == "style" and re.search(r"javascript:|expression\(|url\(", clean_url(val)):
                self.problems.append("%s: <%s style=%r>" % (where, tag, val))
            if name in URL_ATTRS or name.endswith(":href"):
                vals = [x.strip().split(" ")[0] for x in val.split(",")] if name == "srcset" else [val]
                for x in vals:
                    why = url_problem(x)
                    if why:
                        self.problems.append("%s: <%s %s=%r> (%s)" % (where, tag, name, val, why))
        if tag == "meta" and amap.get("http-equiv", "").lower() == "refresh":
            self.problems.append("%s: <meta http-equiv=refresh>" % where)

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def check_html(text):
    c = Checker()
    c.feed(text)
    c.close()
    return c.problems, "".join(c.text)


def check_file(path):
    """Returns (problems, visible text) of one output file."""
    data = ghlib.read_bytes(path)
    text = data.decode("utf-8", "replace")
    problems = []
    visible = text
    ext = os.path.splitext(path)[1]
    if ext != ".csv" and re.search(r"<\s*script", text, re.I):
        problems.append("raw '<script' in the file")
    if ext in (".html", ".htm", ".svg"):
        problems, visible = check_html(text)
        if re.search(r"<\s*script", text, re.I):
            problems.append("raw '<script' in the file")
    elif ext in (".atom", ".xml", ".rss"):
        try:
            root = ET.fromstring(data)
        except ET.ParseError as e:
            return ["not well-formed XML: %s" % e], text
        vis = []
        for el in root.iter():
            t = el.text or ""
            vis.append(t)
            if el.get("type") in ("html", "xhtml") or el.tag.endswith("}summary") \
                    or el.tag.endswith("}content"):
                pr, _ = check_html(t)
                problems += ["in <%s>: %s" % (el.tag.split("}")[-1], p) for p in pr]
            for k, v in el.attrib.items():
                if k == "href":
                    why = url_problem(v)
                    if why:
                        problems.append("<%s href=%r> (%s)" % (el.tag, v, why))
        visible = "\n".join(vis)
    elif ext == ".json":
        try:
            obj = json.loads(text)
            visible = json.dumps(obj, ensure_ascii=False)
        except ValueError as e:
            problems.append("invalid JSON: %s" % e)
    elif ext == ".csv":
        try:
            rows = list(csv.reader(io.StringIO(text, newline="")))
            if rows and len({len(r) for r in rows}) != 1:
                problems.append("rows with different numbers of fields: %s"
                                % sorted({len(r) for r in rows}))
        except csv.Error as e:
            problems.append("invalid CSV: %s" % e)
    elif ext == ".css":
        if re.search(r"javascript:|expression\(", text, re.I):
            problems.append("script in CSS")
    return problems, visible


def main():
    tap = ghlib.Tap()
    if not ghlib.need_binary(tap):
        return tap.done()

    # 1. javascript: in a URL field is a content error, reported at its place.
    with ghlib.TempDir("gh-xss-") as tmp:
        generate(os.path.join(tmp, "content"), authority_url="javascript:alert(1)")
        p = ghlib.run(["build", "-c", "content", "-o", "out"], tmp)
        err = p.stderr.decode("utf-8", "replace")
        tap.ok(p.returncode == 1, "authority url javascript:alert(1) is a content error (exit 1)",
               ghlib.outtext(p))
        tap.ok(re.search(r"^content/site\.yaml:\d+:\d+: error: .*javascript:alert\(1\)", err, re.M),
               "the error names site.yaml with line:col and the bad URL", err)
        tap.ok(not os.path.exists(os.path.join(tmp, "out")), "nothing written", "")

    # 2. Hostile text everywhere else: builds, and every file is inert.
    with ghlib.TempDir("gh-xss-") as tmp:
        labels = generate(os.path.join(tmp, "content"))
        p = ghlib.run(["build", "-c", "content", "-o", "out"], tmp)
        if not tap.ok(p.returncode == 0, "hostile content builds (exit 0)", ghlib.outtext(p)):
            return tap.done()
        out = os.path.join(tmp, "out")
        allfiles = ghlib.files(out)
        tap.ok(len(allfiles) > 20, "output has %d files" % len(allfiles))
        visible = {}
        bad = []
        for rel in allfiles:
            pr, vis = check_file(os.path.join(out, rel))
            visible[rel] = vis
            bad += ["%s: %s" % (rel, x) for x in pr]
            # Each file gets its own line for the file types that matter most.
        by_kind = {}
        for rel in allfiles:
            by_kind.setdefault(os.path.splitext(rel)[1] or "(none)", []).append(rel)
        for ext in sorted(by_kind):
            mine = [b for b in bad if os.path.splitext(b.split(":")[0])[1] == ext
                    or (ext == "(none)" and "." not in b.split(":")[0])]
            tap.ok(not mine, "all %d %s files are inert" % (len(by_kind[ext]), ext),
                   "\n".join(mine[:30]) + ("\n... %d more" % (len(mine) - 30) if len(mine) > 30 else ""))

        # Every field reached the output (so it was tested), and the payload
        # arrived as text: the escaped markup is visible, not dropped.
        alltext = "\n".join(visible.values())
        missing = [(lab, where) for lab, where in labels if lab not in alltext]
        tap.ok(not missing, "every one of the %d labelled fields appears in the output"
               % len(labels), "\n".join("%s (%s) not found" % m for m in missing))
        html_text = "\n".join(v for k, v in visible.items() if k.endswith(".html"))
        tap.ok("XSS01 <script>alert(1)</script> \"><img src=x onerror=alert(1)>" in html_text,
               "payload is shown as text (escaped, not stripped) in HTML")
        tap.ok(re.search(r"Intro paragraph for XSS\d+ with", html_text) and
               "raw link" in html_text, "Markdown bodies are rendered")

    # 3. The checker itself can fail.
    samples = {
        "<p><script>alert(1)</script></p>": "script element",
        '<a href="javascript:alert(1)">x</a>': "javascript: href",
        '<a href="&#106;avascript:alert(1)">x</a>': "entity-encoded javascript:",
        '<a href="java&#9;script:alert(1)">x</a>': "tab inside javascript:",
        '<a href=" JaVaScRiPt:alert(1)">x</a>': "mixed case, leading space",
        '<img src="data:text/html,x">': "data: src",
        '<a href="//evil.example">x</a>': "protocol-relative",
        '<a href="vbscript:x">x</a>': "vbscript:",
        '<img src=x onerror=alert(1)>': "onerror attribute",
        "<p title='' onmouseover='x'>t</p>": "onmouseover attribute",
        '<a href="file:///etc/passwd">x</a>': "file:",
    }
    for snippet, what in sorted(samples.items()):
        pr, _ = check_html(snippet)
        tap.ok(pr, "checker rejects %s" % what, "accepted: " + snippet)
    pr, _ = check_html('<p title="&lt;script&gt; onerror=x">&lt;script&gt;alert(1)&lt;/script&gt; '
                       '<a href="../purposes/x.html">y</a> <a href="mailto:a@b">m</a></p>')
    tap.ok(not pr, "checker accepts escaped text and safe links", "\n".join(pr))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
