"""Levelling text lines: the angle whose horizontal projection is sharpest.

Text lines make the row sums of dark pixels peaky when they are level; the sharpness of
that profile (the sum of its squared steps) is measured over small angles on a reduced
copy, shearing the ink instead of turning it (the same rows for angles this small), and
shearing only its profile in narrow vertical strips (a tiny image, so each angle costs
microseconds). The page is turned only when a clear angle wins (a page of pictures has none),
never more than MAX_DEGREES.
"""

from __future__ import annotations

import itertools
import math
from array import array

from PIL import Image, ImageChops, ImageFilter, ImageStat

from pdorganizer.scan.small import gray as to_gray
from pdorganizer.scan.small import reduced, threshold

MAX_DEGREES = 6.0
WORK_PX = 900
MIN_DEGREES = 0.15  # less is not worth a resampling
STRIPS = 64  # vertical strips, each shifted as one: at 900 px, 14 px wide


def ink_mask(gray: Image.Image) -> Image.Image:
    """255 for ink: darker by 16 levels than the mean of the 31 x 31 pixels around it."""
    small, _ = reduced(gray, WORK_PX)
    local = small.filter(ImageFilter.BoxBlur(15))
    return threshold(ImageChops.subtract(local, small), 16)


def _strips(ink: Image.Image) -> Image.Image:
    """The ink's row profile in STRIPS vertical strips, as a STRIPS x height float image
    (each pixel the share of ink in that row of that strip)."""
    return ink.resize((STRIPS, ink.height), Image.Resampling.BOX).convert("F")


def _sharpness(strips: Image.Image, width: int, degrees: float) -> float:
    """Sum of the squared steps of the row profile once the ink is sheared by `degrees`
    (counter-clockwise positive, as Image.rotate): each strip is shifted by its centre's
    shear (within a strip the rest is under a pixel at these angles), then the strips
    are summed."""
    k, h = strips.size
    slope = math.tan(math.radians(degrees)) * width / k  # rows per strip
    extra = math.ceil(abs(slope) * k) + 1
    offset = extra if slope > 0 else 0
    # output row y of strip x holds input row y + (x + 0.5) * slope - offset
    sheared = strips.transform(
        (k, h + extra),
        Image.Transform.AFFINE,
        (1, 0, 0, slope, 1, 0.5 * slope - offset),
        Image.Resampling.NEAREST,
    )
    profile = array("f", sheared.resize((1, sheared.height), Image.Resampling.BOX).tobytes())
    return float(sum((b - a) ** 2 for a, b in itertools.pairwise(profile)))


def skew_angle(gray: Image.Image) -> tuple[float, float]:
    """(degrees to turn counter-clockwise so lines are level, gain over 0 degrees)."""
    ink = ink_mask(to_gray(gray))
    if ImageStat.Stat(ink).mean[0] < 0.002 * 255:  # a blank page
        return 0.0, 0.0
    strips, width = _strips(ink), ink.width
    base = _sharpness(strips, width, 0.0)
    if base <= 0:
        return 0.0, 0.0
    # a text line's peak is about 1.5 degrees wide at this size: a 1-degree step finds it
    coarse = [i * 1.0 - MAX_DEGREES for i in range(int(2 * MAX_DEGREES) + 1)]
    best = max(coarse, key=lambda a: _sharpness(strips, width, a))
    fine = [best - 0.8 + i * 0.1 for i in range(17)]
    scores = [_sharpness(strips, width, a) for a in fine]
    top = max(scores)
    return round(fine[scores.index(top)], 2), top / base


def rotate(im: Image.Image, degrees: float) -> Image.Image:
    """Turned about the centre, same size, corners filled with the page's edge colour."""
    return im.rotate(degrees, Image.Resampling.BILINEAR, expand=False, fillcolor=_edge_colour(im))


def _edge_colour(im: Image.Image) -> tuple[int, ...] | int:
    w, h = im.size
    band = max(1, min(w, h) // 100)
    strips = [im.crop((0, 0, w, band)), im.crop((0, h - band, w, h))]
    medians = [ImageStat.Stat(s).median for s in strips]
    value = tuple(round(sum(m[i] for m in medians) / 2) for i in range(len(medians[0])))
    return value[0] if len(value) == 1 else value
