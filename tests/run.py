#!/usr/bin/env python3
"""Run the test suites, several at once; see tests/run.sh.

    run.py BUILD [NAME...]

Suites: unit/<test_X> (the cmocka binaries in BUILD/tests), e2e/<name>
(tests/e2e/<name>.sh with GLASSHOUSE=BUILD/glasshouse) and arch
(tests/arch/arch.sh over BUILD/*.o). Each speaks TAP. NAME selects
suites: a full name (e2e/leak), a group (unit, e2e), a glob (e2e/d*) or
a bare name (leak, test_yml); none = all.

JOBS=N suites at once (default: 2 x the number of CPUs, at least 2: the
end-to-end suites spend much of their time waiting on processes they
start). The longest suites start first; the output of each suite is kept
together and printed in the fixed order of the list, as soon as it and
every suite before it are done. One summary line per suite,

    name                          N passed, N failed

and the last line "N passed, N failed" (", N skipped" when some were)
over all; exit status 1 if any failed. TEST_TIMES=1 adds each suite's
wall time and CPU time (user + system, its processes included) to its
line, and the total to the last.

The example site (content/ built by BUILD/glasshouse, both audiences, no
SOURCE_DATE_EPOCH) is built once into a temporary directory when a
selected suite reads it, and passed as GH_EXAMPLE_SITE; a suite run
alone builds its own.
"""
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP = re.compile(r"ok .*# [Ss][Kk][Ii][Pp]")

# Suites that read the shared example site (GH_EXAMPLE_SITE).
USES_EXAMPLE = {"e2e/browser"}

# Rough cost order (seconds on the 2-core machine): the scheduler starts
# the costly suites first so that the short ones fill the gaps.
COST = {"e2e/browser": 100, "e2e/faults": 60, "e2e/disclosure": 50,
        "e2e/atomicity": 20, "e2e/xss": 20, "e2e/determinism": 15,
        "e2e/governance": 10, "e2e/leak": 10, "e2e/golden": 5,
        "e2e/cases": 5, "unit/test_write": 5, "unit/test_decode": 3}


def suites(build):
    """[(name, argv, extra env)] in the fixed report order."""
    out = []
    tdir = os.path.join(build, "tests")
    if os.path.isdir(tdir):
        for f in sorted(os.listdir(tdir)):
            p = os.path.join(tdir, f)
            if f.startswith("test_") and os.path.isfile(p) and os.access(p, os.X_OK):
                out.append(("unit/" + f, [p], {"CMOCKA_MESSAGE_OUTPUT": "TAP"}))
    gh = {"GLASSHOUSE": os.path.join(TOP, build, "glasshouse")}
    edir = os.path.join(TOP, "tests", "e2e")
    for f in sorted(os.listdir(edir)):
        if f.endswith(".sh"):
            out.append(("e2e/" + f[:-3], ["sh", os.path.join(edir, f)], gh))
    out.append(("arch", ["sh", os.path.join(TOP, "tests", "arch", "arch.sh")], gh))
    return out


def select(all_suites, names):
    """The suites NAME... picks (all if none), and the names matching none."""
    if not names:
        return all_suites, []
    chosen, unknown = set(), []
    for n in names:
        hit = {s[0] for s in all_suites
               if s[0] == n or s[0].split("/")[0] == n or fnmatch.fnmatchcase(s[0], n)
               or s[0].rsplit("/", 1)[-1] == n}
        if not hit:
            unknown.append(n)
        chosen |= hit
    return [s for s in all_suites if s[0] in chosen], unknown


