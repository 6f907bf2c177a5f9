#!/usr/bin/env python3
"""gen.py - a synthetic but valid glasshouse content tree of size N, and
the equivalent Hugo site, for `make bench`.

    python3 tests/bench/gen.py N OUTDIR [--seed S]

writes
    OUTDIR/content/   glasshouse content (`glasshouse check` exits 0):
                      N systems with ~10 data entries each, N purposes
                      (~300-word Markdown body: a paragraph, a 6-item
                      list, a second paragraph; 9 front-matter fields),
                      N/10 recipients, N/50 extra categories, 4 report
                      series, a committee with decisions, 3 pages
    OUTDIR/hugo/      a Hugo site with one page per purpose: the same
                      front matter and body, and a minimal layout

The same N and seed give the same bytes. Python 3 standard library only.
"""
import argparse
import os
import random
import shutil

WORDS = """
we use your details to keep the service running and to answer you when you
ask us something about an order account delivery payment or a return our
team looks at the record only when it needs to and the system keeps a log
of who opened what and when so that we can check it later if anything goes
wrong the information stays in the country where it was collected unless a
provider we trust needs it to do the work for us and in that case a written
contract says what they may do with it and for how long they may keep it
you can ask for a copy at any time and we will explain what we hold why we
hold it and who else has seen it without charging you anything for that
""".split()

FIRST = ["order", "account", "delivery", "payment", "support", "fraud",
         "analytics", "newsletter", "security", "recruitment", "payroll",
         "loyalty", "returns", "survey", "warranty", "booking", "billing",
         "research", "catalogue", "event"]
SECOND = ["records", "checks", "updates", "reports", "reviews", "messages",
          "history", "profiles", "matching", "planning", "screening",
          "reminders", "statements", "tracking", "insights", "requests"]

# Built-in, non-special category keys (vocab.c) and data subjects.
CATEGORIES = """
system.authentication system.operations user.account.settings
user.account.username user.authorization.credentials
user.authorization.password user.behavior.browsing_history
user.behavior.media_consumption user.behavior.purchase_history
user.behavior.search_history user.contact.address.city
user.contact.address.country user.contact.address.postal_code
user.contact.address.street user.contact.email user.contact.fax_number
user.contact.organization user.contact.phone_number user.contact.url
user.content.private user.content.public user.content.self_image
user.demographic.age_range user.demographic.date_of_birth
user.demographic.gender user.demographic.language
user.demographic.marital_status user.demographic.profile
user.device.cookie user.device.cookie_id user.device.device_id
user.device.ip_address user.financial.bank_account
user.financial.credit_card user.government_id.passport_number
user.job_title user.location.imprecise user.location.precise
user.name.first user.name.last user.payment user.privacy_preferences
user.social user.telemetry user.unique_id.pseudonymous user.workplace
""".split()
SPECIAL_CATEGORY = "user.biometric"	# Art. 9: needs special_condition
SUBJECTS = ["customer", "employee", "job_applicant", "prospect", "visitor",
            "supplier_vendor", "consultant", "trainee"]
USES = ["essential.service", "essential.service.payment_processing",
        "essential.fraud_detection", "analytics.reporting",
        "marketing.communications.email", "functional.service.improve",
        "employment.recruitment", "essential.legal_obligation"]
RETENTION = ["6 years after your last order", "30 days", "90 days",
             "12 months", "2 years after you leave",
             "until you close your account", "18 months after collection",
             "until you withdraw consent"]
TEAMS = ["customer-care", "marketing", "engineering", "finance",
         "warehouse", "data-office", "hr", "legal", "security", "it"]
COUNTRIES_IN = ["GB", "IE", "DE", "FR", "NL", "SE", "DK", "ES"]
COUNTRIES_OUT = ["US", "IN", "CA", "JP", "AU"]
SECURITY = ["encryption-at-rest", "encryption-in-transit", "single-sign-on",
            "two-factor-for-admins", "access-logging"]
