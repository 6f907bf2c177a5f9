#!/bin/sh
# run.sh BUILD - run every suite (cmocka unit tests, end-to-end scripts)
# and end with one line "N passed, N failed" over all of them.
# Each suite speaks TAP ("ok N - name" / "not ok N - name").
B=${1:-build}
export LC_ALL=C TZ=UTC
unset SOURCE_DATE_EPOCH
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 3
pass=0 fail=0 skip=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_suite() {	# name command...
	name=$1; shift
	"$@" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	s=$(grep -c '^ok .*# [Ss][Kk][Ii][Pp]' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $name exited with status $rc" >>"$log"
		f=1
	fi
	if [ "$f" -gt 0 ]; then
		grep -v '^ok ' "$log" | sed 's/^/    /'
	fi
	grep '^ok .*# [Ss][Kk][Ii][Pp]' "$log" | sed 's/^/    /'
	printf '%-28s %4d passed, %d failed\n' "$name" "$((p - s))" "$f"
	pass=$((pass + p - s)); fail=$((fail + f)); skip=$((skip + s))
}

for t in "$B"/tests/test_*; do
	[ -x "$t" ] || continue
	CMOCKA_MESSAGE_OUTPUT=TAP run_suite "unit/$(basename "$t")" "$t"
done
for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	GLASSHOUSE="$top/$B/glasshouse" run_suite "e2e/$(basename "$t" .sh)" sh "$t"
done
if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