def result(name, text, rc):
    """(report lines, passed, failed, skipped) as tests/run.sh counted."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    p = sum(1 for ln in lines if ln.startswith("ok "))
    f = sum(1 for ln in lines if ln.startswith("not ok "))
    skips = [ln for ln in lines if SKIP.match(ln)]
    if rc != 0 and f == 0:
        lines.append("not ok - %s exited with status %d" % (name, rc))
        f = 1
    rep = []
    if f > 0:
        rep += ["    " + ln for ln in lines if not ln.startswith("ok ")]
    rep += ["    " + ln for ln in skips]
    return rep, p - len(skips), f, len(skips)


def build_example(build, tmp):
    """The example site once for every suite that reads it; None if the
    build fails (the suites then build their own and report it)."""
    site = os.path.join(tmp, "example-site")
    cwd = os.path.join(tmp, "example-cwd")
    os.makedirs(cwd)
    os.symlink(os.path.join(TOP, "themes"), os.path.join(cwd, "themes"))
    env = dict(os.environ, LC_ALL="C", TZ="UTC")
    env.pop("SOURCE_DATE_EPOCH", None)
    p = subprocess.run([os.path.join(TOP, build, "glasshouse"), "build", "-c",
                        os.path.join(TOP, "content"), "-o", site],
                       cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                       capture_output=True)
    return site if p.returncode == 0 else None


def main(argv):
    """Run the suites, print the report; 0 if all passed."""
    build = argv[1] if len(argv) > 1 else "build"
    os.chdir(TOP)
    todo, unknown = select(suites(build), argv[2:])
    if unknown:
        sys.stderr.write("run.sh: no suite %s; the suites are:\n  %s\n" % (
            ", ".join(unknown), "\n  ".join(s[0] for s in suites(build))))
        return 2
    try:
        jobs = int(os.environ.get("JOBS", "0"))
    except ValueError:
        jobs = 0
    if jobs <= 0:
        jobs = max(2, 2 * (os.cpu_count() or 1))
    times = os.environ.get("TEST_TIMES") == "1"

    start = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="gh-run-")
    base = dict(os.environ, LC_ALL="C", TZ="UTC")
    base.pop("SOURCE_DATE_EPOCH", None)
    if any(s[0] in USES_EXAMPLE for s in todo) and "GH_EXAMPLE_SITE" not in base:
        site = build_example(build, tmp)
        if site:
            base["GH_EXAMPLE_SITE"] = site

    done = {}
    lock = threading.Condition()
    order = sorted(range(len(todo)), key=lambda i: -COST.get(todo[i][0], 1))
    queue = list(order)

    def worker():
        """Take the next suite off the queue, run it, file its output."""
        while True:
            with lock:
                if not queue:
                    return
                i = queue.pop(0)
            name, args, extra = todo[i]
            env = dict(base, **extra)
            t0 = time.monotonic()
            try:
                with tempfile.TemporaryFile(dir=tmp) as log:
                    proc = subprocess.Popen(args, cwd=TOP, env=env, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT)
                    _, status, ru = os.wait4(proc.pid, 0)
                    proc.returncode = rc = os.waitstatus_to_exitcode(status)
                    log.seek(0)
                    text = log.read().decode("utf-8", "replace")
                cpu = ru.ru_utime + ru.ru_stime
            except OSError as e:
                text, rc, cpu = "# could not run %s: %s\n" % (" ".join(args), e), 127, 0.0
            with lock:
                done[i] = (text, rc, time.monotonic() - t0, cpu)
                lock.notify_all()

    threads = [threading.Thread(target=worker, daemon=True)
               for _ in range(min(jobs, len(todo)))]
    for t in threads:
        t.start()
    npass = nfail = nskip = 0
    try:
        for i, (name, _, _) in enumerate(todo):
            with lock:
                while i not in done:
                    lock.wait()
                text, rc, secs, cpu = done[i]
            rep, p, f, s = result(name, text, rc)
            for ln in rep:
                print(ln)
            line = "%-28s %4d passed, %d failed" % (name, p, f)
            print(line + ("  (%.1f s, cpu %.1f s)" % (secs, cpu) if times else ""),
                  flush=True)
            npass, nfail, nskip = npass + p, nfail + f, nskip + s
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if times:
        print("# %.1f s wall, %.1f s cpu in the suites, %d at once" % (
            time.monotonic() - start, sum(d[3] for d in done.values()), jobs))
    if nskip:
        print("%d passed, %d failed, %d skipped" % (npass, nfail, nskip))
    else:
        print("%d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
