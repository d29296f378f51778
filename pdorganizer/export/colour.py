"""What a page's picture really is, for the compact packet: a colour scan of a gray
letter prints as grayscale JPEG (a third of the size, nothing lost), and a scan of black
text on white paper as 1-bit (CCITT G4: a tenth of the size, sharper than JPEG)."""

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


INK, PAPER = 80, 200  # gray levels: darker is ink, lighter is paper
MID_SHARE = 0.05  # a text page's antialiased edges stay under this; a photo does not
PAPER_SHARE = 0.5
THRESHOLD = 150


def simplest(im: Image.Image) -> Image.Image:
    """`im` as "1" for black text on white, "L" for a page without colour, else as is."""
    im = without_colour(im)
    if im.mode != "L":
        return im
    small = im.copy()
    small.thumbnail((SAMPLE_PX * 2, SAMPLE_PX * 2), Image.Resampling.NEAREST)
    hist = small.histogram()
    total = max(1, small.width * small.height)
    ink, paper = sum(hist[:INK]), sum(hist[PAPER:])
    mid = total - ink - paper
    if mid < MID_SHARE * total and paper > PAPER_SHARE * total and ink > 0.002 * total:
        return im.point(lambda v: 255 if v > THRESHOLD else 0, mode="1")
    return im
