"""Finding the document's four corners in a photo, with a confidence.

Works on a small copy (long side WORK_PX): the paper is the largest bright, convex,
four-cornered region that does not fill the whole frame. Three candidate masks are
tried (the edges, closed a little; the regions the edges enclose; a brightness
threshold); each region's hull is simplified to a quadrilateral and scored by how much
brighter its inside is than the band just outside it and by how square its corners are.
A frame with no such region gives confidence 0. The corners found are then refined on
the full picture, where each side's edge is a sharp step.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from pdorganizer.scan.geometry import (
    Point,
    area,
    convex_hull,
    corner_angles,
    fit_line,
    intersect,
    is_convex,
    offset_quad,
    quad_of_hull,
)
from pdorganizer.scan.regions import regions
from pdorganizer.scan.small import dilate, erode, otsu, reduced, threshold
from pdorganizer.scan.small import gray as to_gray

WORK_PX = 512
MIN_AREA = 0.15  # of the frame: smaller "papers" are usually a label or a screen
MAX_AREA = 0.97  # larger: the photo is the document (a crop or a scan)
CONFIDENT = 0.5
EDGE_STEP = 14  # grey levels between neighbours (on a slightly blurred copy) for an edge
CANDIDATES = 6  # regions per mask worth a hull
SIDE_SAMPLES = 24  # places along each side where its edge is looked for

_SOBEL_X = (-1, 0, 1, -2, 0, 2, -1, 0, 1)
_SOBEL_Y = (-1, -2, -1, 0, 0, 0, 1, 2, 1)
_ABS = [abs(v - 128) for v in range(256)]


@dataclass
class Outline:
    corners: list[tuple[float, float]] | None  # TL, TR, BR, BL in full-image pixels
    confidence: float  # 0..1


def _edges(gray: Image.Image) -> Image.Image:
    """255 where the brightness changes sharply (Sobel magnitude, 1/4 scale)."""
    soft = gray.filter(ImageFilter.GaussianBlur(1.0))
    gx = soft.filter(ImageFilter.Kernel((3, 3), _SOBEL_X, scale=4, offset=128)).point(_ABS)
    gy = soft.filter(ImageFilter.Kernel((3, 3), _SOBEL_Y, scale=4, offset=128)).point(_ABS)
    return threshold(ImageChops.add(gx, gy), EDGE_STEP)


def _bright(gray: Image.Image) -> Image.Image:
    """Paper is the bright part: Otsu on a strongly blurred copy ignores the text."""
    smooth = gray.filter(ImageFilter.GaussianBlur(4))
    bright = threshold(smooth, otsu(smooth.histogram()))
    return dilate(erode(bright, 7), 7)


def _enclosed(gray: Image.Image) -> Image.Image:
    """The regions the edges enclose; the edges are widened by 2 pixels to close gaps,
    so an enclosed region stops about 3 pixels short of the paper's edge."""
    return ImageChops.invert(dilate(_edges(gray), 5))


# (mask, how far its regions' edges lie inside the paper's edge in pixels), cheapest
# first: the brightness mask has a few hundred runs, the enclosed regions thousands.
_MASKS = ((_bright, 0.0), (_enclosed, 3.0))
SURE = 0.85  # a quad this good from the first mask: the second is not worth its time


def _quads(mask: Image.Image, frame: float, grow: float) -> list[list[Point]]:
    found = []
    big = [r for r in regions(mask) if r.box_area >= MIN_AREA * frame]
    for region in sorted(big, key=lambda r: r.box_area, reverse=True)[:CANDIDATES]:
        hull = convex_hull(region.outline_points())
        if len(hull) < 4 or not (MIN_AREA * frame <= area(hull) <= MAX_AREA * frame):
            continue
        quad = quad_of_hull(hull)
        found.append(offset_quad(quad, grow) if grow else quad)
    return found


def _median(gray: Image.Image, mask: Image.Image) -> float | None:
    hist = gray.histogram(mask)
    total = sum(hist)
    if total == 0:
        return None
    acc = 0
    for value, count in enumerate(hist):
        acc += count
        if 2 * acc >= total:
            return float(value)
    return 255.0


def _polygon_mask(size: tuple[int, int], outer: list[Point], inner: list[Point]) -> Image.Image:
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    draw.polygon(outer, fill=255)
    draw.polygon(inner, fill=0)
    return mask


