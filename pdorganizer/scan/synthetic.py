"""Generated phone-like photos of a printed page, for tests, benchmarks and the
self-test: text on white paper, marked corners, laid in perspective on a darker
textured table, with a shadow gradient, a warm cast and sensor noise. Nothing here
comes from outside; the same seed gives the same photo."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

MARK = 0.05  # corner marks: squares this share of the page width, inset by the same


@dataclass
class Photo:
    rgb: np.ndarray  # H x W x 3 uint8
    corners: list[tuple[float, float]] | None  # the paper's true corners (TL, TR, BR, BL)
    page_size: tuple[int, int]  # the flat page's pixels


def text_page(width: int = 1275, height: int = 1650, seed: int = 1) -> np.ndarray:
    """A letter page at 150 DPI: a heading, lines of 'words', four corner marks."""
    rng = np.random.default_rng(seed)
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
    words = [
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
    ]
    while y < height - 4 * m:
        x = 3 * m
        while x < width - 5 * m:
            word = words[int(rng.integers(len(words)))]
            draw.text((x, y), word, fill=0, font=font)
            x += int(draw.textlength(word + " ", font=font))
        y += line_h
    return np.asarray(im)


def _table(width: int, height: int, rng: np.random.Generator) -> np.ndarray:
    """Dark wood-like texture: low-frequency grain plus fine noise, brownish."""
    grain = rng.normal(0, 1, (max(2, height // 40), max(2, width // 4))).astype(np.float32)
    grain = cv2.resize(grain, (width, height), interpolation=cv2.INTER_CUBIC)
    fine = rng.normal(0, 1, (height, width)).astype(np.float32)
    base = 70 + 18 * grain + 8 * fine
    rgb = np.stack([base * 1.15, base * 0.9, base * 0.65], axis=2)
    return np.clip(rgb, 0, 255).astype(np.uint8)


def photo(
    width: int = 1600,
    height: int = 1200,
    seed: int = 1,
    *,
    tilt: float = 12.0,
    document: bool = True,
    page: np.ndarray | None = None,
) -> Photo:
    """A phone photo of `page` (default: text_page) turned by about `tilt` degrees."""
    rng = np.random.default_rng(seed)
    scene = _table(width, height, rng).astype(np.float32)
    corners = None
    flat = page if page is not None else text_page(seed=seed)
    ph, pw = flat.shape[:2]
    if document:
        # the paper fills about 60% of the frame's height, centred, turned and leaning
        h_px = 0.78 * min(height, width * ph / pw)
        w_px = h_px * pw / ph
        cx, cy = width / 2, height / 2
        t = np.radians(tilt)
        rot = np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])
        base = np.array(
            [
                [-w_px / 2, -h_px / 2],
                [w_px / 2, -h_px / 2],
                [w_px / 2, h_px / 2],
                [-w_px / 2, h_px / 2],
            ]
        )
        lean = np.array([[0.06, 0.0], [-0.06, 0.0], [0.0, 0.0], [0.0, 0.0]]) * w_px
        pts = (base + lean) @ rot.T + (cx, cy)
        src = np.array([[0, 0], [pw - 1, 0], [pw - 1, ph - 1], [0, ph - 1]], np.float32)
        matrix = cv2.getPerspectiveTransform(src, pts.astype(np.float32))
        paper = flat if flat.ndim == 3 else np.repeat(flat[:, :, None], 3, axis=2)
        warped = cv2.warpPerspective(paper.astype(np.float32) * 0.96, matrix, (width, height))
        mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), matrix, (width, height))
        scene = scene * (1 - mask[:, :, None]) + warped * mask[:, :, None]
        corners = [(float(x), float(y)) for x, y in pts]
    # shadow gradient from one side, warm cast, noise, a little blur
    ramp = np.linspace(0.55, 1.0, width, dtype=np.float32)[None, :, None]
    scene = scene * ramp * np.array([1.0, 0.9, 0.74], np.float32)
    scene = cv2.GaussianBlur(scene, (3, 3), 0.8)
    scene += rng.normal(0, 3, scene.shape).astype(np.float32)
    rgb = np.clip(scene, 0, 255).astype(np.uint8)
    return Photo(rgb, corners, (pw, ph))


def jpeg_bytes(rgb: np.ndarray, quality: int = 88, camera: bool = True) -> bytes:
    """The photo as a camera JPEG (with EXIF Make/Model when `camera`)."""
    import io

    im = Image.fromarray(rgb)
    exif = Image.Exif()
    if camera:
        exif[0x010F] = "PhoneMaker"  # Make
        exif[0x0110] = "Phone 12"  # Model
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, exif=exif.tobytes())
    return buf.getvalue()
