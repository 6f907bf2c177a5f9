#!/bin/sh
# Golden cases: build tests/golden/<case>/content, diff against expected/.
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/golden.py" "$@"
