"""Colour, gray or black-and-white: what a cleaned page really is.

Colour when a noticeable share of pixels has chroma (stamps, photos, coloured forms);
bilevel when almost every pixel is near paper or near ink; gray otherwise.
"""

from __future__ import annotations

from PIL import Image, ImageChops

from pdorganizer.scan.small import dilate, otsu, reduced, share_at_least, threshold
from pdorganizer.scan.small import gray as to_gray

WORK_PX = 800
CHROMA = 40  # max - min of R, G, B over which a pixel counts as coloured
COLOUR_SHARE = 0.004
MID_SHARE = 0.04  # pixels neither paper nor ink; more than this: gray
_MID = [255 if 110 <= v < 215 else 0 for v in range(256)]


def classify(im: Image.Image) -> str:
    if has_colour(im):
        return "colour"
    return "bilevel" if is_bilevel(im) else "gray"


def has_colour(im: Image.Image) -> bool:
    """Whether a noticeable share of pixels has colour (any scale: chroma is a pixel's
    own, not its neighbours')."""
    if im.mode != "RGB":
        return False
    small, _ = reduced(im, WORK_PX)
    return share_at_least(chroma_of(small).histogram(), CHROMA + 1) > COLOUR_SHARE


def is_bilevel(im: Image.Image) -> bool:
    """Almost every pixel near paper or near ink. Needs the page at its own resolution
    (reduced to WORK_PX here): on a small copy every stroke is anti-aliased gray."""
    small, _ = reduced(im, WORK_PX)
    gray = to_gray(small)
    # antialiased strokes are gray at their edges: allow for that around ink
    edges = dilate(threshold(gray, 110, above=False), 3)
    mid = ImageChops.subtract(gray.point(_MID), edges)
    return share_at_least(mid.histogram(), 255) < MID_SHARE


def chroma_of(rgb: Image.Image) -> Image.Image:
    """max - min of the channels, per pixel."""
    r, g, b = rgb.split()
    return ImageChops.subtract(
        ImageChops.lighter(ImageChops.lighter(r, g), b),
        ImageChops.darker(ImageChops.darker(r, g), b),
    )


def to_bilevel(gray: Image.Image) -> Image.Image:
    """Ink 0, paper 255 (a lit-evened page: one global threshold is enough), mode "1"."""
    level = otsu(gray.histogram())
    return threshold(gray, level).convert("1", dither=Image.Dither.NONE)
