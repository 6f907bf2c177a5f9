#!/bin/sh
# Replay every input kept in tests/fuzz/regress/<target>/ (crashers and
# other inputs that once broke an invariant) through the plain, non-libFuzzer
# build of each fuzz target's entry point: build/tests/replay-<target>
# (build/asan/tests/... under make test-asan). TAP, one line per input.
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(dirname "${GLASSHOUSE:-$top/build/glasshouse}")/tests
n=0 fail=0
for dir in "$top"/tests/fuzz/regress/*/; do
	t=$(basename "$dir")
	for f in "$dir"*; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		if [ ! -x "$bin/replay-$t" ]; then
			echo "not ok $n - $t/$(basename "$f") # no $bin/replay-$t (make test builds it)"
			fail=1
			continue
		fi
		if out=$("$bin/replay-$t" "$f" 2>&1); then
			echo "ok $n - $t/$(basename "$f")"
		else
			echo "not ok $n - $t/$(basename "$f")"
			printf '%s\n' "$out" | tail -20 | sed 's/^/# /'
			fail=1
		fi
	done
done
echo "1..$n"
exit $fail
