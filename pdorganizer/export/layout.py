"""Page geometry: paper sizes, the label band, and placing content in the safe area.

Matrices are PDF matrices (a, b, c, d, e, f): a point (x, y) maps to
(a*x + c*y + e, b*x + d*y + f). `then(m1, m2)` applies m1 first, then m2.
"""

from __future__ import annotations

from dataclasses import dataclass

from pdorganizer.core.errors import InvalidInput

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

PAPER = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}

# Bottom band kept free for the page label; content never enters it.
LABEL_BAND = 40.0
LABEL_BASELINE = 18.0
LABEL_FONT_SIZE = 9.5
# A small border on the other sides, so printers do not clip scans that fill the page.
EDGE = 18.0


@dataclass(frozen=True)
class Geometry:
    width: float
    height: float

    @classmethod
    def named(cls, page_size: str) -> Geometry:
        try:
            w, h = PAPER[page_size]
        except KeyError:
            raise InvalidInput("page size must be letter or a4") from None
        return cls(w, h)

    @property
    def safe(self) -> tuple[float, float, float, float]:
        """(x, y, width, height) of the area page content is fitted into."""
        return (EDGE, LABEL_BAND, self.width - 2 * EDGE, self.height - LABEL_BAND - EDGE)


def then(m1: Matrix, m2: Matrix) -> Matrix:
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def rotate_cw(degrees: int, w: float, h: float) -> tuple[Matrix, float, float]:
    """Turn a box (0,0,w,h) clockwise as seen on screen; returns the matrix and new size."""
    degrees %= 360
    if degrees == 90:
        return (0.0, -1.0, 1.0, 0.0, 0.0, w), h, w
    if degrees == 180:
        return (-1.0, 0.0, 0.0, -1.0, w, h), w, h
    if degrees == 270:
        return (0.0, 1.0, -1.0, 0.0, h, 0.0), h, w
    return IDENTITY, w, h


def mirror_x(w: float) -> Matrix:
    return (-1.0, 0.0, 0.0, 1.0, w, 0.0)


# EXIF orientation -> (mirror left-right first, then clockwise turn) to show it upright.
EXIF_ORIENTATION = {
    1: (False, 0),
    2: (True, 0),
    3: (False, 180),
    4: (True, 180),
    5: (True, 270),
    6: (False, 90),
    7: (True, 90),
    8: (False, 270),
}


@dataclass(frozen=True)
class Placement:
    matrix: Matrix  # raw box -> page
    scale: float
    turned: bool  # landscape content turned to read in portrait
    width: float  # placed size on the page, points
    height: float


def place(
    geometry: Geometry,
    raw_w: float,
    raw_h: float,
    turn_cw: int = 0,
    mirror: bool = False,
    pre: Matrix = IDENTITY,
) -> Placement:
    """Map a raw box (after `pre`) onto the page: mirror, turn, then fit into the safe area.

    Content is never enlarged; landscape content is turned a quarter counter-clockwise
    (top towards the binding edge) when it would otherwise have to shrink more."""
    m = pre
    w, h = raw_w, raw_h
    if mirror:
        m = then(m, mirror_x(w))
    rot, w, h = rotate_cw(turn_cw, w, h)
    m = then(m, rot)
    sx, sy, sw, sh = geometry.safe
    scale = min(sw / w, sh / h, 1.0)
    turned = False
    if w > h and scale < 1.0:
        turned_scale = min(sw / h, sh / w, 1.0)
        if turned_scale > scale:
            rot, w, h = rotate_cw(270, w, h)
            m = then(m, rot)
            scale, turned = turned_scale, True
    pw, ph = w * scale, h * scale
    fit = (scale, 0.0, 0.0, scale, sx + (sw - pw) / 2, sy + (sh - ph) / 2)
    return Placement(then(m, fit), scale, turned, pw, ph)


def fmt_matrix(m: Matrix) -> str:
    return " ".join(_num(v) for v in m)


def _num(v: float) -> str:
    if abs(v) < 1e-9:
        return "0"
    text = f"{v:.5f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"
