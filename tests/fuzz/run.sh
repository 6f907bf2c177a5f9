#!/bin/sh
# run.sh BUILD SECONDS TARGET... - run each libFuzzer target for SECONDS
# (make fuzz; FUZZ_SECONDS). The corpus lives in BUILD/corpus/<target>
# (kept between runs), seeded from content/ and tests/cases by
# mkseeds.py; tests/fuzz/regress/<target>/ is read as seeds too.
# Crashes land in BUILD/crash-<target>-*: minimise one with
#   BUILD/fuzz-<target> -minimize_crash=1 -runs=10000 FILE
# and keep it in tests/fuzz/regress/<target>/ once fixed.
# Prints one summary line per target; exits 1 if any target failed.
set -u
B=$1 secs=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/mkseeds.py" "$B/seeds" >/dev/null || exit 3
fail=0
for t in "$@"; do
	mkdir -p "$B/corpus/$t" "$here/regress/$t"
	case $t in
	parsers)	opts="-max_len=256" ;;
	markdown)	opts="-max_len=65536 -timeout=5" ;;
	check)		opts="-max_len=32768 -timeout=10 -dict=$B/seeds/content.dict" ;;
	yml)		opts="-max_len=16384 -dict=$B/seeds/content.dict" ;;
	*)		opts="" ;;
	esac
	log=$B/fuzz-$t.log
	# shellcheck disable=SC2086
	"$B/fuzz-$t" $opts -max_total_time="$secs" -rss_limit_mb=2560 \
	    -print_final_stats=1 -artifact_prefix="$B/crash-$t-" \
	    "$B/corpus/$t" "$B/seeds/$t" "$here/regress/$t" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	t_s=$(sed -n 's/^stat::.*//p' "$log" >/dev/null; echo "$secs")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
	if [ "$rc" -ne 0 ]; then
		fail=1
		echo "fuzz-$t: FAILED (exit $rc) after ${execs:-?} executions; see $log"
		grep -E '^==[0-9]+==ERROR|SUMMARY|invariant broken|timeout' "$log" | head -5
	else
		echo "fuzz-$t: ${execs:-?} executions in ${t_s}s, $cov, corpus $(ls "$B/corpus/$t" | wc -l)"
	fi
done
exit $fail
