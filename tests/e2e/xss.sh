#!/bin/sh
# XSS test: hostile text in every field comes out inert (see xss.py).
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/xss.py" "$@"