def _score(gray: Image.Image, quad: list[Point]) -> float:
    w, h = gray.size
    if not is_convex(quad):
        return 0.0
    angles = corner_angles(quad)
    # corners near 90 degrees (perspective bends them, but not past ~35 degrees)
    if max(angles) > 35:
        return 0.0
    band = max(4, round(0.03 * max(w, h)))
    grown, shrunk = offset_quad(quad, band), offset_quad(quad, -band / 2)
    outside = _median(gray, _polygon_mask(gray.size, grown, quad))
    inside = _median(gray, _polygon_mask(gray.size, quad, shrunk))
    if outside is None or inside is None:
        return 0.0
    contrast = (inside - outside) / 255.0
    if contrast <= 0.04:
        return 0.0
    # A quad touching the frame has little "outside": the photo may cut the paper.
    edge_touch = (
        (min(x for x, _ in grown) <= 0)
        + (min(y for _, y in grown) <= 0)
        + (max(x for x, _ in grown) >= w - 1)
        + (max(y for _, y in grown) >= h - 1)
    )
    if edge_touch >= 3:  # the paper fills the frame: a crop or a scan, nothing to cut
        return 0.0
    squareness = 1.0 - max(angles) / 35.0
    strength = min(1.0, contrast / 0.25)
    score = 0.55 * strength + 0.3 * squareness + 0.15
    if edge_touch >= 2:
        score *= 0.7
    return float(score)


def detect_outline(rgb: Image.Image, refined: bool = True) -> Outline:
    """The document's corners in `rgb` (an upright RGB picture), or None; `refined`:
    fitted again on `rgb` itself (else as found on the small copy)."""
    small, scale = reduced(rgb, WORK_PX)
    gray = to_gray(small)
    frame = float(gray.width * gray.height)
    best, best_score = None, 0.0
    for make, grow in _MASKS:
        if best_score >= SURE:
            break
        for quad in _quads(make(gray), frame, grow):
            score = _score(gray, quad)
            if score > best_score:
                best, best_score = quad, score
    if best is None or best_score < CONFIDENT:
        return Outline(None, round(best_score, 3))
    coarse = [(x / scale, y / scale) for x, y in best]
    if not refined:
        return Outline(coarse, round(best_score, 3))
    return Outline(refine(rgb, coarse, coarse_reach(rgb.size)), round(best_score, 3))


def coarse_reach(size: tuple[int, int]) -> float:
    """How far (in pixels of a picture of `size`) corners found on the small copy may be
    from the paper's edge."""
    return max(4.0, max(size) / WORK_PX * 4)


def _luma(px: tuple[int, ...] | int) -> float:
    if isinstance(px, int):
        return float(px)
    return 0.299 * px[0] + 0.587 * px[1] + 0.114 * px[2]


def refine(im: Image.Image, quad: Sequence[Point], reach: float) -> list[tuple[float, float]]:
    """The corners again from a larger picture ("RGB" or "L"): each side's edge is
    searched up to `reach` pixels across the coarse side, a line is fitted to it, and
    neighbouring lines meet at the corner. A side whose edge is not found keeps its
    coarse line."""
    w, h = im.size
    pixels = im.load()
    cx = sum(p[0] for p in quad) / 4
    cy = sum(p[1] for p in quad) / 4
    steps = [-reach + i for i in range(int(2 * reach) + 1)]
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        length = math.dist(a, b) + 1e-9
        dx, dy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        nx, ny = -dy, dx
        if (cx - (a[0] + b[0]) / 2) * nx + (cy - (a[1] + b[1]) / 2) * ny < 0:
            nx, ny = -nx, -ny  # n points into the paper
        found = []
        for k in range(SIDE_SAMPLES):
            t = 0.1 + 0.8 * k / (SIDE_SAMPLES - 1)
            px, py = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            profile = []
            for s in steps:
                x = min(max(round(px + s * nx), 0), w - 1)
                y = min(max(round(py + s * ny), 0), h - 1)
                profile.append(_luma(pixels[x, y]))
            rises = [profile[j + 1] - profile[j] for j in range(len(profile) - 1)]
            j = max(range(len(rises)), key=rises.__getitem__)
            if rises[j] > 12:  # dark outside -> bright inside
                s = steps[j] + 0.5
                found.append((px + nx * s, py + ny * s))
        if len(found) >= SIDE_SAMPLES // 3:
            lines.append(fit_line(found))
        else:
            lines.append((a, (dx, dy)))
    side = min(math.dist(quad[i], quad[(i + 1) % 4]) for i in range(4))
    out = []
    for i in range(4):
        corner = intersect(lines[i - 1], lines[i])
        if corner is None or math.dist(corner, quad[i]) > max(3 * reach, 0.08 * side):
            corner = quad[i]
        x, y = corner
        out.append((min(max(float(x), 0.0), w - 1.0), min(max(float(y), 0.0), h - 1.0)))
    return out
