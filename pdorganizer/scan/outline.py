"""Finding the document's four corners in a photo, with a confidence.

Works on a small copy (long side WORK_PX): the paper is the largest bright, convex,
four-cornered region that does not fill the whole frame. Two candidate masks are tried
(edges closed into regions, and a brightness threshold); each quadrilateral is scored by
how much brighter its inside is than the band just outside it, and by how well the
region fills its quadrilateral. A frame with no such region gives confidence 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from pdorganizer.scan.small import reduced

WORK_PX = 640
MIN_AREA = 0.15  # of the frame: smaller "papers" are usually a label or a screen
MAX_AREA = 0.97  # larger: the photo is the document (a crop or a scan)
CONFIDENT = 0.5


@dataclass
class Outline:
    corners: list[tuple[float, float]] | None  # TL, TR, BR, BL in full-image pixels
    confidence: float  # 0..1


def order_corners(pts: np.ndarray) -> np.ndarray:
    """TL, TR, BR, BL for four points in any order."""
    pts = np.asarray(pts, dtype=np.float64).reshape(4, 2)
    s = pts.sum(axis=1)
    d = pts[:, 1] - pts[:, 0]
    out = np.empty((4, 2))
    out[0] = pts[np.argmin(s)]
    out[2] = pts[np.argmax(s)]
    out[1] = pts[np.argmin(d)]
    out[3] = pts[np.argmax(d)]
    return out


def _masks(gray: np.ndarray) -> list[np.ndarray]:
    blur = cv2.GaussianBlur(gray, (5, 5), 0)
    masks = []
    edges = cv2.Canny(blur, 40, 120)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8), iterations=2)
    masks.append(edges)
    # Paper is the bright part: Otsu on a strongly blurred copy ignores the text.
    smooth = cv2.GaussianBlur(gray, (0, 0), 4)
    _, bright = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_OPEN, np.ones((7, 7), np.uint8))
    masks.append(bright)
    return masks


def _quads(mask: np.ndarray, area: float) -> list[np.ndarray]:
    contours, _ = cv2.findContours(mask, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    found = []
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:8]:
        hull = cv2.convexHull(contour)
        hull_area = cv2.contourArea(hull)
        if not (MIN_AREA * area <= hull_area <= MAX_AREA * area):
            continue
        peri = cv2.arcLength(hull, True)
        for eps in (0.01, 0.02, 0.03, 0.05):
            approx = cv2.approxPolyDP(hull, eps * peri, True)
            if len(approx) == 4:
                found.append(order_corners(approx))
                break
        else:
            rect = cv2.boxPoints(cv2.minAreaRect(hull))
            found.append(order_corners(rect))
    return found


def _score(gray: np.ndarray, quad: np.ndarray) -> float:
    h, w = gray.shape
    inner = np.zeros_like(gray)
    cv2.fillConvexPoly(inner, quad.astype(np.int32), 255)
    band = max(4, round(0.03 * max(h, w)))
    kernel = np.ones((band, band), np.uint8)
    outside = cv2.dilate(inner, kernel) & ~inner
    inside = inner & ~cv2.erode(inner, kernel)
    # A quad touching the frame has little "outside": the photo may cut the paper.
    edge_touch = outside[0].any() + outside[-1].any() + outside[:, 0].any() + outside[:, -1].any()
    if not outside.any() or not inside.any():
        return 0.0
    lin = float(np.median(gray[inside > 0]))
    lout = float(np.median(gray[outside > 0]))
    contrast = (lin - lout) / 255.0
    if contrast <= 0.04:
        return 0.0
    if not cv2.isContourConvex(quad.astype(np.int32).reshape(-1, 1, 2)):
        return 0.0
    # corners near 90 degrees (perspective bends them, but not past ~35 degrees)
    angles = []
    for i in range(4):
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        v1, v2 = a - b, c - b
        cos = float(np.dot(v1, v2) / (np.linalg.norm(v1) * np.linalg.norm(v2) + 1e-9))
        angles.append(abs(np.degrees(np.arccos(np.clip(cos, -1, 1))) - 90))
    if max(angles) > 35:
        return 0.0
    squareness = 1.0 - max(angles) / 35.0
    strength = min(1.0, contrast / 0.25)
    score = 0.55 * strength + 0.3 * squareness + 0.15
    if edge_touch >= 2:
        score *= 0.7
    return float(score)


def detect_outline(rgb: np.ndarray) -> Outline:
    """The document's corners in `rgb` (H x W x 3 uint8, upright), or None."""
    small, scale = reduced(rgb, WORK_PX)
    gray = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    area = float(gray.shape[0] * gray.shape[1])
    best, best_score = None, 0.0
    for mask in _masks(gray):
        for quad in _quads(mask, area):
            score = _score(gray, quad)
            if score > best_score:
                best, best_score = quad, score
    if best is None or best_score < CONFIDENT:
        return Outline(None, round(best_score, 3))
    return Outline(_refined(rgb, best / scale), round(best_score, 3))


def _refined(rgb: np.ndarray, quad: np.ndarray) -> list[tuple[float, float]]:
    """The corners again from the full image: each side's edge is searched across the
    coarse side (the reduced copy's edges are a few pixels wide), a line is fitted to
    it, and neighbouring lines meet at the corner. A side whose edge is not found keeps
    its coarse line."""
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    h, w = gray.shape
    reach = max(3.0, max(h, w) / WORK_PX * 3)
    centre = quad.mean(axis=0)
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        d = (b - a) / (np.linalg.norm(b - a) + 1e-9)
        n = np.array([-d[1], d[0]])
        if np.dot(centre - (a + b) / 2, n) < 0:
            n = -n  # n points into the paper
        steps = np.arange(-reach, reach + 0.5, 1.0)
        found = []
        for t in np.linspace(0.1, 0.9, 40):
            p = a + (b - a) * t
            xs = np.clip(np.round(p[0] + steps * n[0]).astype(int), 0, w - 1)
            ys = np.clip(np.round(p[1] + steps * n[1]).astype(int), 0, h - 1)
            profile = gray[ys, xs].astype(np.float32)
            rise = np.diff(profile)  # dark outside -> bright inside
            k = int(np.argmax(rise))
            if rise[k] > 12:
                found.append(p + n * (steps[k] + 0.5))
        if len(found) >= 10:
            vx, vy, x0, y0 = cv2.fitLine(
                np.array(found, np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01
            ).ravel()
            lines.append((np.array([x0, y0]), np.array([vx, vy])))
        else:
            lines.append((a, d))
    out = []
    for i in range(4):
        (p1, d1), (p2, d2) = lines[i - 1], lines[i]
        m = np.array([d1, -d2]).T
        if abs(np.linalg.det(m)) < 1e-6:
            x, y = quad[i]
        else:
            s, _ = np.linalg.solve(m, p2 - p1)
            x, y = p1 + s * d1
            if np.hypot(x - quad[i][0], y - quad[i][1]) > 3 * reach:
                x, y = quad[i]
        out.append((min(max(float(x), 0.0), w - 1.0), min(max(float(y), 0.0), h - 1.0)))
    return out
