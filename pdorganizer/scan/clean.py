"""One photographed page in, one cleaned page out: outline, warp, light, deskew, mode.

Everything that is decided (the outline, whether to even the lighting, the angle,
colour or not) is measured on a reduced preview; the full-resolution page is then
computed once, in the mode's own bands (a gray page is warped, lit and turned as one
channel, a third of the work), and only then told black-and-white or gray at its own
resolution. Deterministic: the same pixels, corners and settings give the same result,
so a page can always be recomputed from what the vault keeps (corners, angle, light,
mode). Never crops content away: without a confident outline the frame is kept whole,
and deskew and lighting are applied only when they measurably help.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PIL import Image, ImageStat

from pdorganizer.scan.classify import chroma_of, has_colour, is_bilevel
from pdorganizer.scan.deskew import MIN_DEGREES, rotate, skew_angle
from pdorganizer.scan.geometry import area, order_corners
from pdorganizer.scan.light import flatten_light, spread
from pdorganizer.scan.outline import detect_outline, refine
from pdorganizer.scan.small import reduced, share_at_least
from pdorganizer.scan.warp import warp

Corners = list[tuple[float, float]]
PREVIEW_PX = 1000  # measuring copy: the warped page comes out about 750 pixels high
DESKEW_GAIN = 1.15  # the sharpest angle must beat level by this much
LIGHT_GAIN = 1.6  # without an outline: how much more even the paper must get
PAPER_SHARE = 0.5  # without an outline: share of near-white pixels once lit
UNEVEN = 24  # without an outline: grey levels of shadow across the paper worth evening


@dataclass
class Cleaned:
    image: Image.Image  # "RGB" for colour, "L" for gray and bilevel (0..255)
    mode: str  # "colour" | "gray" | "bilevel"
    corners: Corners | None  # used for the warp, in the upright source's pixels
    confidence: float  # of the outline found (1.0 for corners the person set)
    angle: float = 0.0  # degrees turned after the warp
    lit: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.corners is not None or self.lit or bool(self.angle)

    def settings(self) -> dict:
        return {"angle": self.angle, "light": self.lit, "mode": self.mode}


def parse_corners(values: Sequence[float], width: int, height: int) -> Corners:
    """Eight numbers (x1,y1,...) inside the image, as TL, TR, BR, BL; ValueError if not."""
    if len(values) != 8:
        raise ValueError("four corners need eight numbers: x1,y1,x2,y2,x3,y3,x4,y4")
    nums = [float(v) for v in values]
    if not all(math.isfinite(v) for v in nums):
        raise ValueError("corners must be numbers")
    pts = list(zip(nums[0::2], nums[1::2], strict=True))
    if any(not (0 <= x <= width and 0 <= y <= height) for x, y in pts):
        raise ValueError("corners must lie inside the image")
    ordered = order_corners(pts)
    if len(set(ordered)) < 4 or area(ordered) < 0.01 * width * height:
        raise ValueError("the corners enclose almost nothing")
    return ordered


@dataclass
class Plan:
    """What clean-up will do to a picture, measured on a reduced copy of it."""

    corners: Corners | None  # in the full picture's pixels
    confidence: float
    angle: float
    light: bool
    mode: str
    detected: bool  # corners found (not given): refined again on the full picture
    reach: float  # how far off (full pixels) found corners may still be
    # mode measured, not given: "gray" may still become "bilevel" once the page is
    # rendered at its own resolution
    settle: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.corners is not None or self.light or bool(self.angle)


def plan(
    image: Image.Image,
    full_size: tuple[int, int] | None = None,
    corners: Corners | str | None = "auto",
    *,
    angle: float | None = None,
    light: bool | None = None,
    mode: str | None = None,
) -> Plan:
    """Decide on `image`, the upright picture or a reduced copy of a picture of
    `full_size` pixels (a JPEG decoded at a quarter of its size is enough). `corners`:
    "auto" to detect, a list (full pixels) to use, None for no warp. `angle`, `light`
    and `mode` given: used as they are; None: measured."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    preview, _ = reduced(rgb, PREVIEW_PX)
    full_w, _ = full_size or image.size
    scale = preview.width / full_w  # preview pixels per full pixel
    notes: list[str] = []
    confidence = 1.0
    used: Corners | None = None
    if corners == "auto":
        # refined on the preview too: the angle is measured on the preview's warp
        outline = detect_outline(preview)
        confidence = outline.confidence
        if outline.corners is None:
            notes.append("no page outline found with confidence; the photo was not cropped")
        else:
            used = [(x / scale, y / scale) for x, y in outline.corners]
    elif corners is not None:
        used = [(float(x), float(y)) for x, y in corners]
    settle = mode is None
    if angle is None or light is None or mode is None:
        small_corners = None if used is None else [(x * scale, y * scale) for x, y in used]
        angle, light, mode = _decide(preview, small_corners, angle, light, mode)
    if used is None and not light and not angle:
        notes.append("left as it was: clean-up would not help this photo")
    elif used is None:
        notes.append("lighting evened out; the photo was not cropped")
    reach = max(4.0, 3.0 / scale)  # three preview pixels
    detected = corners == "auto" and used is not None
    return Plan(
        used,
        round(float(confidence), 3),
        angle,
        light,
        mode,
        detected=detected,
        reach=reach,
        notes=notes,
        settle=settle,
    )


