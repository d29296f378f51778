"""The paper inside four corners as a flat rectangle of the right aspect."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PIL import Image

from pdorganizer.scan.geometry import perspective_coefficients

MAX_LONG_PX = 2600  # about 240 DPI on a letter page: more only costs time and space

EDGE_TRIM = 0.004  # of the long side


def warped_size(corners: Sequence[tuple[float, float]]) -> tuple[int, int]:
    tl, tr, br, bl = corners
    width = max(math.dist(tr, tl), math.dist(br, bl))
    height = max(math.dist(bl, tl), math.dist(br, tr))
    scale = min(1.0, MAX_LONG_PX / max(width, height, 1.0))
    return max(1, round(width * scale)), max(1, round(height * scale))


def warp(rgb: Image.Image, corners: Sequence[tuple[float, float]]) -> Image.Image:
    """`corners`: TL, TR, BR, BL in `rgb`'s pixels."""
    w, h = warped_size(corners)
    # The paper's very edge (blended with the table, a shadow line) stays just outside:
    # a few pixels, far less than any printed margin.
    m = max(2.0, EDGE_TRIM * max(w, h))
    dst = [(-m, -m), (w - 1 + m, -m), (w - 1 + m, h - 1 + m), (-m, h - 1 + m)]
    # Pixel centres: Pillow samples output pixel (x, y) at (x + 0.5, y + 0.5).
    src = [(x + 0.5, y + 0.5) for x, y in corners]
    dst = [(x + 0.5, y + 0.5) for x, y in dst]
    coeffs = perspective_coefficients(src, dst)
    fill = (255,) * len(rgb.getbands())  # outside the photo: paper
    return rgb.transform(
        (w, h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR, fillcolor=fill
    )
