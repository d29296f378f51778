"""Image files -> pages: upright size in points and a thumbnail per frame, plus metadata."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from PIL import Image

from pdorganizer.export.jpeg import clean_jpeg
from pdorganizer.ingest import images
from pdorganizer.ingest.metadata import image_facts, image_metadata
from pdorganizer.vault.repos.documents import NewPage

THUMB_MAX = 256  # px, long side
THUMB_QUALITY = 80
# Scanner resolutions worth believing; 72/96 "dpi" from cameras and screenshots is not a
# physical size, so those images are sized to fit a letter page instead.
PLAUSIBLE_DPI = (100.0, 4800.0)
LETTER_IN = (8.5, 11.0)


@dataclass
class FileInfo:
    """What intake learned of one file: its pages (source index 0) and its metadata."""

    mime: str
    pages: list[NewPage]
    metadata: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # told to the person with "imported"
    # the first page upright at about `preview_px` (asked for by photo clean-up, which
    # then needs no decode of its own to decide); in memory only, never stored
    preview: Image.Image | None = None


def analyze_image(data: bytes, mime: str, preview_px: int = 0) -> FileInfo:
    """Every page decoded in full, as the export will decode it, so that whatever is
    accepted here can be placed in the packet in both qualities (export/images.py).
    `preview_px`: also keep the first page upright at about that size (FileInfo.preview);
    the thumbnail is then made from it, so the file is still decoded once."""
    im = images.open_lazy(data)
    # Only TIFF frames are pages; extra frames of MPO (phone JPEGs), animated WebP, GIF
    # or HEIF collections are previews, depth maps or animation.
    frames = images.frame_count(im) if im.format == "TIFF" else 1
    meta = image_facts(im)
    meta["frames"] = frames
    notes = []
    if im.format == "GIF":
        count = images.gif_frames(data)
        meta["frames"] = count or 1
        if count != 1:
            notes.append(
                f"GIF: only the first of {count} frames was imported"
                if count
                else "GIF: only the first frame was imported"
            )
    if mime == "image/jpeg":
        # The export copies a JPEG's data as it is: its segments must parse the way the
        # export's cleaner reads them (a JPEG decoder forgives more than that).
        with images.guarded():
            clean_jpeg(data, check_only=True)
    pages = []
    preview = None
    for index in range(frames):
        if index:
            with images.guarded():
                im.seek(index)
            images.check_size(im.size)
        page, kept = _page(im, index, preview_px if index == 0 else 0)
        pages.append(page)
        preview = preview or kept
        if index == 0:  # only now: the pixels are decoded, metadata cannot spoil them
            if mime == "image/png":
                images.check_png_complete(data, im)
            meta.update(image_metadata(im))
    return FileInfo(mime, pages, meta, notes, preview)


def _page(im: Image.Image, index: int, preview_px: int = 0) -> tuple[NewPage, Image.Image | None]:
    turn = images.orientation(im)
    w, h = im.size  # declared, before any draft
    x_pt, y_pt = _points(im, w, h)
    thumb, pending, kept = thumbnail(im, turn, preview_px)
    if pending in (5, 6, 7, 8):  # the declared size was not upright yet
        x_pt, y_pt = y_pt, x_pt
    return NewPage(0, index, x_pt, y_pt, thumb), kept


def _points(im: Image.Image, w: int, h: int) -> tuple[float, float]:
    """Physical size in points of the stored pixels (before orientation)."""
    dpi = im.info.get("dpi")
    try:
        xdpi, ydpi = (float(dpi[0]), float(dpi[1])) if dpi else (0.0, 0.0)
    except (TypeError, ValueError, IndexError, ZeroDivisionError):
        xdpi = ydpi = 0.0
    low, high = PLAUSIBLE_DPI
    if not (low <= xdpi <= high and low <= ydpi <= high):
        long_px, short_px = max(w, h), min(w, h)
        xdpi = ydpi = max(long_px / LETTER_IN[1], short_px / LETTER_IN[0], 1e-6)
    return w * 72.0 / xdpi, h * 72.0 / ydpi


def thumbnail(
    im: Image.Image, turn: int, preview_px: int = 0
) -> tuple[bytes, int, Image.Image | None]:
    """JPEG, upright, long side <= THUMB_MAX, the turn that took, and with `preview_px`
    the picture upright at about that size (JPEGs decode at a reduced scale: libjpeg
    still reads the whole entropy-coded stream, so a cut one fails here as it would at
    export)."""
    w, h = im.size
    # only a JPEG gives its preview for free (decoded at a reduced scale)
    preview_px = preview_px if im.format in ("JPEG", "MPO") else 0
    if preview_px and max(w, h) > preview_px:
        ratio = preview_px / max(w, h)
        images.draft_jpeg(im, (max(1, int(w * ratio)), max(1, int(h * ratio))))
    else:
        images.draft_jpeg(im, (THUMB_MAX, THUMB_MAX))
    pending = images.load(im, turn)
    kept = None
    with images.guarded():
        flat = im.convert("L") if im.mode == "1" else images.flatten(im)
        if preview_px:
            kept = (
                flat.transpose(images.TRANSPOSE[pending]) if pending in images.TRANSPOSE else flat
            )
            kept = kept.copy() if kept is im else kept
        w, h = flat.size
        scale = THUMB_MAX / max(w, h)
        if scale < 1:
            size = (max(1, round(w * scale)), max(1, round(h * scale)))
            flat = flat.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
        if pending in images.TRANSPOSE:
            flat = flat.transpose(images.TRANSPOSE[pending])
        out = io.BytesIO()
        flat.save(out, "JPEG", quality=THUMB_QUALITY)
    return out.getvalue(), pending, kept
