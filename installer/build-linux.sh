#!/usr/bin/env bash
# Build the Linux app: a one-folder bundle and a tarball, then check the bundle.
#
#   bash installer/build-linux.sh            # -> installer/dist/pdorganizer/ (the app)
#                                            #    installer/dist/pdorganizer-VERSION-linux-ARCH.tar.gz
#   bash installer/build-linux.sh --no-check # skip installer/check-bundle.sh
#
# Builds in its own virtual environment (installer/build/venv, made on first use from
# PYTHON, default python3; it needs a shared libpython), so the bundle holds exactly the
# project's dependencies. Needs the network only the first time, for pip.
set -euo pipefail
cd "$(dirname "$0")/.."
check=1
[ "${1:-}" = "--no-check" ] && check=0
started=$(date +%s)

# The bundle carries the xcb helper libraries Qt's X11 plugin needs (many desktops lack
# some of them), so they must be on the build machine; and cc builds the x265 stub.
xcb_libs="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"
bash installer/ensure-debs.sh $xcb_libs
if [ -n "$(git status --porcelain -- pdorganizer resources pyproject.toml 2>/dev/null)" ]; then
  echo "build: note: building with uncommitted changes in the working tree" >&2
fi

venv=${BUILD_VENV:-installer/build/venv}
if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
fi
mkdir -p installer/build
"$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".[build]" \
  >installer/build/pip.log 2>&1 || { cat installer/build/pip.log >&2; exit 1; }
version=$("$venv/bin/python" -c "import pdorganizer; print(pdorganizer.__version__)")
arch=$(uname -m)

# Translations: the bundle ships compiled .qm files only (it cannot compile them itself).
if [ -f installer/i18n.py ]; then
  "$venv/bin/python" installer/i18n.py release
else
  for ts in resources/i18n/*.ts; do
    [ -e "$ts" ] && "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
  done
fi
for ts in resources/i18n/*.ts; do
  [ -e "$ts" ] || continue
  [ -s "${ts%.ts}.qm" ] || { echo "build: ${ts%.ts}.qm was not built" >&2; exit 1; }
done

"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath installer/dist --workpath installer/build/pyinstaller installer/pdorganizer.spec

bundle=installer/dist/pdorganizer
install -m 0755 installer/linux/install-desktop-entry.sh "$bundle/install-desktop-entry.sh"
install -m 0644 installer/linux/README-LINUX.txt "$bundle/README.txt"

# The tarball: stable order, owner and times, so two builds of one commit compare equal
# in their listing.
tarball="installer/dist/pdorganizer-$version-linux-$arch.tar.gz"
mtime=$(git log -1 --format=%ct 2>/dev/null || date +%s)
tar -C installer/dist --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" \
  --transform "s,^pdorganizer,pdorganizer-$version," -cf - pdorganizer | gzip -n -6 > "$tarball"

built=$(date +%s)
echo "build: $bundle ($(du -sh "$bundle" | cut -f1) unpacked), $tarball ($(du -h "$tarball" | cut -f1)), $((built - started)) s"
if [ "$check" = 1 ]; then
  bash installer/check-bundle.sh "$bundle"
fi
