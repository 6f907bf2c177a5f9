#!/usr/bin/env python3
"""run.py - `make bench`: glasshouse against Hugo and the cmark floor.

    python3 tests/bench/run.py [--sizes 1000,10000] [--runs 3]
                               [--glasshouse build/glasshouse]
                               [--floor build/bench/cmark-floor]
                               [--work build/bench]

For each size N it generates a content tree and the equivalent Hugo site
(gen.py; again only when N, the seed or gen.py changed), then, for a
tmpfs (every size) and then for the disk under --work (every size), runs
glasshouse build, hugo and the cmark floor --runs times each, alternating
the order of the tools from run to run, every run into a new directory;
disk outputs are deleted only at the end (deleting files slows creating
them for minutes on ext4 without a journal). It prints medians of
wall time, user+sys CPU time and peak RSS per tool, the median over runs
of the per-run ratios glasshouse/Hugo and glasshouse/floor (only ratios
measured in one run are comparable on a shared machine), `check` alone
next to the libyaml floor (yaml_floor.c: libyaml over the same YAML in
one thread),
and a rebuild with no change, whose summary line must say 0 changed;
after the timed runs, one more build with GLASSHOUSE_TIMINGS=1 shows
how the time splits over the stages.

Hugo is Debian's `hugo`, installed with apt-get when missing and running
as root; without it the Hugo columns are skipped, loudly. Exits 1 when a
no-change rebuild writes a file or a tool fails, else 0: timings never
fail the run (they are for people to read, not for CI).
"""
import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
ENV = dict(os.environ, LC_ALL="C", TZ="UTC", SOURCE_DATE_EPOCH="1790000000")


def say(msg):
    print(msg, flush=True)


