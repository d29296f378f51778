#!/bin/sh
# Add pdorganizer to your applications menu, for this user only:
#   ./install-desktop-entry.sh              (run it from the unpacked pdorganizer folder)
#   ./install-desktop-entry.sh --uninstall  (removes the menu entry and icon again)
# It only copies a menu entry, icons and app metadata into ~/.local/share. It never
# touches your vaults (*.pdvault) or any other file of yours, and downloads nothing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
res="$here/_internal/resources"
data=${XDG_DATA_HOME:-$HOME/.local/share}
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/pdorganizer.desktop" \
        "$data/metainfo/org.pdorganizer.PDOrganizer.metainfo.xml" \
        "$data/icons/hicolor/scalable/apps/pdorganizer.svg"
  for s in $sizes; do rm -f "$data/icons/hicolor/${s}x${s}/apps/pdorganizer.png"; done
  echo "pdorganizer was removed from the applications menu. Your vaults were not touched."
  exit 0
fi

[ -x "$here/pdorganizer" ] || { echo "run this script from the pdorganizer folder" >&2; exit 1; }
mkdir -p "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps"
for s in $sizes; do
  mkdir -p "$data/icons/hicolor/${s}x${s}/apps"
  cp "$res/icons/pdorganizer-$s.png" "$data/icons/hicolor/${s}x${s}/apps/pdorganizer.png"
done
cp "$res/icons/pdorganizer.svg" "$data/icons/hicolor/scalable/apps/pdorganizer.svg"
cp "$res/org.pdorganizer.PDOrganizer.metainfo.xml" "$data/metainfo/"
sed -e "s|^Exec=.*|Exec=\"$here/pdorganizer\"|" -e "s|^TryExec=.*|TryExec=$here/pdorganizer|" \
  "$res/pdorganizer.desktop" > "$data/applications/pdorganizer.desktop"
command -v update-desktop-database >/dev/null 2>&1 \
  && update-desktop-database -q "$data/applications" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 \
  && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
echo "pdorganizer is now in your applications menu (it starts $here/pdorganizer)."
