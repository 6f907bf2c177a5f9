#!/usr/bin/env python3
"""Atomicity of the output directory (content-format section 7, write.h):
the output holds the previous complete build or the new complete build,
never a mix, and a failed or killed build leaves it exactly as it was.

(a) a content error, and a broken theme, leave out/ byte-, mtime- and
    inode-identical;
(b) a build of a big tree killed with SIGKILL while its staging
    directory .out.stage-* exists (at once, early, and half-way through
    the writes) leaves out/ identical; the next build succeeds and
    removes the stale staging directory;
(c) two builds of the same out/ at once both succeed and leave one of
    the two complete trees, not a mix;
(d) a non-empty directory glasshouse did not make is refused (exit 3,
    untouched) unless --force is given.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ghlib  # noqa: E402

EXAMPLE = os.path.join(ghlib.TOP, "content")


def full_snap(path):
    """Snapshot of a tree plus its root directory's own inode."""
    if not os.path.isdir(path):
        return {".": ("missing", None, None, None, None)}
    s = ghlib.snapshot(path)
    st = os.stat(path)
    s["."] = ("root", None, None, st.st_ino, st.st_mode)
    return s


def content_snap(path):
    """File list and bytes only."""
    if not os.path.isdir(path):
        return {".": ("missing", None)}
    return {k: v[:2] for k, v in ghlib.snapshot(path).items()}


def stages(parent, base="out"):
    return sorted(n for n in os.listdir(parent) if n.startswith(".%s.stage-" % base))


def build(tmp, content="content", out="out", *extra):
    return ghlib.run(["build", "-c", content, "-o", out, "-q"] + list(extra), tmp)


