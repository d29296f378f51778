"""Even lighting: divide each channel by an estimate of the bare paper.

The paper's brightness is found with a morphological close (ink is thin and dark, so a
large closing removes it) on a reduced copy, smoothed and scaled back up. Dividing by it
per channel makes paper white under a shadow gradient and removes a colour cast at
once (the cast is in the background estimate too). Ink is then darkened a little so the
contrast lost in shadows comes back.

The division is done with Pillow's per-pixel multiply: the reduced background becomes a
gain image `darkest / background` (at most 1), the page is multiplied by it, and one
lookup table scales back by 255 / darkest and applies the curve. That costs about 2.5
grey levels of precision where the paper was darkest, invisible on a document, and runs
in C without numpy.
"""

from __future__ import annotations

from PIL import Image, ImageChops, ImageFilter

from pdorganizer.scan.small import dilate, erode, percentile, reduced

WORK_PX = 320
KERNEL_FRACTION = 0.04  # of the long side: wider than a text stroke, narrower than a shadow
DARKEST = 24  # a background darker than this is not paper: no more gain than 255 / 24
GAMMA = 1.4  # paper a touch whiter, ink darker (mid-tones pulled down)
CURVE_SCALE = 265.0


def background_small(im: Image.Image) -> Image.Image:
    """The bare paper's brightness on a reduced copy (long side WORK_PX)."""
    small, _ = reduced(im, WORK_PX)
    k = max(3, round(KERNEL_FRACTION * max(small.size)) | 1)
    closed = erode(dilate(small, k), k)
    return closed.filter(ImageFilter.GaussianBlur(k / 2))


def _curve(v: float) -> int:
    return min(255, max(0, int((v / 255.0) ** GAMMA * CURVE_SCALE)))


def flatten_light(im: Image.Image) -> Image.Image:
    """`im` ("L" or "RGB") with the paper made white and even."""
    bg = background_small(im)
    bands = []
    for page_band, bg_band in zip(im.split(), bg.split(), strict=True):
        darkest = max(DARKEST, min(bg_band.getextrema()[0], 255))
        gain = bg_band.point([min(255, round(255 * darkest / max(v, darkest))) for v in range(256)])
        gain = gain.resize(im.size, Image.Resampling.BILINEAR)
        scaled = ImageChops.multiply(page_band, gain)  # page * darkest / bg, in 0..255
        bands.append(scaled.point([_curve(v * 255.0 / darkest) for v in range(256)]))
    return bands[0] if len(bands) == 1 else Image.merge(im.mode, bands)


def spread(im: Image.Image) -> float:
    """How uneven the paper is: grey levels between the 5th and 95th percentile of the
    background's brightness."""
    hist = background_small(im).convert("L").histogram()
    return float(percentile(hist, 0.95) - percentile(hist, 0.05))
