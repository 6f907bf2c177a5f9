#!/bin/sh
# Governance pages: decision log, provenance, changelog and Atom feed,
# canary rationale, checks page, privacy label (see governance.py).
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/governance.py" "$@"
