#!/usr/bin/env python3
"""links.py - internal links and #fragments of a built site (stdlib only).

Two ways a reader meets the site, two checks:

check_files(root)   file:// semantics: every href/src without a scheme must
                    name an existing file inside root (a directory does not
                    open its index.html from file://, a root-absolute "/x"
                    means the disk's root), and every #fragment an id in
                    the target page.
check_http(trees)   the trees served by `python3 -m http.server` on
                    127.0.0.1 (a free port) from a parent directory, each
                    under a sub-path such as /privacy/: every page and every
                    resource a page links to is fetched (status 200), links
                    must stay under the tree's prefix, and fragments must
                    exist. Pages no link reaches from the tree's index.html
                    are reported too. The crawl is bounded in count and
                    time, and the server is always stopped.

Each returns a list of findings (file-or-url, message). Run alone:
    python3 tests/browser/links.py [--http] TREE...
"""
import html.parser
import os
import posixpath
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
EXTERNAL = ("http", "https", "mailto", "tel")
LINK_ATTRS = {
    "a": ("href",), "area": ("href",), "link": ("href",),
    "img": ("src", "srcset"), "source": ("src", "srcset"), "script": ("src",),
    "iframe": ("src",), "embed": ("src",), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "object": ("data",),
    "form": ("action",), "input": ("src",),
}


