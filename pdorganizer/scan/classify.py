"""Colour, gray or black-and-white: what a cleaned page really is.

Colour when a noticeable share of pixels has chroma (stamps, photos, coloured forms);
bilevel when almost every pixel is near paper or near ink; gray otherwise.
"""

from __future__ import annotations

import cv2
import numpy as np

from pdorganizer.scan.small import reduced

WORK_PX = 800
CHROMA = 40  # max - min of R, G, B over which a pixel counts as coloured
COLOUR_SHARE = 0.004
MID_SHARE = 0.04  # pixels neither paper nor ink; more than this: gray


def classify(rgb: np.ndarray) -> str:
    small, _ = reduced(rgb, WORK_PX)
    chroma = chroma_of(small)
    if float((chroma > CHROMA).mean()) > COLOUR_SHARE:
        return "colour"
    gray = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    # antialiased strokes are gray at their edges: allow for that around ink
    ink = gray < 110
    edges = cv2.dilate(ink.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    mid = (gray >= 110) & (gray < 215) & ~edges
    return "bilevel" if float(mid.mean()) < MID_SHARE else "gray"


def chroma_of(rgb: np.ndarray) -> np.ndarray:
    """max - min of the channels (OpenCV's per-pixel max: numpy's axis-2 reduction is
    a hundred times slower on an image)."""
    r, g, b = cv2.split(rgb)
    return cv2.subtract(cv2.max(cv2.max(r, g), b), cv2.min(cv2.min(r, g), b))


def to_bilevel(gray: np.ndarray) -> np.ndarray:
    """Ink 0, paper 255 (a lit-evened page: one global threshold is enough)."""
    _, out = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return out
