#!/usr/bin/env python3
"""Faults while publishing: what atomicity.py does not already cover.

atomicity.py kills builds by polling (at once, after 200 files, half-way),
runs two builds at once and refuses foreign directories. Here:

(a) SIGKILL at exact points of the write phase, placed with strace's
    fault injection (skipped, with a message, where strace or ptrace is
    missing): the first file written, half-way, the last page, the
    marker, the switch itself (renameat2 never runs); out/ stays
    byte-, mtime- and inode-identical and keeps its staging directory;
    then just after the switch (first unlink of the old tree) and
    half-way through removing it: out/ is the complete new site; each
    time the next build removes what the killed one left;
(b) the same "just after the switch" moment found by polling, with a big
    tree (the old tree's removal takes long enough to be caught);
(c) a full filesystem: a small tmpfs mounted here (skipped, with a
    message, where mounting is not allowed): a build that runs out of
    space exits 3, leaves out/ identical and no staging directory; a first
    build that does not fit leaves nothing;
(d) two builds at once, the first held inside its write phase: the
    second says it waits for the lock, both exit 0, and out/ is the
    second's complete site;
(e) symbolic links (and a FIFO) planted in out/, at the staging name and
    at the lock name are never followed: what they point to is untouched;
(f) a FIFO in place of a theme template or the style sheet: the build
    does not hang, exits 3 with an exact message, and out/ is untouched;
(g) an I/O error reading a content file (EIO injected into its open with
    strace; skipped, with a message, where strace cannot trace), early and
    late in a tree big enough for the loader's worker threads, with a
    content error in another file: exit 3, the one exact I/O message and
    no other (which files were read by then depends on the threads), the
    same on every run, and out/ untouched.
"""
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ghlib  # noqa: E402
from atomicity import big_tree, content_snap, full_snap, stages  # noqa: E402

EXAMPLE = os.path.join(ghlib.TOP, "content")


def build(tmp, content="content", out="out", *extra):
    return ghlib.run(["build", "-c", content, "-o", out, "-q"] + list(extra), tmp)


# strace counts an injection's "when" per thread: thread creation fails
# under tracing, so the build runs its single-threaded fallback and the
# N-th write of the build is the N-th write of its one thread (strace
# injects only into traced calls: every trace= list names clone too)
ONE_THREAD = ["-e", "inject=clone,clone3:error=EAGAIN"]
CLONE = ",clone,clone3"


def traced_env():
    """LeakSanitizer cannot run under ptrace (make test-asan)."""
    opts = os.environ.get("ASAN_OPTIONS", "")
    return ghlib.env(ASAN_OPTIONS=(opts + ":" if opts else "") + "detect_leaks=0")


def traced(tmp, strace_args, content="content", out="out"):
    """Run a build under strace with the given -e options."""
    ghlib.theme_link(tmp)
    return subprocess.run(["strace", "-f", "-qq", "-o", "/dev/null"] + ONE_THREAD + strace_args +
                          [ghlib.BIN, "build", "-c", content, "-o", out, "-q"],
                          cwd=tmp, env=traced_env(), stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=120)


def strace_works(tmp):
    if shutil.which("strace") is None:
        return "strace is not installed (apt-get install strace)"
    p = subprocess.run(["strace", "-f", "-qq", "-o", "/dev/null", "true"],
                       capture_output=True)
    if p.returncode != 0:
        return "strace cannot trace here (ptrace not permitted): %s" % \
            p.stderr.decode("utf-8", "replace").strip()[:200]
    return None


