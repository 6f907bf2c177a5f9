#!/usr/bin/env python3
"""Run the exact-diagnostic cases in tests/cases/*.case.

A case file describes a content tree and the expected outcome:

    # what this case is about (comment lines start with '#')
    base: minimal              optional: start from tests/cases/base/<name>/
    args: check                arguments after the binary; -c content added
                               unless the args give -c/--content themselves
    status: 1                  expected exit status
    timeout: 5                 seconds of CPU (user + system) the run may use
                               (default 5); it is killed as hung after
                               HANG_FACTOR times that in wall time (the
                               suites run side by side, so wall time alone
                               would fail a healthy run on a busy machine)
    --- file: inventory/shop.yaml
    ...text, written as is...
    --- bytes: inventory/bad.yaml
    ...text with \\xNN, \\0, \\r escapes (the path may hold \\xNN too)...
    --- python: inventory/deep.yaml
    ...a Python expression evaluating to bytes or str...
    --- remove: site.yaml
    --- symlink: out/public      (body: the link's target)
    --- mkdir: pages  /  --- fifo: inventory/pipe.yaml
    --- stderr
    content/inventory/shop.yaml:3:5: error: ...
    --- stdout
    ...
    --- contains: out/public/pages/x.html
    ...each non-empty line must occur in that file after the run...
    --- lacks: out/public/pages/x.html
    ...no non-empty line may occur in it (compared ignoring case)...
    --- stderr-contains
    ...each non-empty line must be a whole line of stderr (for cases
       whose full diagnostics are too long to list)...

Paths in file/bytes/python/symlink/mkdir/remove sections are relative to
content/ (use ../ to reach beside it, e.g. an output directory); paths in
contains/lacks are relative to the directory the binary runs in (the
parent of content/). A missing file fails a contains or lacks check.

Output is TAP. Stderr and stdout are compared exactly (when given).
"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
CASES = os.path.join(TOP, "tests", "cases")
BIN = os.environ.get("GLASSHOUSE", os.path.join(TOP, "build", "glasshouse"))
HANG_FACTOR = 4


def parse(path):
    case = {"args": "check", "status": "0", "timeout": "5", "base": None,
            "ops": [], "stderr": None, "stdout": None, "post": []}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    section = None
    body = []

    def close():
        if section is None:
            return
        kind, arg = section
        text = "\n".join(body) + ("\n" if body else "")
        if kind in ("stderr", "stdout"):
            case[kind] = text
        elif kind in ("contains", "lacks", "stderr-contains"):
            case["post"].append((kind, arg, [l for l in body if l.strip()]))
        else:
            case["ops"].append((kind, arg, text))

    for line in lines:
        if line.startswith("--- "):
            close()
            head = line[4:]
            if ":" in head:
                kind, arg = head.split(":", 1)
                section = (kind.strip(), arg.strip())
            else:
                section = (head.strip(), None)
            body = []
        elif section is None:
            if line.startswith("#") or not line.strip():
                continue
            key, val = line.split(":", 1)
            case[key.strip()] = val.strip()
        else:
            body.append(line)
    close()
    return case


def materialise(case, root):
    content = os.path.join(root, "content")
    if case["base"]:
        shutil.copytree(os.path.join(CASES, "base", case["base"]), content)
    else:
        os.makedirs(content)
    for kind, arg, text in case["ops"]:
        dest = os.path.join(content, arg)
        if kind == "bytes":	# \xNN escapes in the path too
            dest = os.path.join(os.fsencode(content), arg.encode("latin-1")
                                .decode("unicode_escape").encode("latin-1"))
        if kind == "remove":
            if os.path.isdir(dest):
                shutil.rmtree(dest)
            else:
                os.remove(dest)
            continue
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if kind == "file":
            data = text.encode("utf-8")
        elif kind == "bytes":
            data = text[:-1].encode("latin-1").decode("unicode_escape").encode("latin-1")
        elif kind == "python":
            data = eval(text, {})
            if isinstance(data, str):
                data = data.encode("utf-8")
        elif kind == "symlink":
            os.symlink(text.strip(), dest)
            continue
        elif kind == "mkdir":
            os.makedirs(dest, exist_ok=True)
            continue
        elif kind == "fifo":
            os.mkfifo(dest)
            continue
        else:
            raise ValueError("unknown section '%s'" % kind)
        with open(dest, "wb") as f:
            f.write(data)


def run(path, n):
    name = os.path.basename(path)[:-5]
    case = parse(path)
    root = tempfile.mkdtemp(prefix="gh-case-")
    try:
        materialise(case, root)
        args = case["args"].split()
        if "-c" not in args and "--content" not in args:
            args += ["-c", "content"]
        args = [BIN] + args
        env = dict(os.environ, LC_ALL="C", TZ="UTC")
        budget = float(case["timeout"])
        t0 = time.monotonic()
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            p = subprocess.run(args, cwd=root, env=env, capture_output=True,
                               timeout=budget * HANG_FACTOR)
        except subprocess.TimeoutExpired:
            print("not ok %d - %s # timed out after %gs" % (n, name, budget * HANG_FACTOR))
            return False
        dt = time.monotonic() - t0
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        if cpu > budget:
            print("not ok %d - %s # %.2fs of CPU, over its %ss" % (n, name, cpu, case["timeout"]))
            return False
        err = p.stderr.decode("utf-8", "replace")
        out = p.stdout.decode("utf-8", "replace")
        problems = []
        if str(p.returncode) != case["status"]:
            problems.append("status %d, expected %s" % (p.returncode, case["status"]))
        if case["stderr"] is not None and err != case["stderr"]:
            problems.append("stderr differs:\n--- expected\n%s--- got\n%s" % (case["stderr"], err))
        if case["stdout"] is not None and out != case["stdout"]:
            problems.append("stdout differs:\n--- expected\n%s--- got\n%s" % (case["stdout"], out))
        for kind, arg, want in case["post"]:
            if kind == "stderr-contains":
                lines = err.split("\n")
                problems += ["stderr has no line: %s" % w for w in want if w not in lines]
                continue
            try:
                with open(os.path.join(root, arg), "rb") as f:
                    got = f.read().decode("utf-8", "replace")
            except OSError as e:
                problems.append("%s %s: %s" % (kind, arg, e))
                continue
            for w in want:
                if kind == "contains" and w not in got:
                    problems.append("%s does not contain: %s" % (arg, w))
                elif kind == "lacks" and w.lower() in got.lower():
                    problems.append("%s contains: %s" % (arg, w))
        if problems:
            print("not ok %d - %s" % (n, name))
            for pr in problems:
                for line in pr.split("\n"):
                    print("# " + line)
            return False
        print("ok %d - %s (%.2fs)" % (n, name, dt))
        return True
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main():
    want = sys.argv[1:]
    files = sorted(f for f in os.listdir(CASES) if f.endswith(".case"))
    if want:
        files = [f for f in files if f[:-5] in want]
    print("1..%d" % len(files))
    ok = True
    for i, f in enumerate(files, 1):
        ok &= run(os.path.join(CASES, f), i)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
