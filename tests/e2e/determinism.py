#!/usr/bin/env python3
"""Determinism (content-format section 7): same input, same bytes; no
build timestamps; unchanged files are not rewritten.

1. Two builds of the example into different directories, a second apart,
   give the same file list and bytes; so does a copy of the content whose
   files were created in the reverse order (a different directory listing
   order) with different mtimes, and so does naming the content directory
   differently on the command line (relative, ./x/, absolute).
2. Rebuilding the same directory rewrites nothing: every file keeps its
   mtime and inode, and the summary line says "0 changed".
3. Changing one purpose's Markdown body changes only that purpose's pages
   (and at most the inventory.json files); changing its title changes
   exactly the files that show the title. Every other file keeps its
   mtime and inode, and the summary counts the changed files right.
4. A --audience public rebuild leaves internal/ untouched.
5. The bytes do not depend on the threads: a synthetic tree of 300
   systems and purposes (tests/bench/gen.py) built as usual (both sites
   on two threads taking jobs from one list), on one thread (thread
   creation made to fail with strace's fault injection; skipped, with a
   message, where strace cannot trace), and one audience at a time, gives
   the same files and bytes every time.
"""
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ghlib  # noqa: E402

EXAMPLE = os.path.join(ghlib.TOP, "content")
# The purpose the change tests edit: this one when the example has it.
PURPOSE = "email-newsletter"
if not os.path.exists(os.path.join(EXAMPLE, "purposes", PURPOSE + ".md")):
    PURPOSE = sorted(os.listdir(os.path.join(EXAMPLE, "purposes")))[0][:-3]


def build(tmp, content, out, *extra):
    return ghlib.run(["build", "-c", content, "-o", out] + list(extra), tmp)


def changed_count(p):
    m = re.search(rb"(\d+) files, (\d+) changed", p.stdout)
    return (int(m.group(1)), int(m.group(2))) if m else None


def bytes_of(snap):
    return {k: v[:2] for k, v in snap.items()}


def copy_reversed(src, dst):
    """Copy a tree creating entries in reverse order, mtimes shuffled."""
    entries = ghlib.walk(src)
    for rel, p in entries:
        if os.path.isdir(p):
            os.makedirs(os.path.join(dst, rel), exist_ok=True)
    for i, (rel, p) in enumerate(reversed(entries)):
        if os.path.isfile(p):
            shutil.copyfile(p, os.path.join(dst, rel))
            os.utime(os.path.join(dst, rel), (1e9 + i * 7919, 1e9 + i * 7919))


def changed_files(a, b):
    return sorted(k for k in set(a) | set(b) if a.get(k, (None, None))[:2] != b.get(k, (None, None))[:2])


MARKER = ".glasshouse"


def rewritten(a, b, marker=False):
    """Files present in both whose bytes are equal but mtime or inode not.
    The marker file is judged on its own (marker=True: only it)."""
    return sorted(k for k in a if k in b and a[k][0] == "file" and a[k][1] == b[k][1]
                  and (a[k][2] != b[k][2] or a[k][3] != b[k][3])
                  and (k == MARKER) == marker)


