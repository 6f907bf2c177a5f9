#!/bin/sh
# Exact-diagnostic cases: tests/cases/*.case (see tests/e2e/cases.py).
exec python3 "$(dirname "$0")/cases.py" "$@"
