#!/bin/sh
# Faults while publishing: SIGKILL at exact points, full disk, lock, planted links (see faults.py).
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/faults.py" "$@"
