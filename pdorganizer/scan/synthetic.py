"""Generated phone-like photos of a printed page, for tests, benchmarks and the
self-test: text on white paper, marked corners, laid in perspective on a darker
textured table, with a shadow gradient, a warm cast and sensor noise. Nothing here
comes from outside; the same seed gives the same photo. Pillow only (no numpy): the
installer ships without it."""

from __future__ import annotations

import io
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from pdorganizer.scan.geometry import perspective_coefficients

MARK = 0.05  # corner marks: squares this share of the page width, inset by the same
CAST = (1.0, 0.9, 0.74)  # warm cast: channel gains
SHADOW = (0.55, 1.0)  # light across the frame, left to right
PAPER = 0.96  # the paper's white in the photo, before shadow and cast
WORDS = (
    "the",
    "employee",
    "has",
    "worked",
    "for",
    "our",
    "company",
    "since",
    "march",
    "and",
    "is",
    "reliable",
)

Point = tuple[float, float]
_W = math.exp(-1 / (2 * 0.8**2))  # a 3x3 Gaussian, sigma 0.8: cheaper than GaussianBlur
_BLUR = ImageFilter.Kernel((3, 3), [a * b for a in (_W, 1, _W) for b in (_W, 1, _W)], None)


@dataclass
class Photo:
    image: Image.Image  # mode "RGB"
    corners: list[Point] | None  # the paper's true corners (TL, TR, BR, BL)
    page_size: tuple[int, int]  # the flat page's pixels


