"""Levelling text lines: the angle whose horizontal projection is sharpest.

Text lines make the row sums of dark pixels peaky when they are level; the variance of
that profile is measured over small angles on a reduced copy. The page is turned only
when a clear angle wins (a page of pictures has none), never more than MAX_DEGREES.
"""

from __future__ import annotations

import cv2
import numpy as np

from pdorganizer.scan.small import reduced

MAX_DEGREES = 6.0
WORK_PX = 900
MIN_DEGREES = 0.15  # less is not worth a resampling
MAX_POINTS = 60000


def _ink(gray: np.ndarray) -> np.ndarray:
    small, _ = reduced(gray, WORK_PX)
    ink = cv2.adaptiveThreshold(small, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    return ink


def _points(ink: np.ndarray) -> np.ndarray:
    ys, xs = np.nonzero(ink)
    if len(xs) > MAX_POINTS:  # a fixed stride: the same page gives the same angle
        step = len(xs) // MAX_POINTS + 1
        ys, xs = ys[::step], xs[::step]
    return np.stack([xs, ys], axis=1).astype(np.float32)


def _sharpness(points: np.ndarray, degrees: float, rows: int) -> float:
    """Variance of the row-profile differences once the ink is turned by `degrees`."""
    t = np.radians(degrees)
    y = points[:, 1] * np.cos(t) - points[:, 0] * np.sin(t)
    y = np.round(y - y.min()).astype(np.int64)
    profile = np.bincount(y, minlength=rows).astype(np.float64)
    return float(np.var(np.diff(profile)))


def skew_angle(gray: np.ndarray) -> tuple[float, float]:
    """(degrees to turn counter-clockwise so lines are level, gain over 0 degrees)."""
    ink = _ink(gray)
    if ink.mean() < 0.002:  # a blank page
        return 0.0, 0.0
    points, rows = _points(ink), ink.shape[0] * 2
    base = _sharpness(points, 0.0, rows)
    if base <= 0:
        return 0.0, 0.0
    coarse = np.arange(-MAX_DEGREES, MAX_DEGREES + 0.01, 0.5)
    scores = [_sharpness(points, a, rows) for a in coarse]
    best = float(coarse[int(np.argmax(scores))])
    fine = np.arange(best - 0.5, best + 0.51, 0.1)
    scores = [_sharpness(points, a, rows) for a in fine]
    best = float(fine[int(np.argmax(scores))])
    return round(best, 2), max(scores) / base


def rotate(rgb: np.ndarray, degrees: float) -> np.ndarray:
    """Turned about the centre, same size, corners filled with the edge colour."""
    h, w = rgb.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(
        rgb, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