def main():
    tap = ghlib.Tap()
    if not ghlib.need_binary(tap):
        return tap.done()
    with ghlib.TempDir("gh-det-") as tmp:
        shutil.copytree(EXAMPLE, os.path.join(tmp, "content"))
        # The reversed copy is also called "content" (internal pages name
        # their source file as the path given with -c).
        copy_reversed(EXAMPLE, os.path.join(tmp, "rev", "content"))

        # 1. Same input, same bytes.
        p1 = build(tmp, "content", "out1")
        time.sleep(1.1)
        p2 = build(tmp, "content", "out2")
        p3 = build(os.path.join(tmp, "rev"), "content", "../out3")
        tap.ok(p1.returncode == p2.returncode == p3.returncode == 0, "three builds exit 0",
               ghlib.outtext(p1) + ghlib.outtext(p2) + ghlib.outtext(p3))
        s1 = ghlib.snapshot(os.path.join(tmp, "out1"))
        s2 = ghlib.snapshot(os.path.join(tmp, "out2"))
        s3 = ghlib.snapshot(os.path.join(tmp, "out3"))
        tap.ok(len(s1) > 50, "the example gives %d entries" % len(s1))
        tap.ok(bytes_of(s1) == bytes_of(s2), "two builds a second apart: same files, same bytes",
               ghlib.snap_diff(s1, s2, fields=(0, 1)))
        tap.ok(bytes_of(s1) == bytes_of(s3),
               "content created in reverse order, other mtimes: same files, same bytes",
               ghlib.snap_diff(s1, s3, fields=(0, 1)))
        # The way the content directory is named on the command line
        # (absolute, with ./ and a trailing slash) changes no byte.
        p4 = build(tmp, os.path.join(tmp, "content") + "/", "out4")
        p5 = build(tmp, "./content/", "out5")
        s4 = ghlib.snapshot(os.path.join(tmp, "out4"))
        s5 = ghlib.snapshot(os.path.join(tmp, "out5"))
        tap.ok(p4.returncode == p5.returncode == 0 and bytes_of(s1) == bytes_of(s4) == bytes_of(s5),
               "-c content, -c ./content/ and -c /abs/content/ give the same bytes",
               ghlib.snap_diff(s1, s4, fields=(0, 1)) + "\n" + ghlib.snap_diff(s1, s5, fields=(0, 1))
               + ghlib.outtext(p4))
        e1 = ghlib.snapshot(os.path.join(tmp, "out1"))
        with ghlib.TempDir("gh-det-") as t2:
            shutil.copytree(EXAMPLE, os.path.join(t2, "content"))
            q1 = ghlib.run(["build", "-c", "content", "-o", "o"], t2, epoch=1790000000)
            a = ghlib.snapshot(os.path.join(t2, "o"))
            time.sleep(1.1)
            q2 = ghlib.run(["build", "-c", "content", "-o", "p"], t2, epoch=1790000000)
            b = ghlib.snapshot(os.path.join(t2, "p"))
            tap.ok(q1.returncode == q2.returncode == 0 and bytes_of(a) == bytes_of(b),
                   "with SOURCE_DATE_EPOCH: two builds, same bytes",
                   ghlib.snap_diff(a, b, fields=(0, 1)) + ghlib.outtext(q1))

        # 2. A rebuild of the same directory writes nothing.
        time.sleep(0.05)
        p = build(tmp, "content", "out1")
        tap.ok(p.returncode == 0, "rebuild exits 0", ghlib.outtext(p))
        cnt = changed_count(p)
        nfiles = sum(1 for v in s1.values() if v[0] == "file")
        tap.ok(cnt is not None and cnt[1] == 0, "rebuild summary reports 0 changed",
               p.stdout.decode(errors="replace"))
        tap.ok(cnt is not None and cnt[0] in (nfiles, nfiles - 1),  # marker or not
               "rebuild summary counts the files (%d)" % nfiles, p.stdout.decode(errors="replace"))
        r = ghlib.snapshot(os.path.join(tmp, "out1"))
        tap.ok(bytes_of(r) == bytes_of(e1), "rebuild gives the same bytes",
               ghlib.snap_diff(e1, r, fields=(0, 1)))
        rw = rewritten(e1, r)
        tap.ok(not rw, "rebuild: every file keeps its mtime and inode",
               "rewritten: " + ", ".join(rw[:20]) + (" ... %d" % len(rw) if len(rw) > 20 else ""))
        tap.ok(not rewritten(e1, r, marker=True),
               "rebuild: the %s marker is not rewritten either" % MARKER,
               "its bytes did not change but it got a new mtime/inode")

        # 3a. Change one purpose's body: only its pages (and JSON) change.
        path = os.path.join(tmp, "content", "purposes", PURPOSE + ".md")
        text = ghlib.read_bytes(path)
        ghlib.write(path, text + b"\nOne more sentence, added by the determinism test.\n")
        before = r
        p = build(tmp, "content", "out1")
        after = ghlib.snapshot(os.path.join(tmp, "out1"))
        ch = changed_files(before, after)
        must = {"public/purposes/%s.html" % PURPOSE, "internal/purposes/%s.html" % PURPOSE}
        may = must | {"public/inventory.json", "internal/inventory.json"}
        tap.ok(p.returncode == 0 and must <= set(ch),
               "body change: the purpose's public and internal pages change", "changed: %s" % ch)
        tap.ok(set(ch) <= may, "body change: nothing else changes (JSON at most)",
               "unexpected: %s" % sorted(set(ch) - may))
        cnt = changed_count(p)
        tap.ok(cnt is not None and cnt[1] == len(ch),
               "body change: summary reports %d changed" % len(ch),
               p.stdout.decode(errors="replace"))
        rw = rewritten(before, after)
        tap.ok(not rw, "body change: unchanged files keep mtime and inode", "rewritten: %s" % rw[:20])

        # 3b. Change its title: exactly the files showing the title change.
        old_title = re.search(rb"^title: (.*)$", text, re.M).group(1)
        new_title = b"Zebra quokka newsletter"
        ghlib.write(path, ghlib.read_bytes(path).replace(b"title: " + old_title, b"title: " + new_title))
        before = after
        p = build(tmp, "content", "out1")
        after = ghlib.snapshot(os.path.join(tmp, "out1"))
        ch = set(changed_files(before, after))
        root = os.path.join(tmp, "out1")
        showing = {rel for rel in ghlib.files(root)
                   if new_title in ghlib.read_bytes(os.path.join(root, rel))}
        tap.ok(p.returncode == 0 and len(showing) >= 4,
               "title change: the new title shows in %d files" % len(showing), ghlib.outtext(p))
        tap.ok(ch == showing, "title change: the changed files are exactly those showing the title",
               "changed, not showing: %s\nshowing, not changed: %s"
               % (sorted(ch - showing)[:20], sorted(showing - ch)[:20]))
        rw = rewritten(before, after)
        tap.ok(not rw, "title change: unchanged files keep mtime and inode", "rewritten: %s" % rw[:20])

        # 4. --audience public leaves internal/ as it was.
        before = after
        p = build(tmp, "content", "out1", "--audience", "public")
        after = ghlib.snapshot(os.path.join(tmp, "out1"))
        intern = {k: v for k, v in before.items() if k.startswith("internal")}
        intern2 = {k: v for k, v in after.items() if k.startswith("internal")}
        tap.ok(p.returncode == 0 and intern == intern2,
               "--audience public rebuild leaves internal/ untouched (bytes, mtimes, inodes)",
               ghlib.snap_diff(intern, intern2) + ghlib.outtext(p))
        tap.ok(bytes_of(after) == bytes_of(before), "... and public/ is the same bytes",
               ghlib.snap_diff(before, after, fields=(0, 1)))
    threads(tap)
    return tap.done()


