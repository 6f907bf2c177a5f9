#!/bin/sh
# deps.sh - make sure the Debian packages glasshouse needs are installed.
#   tools/deps.sh build   compiler, pkg-config, libcmark, libyaml, libctemplate
#   tools/deps.sh test    the above plus cmocka and the test tools, and
#                         (best effort) the browser-test tools below
#   tools/deps.sh fuzz    the test packages plus clang (make fuzz)
#   tools/deps.sh browser Debian's chromium and fonts, Java (for vnu.jar)
#                         unless a java is on PATH, Node.js and npm unless
#                         on PATH. Chromium failing to install is not an
#                         error: tests/e2e/browser.sh then skips its
#                         browser checks with a loud message.
# Installs what is missing when run as root (or with sudo); otherwise
# prints the exact command to run and fails.
set -eu
what=${1:-build}

# Root, or password-less sudo, or nothing: sets $sudo or fails.
as_root() {
	if [ "$(id -u)" = 0 ]; then
		sudo=
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		sudo=sudo
	else
		return 1
	fi
}

if [ "$what" = browser ]; then
	want=
	if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM:-}" ]; then
		want="chromium fonts-dejavu-core fonts-liberation"
	fi
	command -v java >/dev/null 2>&1 || want="$want default-jre-headless"
	command -v node >/dev/null 2>&1 || want="$want nodejs"
	command -v npm >/dev/null 2>&1 || want="$want npm"
	[ -z "$want" ] && exit 0
	if ! command -v apt-get >/dev/null 2>&1 || ! as_root; then
		echo "glasshouse: browser tests need:$want (sudo apt-get install$want)" >&2
		exit 1
	fi
	echo "glasshouse: installing$want (browser tests)" >&2
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq >/dev/null || true
	# One at a time: a Chromium that cannot be had must not stop the rest.
	for p in $want; do
		$sudo apt-get install -y -qq --no-install-recommends "$p" >/dev/null ||
		    echo "glasshouse: could not install $p" >&2
	done
	[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM:-}" ] ||
	    echo "glasshouse: NO CHROMIUM - the browser checks of make test will be SKIPPED" >&2
	command -v java >/dev/null 2>&1 && command -v npm >/dev/null 2>&1
	exit
fi
if [ "$what" = test ]; then
	sh "$0" browser || echo "glasshouse: browser-test tools incomplete (see above)" >&2
fi
pkgs="gcc g++ make pkg-config libcmark-dev libyaml-dev libctemplate-dev"
if [ "$what" = test ] || [ "$what" = fuzz ]; then
	# strace: fault injection in tests/e2e/faults.sh; valgrind: make valgrind
	pkgs="$pkgs libcmocka-dev python3 strace valgrind"
fi
if [ "$what" = fuzz ]; then
	pkgs="$pkgs clang"	# libFuzzer comes with it
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
