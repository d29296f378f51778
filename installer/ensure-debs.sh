#!/usr/bin/env bash
# Install the Debian packages named as arguments that are missing (as root, with apt-get);
# otherwise print the command to run. Exit 1 when something is still missing.
#   bash installer/ensure-debs.sh PACKAGE...
set -uo pipefail
command -v dpkg >/dev/null 2>&1 || exit 0  # not a Debian-like system: nothing to check
missing=""
for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages:$missing" >&2
  apt-get update -q >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null 2>&1 && exit 0
  echo "could not install:$missing" >&2
else
  echo "please install these system packages first: sudo apt-get install$missing" >&2
fi
exit 1
