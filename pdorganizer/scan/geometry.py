"""Plane geometry for page outlines, in plain Python: hulls, polygon simplification,
rectangles, perspective coefficients, lines. Every input is a handful of points (a hull
has tens to hundreds), so pure Python is fast enough and keeps the installer small."""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]


def area(poly: Sequence[Point]) -> float:
    """Shoelace area (absolute) of a simple polygon."""
    s = 0.0
    for i in range(len(poly)):
        x1, y1 = poly[i - 1]
        x2, y2 = poly[i]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2.0


def perimeter(poly: Sequence[Point]) -> float:
    return sum(math.dist(poly[i - 1], poly[i]) for i in range(len(poly)))


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def convex_hull(points: Sequence[Point]) -> list[Point]:
    """Andrew's monotone chain; counter-clockwise in a y-up frame, no repeated points."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return list(pts)
    lower: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(pts):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def is_convex(poly: Sequence[Point]) -> bool:
    signs = set()
    n = len(poly)
    for i in range(n):
        c = _cross(poly[i - 2], poly[i - 1], poly[i])
        if abs(c) > 1e-9:
            signs.add(c > 0)
    return len(signs) == 1


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.dist(p, a)
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def _douglas_peucker(points: list[Point], eps: float) -> list[Point]:
    if len(points) < 3:
        return points
    a, b = points[0], points[-1]
    far, index = -1.0, 0
    for i in range(1, len(points) - 1):
        d = _segment_distance(points[i], a, b)
        if d > far:
            far, index = d, i
    if far <= eps:
        return [a, b]
    left = _douglas_peucker(points[: index + 1], eps)
    return left[:-1] + _douglas_peucker(points[index:], eps)


def simplify_closed(poly: Sequence[Point], eps: float) -> list[Point]:
    """Douglas-Peucker on a closed polygon, split at its two farthest-apart vertices (so
    the split points are true corners, as OpenCV's approxPolyDP does)."""
    pts = list(poly)
    if len(pts) <= 4:
        return pts
    start = 0
    far = max(range(len(pts)), key=lambda i: math.dist(pts[0], pts[i]))
    start = max(range(len(pts)), key=lambda i: math.dist(pts[far], pts[i]))
    pts = pts[start:] + pts[:start]
    far = max(range(len(pts)), key=lambda i: math.dist(pts[0], pts[i]))
    first = _douglas_peucker(pts[: far + 1], eps)
    second = _douglas_peucker([*pts[far:], pts[0]], eps)
    return first[:-1] + second[:-1]


def min_area_rect(hull: Sequence[Point]) -> list[Point]:
    """The smallest rectangle around a convex hull (one side lies on a hull edge)."""
    best: tuple[float, list[Point]] | None = None
    n = len(hull)
    for i in range(n):
        (x1, y1), (x2, y2) = hull[i - 1], hull[i]
        length = math.hypot(x2 - x1, y2 - y1)
        if length == 0:
            continue
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        us = [px * ux + py * uy for px, py in hull]
        vs = [-px * uy + py * ux for px, py in hull]
        a = (max(us) - min(us)) * (max(vs) - min(vs))
        if best is None or a < best[0]:
            box = [
                (u * ux - v * uy, u * uy + v * ux)
                for u, v in (
                    (min(us), min(vs)),
                    (max(us), min(vs)),
                    (max(us), max(vs)),
                    (min(us), max(vs)),
                )
            ]
            best = (a, box)
    return best[1] if best else list(hull)


def quad_of_hull(hull: Sequence[Point]) -> list[Point]:
    """Four corners for a convex hull: the hull simplified until four vertices are left,
    or, when a corner is cut off (a shadow, a finger, a mark printed near it), the lines
    of its four longest sides met again; the smallest enclosing rectangle otherwise."""
    peri = perimeter(hull)
    for eps in (0.005, 0.01, 0.02, 0.03, 0.05):
        approx = simplify_closed(hull, eps * peri)
        if len(approx) == 4:
            return order_corners(approx)
        if 5 <= len(approx) <= 8:
            quad = _four_longest_sides(approx)
            if quad is not None:
                return quad
    return order_corners(min_area_rect(hull))


def _four_longest_sides(poly: Sequence[Point]) -> list[Point] | None:
    n = len(poly)
    sides = sorted(range(n), key=lambda i: math.dist(poly[i], poly[(i + 1) % n]))[-4:]
    sides.sort()
    lines = [
        (poly[i], (poly[(i + 1) % n][0] - poly[i][0], poly[(i + 1) % n][1] - poly[i][1]))
        for i in sides
    ]
    corners = []
    xs = [p[0] for p in poly]
    ys = [p[1] for p in poly]
    span = max(max(xs) - min(xs), max(ys) - min(ys))
    for i in range(4):
        p = intersect(lines[i - 1], lines[i])
        if p is None:
            return None
        if not (min(xs) - span / 4 <= p[0] <= max(xs) + span / 4):
            return None
        if not (min(ys) - span / 4 <= p[1] <= max(ys) + span / 4):
            return None
        corners.append(p)
    if not is_convex(corners):
        return None
    return order_corners(corners)


def order_corners(pts: Sequence[Point]) -> list[Point]:
    """TL, TR, BR, BL for four points in any order (image coordinates, y down)."""
    pts = [(float(x), float(y)) for x, y in pts]
    s = [x + y for x, y in pts]
    d = [y - x for x, y in pts]
    return [
        pts[s.index(min(s))],
        pts[d.index(min(d))],
        pts[s.index(max(s))],
        pts[d.index(max(d))],
    ]


def corner_angles(quad: Sequence[Point]) -> list[float]:
    """Each corner's departure from 90 degrees."""
    out = []
    for i in range(4):
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        v1 = (a[0] - b[0], a[1] - b[1])
        v2 = (c[0] - b[0], c[1] - b[1])
        norm = math.hypot(*v1) * math.hypot(*v2) + 1e-9
        cos = max(-1.0, min(1.0, (v1[0] * v2[0] + v1[1] * v2[1]) / norm))
        out.append(abs(math.degrees(math.acos(cos)) - 90.0))
    return out


def offset_quad(quad: Sequence[Point], distance: float) -> list[Point]:
    """A convex quadrilateral grown (distance > 0) or shrunk by moving every side along
    its normal; the new corners are where neighbouring sides meet."""
    cx = sum(p[0] for p in quad) / 4
    cy = sum(p[1] for p in quad) / 4
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length, dx / length
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        if (cx - mx) * nx + (cy - my) * ny > 0:
            nx, ny = -nx, -ny  # outward
        lines.append(((a[0] + nx * distance, a[1] + ny * distance), (dx, dy)))
    out = []
    for i in range(4):
        p = intersect(lines[i - 1], lines[i])
        out.append(p if p is not None else quad[i])
    return out


Line = tuple[Point, tuple[float, float]]  # a point on it and its direction


def intersect(l1: Line, l2: Line) -> Point | None:
    (x1, y1), (dx1, dy1) = l1
    (x2, y2), (dx2, dy2) = l2
    det = dx1 * (-dy2) - (-dx2) * dy1
    if abs(det) < 1e-9 * (math.hypot(dx1, dy1) * math.hypot(dx2, dy2) + 1e-12):
        return None
    s = ((x2 - x1) * (-dy2) - (-dx2) * (y2 - y1)) / det
    return (x1 + s * dx1, y1 + s * dy1)


def fit_line(points: Sequence[Point]) -> Line:
    """Total least squares, then again without the points far from the first line (a
    speck or a corner of the table does not tilt the side)."""
    pts = list(points)
    for _ in range(2):
        line = _tls(pts)
        (px, py), (dx, dy) = line
        dist = [abs((x - px) * dy - (y - py) * dx) for x, y in pts]
        limit = max(1.0, 2.5 * sorted(dist)[len(dist) // 2])
        kept = [p for p, d in zip(pts, dist, strict=True) if d <= limit]
        if len(kept) < 3 or len(kept) == len(pts):
            return line
        pts = kept
    return _tls(pts)


def _tls(pts: Sequence[Point]) -> Line:
    n = len(pts)
    mx = sum(p[0] for p in pts) / n
    my = sum(p[1] for p in pts) / n
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    syy = sum((p[1] - my) ** 2 for p in pts)
    sxy = sum((p[0] - mx) * (p[1] - my) for p in pts)
    theta = 0.5 * math.atan2(2 * sxy, sxx - syy)
    return ((mx, my), (math.cos(theta), math.sin(theta)))


def perspective_coefficients(src: Sequence[Point], dst: Sequence[Point]) -> tuple[float, ...]:
    """The eight numbers Pillow's PERSPECTIVE transform takes: they map a point of the
    output (`dst`) to the input (`src`)."""
    rows: list[list[float]] = []
    rhs: list[float] = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rhs.append(u)
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.append(v)
    return tuple(solve(rows, rhs))


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting; ValueError for a singular system."""
    n = len(b)
    m = [[*row[:], b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[pivot][col]) < 1e-12:
            raise ValueError("singular system")
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        out[r] = (m[r][n] - sum(m[r][c] * out[c] for c in range(r + 1, n))) / m[r][r]
    return out