def count_calls(tmp, content="content"):
    """Syscalls of a build of content into a throwaway copy of out/:
    (number of the first write into the staging tree, of the last write
    before the switch, unlinks after the switch, links before it). Writes
    before the staging directory exists are not files (ASan writes to a
    pipe of its own)."""
    shutil.rmtree(os.path.join(tmp, "probe"), ignore_errors=True)
    shutil.copytree(os.path.join(tmp, "out"), os.path.join(tmp, "probe"), symlinks=True)
    trace = os.path.join(tmp, "trace")
    ghlib.theme_link(tmp)
    subprocess.run(["strace", "-f", "-qq", "-o", trace] + ONE_THREAD +
                   ["-e", "trace=write,renameat2,unlinkat,linkat,mkdirat" + CLONE,
                    ghlib.BIN, "build", "-c", content, "-o", "probe", "-q"],
                   cwd=tmp, env=traced_env(), capture_output=True, timeout=120)
    writes = unlinks_after = links = 0
    first = None
    switched = False
    with open(trace) as f:
        for line in f:
            call = line.split(None, 1)[1].split("(", 1)[0] if " " in line else ""
            if call == "mkdirat" and ".probe.stage-" in line and first is None:
                first = writes + 1
            elif call == "renameat2":
                switched = True
            elif call == "unlinkat" and switched:
                unlinks_after += 1
            elif call == "write" and not switched:
                writes += 1
            elif call == "linkat" and not switched:
                links += 1
    os.remove(trace)
    shutil.rmtree(os.path.join(tmp, "probe"), ignore_errors=True)
    for s in stages(tmp, "probe"):
        shutil.rmtree(os.path.join(tmp, s), ignore_errors=True)
    return first or 1, writes, unlinks_after, links


def edit_page(tmp, content, text):
    path = os.path.join(tmp, content, "pages", "contact.md")
    ghlib.write(path, ghlib.read_bytes(path).split(b"\n<!-- v -->")[0] +
                b"\n<!-- v -->\n" + text.encode())