class Page(html.parser.HTMLParser):
    """ids (and <a name>) of a page, and its links as (attr, value)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if v is None:
                continue
            if k == "id" or (tag == "a" and k == "name"):
                self.ids.add(v)
            if k in LINK_ATTRS.get(tag, ()):
                if k == "srcset":
                    for part in v.split(","):
                        if part.strip():
                            self.links.append((tag, k, part.split()[0]))
                else:
                    self.links.append((tag, k, v))

    handle_startendtag = handle_starttag


def parse(data):
    p = Page()
    p.feed(data.decode("utf-8", "replace") if isinstance(data, bytes) else data)
    p.close()
    return p


def html_files(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith((".html", ".htm")):
                out.append(os.path.join(dirpath, f))
    return out


def classify(value):
    """'external', 'bad: why' or 'internal' for a link value."""
    v = value.strip()
    if v == "":
        return "bad: empty link"
    if v == "#":
        return "bad: bare '#' (ctemplate writes it for a URL it refused)"
    if v.startswith("//"):
        return "external"
    m = SCHEME.match(v)
    if m:
        scheme = m.group(0)[:-1].lower()
        if scheme in EXTERNAL:
            return "external"
        return "bad: %s: URL" % scheme
    return "internal"


# ---------------------------------------------------------------- files

def check_files(root):
    root = os.path.realpath(root)
    findings = []
    cache = {}

    def page_of(path):
        if path not in cache:
            with open(path, "rb") as f:
                cache[path] = parse(f.read())
        return cache[path]

    nlinks = 0
    for path in html_files(root):
        rel = os.path.relpath(path, root)
        page = page_of(path)
        for tag, attr, value in page.links:
            nlinks += 1
            kind = classify(value)
            if kind == "external":
                continue
            where = "%s: <%s %s=%r>" % (rel, tag, attr, value)
            if kind.startswith("bad"):
                findings.append((rel, "%s: %s" % (where, kind[5:])))
                continue
            target, _, frag = value.strip().partition("#")
            target = target.partition("?")[0]
            target = urllib.parse.unquote(target)
            if target.startswith("/"):
                findings.append((rel, "%s: root-absolute link (breaks from file:// "
                                      "and under a sub-path)" % where))
                continue
            if target == "":
                tpath = path
            else:
                tpath = os.path.normpath(os.path.join(os.path.dirname(path), target))
                if not (tpath == root or tpath.startswith(root + os.sep)):
                    findings.append((rel, "%s: leaves the site's tree" % where))
                    continue
                if os.path.isdir(tpath):
                    findings.append((rel, "%s: is a directory (opens only on a web "
                                          "server, not from file://)" % where))
                    continue
                if not os.path.isfile(tpath):
                    findings.append((rel, "%s: no such file" % where))
                    continue
            if "#" in value:
                frag = urllib.parse.unquote(frag)
                if frag == "":
                    findings.append((rel, "%s: empty fragment" % where))
                elif tpath.endswith((".html", ".htm")):
                    if frag not in page_of(tpath).ids:
                        findings.append((rel, "%s: no id %r in %s" %
                                         (where, frag, os.path.relpath(tpath, root))))
    return findings, nlinks


# ----------------------------------------------------------------- http

def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """python3 -m http.server on 127.0.0.1 serving directory; stopped on exit."""

    def __init__(self, directory):
        self.directory = directory
        self.proc = None
        self.port = None

    def __enter__(self):
        last = None
        for _ in range(5):
            self.port = free_port()
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "http.server", "--bind", "127.0.0.1",
                 "--directory", self.directory, str(self.port)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    last = self.proc.stderr.read().decode("utf-8", "replace")
                    break
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                        return self
                except OSError:
                    time.sleep(0.05)
            self.stop()
        raise RuntimeError("http.server did not start: %s" % (last or "timeout"))

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        if self.proc is not None and self.proc.stderr:
            self.proc.stderr.close()

    def __exit__(self, *a):
        self.stop()


def fetch(url, timeout=5):
    """(status, content-type, body); status 0 with the error for no answer."""
    req = urllib.request.Request(url, headers={"User-Agent": "glasshouse-linkcheck"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, "", b""
    except (urllib.error.URLError, OSError) as e:
        return 0, str(e), b""


def check_http(trees, max_fetches=5000, max_seconds=180):
    """trees: {prefix: directory}, prefix like "privacy" or "staff/privacy".

    Returns (findings, stats) where stats = {prefix: (pages, resources)}.
    """
    findings = []
    stats = {}
    with tempfile.TemporaryDirectory(prefix="gh-http-") as parent:
        for prefix, d in trees.items():
            link = os.path.join(parent, *prefix.split("/"))
            os.makedirs(os.path.dirname(link), exist_ok=True)
            os.symlink(os.path.realpath(d), link)
        with Server(parent) as srv:
            origin = "http://127.0.0.1:%d" % srv.port
            deadline = time.monotonic() + max_seconds
            fetched = {}          # url -> (status, ctype, Page or None)
            budget = [max_fetches]

            def get(url):
                if url not in fetched:
                    if budget[0] <= 0 or time.monotonic() > deadline:
                        return None
                    budget[0] -= 1
                    st, ct, body = fetch(url)
                    page = parse(body) if st == 200 and ct.startswith("text/html") else None
                    fetched[url] = (st, ct, page)
                return fetched[url]

            for prefix, d in trees.items():
                base = "%s/%s/" % (origin, prefix)
                pages = [base + urllib.parse.quote(os.path.relpath(p, d).replace(os.sep, "/"))
                         for p in html_files(d)]
                edges = {}
                queue = [base] + pages
                seen = set()
                nres = 0
                while queue:
                    url = queue.pop(0)
                    if url in seen:
                        continue
                    seen.add(url)
                    r = get(url)
                    if r is None:
                        findings.append((url, "crawl stopped: budget of %d fetches or %d s "
                                              "used up" % (max_fetches, max_seconds)))
                        break
                    st, ct, page = r
                    show = "/" + url[len(origin) + 1:]
                    if st != 200:
                        findings.append((show, "HTTP %s %s" % (st, ct)))
                        continue
                    if page is None:
                        continue
                    edges[url] = set()
                    for tag, attr, value in page.links:
                        kind = classify(value)
                        if kind == "external":
                            continue
                        where = "%s: <%s %s=%r>" % (show, tag, attr, value)
                        if kind.startswith("bad"):
                            findings.append((show, "%s: %s" % (where, kind[5:])))
                            continue
                        absu = urllib.parse.urljoin(url, value.strip())
                        target, frag = urllib.parse.urldefrag(absu)
                        target = target.partition("?")[0]
                        if not target.startswith(base):
                            findings.append((show, "%s: resolves to %s, outside %s" %
                                             (where, target[len(origin):] or "/",
                                              base[len(origin):])))
                            continue
                        nres += 1
                        tr = get(target)
                        if tr is None:
                            continue
                        if tr[0] != 200:
                            findings.append((show, "%s: %s answers HTTP %s" %
                                             (where, target[len(origin):], tr[0])))
                            continue
                        if tr[2] is not None:
                            edges[url].add(target)
                            queue.append(target)
                            if "#" in value:
                                if frag == "":
                                    findings.append((show, "%s: empty fragment" % where))
                                elif urllib.parse.unquote(frag) not in tr[2].ids:
                                    findings.append((show, "%s: no id %r in %s" %
                                                     (where, frag, target[len(origin):])))
                # Every page should be reachable by following links from
                # the tree's front page.
                reach, todo = set(), [base, base + "index.html"]
                while todo:
                    u = todo.pop()
                    if u not in reach:
                        reach.add(u)
                        todo.extend(edges.get(u, ()))
                for p in pages:
                    if p not in reach:
                        findings.append(("/" + p[len(origin) + 1:],
                                         "no link leads here from %sindex.html" %
                                         base[len(origin):]))
                stats[prefix] = (len(pages), nres)
    return findings, stats


def main(argv):
    http = "--http" in argv
    trees = [a for a in argv if a != "--http"]
    bad = 0
    for t in trees:
        f, n = check_files(t)
        print("%s: %d links, %d problems (file://)" % (t, n, len(f)))
        for where, msg in f:
            print("  " + msg)
        bad += len(f)
    if http:
        f, st = check_http({"privacy%s" % ("" if i == 0 else str(i)): t
                            for i, t in enumerate(trees)})
        print("http: %s, %d problems" % (st, len(f)))
        for where, msg in f:
            print("  %s: %s" % (where, msg))
        bad += len(f)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