def text_page(width: int = 1275, height: int = 1650, seed: int = 1) -> Image.Image:
    """A letter page at 150 DPI (mode "L"): a heading, lines of 'words', four corner marks."""
    rng = random.Random(seed)
    im = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(im)
    try:
        font = ImageFont.load_default(size=max(10, height // 70))
    except (TypeError, OSError):  # Pillow built without FreeType
        font = ImageFont.load_default()
    m = round(MARK * width)
    for x, y in ((m, m), (width - 2 * m, m), (width - 2 * m, height - 2 * m), (m, height - 2 * m)):
        draw.rectangle((x, y, x + m, y + m), fill=0)
    line_h = height // 45
    y = 3 * m
    draw.text((3 * m, y), "CERTIFICATE OF EMPLOYMENT", fill=0, font=font)
    y += 2 * line_h
    while y < height - 4 * m:
        x = 3 * m
        while x < width - 5 * m:
            word = WORDS[rng.randrange(len(WORDS))]
            draw.text((x, y), word, fill=0, font=font)
            x += int(draw.textlength(word + " ", font=font))
        y += line_h
    return im


def _gauss_lut(mean: float, sigma: float) -> list[int]:
    """Maps uniform bytes to normally distributed ones (the 256 quantiles), clipped."""
    inv = NormalDist().inv_cdf
    return [min(255, max(0, round(mean + sigma * inv((i + 0.5) / 256)))) for i in range(256)]


def _noise(size: tuple[int, int], mode: str, sigma: float, rng: random.Random) -> Image.Image:
    """Gaussian noise around 128, from the seeded generator (Image.effect_noise uses C's
    rand(), which no seed here controls)."""
    bands = len(mode)
    raw = Image.frombytes(mode, size, rng.randbytes(size[0] * size[1] * bands))
    return raw.point(_gauss_lut(128, sigma) * bands)


def _table(width: int, height: int, rng: random.Random) -> Image.Image:
    """Dark wood-like texture: low-frequency grain plus fine noise, brownish."""
    small = (max(2, width // 4), max(2, height // 40))
    grain = _noise(small, "L", 18, rng).resize((width, height), Image.Resampling.BICUBIC)
    fine = _noise((width, height), "L", 8, rng)
    base = ImageChops.add(grain, fine, offset=70 - 256)  # 70 + 18 grain + 8 fine
    gains = (1.15, 0.9, 0.65)
    return Image.merge(
        "RGB", [base.point([min(255, round(v * g)) for v in range(256)]) for g in gains]
    )


def perspective_coeffs(src: Sequence[Point], dst: Sequence[Point]) -> list[float]:
    """The 8 coefficients (a..h) of the perspective taking each `src` point to its `dst`
    point: x' = (a x + b y + c) / (g x + h y + 1), y' = (d x + e y + f) / (g x + h y + 1).
    Image.transform wants them from OUTPUT to INPUT pixels."""
    return list(perspective_coefficients(dst, src))


def _paper_corners(width: int, height: int, pw: int, ph: int, tilt: float) -> list[Point]:
    """The paper fills about 78% of the frame's height, centred, turned and leaning."""
    h_px = 0.78 * min(height, width * ph / pw)
    w_px = h_px * pw / ph
    cx, cy = width / 2, height / 2
    c, s = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))
    lean = 0.06 * w_px  # the top edge is shorter: the phone leans back
    base = [
        (-w_px / 2 + lean, -h_px / 2),
        (w_px / 2 - lean, -h_px / 2),
        (w_px / 2, h_px / 2),
        (-w_px / 2, h_px / 2),
    ]
    return [(x * c - y * s + cx, x * s + y * c + cy) for x, y in base]


def _lay(scene: Image.Image, paper: Image.Image, corners: list[Point]) -> None:
    """Draws `paper` onto `scene` with its pixel centres (0,0), (w-1,0), (w-1,h-1),
    (0,h-1) on `corners`. Only the corners' bounding box is transformed."""
    pw, ph = paper.size
    left = max(0, math.floor(min(x for x, _ in corners)))
    top = max(0, math.floor(min(y for _, y in corners)))
    right = min(scene.width, math.ceil(max(x for x, _ in corners)) + 2)
    bottom = min(scene.height, math.ceil(max(y for _, y in corners)) + 2)
    box = (right - left, bottom - top)
    # Pillow samples at pixel centres (k + 0.5), so both sides move by half a pixel
    out = [(x - left + 0.5, y - top + 0.5) for x, y in corners]
    src = [(0.5, 0.5), (pw - 0.5, 0.5), (pw - 0.5, ph - 0.5), (0.5, ph - 0.5)]
    coeffs = perspective_coeffs(out, src)
    persp = Image.Transform.PERSPECTIVE
    warped = paper.transform(box, persp, coeffs, Image.Resampling.BILINEAR)
    mask = Image.new("L", paper.size, 255).transform(box, persp, coeffs, Image.Resampling.BILINEAR)
    scene.paste(warped, (left, top), mask)


def _light(width: int, height: int) -> Image.Image:
    """Shadow gradient from the left times the warm cast, as a multiply-by-255 image."""
    lo, hi = SHADOW
    steps = max(1, width - 1)
    ramp = [lo + (hi - lo) * i / steps for i in range(width)]
    row = Image.merge(
        "RGB",
        [Image.frombytes("L", (width, 1), bytes(round(255 * r * g) for r in ramp)) for g in CAST],
    )
    return row.resize((width, height), Image.Resampling.NEAREST)


def photo(
    width: int = 1600,
    height: int = 1200,
    seed: int = 1,
    *,
    tilt: float = 12.0,
    document: bool = True,
    page: Image.Image | None = None,
) -> Photo:
    """A phone photo of `page` (default: text_page) turned by about `tilt` degrees."""
    rng = random.Random(seed)
    scene = _table(width, height, rng)
    flat = page if page is not None else text_page(seed=seed)
    pw, ph = flat.size
    corners = None
    if document:
        corners = _paper_corners(width, height, pw, ph, tilt)
        paper = flat.convert("RGB").point([round(v * PAPER) for v in range(256)] * 3)
        _lay(scene, paper, corners)
    scene = ImageChops.multiply(scene, _light(width, height))
    scene = scene.filter(_BLUR)
    scene = ImageChops.add(scene, _noise(scene.size, "RGB", 3, rng), offset=-128)
    return Photo(scene, corners, (pw, ph))


def jpeg_bytes(image: Image.Image, quality: int = 88, camera: bool = True) -> bytes:
    """The photo as a camera JPEG (with EXIF Make/Model when `camera`)."""
    im = image if image.mode in ("RGB", "L") else image.convert("RGB")
    exif = Image.Exif()
    if camera:
        exif[0x010F] = "PhoneMaker"  # Make
        exif[0x0110] = "Phone 12"  # Model
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, exif=exif.tobytes())
    return buf.getvalue()
