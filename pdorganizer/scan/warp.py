"""The paper inside four corners as a flat rectangle of the right aspect."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

MAX_LONG_PX = 2600  # about 240 DPI on a letter page: more only costs time and space

EDGE_TRIM = 0.004  # of the long side


def warped_size(corners: Sequence[tuple[float, float]]) -> tuple[int, int]:
    tl, tr, br, bl = (np.asarray(c, dtype=np.float64) for c in corners)
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    scale = min(1.0, MAX_LONG_PX / max(width, height, 1.0))
    return max(1, round(width * scale)), max(1, round(height * scale))


def warp(rgb: np.ndarray, corners: Sequence[tuple[float, float]]) -> np.ndarray:
    """`corners`: TL, TR, BR, BL in `rgb`'s pixels."""
    w, h = warped_size(corners)
    src = np.asarray(corners, dtype=np.float32)
    # The paper's very edge (blended with the table, a shadow line) stays just outside:
    # a few pixels, far less than any printed margin.
    m = max(2.0, EDGE_TRIM * max(w, h))
    dst = np.array(
        [[-m, -m], [w - 1 + m, -m], [w - 1 + m, h - 1 + m], [-m, h - 1 + m]], dtype=np.float32
    )
    matrix = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(
        rgb, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