def render(image: Image.Image, settings: Plan) -> Cleaned:
    """The cleaned page from the full upright picture ("RGB", or "L" for a plan whose
    mode is not colour: a JPEG can decode straight to gray, a third of the memory)."""
    mode = settings.mode
    if not settings.changed:
        rgb = image if image.mode == "RGB" else image.convert("RGB")
        return Cleaned(rgb, "colour", None, settings.confidence, 0.0, False, list(settings.notes))
    if mode == "colour":
        page = image if image.mode == "RGB" else image.convert("RGB")
    else:
        page = image if image.mode == "L" else image.convert("L")
    used = settings.corners
    if used is not None and settings.detected:
        used = refine(page, used, settings.reach)
    if used is not None:
        page = warp(page, used)
    if settings.light:
        page = flatten_light(page)
    if settings.angle:
        page = rotate(page, settings.angle)
    if settings.settle and mode != "colour":
        mode = "bilevel" if is_bilevel(page) else "gray"
    return Cleaned(
        page,
        mode,
        used,
        settings.confidence,
        settings.angle,
        settings.light,
        list(settings.notes),
    )


def clean(
    image: Image.Image,
    corners: Corners | str | None = "auto",
    *,
    angle: float | None = None,
    light: bool | None = None,
    mode: str | None = None,
) -> Cleaned:
    """`plan` and `render` on one full picture: `image` the upright picture,
    `corners` "auto" to detect, a list to use, None for no warp. `angle`, `light` and
    `mode` given: recompute exactly (no measuring); None: decide."""
    return render(image, plan(image, None, corners, angle=angle, light=light, mode=mode))


def _decide(
    preview: Image.Image,
    used: Corners | None,
    angle: float | None,
    light: bool | None,
    mode: str | None,
) -> tuple[float, bool, str]:
    """The settings not given, measured on the preview (`used` in its pixels)."""
    if used is not None:
        preview = warp(preview, used)
    if light is None:
        if used is not None:
            light = True
            preview = flatten_light(preview)
        else:
            shadow = _paper_shadow(preview)
            light = False
            if shadow is not None:
                lit = flatten_light(preview)
                light = _helps(shadow, lit)
                preview = lit if light else preview
    elif light:
        preview = flatten_light(preview)
    document = used is not None or light
    if angle is None:
        angle = 0.0
        if document:  # a document: level its lines if that is clear
            found, sharper = skew_angle(preview)
            if abs(found) >= MIN_DEGREES and sharper >= DESKEW_GAIN:
                angle = found
    if mode is None:  # colour or not; black-and-white is told on the rendered page
        mode = ("colour" if has_colour(preview) else "gray") if document else "colour"
    return angle, bool(light), mode


def _paper_shadow(before: Image.Image) -> float | None:
    """Without an outline, lighting is for a photo that is paper edge to edge: not for a
    colourful scene (lighting would wash out whatever in it is large and coloured), nor
    for paper already even (no shadow worth the name). The shadow's spread in grey
    levels, or None when lighting is not worth trying. Cheap: no lighting computed."""
    small, _ = reduced(before, 800)
    if share_at_least(chroma_of(_balanced(small)).histogram(), 61) > 0.05:
        return None
    shadow = spread(before)
    return shadow if shadow >= UNEVEN else None


def _balanced(rgb: Image.Image) -> Image.Image:
    """Each channel scaled so its median is the brightest median (a grey-world white
    balance): a warm cast over the whole photo is not colour, a red stamp still is."""
    medians = [max(1.0, m) for m in ImageStat.Stat(rgb).median]
    top = max(medians)
    bands = [
        band.point([min(255, round(v * top / m)) for v in range(256)])
        for band, m in zip(rgb.split(), medians, strict=True)
    ]
    return Image.merge("RGB", bands)


def _helps(shadow: float, after: Image.Image) -> bool:
    """Once lit: mostly white paper, and markedly more even than the `shadow` before."""
    lit, _ = reduced(after, 800)
    if share_at_least(lit.convert("L").histogram(), 226) < PAPER_SHARE:
        return False
    return (shadow + 1.0) / (spread(after) + 1.0) >= LIGHT_GAIN
