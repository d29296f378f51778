#!/usr/bin/env bash
# Check a built one-folder bundle the way a user's machine would run it: no Python
# environment, a bare PATH, an empty home folder, no network.
#
#   bash installer/check-bundle.sh [BUNDLE]     (default installer/dist/pdorganizer)
#
# 1. `--version` and `--self-test` with `env -i PATH=/usr/bin:/bin HOME=<empty>`, and the
#    self-test again with a PATH that holds nothing at all;
# 2. the window starts offscreen and is still running after a few seconds;
# 3. nothing is loaded from outside the bundle's Python (no libpython or site-packages
#    from the system), and the temporary folder is left empty;
# 4. where Xvfb is installed: the window also starts on a (virtual) X11 display, which
#    proves the xcb platform plugin and the X libraries in the bundle load;
# 5. where strace is installed: no internet socket is ever opened (self-test and window).
# Prints one line per check; exits 1 at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=$(cd "${1:-installer/dist/pdorganizer}" && pwd)
exe="$bundle/pdorganizer"
[ -x "$exe" ] || { echo "check: no executable at $exe" >&2; exit 1; }
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' pdorganizer/__init__.py)

tmp=$(mktemp -d)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/home" "$tmp/tmp" "$tmp/nobin"
bare() { env -i PATH=/usr/bin:/bin HOME="$tmp/home" TMPDIR="$tmp/tmp" LANG=C.UTF-8 "$@"; }
fail() { echo "check FAILED: $*" >&2; exit 1; }

out=$(bare "$exe" --version 2>&1) || fail "--version exited $?: $out"
[ "$out" = "pdorganizer $version" ] || fail "--version printed: $out"
echo "check: --version -> $out"

t0=$(date +%s.%N)
out=$(bare "$exe" --self-test 2>&1) || fail "--self-test: $out"
t1=$(date +%s.%N)
[ "$out" = "self-test passed" ] || fail "--self-test printed: $out"
echo "check: --self-test -> $out ($(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s)"

# No PATH entries and no locale at all (Qt may note that it falls back to C.UTF-8).
out=$(env -i PATH="$tmp/nobin" HOME="$tmp/home" TMPDIR="$tmp/tmp" "$exe" --self-test 2>&1) \
  || fail "--self-test with an empty PATH: $out"
[ "$(printf '%s\n' "$out" | tail -n 1)" = "self-test passed" ] \
  || fail "--self-test with an empty PATH printed: $out"
echo "check: --self-test with an empty PATH and no locale -> self-test passed"
leftover=$(ls -A "$tmp/tmp")
[ -z "$leftover" ] || fail "the self-test left files in the temporary folder: $leftover"
echo "check: temporary folder empty after the self-test"

# The window, offscreen: must still be running after a few seconds.
bare QT_QPA_PLATFORM=offscreen "$exe" >"$tmp/app.log" 2>&1 &
app_pid=$!
sleep "${PDO_CHECK_WINDOW_SECONDS:-5}"
kill -0 "$app_pid" 2>/dev/null || { cat "$tmp/app.log" >&2; fail "the app exited early"; }
# Every mapped file that looks like Python must come from the bundle.
foreign=$(awk '{print $6}' "/proc/$app_pid/maps" | grep -E 'python|site-packages' \
  | grep -v "^$bundle/" | sort -u || true)
[ -z "$foreign" ] || fail "the app loaded Python files from outside the bundle: $foreign"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
if grep -q -E "Traceback|Error" "$tmp/app.log"; then
  cat "$tmp/app.log" >&2
  fail "the app printed an error"
fi
echo "check: window started offscreen, still running after ${PDO_CHECK_WINDOW_SECONDS:-5} s; nothing loaded from outside the bundle"

if command -v Xvfb >/dev/null 2>&1; then
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
  display=":$(cat "$tmp/display")"
  env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 DISPLAY="$display" \
    QT_QPA_PLATFORM=xcb "$exe" >"$tmp/x11.log" 2>&1 &
  app_pid=$!
  sleep "${PDO_CHECK_WINDOW_SECONDS:-5}"
  alive=1
  kill -0 "$app_pid" 2>/dev/null || alive=0
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
  [ "$alive" = 1 ] || { cat "$tmp/x11.log" >&2; fail "the app exited early on X11 (xcb)"; }
  echo "check: window started on a virtual X11 display (xcb), still running after ${PDO_CHECK_WINDOW_SECONDS:-5} s"
fi

if command -v strace >/dev/null 2>&1; then
  strace -f -qq -e trace=socket,connect -o "$tmp/trace" \
    env -i PATH=/usr/bin:/bin HOME="$tmp/home" TMPDIR="$tmp/tmp" "$exe" --self-test >/dev/null 2>&1 \
    || fail "--self-test under strace"
  strace -f -qq -e trace=socket,connect -o "$tmp/trace-app" \
    env -i PATH=/usr/bin:/bin HOME="$tmp/home" QT_QPA_PLATFORM=offscreen "$exe" >/dev/null 2>&1 &
  strace_pid=$!
  sleep "${PDO_CHECK_WINDOW_SECONDS:-5}"
  app_pid=$(cat "/proc/$strace_pid/task/$strace_pid/children" 2>/dev/null | awk '{print $1}')
  [ -n "$app_pid" ] || fail "the app under strace exited early"
  kill "$app_pid"
  wait "$strace_pid" 2>/dev/null || true
  app_pid=""
  inet=$(grep -h -E "AF_INET|AF_INET6|AF_PACKET" "$tmp/trace" "$tmp/trace-app" || true)
  [ -z "$inet" ] || fail "an internet socket was opened: $inet"
  echo "check: no internet socket opened (strace: self-test and window)"
fi
echo "check: bundle OK ($(du -sh "$bundle" | cut -f1) unpacked)"
