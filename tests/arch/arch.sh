#!/bin/sh
# Architecture: nm over the generator's objects keeps the layer order of
# tests/arch/layers.txt; no cycle, no upward edge (see arch.py).
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/arch.py" "$@"
