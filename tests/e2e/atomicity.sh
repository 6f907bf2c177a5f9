#!/bin/sh
# Atomicity: failed, killed and concurrent builds never leave a mix (see atomicity.py).
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/atomicity.py" "$@"
