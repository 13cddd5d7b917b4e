#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests of internal/web when it is
# missing. Idempotent: when /usr/bin/chromium exists it only prints its version.
#
#   scripts/install-chromium.sh
#
# The tests find the browser at $TICKERWIRE_CHROMIUM, else /usr/bin/chromium.
# Progress goes to standard error.
set -euo pipefail

bin=${TICKERWIRE_CHROMIUM:-/usr/bin/chromium}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x "$bin" ]; then
	echo "install-chromium: installing chromium" >&2
	as_root apt-get update >&2
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends chromium fonts-dejavu-core >&2
fi
"$bin" --version >&2
