#!/bin/sh
# Determinism: same input, same bytes; unchanged files not rewritten (see determinism.py).
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/determinism.py" "$@"
