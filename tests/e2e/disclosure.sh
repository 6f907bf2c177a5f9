#!/bin/sh
# Disclosure test: published report figures follow content-format
# section 5, checked from the outside; the guard fails a leaky theme
# (see disclosure.py).
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/disclosure.py" "$@"
