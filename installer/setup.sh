#!/usr/bin/env bash
# One-step set-up for a fresh Linux machine, then run the app or the tests.
#   bash installer/setup.sh app [ARGS...]    install into .venv and start the app
#   bash installer/setup.sh test [ARGS...]   install with test tools, lint, run the tests
# Idempotent: a second run only checks what is there.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-app}
[ $# -gt 0 ] && shift

# Debian libraries Qt needs even offscreen; the xcb ones for a real window; poppler and
# qpdf let the export tests check packets with independent tools.
qt_libs="libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3"
xcb_libs="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"
test_tools="poppler-utils qpdf"
want="$qt_libs"
[ "$mode" = app ] && want="$want $xcb_libs"
[ "$mode" = test ] && want="$want $test_tools"
bash installer/ensure-debs.sh $want || true  # tests that need a missing tool say so

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
extra=""
[ "$mode" = test ] && extra="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extra"
.venv/bin/python -c "import pdorganizer, sqlcipher3, PySide6" \
  || { echo "setup: the installation is incomplete" >&2; exit 1; }

case "$mode" in
  app)
    exec .venv/bin/pdorganizer "$@" ;;
  test)
    .venv/bin/ruff check .
    .venv/bin/ruff format --check . >/dev/null || { .venv/bin/ruff format --check .; exit 1; }
    QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@" ;;
  *)
    echo "usage: bash installer/setup.sh app|test [ARGS...]" >&2; exit 2 ;;
esac