def timed(cmd, cwd=None):
    """Run cmd and measure it with wait4: (wall, cpu, rss_mb, rc, out)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.stdout.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    return (wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0,
            p.returncode, out.decode("utf-8", "replace"))


def ensure_hugo():
    if shutil.which("hugo"):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say("bench: installing Debian's hugo")
        e = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.call(["apt-get", "update", "-qq"], env=e,
                        stdout=subprocess.DEVNULL)
        subprocess.call(["apt-get", "install", "-y", "-qq", "hugo"], env=e,
                        stdout=subprocess.DEVNULL)
    if shutil.which("hugo"):
        return True
    say("bench: SKIPPING HUGO: `hugo` is not installed and cannot be "
        "installed here (apt-get install hugo, as root)")
    return False


def fstype(path):
    best, typ = "", "?"
    path = os.path.realpath(path)
    with open("/proc/mounts") as f:
        for line in f:
            dev, mnt, t = line.split()[:3]
            if (path == mnt or path.startswith(mnt.rstrip("/") + "/")) \
                    and len(mnt) >= len(best):
                best, typ = mnt, t
    return typ


def tmpfs_dir():
    """A fresh directory on a tmpfs, and a cleanup function."""
    if os.path.isdir("/dev/shm") and fstype("/dev/shm") == "tmpfs":
        d = tempfile.mkdtemp(prefix="glasshouse-bench-", dir="/dev/shm")
        return d, lambda: shutil.rmtree(d, ignore_errors=True)
    d = tempfile.mkdtemp(prefix="glasshouse-bench-")
    if os.geteuid() == 0 and subprocess.call(
            ["mount", "-t", "tmpfs", "-o", "size=8g", "tmpfs", d]) == 0:
        def clean():
            subprocess.call(["umount", d])
            shutil.rmtree(d, ignore_errors=True)
        return d, clean
    os.rmdir(d)
    return None, None


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_row(name, r):
    return "  %-12s %8.3f %8.3f %8.0f" % (name, med(r["wall"]), med(r["cpu"]),
                                          med(r["rss"]))


def bench_target(n, src, where, label, args, has_hugo):
    """Runs of the three tools into fresh directories under where."""
    tools = ["glasshouse"] + (["hugo"] if has_hugo else []) + ["floor"]
    res = {t: {"wall": [], "cpu": [], "rss": []} for t in tools}
    ok = True
    for i in range(args.runs):
        order = tools if i % 2 == 0 else list(reversed(tools))
        for t in order:
            out = os.path.join(where, "%s-%d-%d" % (t, n, i))
            if t == "glasshouse":
                cmd = [args.glasshouse, "build", "-c",
                       os.path.join(src, "content"), "-o", out, "-q"]
            elif t == "hugo":
                cmd = ["hugo", "--quiet", "-s", os.path.join(src, "hugo"),
                       "-d", out]
            else:
                os.makedirs(out)
                cmd = [args.floor, os.path.join(src, "content", "purposes"),
                       os.path.join(out, "bodies.html")]
            wall, cpu, rss, rc, text = timed(cmd)
            if rc != 0:
                say("bench: %s failed (exit %d):\n%s" % (t, rc, text[-2000:]))
                ok = False
            res[t]["wall"].append(wall)
            res[t]["cpu"].append(cpu)
            res[t]["rss"].append(rss)
    say("N=%d, %s (%s):" % (n, label, fstype(where)))
    say("  %-12s %8s %8s %8s" % ("tool", "wall s", "cpu s", "RSS MB"))
    for t in tools:
        say(fmt_row(t, res[t]))
    g = res["glasshouse"]["wall"]
    if has_hugo:
        r = [a / b for a, b in zip(g, res["hugo"]["wall"])]
        say("  glasshouse/hugo  wall ratio %.3f (%s)" % (med(r),
            "%.1fx faster" % (1 / med(r)) if med(r) <= 1 else
            "%.1fx slower" % med(r)))
    r = [a / b for a, b in zip(g, res["floor"]["wall"])]
    say("  glasshouse/floor wall ratio %.3f" % med(r))
    stages(n, src, where, args)
    return ok


def stages(n, src, where, args):
    """One more build with GLASSHOUSE_TIMINGS=1: where the time goes."""
    out = os.path.join(where, "stages-%d" % n)
    p = subprocess.run([args.glasshouse, "build", "-c",
                        os.path.join(src, "content"), "-o", out, "-q"],
                       env=dict(ENV, GLASSHOUSE_TIMINGS="1"),
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    parts = []
    peak = ""
    for m in re.finditer(r"timing: (\S+)\s+([\d.]+) ms wall\s+([\d.]+) ms cpu"
                         r"\s+\d+ MB now\s+(\d+) MB peak", p.stderr):
        parts.append("%s %.0f/%.0f" % (m.group(1), float(m.group(2)),
                                       float(m.group(3))))
        if m.group(1) == "check":
            peak = " (peak RSS after check: %s MB)" % m.group(4)
    say("  glasshouse stages, ms wall/cpu (one run): " + ", ".join(parts) + peak)


def rebuild(n, src, where, label, args):
    """A build, then the same build again: 0 files may change."""
    out = os.path.join(where, "rebuild-%d" % n)
    content = os.path.join(src, "content")
    cmd = [args.glasshouse, "build", "-c", content, "-o", out]
    first = timed(cmd)
    walls, changed = [], []
    for _ in range(args.runs):
        wall, cpu, rss, rc, text = timed(cmd)
        m = re.search(r"(\d+) files, (\d+) changed", text)
        walls.append(wall)
        changed.append(int(m.group(2)) if m and rc == 0 else -1)
    bad = first[3] != 0 or any(c != 0 for c in changed)
    say("  no-change rebuild, %s: %.3f s, files written %s%s" %
        (label, med(walls), ",".join(str(c) for c in changed),
         "  FAIL: must be 0" if bad else ""))
    return not bad


def measure(cmd, runs):
    """runs runs of cmd: ({wall, cpu, rss: lists}, all exited 0)."""
    res = {"wall": [], "cpu": [], "rss": []}
    ok = True
    for _ in range(runs):
        wall, cpu, rss, rc, _ = timed(cmd)
        ok &= rc == 0
        res["wall"].append(wall)
        res["cpu"].append(cpu)
        res["rss"].append(rss)
    return res, ok


def generate(n, args):
    """The tree of size n, generated again only when N, the seed or
    gen.py changed (regenerating deletes the old tree: see main)."""
    src = os.path.join(args.work, "n%d" % n)
    gen = os.path.join(HERE, "gen.py")
    with open(gen, "rb") as f:
        stamp = "%d %d %s\n" % (n, args.seed,
                                hashlib.sha256(f.read()).hexdigest())
    path = os.path.join(src, ".gen-stamp")
    try:
        with open(path) as f:
            if f.read() == stamp:
                return src
    except OSError:
        pass
    subprocess.check_call([sys.executable, gen, str(n), src,
                           "--seed", str(args.seed)])
    with open(path, "w") as f:
        f.write(stamp)
    return src


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--glasshouse",
                    default=os.path.join(TOP, "build", "glasshouse"))
    ap.add_argument("--floor",
                    default=os.path.join(TOP, "build", "bench", "cmark-floor"))
    ap.add_argument("--yaml-floor", dest="yaml_floor",
                    default=os.path.join(TOP, "build", "bench", "yaml-floor"))
    ap.add_argument("--work", default=os.path.join(TOP, "build", "bench"))
    args = ap.parse_args()
    args.glasshouse = os.path.abspath(args.glasshouse)
    args.floor = os.path.abspath(args.floor)
    args.yaml_floor = os.path.abspath(args.yaml_floor)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    has_hugo = ensure_hugo()
    if has_hugo:
        v = subprocess.run(["hugo", "version"], capture_output=True,
                           text=True).stdout.strip()
        say("bench: %s" % v.split(" BuildDate")[0])
    say("bench: %d cores, load average %s, %d runs per tool, medians" %
        (os.cpu_count(), " ".join("%.2f" % x for x in os.getloadavg()),
         args.runs))
    os.makedirs(args.work, exist_ok=True)
    shm, shm_clean = tmpfs_dir()
    if shm is None:
        say("bench: SKIPPING TMPFS: /dev/shm is not a tmpfs and mounting "
            "one failed (needs root)")
    ok = True
    srcs = {n: generate(n, args) for n in sizes}
    kept = []
    try:
        # Every tmpfs run first, then every disk run, and no disk output
        # deleted before the end: on ext4 without a journal, deleting
        # files slows down creating others for minutes (README), which
        # would measure the benchmark's own clean-up.
        targets = []
        if shm is not None:
            targets += [(n, os.path.join(shm, "n%d" % n), "tmpfs")
                        for n in sizes]
        targets += [(n, os.path.join(args.work, "out-n%d" % n), "disk")
                    for n in sizes]
        for n, where, label in targets:
            say("")
            shutil.rmtree(where, ignore_errors=True)
            os.makedirs(where)
            ok &= bench_target(n, srcs[n], where, label, args, has_hugo)
            ok &= rebuild(n, srcs[n], where, label, args)
            if label == "tmpfs":
                shutil.rmtree(where, ignore_errors=True)
            else:
                kept.append(where)
        if sizes:
            content = os.path.join(srcs[max(sizes)], "content")
            say("")
            say("N=%d, check alone:" % max(sizes))
            r, ok1 = measure([args.glasshouse, "check", "-c", content],
                             args.runs)
            y, ok2 = measure([args.yaml_floor, content], args.runs)
            ok &= ok1 and ok2
            say("  %-12s %8s %8s %8s" % ("", "wall s", "cpu s", "RSS MB"))
            say(fmt_row("check", r))
            say(fmt_row("yaml floor", y))
            say("  check/yaml-floor wall ratio %.3f" %
                (med(r["wall"]) / med(y["wall"])))
    finally:
        for where in kept:
            shutil.rmtree(where, ignore_errors=True)
        if shm_clean:
            shm_clean()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
