"""Even lighting: divide each channel by an estimate of the bare paper.

The paper's brightness is found with a morphological close (ink is thin and dark, so a
large closing removes it) on a reduced copy, smoothed and scaled back up. Dividing by it
per channel makes paper white under a shadow gradient and removes a colour cast at
once (the cast is in the background estimate too). Ink is then darkened a little so the
contrast lost in shadows comes back.
"""

from __future__ import annotations

import cv2
import numpy as np

from pdorganizer.scan.small import reduced

WORK_PX = 320
KERNEL_FRACTION = 0.04  # of the long side: wider than a text stroke, narrower than a shadow


def background(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    small, _ = reduced(rgb, WORK_PX)
    k = max(3, round(KERNEL_FRACTION * max(small.shape[:2])) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    closed = cv2.GaussianBlur(closed, (0, 0), k / 2)
    return cv2.resize(closed, (w, h), interpolation=cv2.INTER_LINEAR)


def flatten_light(rgb: np.ndarray) -> np.ndarray:
    bg = background(rgb)
    # out = rgb / bg * 255, in 16-bit fixed point (cv2.divide saturates and rounds)
    out = cv2.divide(rgb, np.maximum(bg, 8), scale=255.0)
    # a gentle curve: paper a touch whiter, ink darker (mid-tones pulled down)
    lut = np.clip(((np.arange(256) / 255.0) ** 1.4) * 265.0, 0, 255).astype(np.uint8)
    return cv2.LUT(out, lut)


def gain(before: np.ndarray, after: np.ndarray) -> float:
    """How much more even the paper got: spread of the background before / after."""

    def spread(im: np.ndarray) -> float:
        bg = cv2.cvtColor(background(im), cv2.COLOR_RGB2GRAY)
        lo, hi = np.percentile(bg, (5, 95))
        return float(hi - lo) + 1.0

    return spread(before) / spread(after)
