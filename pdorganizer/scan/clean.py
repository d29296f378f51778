"""One photographed page in, one cleaned page out: outline, warp, deskew, light, mode.

Deterministic: the same pixels, corners and settings give the same result, so a page
can always be recomputed from what the vault keeps (corners, angle, light, mode).
Never crops content away: without a confident outline the frame is kept whole, and
deskew and lighting are applied only when they measurably help.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np

from pdorganizer.scan.classify import chroma_of, classify
from pdorganizer.scan.deskew import MIN_DEGREES, rotate, skew_angle
from pdorganizer.scan.light import flatten_light, gain
from pdorganizer.scan.outline import detect_outline, order_corners
from pdorganizer.scan.small import reduced
from pdorganizer.scan.warp import warp

Corners = list[tuple[float, float]]
DESKEW_GAIN = 1.15  # the sharpest angle must beat level by this much
LIGHT_GAIN = 1.6  # without an outline: how much more even the paper must get
PAPER_SHARE = 0.5  # without an outline: share of near-white pixels once lit


@dataclass
class Cleaned:
    pixels: np.ndarray  # H x W (gray, bilevel 0/255) or H x W x 3 (RGB), uint8
    mode: str  # "colour" | "gray" | "bilevel"
    corners: Corners | None  # used for the warp, in the upright source's pixels
    confidence: float  # of the outline found (1.0 for corners the person set)
    angle: float = 0.0  # degrees turned after the warp
    lit: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.corners is not None or self.lit or bool(self.angle)

    def settings(self) -> dict:
        return {"angle": self.angle, "light": self.lit, "mode": self.mode}


def parse_corners(values: Sequence[float], width: int, height: int) -> Corners:
    """Eight numbers (x1,y1,...) inside the image, as TL, TR, BR, BL; ValueError if not."""
    if len(values) != 8:
        raise ValueError("four corners need eight numbers: x1,y1,x2,y2,x3,y3,x4,y4")
    pts = np.asarray(values, dtype=np.float64).reshape(4, 2)
    if not np.isfinite(pts).all():
        raise ValueError("corners must be numbers")
    if (
        (pts[:, 0] < 0).any()
        or (pts[:, 1] < 0).any()
        or (pts[:, 0] > width).any()
        or (pts[:, 1] > height).any()
    ):
        raise ValueError("corners must lie inside the image")
    ordered = order_corners(pts)
    if cv2.contourArea(ordered.astype(np.float32)) < 0.01 * width * height:
        raise ValueError("the corners enclose almost nothing")
    return [(float(x), float(y)) for x, y in ordered]


def clean(
    rgb: np.ndarray,
    corners: Corners | str | None = "auto",
    *,
    angle: float | None = None,
    light: bool | None = None,
    mode: str | None = None,
) -> Cleaned:
    """`corners`: "auto" to detect, a list to use, None for no warp. `angle`, `light`
    and `mode` given: recompute exactly (no measuring); None: decide."""
    notes: list[str] = []
    confidence = 1.0
    used: Corners | None = None
    if corners == "auto":
        outline = detect_outline(rgb)
        confidence = outline.confidence
        used = outline.corners
        if used is None:
            notes.append("no page outline found with confidence; the photo was not cropped")
    elif corners is not None:
        used = [(float(x), float(y)) for x, y in corners]
    page = warp(rgb, used) if used is not None else rgb
    if light is None:
        lit_page = flatten_light(page)
        light = used is not None or _helps(page, lit_page)
        page = lit_page if light else page
    elif light:
        page = flatten_light(page)
    if angle is None:
        angle = 0.0
        if used is not None or light:  # a document: level its lines if that is clear
            found, sharper = skew_angle(cv2.cvtColor(page, cv2.COLOR_RGB2GRAY))
            if abs(found) >= MIN_DEGREES and sharper >= DESKEW_GAIN:
                angle = found
    if angle:
        page = rotate(page, angle)
    if mode is None:
        mode = classify(page) if (used is not None or light) else "colour"
    pixels = page if mode == "colour" else cv2.cvtColor(page, cv2.COLOR_RGB2GRAY)
    if used is None and not light and not angle:
        notes.append("left as it was: clean-up would not help this photo")
    elif used is None:
        notes.append("lighting evened out; the photo was not cropped")
    return Cleaned(pixels, mode, used, round(float(confidence), 3), angle, bool(light), notes)


def _helps(before: np.ndarray, after: np.ndarray) -> bool:
    """Without an outline: light only a photo that is paper edge to edge."""
    chroma = chroma_of(reduced(after, 800)[0])
    if float((chroma > 60).mean()) > 0.05:  # a colourful scene, not a page
        return False
    gray = cv2.cvtColor(after, cv2.COLOR_RGB2GRAY)
    if float((gray > 225).mean()) < PAPER_SHARE:
        return False
    return gain(before, after) >= LIGHT_GAIN
