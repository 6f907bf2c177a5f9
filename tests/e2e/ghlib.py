"""Shared helpers for the end-to-end suites (stdlib only).

Every suite prints TAP through Tap, runs the binary through run(), and
compares output trees through snapshot()/tree_bytes(). Nothing here
depends on the order of a directory listing: every walk is sorted.
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
BIN = os.environ.get("GLASSHOUSE", os.path.join(TOP, "build", "glasshouse"))
FIXTURES = os.path.join(TOP, "tests", "fixtures")


class Tap:
    """TAP output: ok()/fail() print one line each, done() the plan."""

    def __init__(self):
        self.n = 0
        self.failed = 0
        sys.stdout.reconfigure(line_buffering=True)

    def ok(self, cond, name, diag=None):
        self.n += 1
        if cond:
            print("ok %d - %s" % (self.n, name))
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.n, name))
            if diag:
                for line in str(diag).rstrip("\n").split("\n"):
                    print("# " + line)
        return bool(cond)

    def skip(self, name, why):
        self.n += 1
        print("ok %d - %s # SKIP %s" % (self.n, name, why))

    def done(self):
        print("1..%d" % self.n)
        return 1 if self.failed else 0


def need_binary(tap):
    """Report (and return False) when the generator is not built."""
    if os.access(BIN, os.X_OK):
        return True
    tap.ok(False, "generator binary exists", "missing %s (run make)" % BIN)
    return False


def env(epoch=None, **extra):
    e = dict(os.environ)
    e.pop("SOURCE_DATE_EPOCH", None)
    e.update(LC_ALL="C", TZ="UTC")
    if epoch is not None:
        e["SOURCE_DATE_EPOCH"] = str(epoch)
    e.update(extra)
    return e


def theme_link(cwd):
    """The binary finds its default theme as themes/default under the
    current directory (else the installed copy): point cwd at the repo's."""
    link = os.path.join(cwd, "themes")
    if not os.path.lexists(link):
        # GH_TEST_THEMES: another themes/ directory, for proving by hand
        # that a suite fails with a broken theme (see tests/e2e/README).
        os.symlink(os.environ.get("GH_TEST_THEMES", os.path.join(TOP, "themes")), link)


def popen(args, cwd, epoch=None, **kw):
    theme_link(cwd)
    return subprocess.Popen([BIN] + list(args), cwd=cwd, env=env(epoch),
                            stdin=subprocess.DEVNULL, **kw)


def run(args, cwd, epoch=None, timeout=120, stdin=subprocess.DEVNULL):
    """Run glasshouse ARGS in cwd; returns CompletedProcess (bytes)."""
    theme_link(cwd)
    return subprocess.run([BIN] + list(args), cwd=cwd, env=env(epoch),
                          stdin=stdin, capture_output=True, timeout=timeout)


def outtext(p):
    return ("exit %d\n--- stdout\n%s--- stderr\n%s" %
            (p.returncode, p.stdout.decode("utf-8", "replace"),
             p.stderr.decode("utf-8", "replace")))[:4000]


class TempDir:
    def __init__(self, prefix="gh-e2e-"):
        self.path = tempfile.mkdtemp(prefix=prefix)

    def __enter__(self):
        return self.path

    def __exit__(self, *a):
        shutil.rmtree(self.path, ignore_errors=True)


def walk(root):
    """Sorted list of (relpath, abspath) of every file and directory."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel = os.path.relpath(dirpath, root)
        for name in sorted(dirnames + filenames):
            p = os.path.join(dirpath, name)
            out.append((name if rel == "." else os.path.join(rel, name), p))
    out.sort()
    return out


def files(root):
    """Sorted relpaths of the regular files under root."""
    return [r for r, p in walk(root) if os.path.isfile(p) and not os.path.islink(p)]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def snapshot(root):
    """relpath -> (kind, sha256, mtime_ns, inode, mode) for the whole tree."""
    snap = {}
    for rel, p in walk(root):
        st = os.lstat(p)
        if os.path.islink(p):
            snap[rel] = ("link", os.readlink(p), st.st_mtime_ns, st.st_ino, st.st_mode)
        elif os.path.isdir(p):
            snap[rel] = ("dir", None, None, None, st.st_mode)
        else:
            snap[rel] = ("file", sha256(p), st.st_mtime_ns, st.st_ino, st.st_mode)
    return snap


def snap_diff(a, b, fields=(0, 1, 2, 3, 4), limit=20):
    """Human-readable differences between two snapshots ('' if none)."""
    lines = []
    names = ("kind", "sha256", "mtime", "inode", "mode")
    for rel in sorted(set(a) | set(b)):
        if rel not in b:
            lines.append("removed: " + rel)
        elif rel not in a:
            lines.append("added: " + rel)
        else:
            d = [names[i] for i in fields if a[rel][i] != b[rel][i]]
            if d:
                lines.append("changed (%s): %s" % (", ".join(d), rel))
    if len(lines) > limit:
        lines = lines[:limit] + ["... %d more" % (len(lines) - limit)]
    return "\n".join(lines)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode("utf-8") if isinstance(text, str) else text)


def copytree(src, dst):
    shutil.copytree(src, dst, symlinks=True)


def yq(s):
    """s as a YAML double-quoted scalar (any text, safely)."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif o < 0x20 or o == 0x7f:
            out.append("\\x%02x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)
