"""Whether a page's picture has colour at all: a colour scan of a gray letter prints as
grayscale JPEG in the compact packet (a third of the size, nothing lost)."""

from __future__ import annotations

from PIL import Image, ImageChops

CHROMA = 40  # max - min of R, G, B over which a pixel counts as coloured
COLOUR_SHARE = 0.004  # a stamp or a signature in blue ink is more than this
SAMPLE_PX = 400


def without_colour(im: Image.Image) -> Image.Image:
    """`im` as "L" when no noticeable share of it is coloured, else `im` unchanged."""
    if im.mode != "RGB":
        return im
    small = im.copy()
    small.thumbnail((SAMPLE_PX, SAMPLE_PX), Image.Resampling.NEAREST)
    r, g, b = small.split()
    spread = ImageChops.subtract(
        ImageChops.lighter(ImageChops.lighter(r, g), b),
        ImageChops.darker(ImageChops.darker(r, g), b),
    )
    hist = spread.histogram()
    coloured = sum(hist[CHROMA + 1 :])
    if coloured > COLOUR_SHARE * small.width * small.height:
        return im
    return im.convert("L")
