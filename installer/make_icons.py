"""Regenerate the app icon's PNG sizes, .ico (Windows) and .icns (macOS) from the SVG.

    .venv/bin/python installer/make_icons.py

The SVG in resources/icons/ is the only source; the outputs are committed, so builds do
not need to run this. Rendered with QtSvg (already a dependency), packed with Pillow.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "pdorganizer.svg"))
    if not renderer.isValid():
        print("pdorganizer.svg is not a valid SVG", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        # No metadata chunks: the PNGs carry nothing but pixels.
        image.save(ICONS / f"pdorganizer-{size}.png", optimize=True)
    images[256].save(
        ICONS / "pdorganizer.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    )
    images[512].save(ICONS / "pdorganizer.icns")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