BASES = ["contract", "contract", "legal-obligation", "consent",
         "legitimate-interests", "contract", "public-task"]


def words(rng, n):
    w = [rng.choice(WORDS) for _ in range(n)]
    w[0] = w[0].capitalize()
    return w


def sentence(rng, n):
    return " ".join(words(rng, n)) + "."


def paragraph(rng, nwords):
    out, left = [], nwords
    while left > 0:
        k = min(left, rng.randint(9, 18))
        s = words(rng, k)
        if rng.random() < 0.3 and k > 4:	# some inline markup
            i = rng.randrange(1, k - 1)
            s[i] = rng.choice(["**%s**", "*%s*", "`%s`"]) % s[i]
        out.append(" ".join(s) + ".")
        left -= k
    return " ".join(out)


def body(rng, idx):
    items = []
    for i in range(6):
        item = " ".join(words(rng, rng.randint(8, 12)))
        if i == 2:
            item += " ([more](https://example.org/help/%d))" % idx
        items.append("- " + item + ";")
    return (paragraph(rng, 110) + "\n\n" + "\n".join(items) + "\n\n" +
            paragraph(rng, 120) + "\n")


def yq(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def purpose_fm(rng, i, pid, special):
    basis = BASES[i % len(BASES)]
    title = "%s %s %d" % (FIRST[i % len(FIRST)].capitalize(),
                          SECOND[(i // len(FIRST)) % len(SECOND)], i)
    fm = [("title", title), ("summary", sentence(rng, 14)),
          ("legal_basis", basis)]
    if basis == "consent":
        fm.append(("withdraw", "Untick the box under Account > Privacy."))
    if basis == "legitimate-interests":
        fm.append(("legitimate_interest", sentence(rng, 10)))
    if special:
        fm.append(("special_condition", "employment"))
    fm += [("use", USES[i % len(USES)]),
           ("benefit", sentence(rng, 10)),
           ("automated_decisions", "none"),
           ("status", "proposed" if i % 97 == 5 else
            "retired" if i % 89 == 3 else "active"),
           ("review_by", "2030-%02d-%02d" % (i % 12 + 1, i % 28 + 1)),
           ("owner", TEAMS[i % len(TEAMS)])]
    if i % 41 == 9:
        fm.append(("audience", "internal"))
    return fm


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(n, out, seed):
    rng = random.Random(seed)
    c = os.path.join(out, "content")
    h = os.path.join(out, "hugo")
    for d in (c, h):
        if os.path.exists(d):
            shutil.rmtree(d)
    npur, nsys, nrec = n, n, max(n // 10, 3)
    pids = ["%s-%s-%05d" % (FIRST[i % len(FIRST)],
            SECOND[(i * 7) % len(SECOND)], i) for i in range(npur)]
    special = [i % 50 == 7 for i in range(npur)]
    sids = ["system-%05d" % i for i in range(nsys)]
    rids = ["vendor-%04d" % i for i in range(nrec)]
    extra = ["user.behavior.signal_%03d" % i for i in range(max(n // 50, 1))]

    write(os.path.join(c, "site.yaml"), """\
organisation:
  name: Bench Organisation
  legal_name: Bench Organisation Ltd
  address: 1 Example Street, Bristol BS1 1AA, United Kingdom
  email: privacy@bench.example
  phone: +44 117 000 0000
  dpo: {name: Alex Example, email: dpo@bench.example}
  authority: {name: Information Commissioner's Office, url: https://ico.org.uk}
title: How Bench uses your data
jurisdictions: [uk-gdpr, eu-gdpr]
language: en-GB
disclosure: {min_count: 10, round_to: 5}
internal: {wiki_owner: data-office}
""")

    lines = []
    for i, r in enumerate(rids):
        outside = i % 7 == 3
        cc = rng.choice(COUNTRIES_OUT if outside else COUNTRIES_IN)
        lines.append("%s:" % r)
        lines.append("  name: Vendor %d Ltd" % i)
        lines.append("  role: %s" % ("controller" if i % 9 == 4 else
                                     "processor"))
        lines.append("  country: %s" % cc)
        lines.append("  purpose: %s" % sentence(rng, 8))
        if outside:
            lines.append("  safeguard: scc")
        if i % 5 == 1:
            lines.append("  transfers:")
            lines.append("    - {country: US, safeguard: scc}")
        lines.append("  contract: https://contracts.bench.internal/%s" % r)
        if i % 13 == 2:
            lines.append("  audience: internal")
        if i % 4 == 0:
            lines.append("  internal: {note: %s}" % yq(sentence(rng, 8)))
    write(os.path.join(c, "recipients.yaml"), "\n".join(lines) + "\n")
    public_rids = [r for i, r in enumerate(rids) if i % 13 != 2]

    lines = []
    for k in extra:
        lines.append("%s:" % k)
        lines.append("  name: %s" % " ".join(words(rng, 4)))
        lines.append("  description: %s" % sentence(rng, 12))
        lines.append("  special: false")
    write(os.path.join(c, "categories.yaml"), "\n".join(lines) + "\n")

    for i, s in enumerate(sids):
        lines = ["name: System %d" % i,
                 "description: %s" % sentence(rng, 16),
                 "custodian: %s" % TEAMS[i % len(TEAMS)]]
        if i % 3 == 0:
            lines.append("vendor: %s" % public_rids[(i // 3) %
                                                     len(public_rids)])
        lines.append("locations: [%s]" % COUNTRIES_IN[i % len(COUNTRIES_IN)])
        lines.append("security: [%s]" % ", ".join(SECURITY[:i % 4 + 1]))
        lines.append("access: [%s, %s]" % (TEAMS[i % 10], TEAMS[(i + 3) % 10]))
        if i % 37 == 11:
            lines.append("audience: internal")
        lines.append("data:")
        ne = rng.randint(8, 12)
        for j in range(ne):
            ps = {(i + j * (npur // 10 + 1)) % npur}
            for _ in range(rng.randint(0, 2)):
                ps.add((i + rng.randint(-40, 40)) % npur)
            sp = any(special[p] for p in ps)
            if sp:
                ps = {p for p in ps if special[p]}
                cat = SPECIAL_CATEGORY
            elif rng.random() < 0.15:
                cat = rng.choice(extra)
            else:
                cat = rng.choice(CATEGORIES)
            lines.append("  - category: %s" % cat)
            lines.append("    subjects: [%s]" % ", ".join(
                sorted(set(rng.choice(SUBJECTS)
                           for _ in range(rng.randint(1, 2))))))
            lines.append("    purposes: [%s]" % ", ".join(
                pids[p] for p in sorted(ps)))
            r = rng.random()
            if r < 0.1:
                lines.append("    source: observed")
            elif r < 0.15:
                lines.append("    source: %s" % rng.choice(rids))
            lines.append("    retention: %s" % rng.choice(RETENTION))
            lines.append("    required: %s" % rng.choice(
                ["contract", "law", "optional"]))
            if rng.random() < 0.4:
                sw = sorted(set(rids[(i // 10 + rng.randint(0, 3)) % nrec]
                                for _ in range(rng.randint(1, 2))))
                lines.append("    shared_with: [%s]" % ", ".join(sw))
            if rng.random() < 0.2:
                lines.append("    linked: false")
        if i % 6 == 0:
            lines.append("internal: {notes: %s}" % yq(sentence(rng, 10)))
        write(os.path.join(c, "inventory", s + ".yaml"), "\n".join(lines) +
              "\n")

    hugo_pages = []
    for i, p in enumerate(pids):
        fm = purpose_fm(rng, i, p, special[i])
        b = body(rng, i)
        fmt = "".join("%s: %s\n" % (k, yq(v) if k in
                      ("title", "summary", "benefit", "withdraw",
                       "legitimate_interest") else v) for k, v in fm)
        extra_fm = ""
        if i % 8 == 0:
            extra_fm = "internal: {note: %s}\n" % yq(sentence(rng, 8))
        write(os.path.join(c, "purposes", p + ".md"),
              "---\n" + fmt + extra_fm + "---\n" + b)
        hugo_pages.append((p, "---\n" + fmt + "---\n" + b))

    teams = TEAMS[:7]
    rep = {"access-by-team": ("Personal records opened, by team", "internal",
                              "access", "team", 12),
           "rights-requests": ("Requests about your data", "public",
                               "requests", "request type", 8),
           "authority-requests": ("Requests from the authorities", "public",
                                  "other", "authority", 4),
           "logins-by-team": ("Staff sign-ins, by team", "internal",
                              "other", "team", 6)}
    for rid, (title, aud, kind, by, nper) in sorted(rep.items()):
        lines = ["title: %s" % title, "audience: %s" % aud,
                 "kind: %s" % kind, "measure: records", "by: %s" % by,
                 "periods:"]
        for m in range(nper):
            cells = ", ".join("%s: %d" % (t, rng.randint(0, 20000))
                              for t in teams)
            lines.append("  %04d-%02d: {%s}" % (2025 + (m + 6) // 12,
                                                 (m + 6) % 12 + 1, cells))
        write(os.path.join(c, "reports", rid + ".yaml"),
              "\n".join(lines) + "\n")

    members = ["marketing", "sales", "customer-care", "design",
               "engineering", "legal", "security", "it"]
    write(os.path.join(c, "committee", "members.yaml"),
          "members:\n" + "".join(
              "  - {name: Member %d, function: %s, since: 2025-%02d}\n" %
              (k, f, k + 1) for k, f in enumerate(members)))
    for k in range(5):
        aff = "[inventory:%s, purpose:%s]" % (sids[(k * 7) % nsys],
                                              pids[(k * 11) % npur])
        write(os.path.join(c, "committee", "decisions",
                           "decision-%02d.md" % k),
              "---\ntitle: Decision %d\ndate: 2026-%02d-10\n"
              "status: %s\naffects: %s\npublic_summary: %s\n---\n%s\n" %
              (k, k + 1, "adopted" if k % 2 == 0 else "proposed", aff,
               sentence(rng, 10), paragraph(rng, 40)))
    for k, (pg, aud) in enumerate([("contact", "public"),
                                   ("cookies", "public"),
                                   ("staff-handbook", "internal")]):
        write(os.path.join(c, "pages", pg + ".md"),
              "---\ntitle: %s\naudience: %s\norder: %d\n---\n%s\n\n%s\n" %
              (pg.replace("-", " ").capitalize(), aud, k * 10,
               paragraph(rng, 80), paragraph(rng, 80)))

    # The Hugo side: the same purpose pages and nothing else to build.
    write(os.path.join(h, "config.toml"), """\
baseURL = "https://bench.example/"
languageCode = "en-gb"
title = "How Bench uses your data"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
""")
    write(os.path.join(h, "layouts", "_default", "baseof.html"), """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{{ .Title }} – {{ .Site.Title }}</title></head>
<body><header><a href="{{ "" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer></body></html>
""")
    write(os.path.join(h, "layouts", "_default", "single.html"), """\
{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
<dl><dt>Legal basis</dt><dd>{{ .Params.legal_basis }}</dd>
<dt>Benefit</dt><dd>{{ .Params.benefit }}</dd>
<dt>Status</dt><dd>{{ .Params.status }}</dd></dl>
{{ .Content }}</article>{{ end }}
""")
    write(os.path.join(h, "layouts", "_default", "list.html"), """\
{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}
""")
    for p, text in hugo_pages:
        write(os.path.join(h, "content", "purposes", p + ".md"), text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.n < 10:
        ap.error("N must be at least 10")
    generate(a.n, a.out, a.seed)


if __name__ == "__main__":
    main()