def big_tree(root, npurposes=3000, per_system=100):
    ghlib.write(os.path.join(root, "site.yaml"), ghlib.read_bytes(
        os.path.join(ghlib.TOP, "tests", "cases", "base", "minimal", "site.yaml")))
    ids = ["p%04d" % i for i in range(npurposes)]
    for i in range(0, npurposes, per_system):
        chunk = ids[i:i + per_system]
        ghlib.write(os.path.join(root, "inventory", "sys%04d.yaml" % (i // per_system)),
                    "name: System %d\ndescription: A system.\ncustodian: team-%d\n"
                    "locations: [GB]\ndata:\n"
                    "  - category: user.contact.email\n    subjects: [customer]\n"
                    "    purposes: [%s]\n    retention: 30 days\n"
                    % (i // per_system, i // per_system, ", ".join(chunk)))
    for pid in ids:
        ghlib.write(os.path.join(root, "purposes", pid + ".md"),
                    "---\ntitle: Purpose %s\nsummary: We do %s with your email.\n"
                    "legal_basis: contract\nbenefit: It works.\nautomated_decisions: none\n"
                    "---\nBody of %s, with **some** Markdown and a [link](../index.html).\n"
                    % (pid, pid, pid))


def kill_when(tmp, pred, timeout=60, tries=3):
    """Start a build; SIGKILL it as soon as pred(stage_path) is true for
    its own staging directory (.out.stage-PID: not a stale one left by an
    earlier kill). Tries again if the build finished first.
    Returns (caught, stage_files_seen, returncode)."""
    for _ in range(tries):
        caught, seen, rc = _kill_when(tmp, pred, timeout)
        if caught:
            break
    return caught, seen, rc


def _kill_when(tmp, pred, timeout):
    p = ghlib.popen(["build", "-c", "content", "-o", "out", "-q"], tmp,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    caught, seen = False, 0
    mine = os.path.join(tmp, ".out.stage-%d" % p.pid)
    t0 = time.monotonic()
    try:
        while p.poll() is None and time.monotonic() - t0 < timeout:
            if os.path.isdir(mine):
                ok, seen = pred(mine)
                if ok:
                    os.kill(p.pid, signal.SIGKILL)
                    caught = True
                    break
            time.sleep(0.0005)
    finally:
        if p.poll() is None and not caught:
            os.kill(p.pid, signal.SIGKILL)
        rc = p.wait()
    return caught, seen, rc


def count_files(path):
    n = 0
    for _, _, fs in os.walk(path):
        n += len(fs)
    return n


def part_a(tap):
    with ghlib.TempDir("gh-atom-") as tmp:
        shutil.copytree(EXAMPLE, os.path.join(tmp, "content"))
        p = build(tmp)
        if not tap.ok(p.returncode == 0, "(a) example builds", ghlib.outtext(p)):
            return
        before = full_snap(os.path.join(tmp, "out"))
        time.sleep(0.05)
        path = os.path.join(tmp, "content", "purposes",
                            sorted(os.listdir(os.path.join(tmp, "content", "purposes")))[0])
        good = ghlib.read_bytes(path)
        ghlib.write(path, good.replace(b"\nlegal_basis:", b"\nlegal_bases: contract\nlegal_basis:", 1))
        p = build(tmp)
        tap.ok(p.returncode == 1, "(a) build with a content error exits 1", ghlib.outtext(p))
        tap.ok(b"unknown key 'legal_bases'" in p.stderr, "(a) ... and says why", ghlib.outtext(p))
        after = full_snap(os.path.join(tmp, "out"))
        tap.ok(after == before, "(a) out/ is identical (bytes, mtimes, inodes) after the failed build",
               ghlib.snap_diff(before, after))
        tap.ok(not stages(tmp), "(a) no staging directory left", stages(tmp))

        # A broken theme fails before anything is written.
        ghlib.write(path, good)
        theme = os.path.join(tmp, "badtheme")
        shutil.copytree(os.path.join(ghlib.TOP, "themes", "default"), theme)
        tpls = sorted(f for f in os.listdir(os.path.join(theme, "templates")) if f.endswith(".tpl"))
        victim = os.path.join(theme, "templates", "layout.tpl" if "layout.tpl" in tpls else tpls[0])
        ghlib.write(victim, ghlib.read_bytes(victim) + b"\n{{#UNCLOSED_SECTION}}\n")
        p = build(tmp, "content", "out", "--theme", "badtheme")
        tap.ok(p.returncode == 3, "(a) build with a broken template exits 3", ghlib.outtext(p))
        tap.ok(re.search(rb"badtheme/templates/[a-z_]+\.tpl", p.stderr),
               "(a) ... and names the template", ghlib.outtext(p))
        after = full_snap(os.path.join(tmp, "out"))
        tap.ok(after == before, "(a) out/ is identical after the failed theme build",
               ghlib.snap_diff(before, after))
        tap.ok(not stages(tmp), "(a) no staging directory left after the theme failure", stages(tmp))


def part_b(tap):
    with ghlib.TempDir("gh-atom-") as tmp:
        big_tree(os.path.join(tmp, "content"))
        t0 = time.monotonic()
        p = build(tmp)
        dt = time.monotonic() - t0
        if not tap.ok(p.returncode == 0, "(b) big tree (3000 purposes) builds in %.2fs" % dt,
                      ghlib.outtext(p)):
            return
        out = os.path.join(tmp, "out")
        before = full_snap(out)
        total = sum(1 for v in before.values() if v[0] == "file")
        path = os.path.join(tmp, "content", "purposes", "p0001.md")
        ghlib.write(path, ghlib.read_bytes(path).replace(b"title: Purpose p0001", b"title: Renamed p0001"))
        rounds = [
            ("as soon as .out.stage-* appears", lambda sp: (True, 0)),
            ("after 200 files are staged", lambda sp: (lambda n: (n >= 200, n))(count_files(sp))),
            ("half-way through (%d files staged)" % (total // 2),
             lambda sp: (lambda n: (n >= total // 2, n))(count_files(sp))),
        ]
        for name, pred in rounds:
            caught, seen, rc = kill_when(tmp, pred)
            tap.ok(caught and rc == -signal.SIGKILL,
                   "(b) build killed with SIGKILL %s" % name,
                   "the build finished (exit %d) before it could be killed; make the tree bigger" % rc)
            after = full_snap(out)
            tap.ok(after == before, "(b) out/ is identical after the kill %s" % name,
                   ghlib.snap_diff(before, after))
        tap.ok(stages(tmp), "(b) the killed build left its staging directory (so the next "
               "build's cleanup is tested)", "")
        p = build(tmp)
        tap.ok(p.returncode == 0, "(b) the next build succeeds", ghlib.outtext(p))
        tap.ok(not stages(tmp), "(b) ... and leaves no .out.stage-* behind", stages(tmp))
        page = os.path.join(out, "public", "purposes", "p0001.html")
        tap.ok(os.path.exists(page) and b"Renamed p0001" in ghlib.read_bytes(page),
               "(b) ... and the change is in")
        unchanged = os.path.join("public", "purposes", "p2999.html")
        tap.ok(before.get(unchanged) == full_snap(out).get(unchanged),
               "(b) an unchanged page kept its inode and mtime through kill and rebuild")


def part_c(tap):
    with ghlib.TempDir("gh-atom-") as tmp:
        shutil.copytree(EXAMPLE, os.path.join(tmp, "a"))
        shutil.copytree(EXAMPLE, os.path.join(tmp, "b"))
        path = os.path.join(tmp, "b", "pages", "contact.md")
        ghlib.write(path, ghlib.read_bytes(path) + b"\nVersion B of this page.\n")
        for c in ("a", "b"):
            p = build(tmp, c, "ref-" + c)
            tap.ok(p.returncode == 0, "(c) reference build %s" % c, ghlib.outtext(p))
        refs = {c: content_snap(os.path.join(tmp, "ref-" + c)) for c in "ab"}
        tap.ok(refs["a"] != refs["b"], "(c) the two contents give different sites")
        for r in range(3):
            order = ("a", "b") if r % 2 == 0 else ("b", "a")
            procs = [ghlib.popen(["build", "-c", c, "-o", "out", "-q"], tmp,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                     for c in order]
            rcs = [pr.wait(timeout=120) for pr in procs]
            tap.ok(rcs == [0, 0], "(c) round %d: two simultaneous builds both exit 0" % (r + 1),
                   "exit statuses %s" % rcs)
            got = content_snap(os.path.join(tmp, "out"))
            which = [c for c in "ab" if got == refs[c]]
            tap.ok(which, "(c) round %d: out/ is one complete build, not a mix" % (r + 1),
                   ghlib.snap_diff(refs["a"], got, fields=(0, 1)))
            tap.ok(not stages(tmp), "(c) round %d: no staging directory left" % (r + 1), stages(tmp))


def part_d(tap):
    with ghlib.TempDir("gh-atom-") as tmp:
        shutil.copytree(EXAMPLE, os.path.join(tmp, "content"))
        out = os.path.join(tmp, "out")
        ghlib.write(os.path.join(out, "notes", "mine.txt"), "my own notes\n")
        ghlib.write(os.path.join(out, "index.html"), "<p>my page</p>\n")
        before = full_snap(out)
        p = build(tmp)
        tap.ok(p.returncode == 3, "(d) a non-empty foreign directory is refused (exit 3)",
               ghlib.outtext(p))
        tap.ok(b"--force" in p.stderr and b"'out'" in p.stderr,
               "(d) ... with a message naming the directory and --force", ghlib.outtext(p))
        tap.ok(full_snap(out) == before, "(d) ... and left untouched",
               ghlib.snap_diff(before, full_snap(out)))
        p = build(tmp, "content", "out", "--force")
        tap.ok(p.returncode == 0, "(d) --force takes it over", ghlib.outtext(p))
        tap.ok(os.path.isfile(os.path.join(out, "public", "index.html")) and
               not os.path.exists(os.path.join(out, "notes", "mine.txt")),
               "(d) ... replacing its contents with the site")
        p = build(tmp)
        tap.ok(p.returncode == 0, "(d) afterwards it is glasshouse's: no --force needed", ghlib.outtext(p))

        os.mkdir(os.path.join(tmp, "empty"))
        p = build(tmp, "content", "empty")
        tap.ok(p.returncode == 0, "(d) an existing empty directory is used without --force",
               ghlib.outtext(p))
        ghlib.write(os.path.join(tmp, "plainfile"), "x\n")
        p = build(tmp, "content", "plainfile")
        tap.ok(p.returncode == 3 and ghlib.read_bytes(os.path.join(tmp, "plainfile")) == b"x\n",
               "(d) an output path that is a regular file: exit 3, file untouched", ghlib.outtext(p))


def main():
    tap = ghlib.Tap()
    if ghlib.need_binary(tap):
        part_a(tap)
        part_b(tap)
        part_c(tap)
        part_d(tap)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
