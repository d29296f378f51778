"""Screenshots of the photo clean-up, from a generated 12 MP phone photo:
`.venv/bin/python tests/ui/screenshots_clean.py [OUT]` (default docs/screenshots/) writes
photo-cleanup.png and photo-cleanup-es.png (the dialog that shows the photo with its
corners beside the cleaned page) and clean-before-after.png (the photo and the cleaned
page, and below them the same lines of text at full resolution, before and after)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui")]

from PIL import Image, ImageDraw, ImageFont, ImageOps  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import SIZE, pump, save  # noqa: E402

from pdorganizer.ingest import images  # noqa: E402
from pdorganizer.ingest.service import ImportOptions, import_files  # noqa: E402
from pdorganizer.scan import synthetic  # noqa: E402
from pdorganizer.ui.corner_editor import CornerEditor  # noqa: E402
from pdorganizer.ui.i18n import install_translator  # noqa: E402
from pdorganizer.ui.main_window import MainWindow  # noqa: E402
from pdorganizer.ui.settings import AppSettings  # noqa: E402
from pdorganizer.vault import CHEAP_PARAMS, Vault, renditions  # noqa: E402

PASSPHRASE = "demo passphrase words"
SEED, TILT = 3, 14.0
# The text crop, as shares of the flat page: the heading and the first lines.
CROP = (0.10, 0.10, 0.50, 0.22)


def _font(size: int) -> ImageFont.ImageFont:
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default()


def _map(coeffs: list[float], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f, g, h = coeffs
    w = g * x + h * y + 1
    return ((a * x + b * y + c) / w, (d * x + e * y + f) / w)


def _captioned(im: Image.Image, caption: str) -> Image.Image:
    framed = ImageOps.expand(im.convert("RGB"), border=1, fill="#9a9a9a")  # white on white
    out = Image.new("RGB", (framed.width, framed.height + 34), "white")
    out.paste(framed, (0, 34))
    ImageDraw.Draw(out).text((4, 6), caption, fill="#222222", font=_font(18))
    return out


def before_after(photo: Image.Image, cleaned: Image.Image, corners: list, mode: str) -> Image.Image:
    """The photo beside the cleaned page (same height), the same text below at 100%."""
    top_h = 640
    shot = photo.resize(
        (round(photo.width * top_h / photo.height), top_h), Image.Resampling.LANCZOS
    )
    page = cleaned.convert("RGB").resize(
        (round(cleaned.width * top_h / cleaned.height), top_h), Image.Resampling.LANCZOS
    )
    # The text region of the cleaned page, and the same region found in the photo through
    # the corners (page -> photo perspective); both crops are taken at full resolution.
    pw, ph = cleaned.size
    left, top, right, bottom = CROP
    after = cleaned.crop((round(left * pw), round(top * ph), round(right * pw), round(bottom * ph)))
    # The photo's crop: as many pixels, centred where the region's centre lies in the photo
    # (the page fills about as many pixels there, so both are at the same scale).
    rect = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
    cx, cy = _map(
        synthetic.perspective_coeffs(rect, corners), (left + right) / 2, (top + bottom) / 2
    )
    x0, y0 = round(cx - after.width / 2), round(cy - after.height / 2)
    before = photo.crop((x0, y0, x0 + after.width, y0 + after.height))
    strip = [
        _captioned(before, "Before: the photo, 100%"),
        _captioned(after, "After: the cleaned page, 100%"),
    ]
    tops = [
        _captioned(shot, f"Phone photo, {photo.width} x {photo.height} (scaled down)"),
        _captioned(page, f"Cleaned page, {pw} x {ph}, {mode}"),
    ]
    gap = 16
    width = max(sum(t.width for t in tops), sum(s.width for s in strip)) + gap * 3
    height = gap * 3 + max(t.height for t in tops) + max(s.height for s in strip)
    out = Image.new("RGB", (width, height), "white")
    x = gap
    for im in tops:
        out.paste(im, (x, gap))
        x += im.width + gap
    y = gap * 2 + max(t.height for t in tops)
    x = gap
    for im in strip:
        out.paste(im, (x, y))
        x += im.width + gap
    return out


def shoot(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="pdorganizer-shots-"))
    vault = Vault.create(work / "demo.pdvault", PASSPHRASE, CHEAP_PARAMS)
    case = vault.cases.add("Rosa Elena Martínez Cruz", a_number="A201-555-017")
    made = synthetic.photo(4000, 3000, seed=SEED, tilt=TILT)
    path = work / "IMG_2041.jpg"
    path.write_bytes(synthetic.jpeg_bytes(made.image))
    [result] = import_files(vault, case.id, [path], ImportOptions(clean="auto"))
    path.unlink()
    doc_id = result.document_id
    vault.documents.update(doc_id, title="Letter from the employer")
    [page] = vault.documents.pages(doc_id)
    kept = renditions.get(vault, page.id)
    if kept is None or kept.corners is None:
        raise SystemExit("the import did not clean the photo up")
    cleaned = images.open_image(kept.data, 0)
    photo = images.open_image(vault.documents.source_data(page.source_id), 0)
    before_after(photo, cleaned, kept.corners, kept.mode).save(out / "clean-before-after.png")
    print(out / "clean-before-after.png")
    vault_path = vault.path
    vault.close()

    for lang, name in (("en", "photo-cleanup"), ("es", "photo-cleanup-es")):
        vault = Vault.open(vault_path, PASSPHRASE)  # closing a window locks it
        settings = AppSettings(QSettings(str(work / f"{lang}.ini"), QSettings.Format.IniFormat))
        install_translator(app, lang)
        window = MainWindow(settings, CHEAP_PARAMS, lang=lang)
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(*SIZE)
        window.show()
        window.open_vault(vault)
        window.workspace.select_case(case.id)
        window.workspace.reload_documents(select=doc_id)
        pump(app, window)
        dialog = CornerEditor(window, vault, page)
        dialog.show()
        for _ in range(100):
            pump(app)
            if dialog._task is None and dialog.apply_button.isEnabled():
                break
        pump(app)
        save(dialog, out, name)
        dialog.close()
        window.workspace.clear()
        window.close()
        pump(app)
        vault.close()
    install_translator(app, "en")
    for leftover in work.iterdir():
        leftover.unlink()
    work.rmdir()


if __name__ == "__main__":
    shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