def part_a(tap):
    with ghlib.TempDir("gh-faults-") as tmp:
        why = strace_works(tmp)
        if why:
            tap.skip("(a) SIGKILL at exact points of the write phase", why)
            return
        # v2 changes every page (the organisation's name): every file is
        # written; v3 changes one page: the others are hard-linked over
        for v in ("v1", "v2", "v3"):
            shutil.copytree(EXAMPLE, os.path.join(tmp, v))
        site = os.path.join(tmp, "v2", "site.yaml")
        ghlib.write(site, ghlib.read_bytes(site).replace(b"Northwind", b"Southwind"))
        edit_page(tmp, "v3", "Version three of this page.\n")
        for v in ("v1", "v2", "v3"):
            p = build(tmp, v, "ref-" + v)
            if not tap.ok(p.returncode == 0, "(a) reference build of %s" % v, ghlib.outtext(p)):
                return
        ref2 = content_snap(os.path.join(tmp, "ref-v2"))
        p = build(tmp, "v1")
        if not tap.ok(p.returncode == 0, "(a) first build", ghlib.outtext(p)):
            return
        out = os.path.join(tmp, "out")
        first, writes, unlinks_after, _ = count_calls(tmp, "v2")
        _, _, _, links = count_calls(tmp, "v3")
        tap.ok(writes - first > 20 and unlinks_after > 20 and links > 20,
               "(a) a build writes %d files before the switch and unlinks %d after it; "
               "one that changes a page links %d unchanged files over"
               % (writes - first + 1, unlinks_after, links))

        before = full_snap(out)
        points = [
            ("at the first file written", "v2", "write", first),
            ("half-way through the writes", "v2", "write", (first + writes) // 2),
            ("at the last page written", "v2", "write", writes - 1),
            ("while writing the marker, just before the switch", "v2", "write", writes),
            ("half-way through linking unchanged files over", "v3", "linkat", links // 2),
            ("at the switch (renameat2 never runs)", "v2", "renameat2", 1),
        ]
        for name, v, call, when in points:
            p = traced(tmp, ["-e", "trace=%s%s" % (call, CLONE),
                             "-e", "inject=%s:signal=KILL:when=%d" % (call, when)], v)
            tap.ok(p.returncode == 128 + signal.SIGKILL or p.returncode == -signal.SIGKILL,
                   "(a) killed %s" % name, ghlib.outtext(p))
            after = full_snap(out)
            tap.ok(after == before, "(a) ... out/ is identical (bytes, mtimes, inodes)",
                   ghlib.snap_diff(before, after))
            tap.ok(len(stages(tmp)) == 1, "(a) ... and its staging directory is left "
                   "(the next build's to remove)", stages(tmp))
            # the next killed build removes it: then exactly one is left again

        # just after the switch: out/ is the new site, the old tree is
        # still under the staging name
        for name, when in (("just after the switch (first unlink of the old tree)", 1),
                           ("half-way through removing the old tree", unlinks_after // 2)):
            p = build(tmp, "v1")
            tap.ok(p.returncode == 0 and not stages(tmp),
                   "(a) a normal build removes the stale staging directories", ghlib.outtext(p))
            p = traced(tmp, ["-e", "trace=unlinkat,renameat2" + CLONE,
                             "-e", "inject=unlinkat:signal=KILL:when=%d" % when], "v2")
            tap.ok(p.returncode in (128 + signal.SIGKILL, -signal.SIGKILL),
                   "(a) killed %s" % name, ghlib.outtext(p))
            got = content_snap(out)
            tap.ok(got == ref2, "(a) ... out/ is the complete new site",
                   ghlib.snap_diff(ref2, got, fields=(0, 1)))
            tap.ok(len(stages(tmp)) == 1, "(a) ... the old tree is left under the staging name",
                   stages(tmp))
            p = build(tmp, "v2")
            tap.ok(p.returncode == 0 and not stages(tmp) and content_snap(out) == ref2,
                   "(a) ... the next build succeeds and removes it", ghlib.outtext(p))


def part_b(tap):
    with ghlib.TempDir("gh-faults-") as tmp:
        big_tree(os.path.join(tmp, "content"), npurposes=3000)
        p = build(tmp)
        if not tap.ok(p.returncode == 0, "(b) big tree builds", ghlib.outtext(p)):
            return
        out = os.path.join(tmp, "out")
        path = os.path.join(tmp, "content", "purposes", "p0001.md")
        ghlib.write(path, ghlib.read_bytes(path).replace(b"title: Purpose p0001",
                                                         b"title: Renamed p0001"))
        caught = False
        for _ in range(5):
            ino = os.stat(out).st_ino
            proc = ghlib.popen(["build", "-c", "content", "-o", "out", "-q"], tmp,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            t0 = time.monotonic()
            while proc.poll() is None and time.monotonic() - t0 < 60:
                try:
                    if os.stat(out).st_ino != ino:
                        os.kill(proc.pid, signal.SIGKILL)
                        caught = True
                        break
                except FileNotFoundError:
                    pass
                time.sleep(0.0002)
            proc.wait()
            if caught:
                break
            # finished first: make it a change again and retry
            ghlib.write(path, ghlib.read_bytes(path).replace(b"Renamed", b"Again"))
        tap.ok(caught, "(b) build killed by polling just after the switch",
               "the build always finished first")
        if not caught:
            return
        page = os.path.join(out, "public", "purposes", "p0001.html")
        tap.ok(os.path.exists(page) and b"p0001" in ghlib.read_bytes(page) and
               os.path.exists(os.path.join(out, ".glasshouse")),
               "(b) ... out/ is the complete new site")
        left = stages(tmp)
        tap.ok(len(left) == 1, "(b) ... the old tree is left under the staging name", left)
        n_old = sum(len(fs) for _, _, fs in os.walk(os.path.join(tmp, left[0]))) if left else 0
        p = build(tmp)
        tap.ok(p.returncode == 0 and not stages(tmp),
               "(b) ... the next build removes it (%d files were left)" % n_old,
               ghlib.outtext(p))


def try_mount(path, size_k):
    os.makedirs(path, exist_ok=True)
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%dk,mode=0755" % size_k,
                        "tmpfs", path], capture_output=True)
    if p.returncode != 0:
        return "cannot mount a tmpfs here: %s" % p.stderr.decode("utf-8", "replace").strip()[:200]
    return None


def umount(path):
    subprocess.run(["umount", path], capture_output=True)


def part_c(tap):
    with ghlib.TempDir("gh-faults-") as tmp:
        shutil.copytree(EXAMPLE, os.path.join(tmp, "content"))
        p = build(tmp, "content", "sizing")
        if not tap.ok(p.returncode == 0, "(c) example builds", ghlib.outtext(p)):
            return
        size_k = 0
        for d, _, fs in os.walk(os.path.join(tmp, "sizing")):
            size_k += 4 + sum((os.lstat(os.path.join(d, f)).st_size + 4095) // 4096 * 4 for f in fs)
        mnt = os.path.join(tmp, "small")
        # room for one site and a half: a rebuild that changes every page
        # does not fit
        why = try_mount(mnt, size_k * 3 // 2 + 64)
        if why:
            tap.skip("(c) a full filesystem (ENOSPC)", why)
            return
        try:
            p = build(tmp, "content", "small/out")
            if not tap.ok(p.returncode == 0, "(c) the site fits once on a %d KiB tmpfs"
                          % (size_k * 3 // 2 + 64), ghlib.outtext(p)):
                return
            out = os.path.join(mnt, "out")
            before = full_snap(out)
            site = os.path.join(tmp, "content", "site.yaml")
            ghlib.write(site, ghlib.read_bytes(site).replace(b"Northwind", b"Southwind"))
            p = build(tmp, "content", "small/out")
            tap.ok(p.returncode == 3, "(c) a rebuild that does not fit exits 3", ghlib.outtext(p))
            tap.ok(b"No space left on device" in p.stderr, "(c) ... and says why",
                   ghlib.outtext(p))
            after = full_snap(out)
            tap.ok(after == before, "(c) ... out/ is identical (bytes, mtimes, inodes)",
                   ghlib.snap_diff(before, after))
            tap.ok(not stages(mnt), "(c) ... and no staging directory is left", stages(mnt))
            ghlib.write(site, ghlib.read_bytes(site).replace(b"Southwind", b"Northwind"))
            p = build(tmp, "content", "small/out")
            tap.ok(p.returncode == 0 and not stages(mnt),
                   "(c) the unchanged site rebuilds in place (hard links need no room)",
                   ghlib.outtext(p))
        finally:
            umount(mnt)
        why = try_mount(mnt, 64)
        if why:
            tap.skip("(c) a first build that does not fit", why)
            return
        try:
            p = build(tmp, "content", "small/out")
            tap.ok(p.returncode == 3 and b"No space left on device" in p.stderr,
                   "(c) a first build on a 64 KiB tmpfs exits 3 with ENOSPC", ghlib.outtext(p))
            tap.ok(sorted(os.listdir(mnt)) == [".out.lock"],
                   "(c) ... and leaves nothing but the lock file", sorted(os.listdir(mnt)))
        finally:
            umount(mnt)


def part_d(tap):
    with ghlib.TempDir("gh-faults-") as tmp:
        why = strace_works(tmp)
        if why:
            tap.skip("(d) two builds at once, the first held in its write phase", why)
            return
        shutil.copytree(EXAMPLE, os.path.join(tmp, "a"))
        shutil.copytree(EXAMPLE, os.path.join(tmp, "b"))
        edit_page(tmp, "b", "Version B of this page.\n")
        p = build(tmp, "b", "ref-b")
        tap.ok(p.returncode == 0, "(d) reference build of b", ghlib.outtext(p))
        ref = content_snap(os.path.join(tmp, "ref-b"))
        ghlib.theme_link(tmp)
        # a holds the lock for 1.5 s at its switch
        first = subprocess.Popen(["strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=renameat2",
                                  "-e", "inject=renameat2:delay_enter=1500000",
                                  ghlib.BIN, "build", "-c", "a", "-o", "out", "-q"],
                                 cwd=tmp, env=traced_env(), stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        t0 = time.monotonic()
        while not stages(tmp) and time.monotonic() - t0 < 30:
            time.sleep(0.005)
        second = ghlib.popen(["build", "-c", "b", "-o", "out", "-q"], tmp,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        o2, e2 = second.communicate(timeout=120)
        o1, e1 = first.communicate(timeout=120)
        tap.ok(first.returncode == 0 and second.returncode == 0,
               "(d) both builds exit 0", "exit %d, %d\n%s\n%s" % (
                   first.returncode, second.returncode, e1.decode(), e2.decode()))
        tap.ok(b"waiting for another build of 'out' to finish" in e2,
               "(d) the second says it waits for the lock", e2.decode())
        got = content_snap(os.path.join(tmp, "out"))
        tap.ok(got == ref, "(d) out/ is the second build's complete site",
               ghlib.snap_diff(ref, got, fields=(0, 1)))
        tap.ok(not stages(tmp), "(d) no staging directory left", stages(tmp))


def part_e(tap):
    with ghlib.TempDir("gh-faults-") as tmp:
        shutil.copytree(EXAMPLE, os.path.join(tmp, "content"))
        victim = os.path.join(tmp, "victim")
        ghlib.write(os.path.join(victim, "precious.html"), "precious\n")
        ghlib.write(os.path.join(victim, "purposes", "keep.html"), "keep\n")
        p = build(tmp)
        if not tap.ok(p.returncode == 0, "(e) example builds", ghlib.outtext(p)):
            return
        ref = content_snap(os.path.join(tmp, "out"))
        out = os.path.join(tmp, "out")
        vsnap = full_snap(victim)
        # plant links where files and directories of the site are
        shutil.rmtree(os.path.join(out, "public", "purposes"))
        os.symlink(os.path.join(victim, "purposes"), os.path.join(out, "public", "purposes"))
        os.remove(os.path.join(out, "public", "index.html"))
        os.symlink(os.path.join(victim, "precious.html"), os.path.join(out, "public", "index.html"))
        shutil.rmtree(os.path.join(out, "internal"))
        os.symlink(victim, os.path.join(out, "internal"))
        os.remove(os.path.join(out, "public", "rights.html"))
        os.mkfifo(os.path.join(out, "public", "rights.html"))
        os.symlink(victim, os.path.join(tmp, ".out.stage-99999"))
        t0 = time.monotonic()
        p = build(tmp)
        dt = time.monotonic() - t0
        tap.ok(p.returncode == 0, "(e) a build over planted links and a FIFO succeeds "
               "(%.2fs, no hang)" % dt, ghlib.outtext(p))
        tap.ok(full_snap(victim) == vsnap, "(e) ... what the links point to is untouched",
               ghlib.snap_diff(vsnap, full_snap(victim)))
        links = [r for r, a in ghlib.walk(out) if os.path.islink(a)]
        tap.ok(not links, "(e) ... no link is left in out/", links)
        got = content_snap(out)
        tap.ok(got == ref, "(e) ... out/ is the complete site again",
               ghlib.snap_diff(ref, got, fields=(0, 1)))
        tap.ok(not os.path.lexists(os.path.join(tmp, ".out.stage-99999")),
               "(e) ... and the link at a staging name is removed, not followed")

        os.remove(os.path.join(tmp, ".out.lock"))
        os.symlink(os.path.join(victim, "precious.html"), os.path.join(tmp, ".out.lock"))
        before = full_snap(out)
        p = build(tmp)
        tap.ok(p.returncode == 3 and b".out.lock" in p.stderr,
               "(e) a link at the lock's name is refused (exit 3)", ghlib.outtext(p))
        tap.ok(full_snap(victim) == vsnap and full_snap(out) == before,
               "(e) ... its target and out/ are untouched",
               ghlib.snap_diff(vsnap, full_snap(victim)) + ghlib.snap_diff(before, full_snap(out)))


def fifo_in_theme(tap, tmp, rel, what, want):
    """Replace theme/REL with a FIFO, build: exit 3, message WANT, out/
    untouched, no hang; then put the file back."""
    before = full_snap(os.path.join(tmp, "out"))
    path = os.path.join(tmp, "theme", rel)
    os.remove(path)
    os.mkfifo(path)
    try:
        p = build(tmp, "content", "out", "--theme", "theme")
    except subprocess.TimeoutExpired:
        tap.ok(False, "(f) a FIFO as %s does not hang the build" % what)
        return
    finally:
        os.remove(path)
        shutil.copy(os.path.join(ghlib.TOP, "themes", "default", rel), path)
    tap.ok(p.returncode == 3 and p.stderr.decode() == want,
           "(f) a FIFO as %s is refused (exit 3, exact message)" % what,
           ghlib.outtext(p))
    tap.ok(full_snap(os.path.join(tmp, "out")) == before,
           "(f) ... and out/ is untouched")


def part_f(tap):
    with ghlib.TempDir("gh-faults-") as tmp:
        shutil.copytree(EXAMPLE, os.path.join(tmp, "content"))
        shutil.copytree(os.path.join(ghlib.TOP, "themes", "default"),
                        os.path.join(tmp, "theme"))
        p = build(tmp)
        if not tap.ok(p.returncode == 0, "(f) example builds", ghlib.outtext(p)):
            return
        fifo_in_theme(tap, tmp, "templates/footer.tpl", "a theme template",
                      "theme/templates/footer.tpl: error: cannot read template "
                      "'theme/templates/footer.tpl': not a regular file\n")
        fifo_in_theme(tap, tmp, "static/style.css", "the theme's style sheet",
                      "theme/static/style.css: error: cannot read style sheet "
                      "(or larger than 1 MiB)\n")


def part_g(tap):
    with ghlib.TempDir("gh-faults-") as tmp:
        why = strace_works(tmp)
        if why:
            tap.skip("(g) I/O errors while loading", why)
            return
        big_tree(os.path.join(tmp, "content"), npurposes=400, per_system=10)
        p = build(tmp)
        if not tap.ok(p.returncode == 0, "(g) the tree builds", ghlib.outtext(p)):
            return
        before = full_snap(os.path.join(tmp, "out"))
        # a content error early in the decode order, so decode has
        # diagnostics by the time the I/O error comes
        ghlib.write(os.path.join(tmp, "content", "inventory", "sys0000.yaml"),
                    "name: [broken\n")
        ghlib.theme_link(tmp)
        for rel in ("inventory/sys0003.yaml", "purposes/p0390.md"):
            path = os.path.join("content", rel)
            want = "glasshouse: cannot open '%s': Input/output error\n" % path
            for run in range(3):
                # -P matches the path as the build spells it
                p = subprocess.run(["strace", "-f", "-qq", "-o", "/dev/null", "-P", path,
                                    "-e", "trace=openat", "-e", "inject=openat:error=EIO",
                                    ghlib.BIN, "build", "-c", "content", "-o", "out", "-q"],
                                   cwd=tmp, env=traced_env(), stdin=subprocess.DEVNULL,
                                   capture_output=True, timeout=120)
                err = "".join(line for line in p.stderr.decode().splitlines(True)
                              if not line.startswith("strace: "))
                tap.ok(p.returncode == 3 and err == want,
                       "(g) EIO opening %s: exit 3, only that error (run %d)" % (rel, run + 1),
                       ghlib.outtext(p))
            tap.ok(full_snap(os.path.join(tmp, "out")) == before,
                   "(g) ... and out/ is untouched")


def main():
    tap = ghlib.Tap()
    if ghlib.need_binary(tap):
        part_a(tap)
        part_b(tap)
        part_c(tap)
        part_d(tap)
        part_e(tap)
        part_f(tap)
        part_g(tap)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
