#!/bin/sh
# deps.sh - make sure the Debian packages glasshouse needs are installed.
#   tools/deps.sh build   compiler, pkg-config, libcmark, libyaml, libctemplate
#   tools/deps.sh test    the above plus cmocka and the test tools
# Installs what is missing when run as root (or with sudo); otherwise
# prints the exact command to run and fails.
set -eu
what=${1:-build}
pkgs="gcc g++ make pkg-config libcmark-dev libyaml-dev libctemplate-dev"
if [ "$what" = test ]; then
	pkgs="$pkgs libcmocka-dev python3"
fi
missing=
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "glasshouse: missing packages:$missing (install them with your package manager)" >&2
	exit 1
fi
if [ "$(id -u)" = 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo=sudo
else
	echo "glasshouse: missing packages:$missing" >&2
	echo "run: sudo apt-get install$missing" >&2
	exit 1
fi
echo "glasshouse: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null || true
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
