#!/bin/sh
# The sites in a real browser: axe, keyboard, focus, no-JS, print; the Nu
# HTML Checker; links from file:// and under /privacy/ over HTTP; theme
# override. See tests/browser/run.py. Needs node_modules (npm ci; make test
# runs it) and Chromium (tools/deps.sh test installs it; without it the
# browser checks are skipped loudly).
export LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/../browser/run.py" "$@"