def threads(tap):
    from faults import ONE_THREAD, strace_works, traced_env
    with ghlib.TempDir("gh-det-") as tmp:
        gen = os.path.join(ghlib.TOP, "tests", "bench", "gen.py")
        subprocess.run([sys.executable, gen, "300", os.path.join(tmp, "syn"),
                        "--seed", "7"], check=True, capture_output=True)
        content = os.path.join("syn", "content")
        p = build(tmp, content, "two")
        if not tap.ok(p.returncode == 0, "5. the synthetic tree builds", ghlib.outtext(p)):
            return
        ref = bytes_of(ghlib.snapshot(os.path.join(tmp, "two")))
        tap.ok(len(ref) > 900, "5. ... into %d files" % len(ref))
        p1 = build(tmp, content, "split", "--audience", "public")
        p2 = build(tmp, content, "split", "--audience", "internal")
        got = bytes_of(ghlib.snapshot(os.path.join(tmp, "split")))
        tap.ok(p1.returncode == p2.returncode == 0 and got == ref,
               "5. one audience at a time: the same files and bytes",
               ghlib.snap_diff(ref, got, fields=(0, 1)) + ghlib.outtext(p1) + ghlib.outtext(p2))
        why = strace_works(tmp)
        if why is not None:
            tap.skip("5. on one thread", why)
            return
        ghlib.theme_link(tmp)
        p = subprocess.run(["strace", "-f", "-qq", "-o", "/dev/null"] + ONE_THREAD +
                           ["-e", "trace=clone,clone3", ghlib.BIN, "build", "-c", content,
                            "-o", "one", "-q"], cwd=tmp, env=traced_env(),
                           capture_output=True, timeout=300)
        got = bytes_of(ghlib.snapshot(os.path.join(tmp, "one")))
        tap.ok(p.returncode == 0 and got == ref,
               "5. on one thread (clone fails): the same files and bytes",
               ghlib.snap_diff(ref, got, fields=(0, 1)) + ghlib.outtext(p))


if __name__ == "__main__":
    sys.exit(main())
