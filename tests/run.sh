#!/bin/sh
# run.sh BUILD [SUITE...] - run the suites (cmocka unit tests, end-to-end
# scripts, the architecture check), several at once, and end with one
# line "N passed, N failed" over all of them. Each suite speaks TAP
# ("ok N - name" / "not ok N - name"). SUITE: e2e/leak, unit/test_yml,
# arch, unit, e2e, a glob; none = all. JOBS=N suites at once. The
# runner is tests/run.py.
export LC_ALL=C TZ=UTC
unset SOURCE_DATE_EPOCH
exec python3 "$(dirname "$0")/run.py" "$@"
