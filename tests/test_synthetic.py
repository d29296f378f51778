"""The generated phone photos the clean-up tests rely on: deterministic, Pillow only, and
the corners they report are where the paper's corner marks really are."""

from __future__ import annotations

import io
import subprocess
import sys

from PIL import Image, ImageStat

from pdorganizer.scan import synthetic


def _luma(im: Image.Image, xy: tuple[float, float]) -> int:
    return im.convert("L").getpixel((round(xy[0]), round(xy[1])))


def _to_photo(shot: synthetic.Photo, x: float, y: float) -> tuple[float, float]:
    """A flat page pixel's place in the photo (the perspective the photo was made with)."""
    pw, ph = shot.page_size
    flat = [(0, 0), (pw - 1, 0), (pw - 1, ph - 1), (0, ph - 1)]
    a, b, c, d, e, f, g, h = synthetic.perspective_coeffs(flat, shot.corners)
    w = g * x + h * y + 1
    return (a * x + b * y + c) / w, (d * x + e * y + f) / w


def test_same_seed_same_photo_and_seeds_differ() -> None:
    one, again = synthetic.photo(640, 480, seed=3), synthetic.photo(640, 480, seed=3)
    assert one.image.mode == "RGB" and one.image.size == (640, 480)
    assert one.image.tobytes() == again.image.tobytes()
    assert one.corners == again.corners
    assert synthetic.photo(640, 480, seed=4).image.tobytes() != one.image.tobytes()
    assert synthetic.text_page(seed=3).mode == "L"


def test_corner_marks_are_where_the_corners_say() -> None:
    shot = synthetic.photo(seed=2, tilt=-8.0)
    pw, ph = shot.page_size
    m = round(synthetic.MARK * pw)
    centres = [(1.5 * m, 1.5 * m), (pw - 1.5 * m, 1.5 * m)]
    centres += [(pw - 1.5 * m, ph - 1.5 * m), (1.5 * m, ph - 1.5 * m)]
    for x, y in centres:
        assert _luma(shot.image, _to_photo(shot, x, y)) < 40  # a black mark
    # just inside each corner the paper is bright; just outside, the dark table
    cx = sum(x for x, _ in shot.corners) / 4
    cy = sum(y for _, y in shot.corners) / 4
    for x, y in shot.corners:
        dx, dy = x - cx, y - cy
        n = (dx * dx + dy * dy) ** 0.5
        inside = (x - 12 * dx / n, y - 12 * dy / n)
        outside = (x + 12 * dx / n, y + 12 * dy / n)
        assert _luma(shot.image, inside) > 2 * _luma(shot.image, outside) + 20


def test_the_scene_shadow_cast_and_no_document() -> None:
    shot = synthetic.photo(seed=1, document=False)
    assert shot.corners is None
    r, g, b = ImageStat.Stat(shot.image).mean
    assert r > g > b  # warm
    left = ImageStat.Stat(shot.image.convert("L").crop((0, 0, 200, 1200))).mean[0]
    right = ImageStat.Stat(shot.image.convert("L").crop((1400, 0, 1600, 1200))).mean[0]
    assert left < 0.75 * right  # the shadow on the left
    assert right < 90  # a darker table than paper


def test_jpeg_bytes_names_a_camera_only_when_asked() -> None:
    shot = synthetic.photo(320, 240, seed=1)
    with Image.open(io.BytesIO(synthetic.jpeg_bytes(shot.image))) as im:
        assert im.format == "JPEG" and im.getexif()[0x010F] == "PhoneMaker"
    with Image.open(io.BytesIO(synthetic.jpeg_bytes(shot.image, camera=False))) as im:
        assert 0x010F not in im.getexif()


def test_needs_no_numpy() -> None:
    code = (
        "import sys; from pdorganizer.scan import synthetic; synthetic.photo(200, 150); "
        "sys.exit('numpy' in sys.modules or 'cv2' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
