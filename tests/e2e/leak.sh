#!/bin/sh
# Leak test: no internal field or entity reaches public/ (see leak.py).
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/leak.py" "$@"
