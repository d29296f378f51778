"""What a file says about itself (EXIF, GPS, XMP, PDF info), as plain JSON for the vault.

This goes into `sources.metadata` only: it is evidence about the evidence (when and where
a photo was taken) and may be sensitive (GPS), so nothing here is ever shown or exported
unless the user asks for it.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any

from PIL import ExifTags, Image

MAX_TEXT = 64 * 1024  # an XMP packet or a comment longer than this is cut
MAX_BYTES_VALUE = 64  # short binary values as hex; longer ones (MakerNote...) only sized


def json_value(value: Any, depth: int = 0) -> Any:
    """Any EXIF/PDF value as something json.dumps takes as is."""
    if depth > 4:
        return None
    if value is None or isinstance(value, (bool, int, str)):
        return value[:MAX_TEXT] if isinstance(value, str) else value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, bytes):
        if len(value) <= MAX_BYTES_VALUE:
            return value.hex()
        return f"<{len(value)} bytes>"
    if isinstance(value, (tuple, list)):
        return [json_value(v, depth + 1) for v in value[:256]]
    if isinstance(value, dict):
        return {str(k): json_value(v, depth + 1) for k, v in list(value.items())[:256]}
    try:  # IFDRational and other number-like values
        number = float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return str(value)[:MAX_TEXT]
    return number if math.isfinite(number) else None


def _named(tags: dict, names: dict[int, str]) -> dict[str, Any]:
    return {names.get(tag, f"tag{tag}"): json_value(value) for tag, value in tags.items()}


def image_facts(im: Image.Image) -> dict[str, Any]:
    """Format, mode, size and resolution of an opened image, from its header only (read
    before any decoding: a JPEG decoded at a reduced scale reports a smaller size)."""
    meta: dict[str, Any] = {
        "format": im.format or "",
        "mode": im.mode,
        "pixels": list(im.size),
    }
    dpi = im.info.get("dpi")
    if dpi:
        meta["dpi"] = json_value(dpi)
    if im.info.get("icc_profile"):
        meta["icc_profile"] = True
    return meta


def image_metadata(im: Image.Image) -> dict[str, Any]:
    """EXIF (with GPS and the sub-IFDs), XMP and text chunks of an image whose pixels are
    already decoded.

    Only call it after a successful `load()`: Pillow's `getexif()` decodes a PNG that is
    not loaded yet, and a failure swallowed there once left the next load with half-blank
    pixels. Once the pixels are good, a block that does not parse is simply left out:
    this is evidence about the evidence, never needed to place the page.
    """
    meta: dict[str, Any] = {}
    try:
        exif = im.getexif()
    except Exception:  # a broken EXIF block must not stop the import of a good image
        exif = None
    if exif:
        with contextlib.suppress(Exception):  # same: keep what could be read
            meta["exif"] = _named(dict(exif), ExifTags.TAGS)
        for ifd, names, key in (
            (ExifTags.IFD.Exif, ExifTags.TAGS, "exif_ifd"),
            (ExifTags.IFD.GPSInfo, ExifTags.GPSTAGS, "gps"),
        ):
            try:
                sub = exif.get_ifd(ifd)
                if sub:
                    meta[key] = _named(dict(sub), names)
            except Exception:  # same: keep what could be read
                continue
    xmp = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    if xmp:
        meta["xmp"] = _text(xmp)
    for key in ("comment", "Description", "Author", "Software"):
        if key in im.info:
            meta.setdefault("text", {})[key] = _text(im.info[key])
    return meta


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value)[:MAX_TEXT]
