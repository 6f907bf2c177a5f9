#!/bin/sh
# Regenerate tests/golden/<case>/expected/ and build.log from the current
# build/glasshouse. Review the result by eye before committing it.
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
unset SOURCE_DATE_EPOCH
top=$(cd "$(dirname "$0")/../.." && pwd)
GLASSHOUSE=${GLASSHOUSE:-$top/build/glasshouse} \
    exec python3 "$top/tests/e2e/golden.py" --update
