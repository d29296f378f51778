"""Clean-up of generated phone photos: whole document, no background, level lines,
white paper; a photo without a document is left alone."""

from __future__ import annotations

import math

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from pdorganizer.scan import synthetic
from pdorganizer.scan.classify import classify
from pdorganizer.scan.clean import clean, parse_corners
from pdorganizer.scan.deskew import rotate, skew_angle
from pdorganizer.scan.geometry import convex_hull, order_corners, quad_of_hull
from pdorganizer.scan.regions import regions
from pdorganizer.scan.small import dilate, erode, threshold


def _marks(gray: Image.Image) -> list[tuple[float, float]]:
    """Centres of the four corner marks (dark squares of the right size), TL TR BR BL."""
    side = 0.05 * gray.width
    found = [
        ((r.left + r.right) / 2, (r.top + r.bottom) / 2)
        for r in regions(threshold(gray, 100, above=False))
        if 0.6 * side < r.right - r.left + 1 < 1.5 * side
        and 0.6 * side < r.bottom - r.top + 1 < 1.5 * side
        and r.pixels > 0.6 * r.box_area
    ]
    assert len(found) == 4, f"found {len(found)} corner marks"
    return order_corners(found)


def _degrees(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


@pytest.mark.parametrize(("seed", "tilt"), [(1, 12.0), (2, -8.0), (3, 25.0), (5, 3.0)])
def test_photo_of_a_page_becomes_a_flat_white_page(seed: int, tilt: float) -> None:
    shot = synthetic.photo(seed=seed, tilt=tilt)
    result = clean(shot.image)
    assert result.corners is not None and result.confidence >= 0.5
    assert result.mode in ("gray", "bilevel")
    page = result.image
    assert page.mode == "L"
    w, h = page.size
    # the right aspect (letter: 11 / 8.5)
    assert abs(h / w - 11 / 8.5) < 0.03
    # no background left: a band along every edge is paper, not the dark table
    band = max(3, round(0.015 * w))
    for box in ((0, 0, w, band), (0, h - band, w, h), (0, 0, band, h), (w - band, 0, w, h)):
        edge = page.crop(box)
        assert ImageStat.Stat(edge).median[0] > 225
        hist = edge.histogram()
        assert sum(hist[:151]) < 0.05 * sum(hist)  # the 5th percentile above 150
    # the whole document: all four corner marks, where they belong
    tl, tr, br, bl = _marks(page)
    inset = 1.5 * synthetic.MARK * w
    assert tl[0] < inset * 1.4 and tl[1] < inset * 1.4
    assert tr[0] > w - inset * 1.4 and br[1] > h - inset * 1.4
    # text lines level within 1 degree (marks on one line), sides upright
    assert abs(_degrees(tl, tr)) < 1.0
    assert abs(_degrees(bl, br)) < 1.0
    assert abs(90.0 - _degrees(tl, bl)) < 1.0
    # paper near white despite the shadow gradient and the warm cast
    assert ImageStat.Stat(page).median[0] > 235


def test_corners_are_found_within_a_few_pixels() -> None:
    shot = synthetic.photo(seed=3, tilt=25.0)
    result = clean(shot.image)
    assert result.corners is not None
    for found, true in zip(result.corners, shot.corners, strict=True):
        assert math.dist(found, true) < 6


def test_colour_cast_is_removed_from_a_colour_page() -> None:
    flat = synthetic.text_page(seed=7).convert("RGB")
    ImageDraw.Draw(flat).ellipse((780, 1280, 1020, 1520), fill=(200, 30, 30))  # a red stamp
    shot = synthetic.photo(seed=7, page=flat)
    result = clean(shot.image)
    assert result.mode == "colour" and result.image.mode == "RGB"
    r, g, b = ImageStat.Stat(result.image.crop((40, 40, 400, 200))).median
    assert min(r, g, b) > 225 and max(r, g, b) - min(r, g, b) < 12


def test_photo_without_a_document_is_left_alone() -> None:
    shot = synthetic.photo(seed=4, document=False)
    result = clean(shot.image)
    assert result.corners is None
    assert not result.changed
    assert result.image.size == shot.image.size
    assert ImageChops.difference(result.image, shot.image).getbbox() is None
    assert any("not cropped" in note for note in result.notes)


def test_recompute_from_stored_settings_is_identical() -> None:
    shot = synthetic.photo(seed=2, tilt=-8.0)
    first = clean(shot.image)
    again = clean(shot.image, first.corners, **first.settings())
    assert first.image.mode == again.image.mode
    assert ImageChops.difference(first.image, again.image).getbbox() is None


def test_corners_set_by_hand_are_used_and_checked() -> None:
    shot = synthetic.photo(seed=1)
    w, h = shot.image.size
    flat = [v for xy in shot.corners for v in xy]
    corners = parse_corners(flat[2:] + flat[:2], w, h)  # any order: sorted TL TR BR BL
    assert all(math.dist(a, b) < 1e-6 for a, b in zip(corners, shot.corners, strict=True))
    result = clean(shot.image, corners)
    assert result.confidence == 1.0 and result.corners == corners
    with pytest.raises(ValueError):
        parse_corners([0, 0, 10, 0, 10], w, h)
    with pytest.raises(ValueError):
        parse_corners([0, 0, w + 50, 0, w, h, 0, h], w, h)
    with pytest.raises(ValueError):
        parse_corners([5, 5, 5, 5, 5, 5, 5, 5], w, h)
    with pytest.raises(ValueError):
        parse_corners([0, 0, float("nan"), 0, w, h, 0, h], w, h)


@pytest.mark.parametrize("degrees", [2.5, -4.0])
def test_a_tilted_page_is_levelled(degrees: float) -> None:
    tilted = synthetic.text_page(seed=3).rotate(degrees, Image.Resampling.BILINEAR, fillcolor=255)
    found, sharper = skew_angle(tilted)
    assert abs(found + degrees) < 0.3 and sharper > 1.15
    assert abs(skew_angle(rotate(tilted, found))[0]) < 0.3


def test_a_page_of_no_lines_is_not_turned() -> None:
    blank = Image.new("L", (1000, 1300), 250)
    assert skew_angle(blank) == (0.0, 0.0)


def test_classify_black_and_white_gray_and_colour() -> None:
    bw = threshold(synthetic.text_page(seed=3), 128).convert("RGB")
    assert classify(bw) == "bilevel"
    ramp = (
        Image.linear_gradient("L").rotate(90).resize(bw.size).point(lambda v: 40 + v * 180 // 255)
    )
    assert classify(ramp.convert("RGB")) == "gray"
    coloured = bw.copy()
    ImageDraw.Draw(coloured).rectangle((100, 100, 400, 400), fill=(30, 160, 30))
    assert classify(coloured) == "colour"


def test_morphology_matches_pillows_rank_filters() -> None:
    from PIL import ImageFilter

    noise = Image.effect_noise((120, 90), 60).convert("L")
    for k in (3, 5, 9):
        assert (
            ImageChops.difference(
                dilate(noise, k), noise.filter(ImageFilter.MaxFilter(k))
            ).getbbox()
            is None
        )
        assert (
            ImageChops.difference(erode(noise, k), noise.filter(ImageFilter.MinFilter(k))).getbbox()
            is None
        )


def test_regions_join_diagonal_neighbours_and_keep_apart_the_rest() -> None:
    mask = Image.new("L", (20, 10), 0)
    draw = ImageDraw.Draw(mask)
    draw.point([(1, 1), (2, 2), (3, 3)], fill=255)  # one diagonal line
    draw.rectangle((10, 2, 15, 6), fill=255)  # a block
    draw.rectangle((18, 0, 19, 9), fill=255)  # a bar apart from it
    found = sorted(regions(mask), key=lambda r: r.left)
    assert [r.pixels for r in found] == [3, 30, 20]
    assert (found[1].left, found[1].top, found[1].right, found[1].bottom) == (10, 2, 15, 6)


def test_a_quadrilateral_with_a_corner_cut_off_gets_its_corner_back() -> None:
    # a square with its top-left corner cut diagonally, as a mark or a finger would
    hull = convex_hull([(30, 0), (100, 0), (100, 100), (0, 100), (0, 30)])
    quad = quad_of_hull(hull)
    assert all(
        math.dist(a, b) < 1.0
        for a, b in zip(quad, [(0, 0), (100, 0), (100, 100), (0, 100)], strict=True)
    )


def test_clean_up_needs_neither_numpy_nor_opencv() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pdorganizer.scan import synthetic; from pdorganizer.scan.clean "
        "import clean; from pdorganizer.ingest import cleaning; "
        "r = clean(synthetic.photo(800, 600).image); assert r.corners is not None; "
        "sys.exit('numpy' in sys.modules or 'cv2' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def _shaded(
    page: Image.Image, low: int = 140, cast: tuple[float, float, float] = (1.0, 0.9, 0.75)
) -> Image.Image:
    """`page` under a shadow from the left and a warm cast, as a phone would take it."""
    w, h = page.size
    ramp = Image.linear_gradient("L").rotate(90).resize((w, h))
    ramp = ramp.point(lambda v: low + v * (255 - low) // 255)
    shade = Image.merge("RGB", [ramp.point(lambda v, g=g: int(v * g)) for g in cast])
    return ImageChops.multiply(page.convert("RGB"), shade)


def test_a_page_filling_the_photo_is_lit_and_levelled_but_not_cropped() -> None:
    page = synthetic.text_page(seed=4).rotate(3.0, Image.Resampling.BILINEAR, fillcolor=255)
    result = clean(_shaded(page))
    assert result.corners is None and result.lit
    assert abs(result.angle + 3.0) < 0.3
    assert result.image.size == page.size  # nothing cut away
    assert result.mode in ("gray", "bilevel")
    left, right = (
        result.image.crop((0, 0, 60, 400)),
        result.image.crop((page.width - 60, 0, page.width, 400)),
    )
    # the shadow is gone: both margins are paper white
    assert ImageStat.Stat(left).median[0] > 230 and ImageStat.Stat(right).median[0] > 230


def test_a_colourful_scene_is_not_washed_out() -> None:
    scene = Image.new("RGB", (1600, 1200), (235, 235, 230))
    draw = ImageDraw.Draw(scene)
    draw.rectangle((0, 0, 500, 400), fill=(200, 30, 30))
    draw.rectangle((1100, 0, 1600, 400), fill=(30, 180, 30))
    result = clean(_shaded(scene, low=150))
    assert not result.lit and result.corners is None


def test_a_sharp_photo_of_printed_text_is_black_and_white() -> None:
    # decided on the page at its own resolution: the preview alone would call it gray
    shot = synthetic.photo(3000, 2250, seed=2, tilt=-7.0)
    result = clean(shot.image)
    assert result.mode == "bilevel"
    again = clean(shot.image, result.corners, **result.settings())
    assert ImageChops.difference(result.image, again.image).getbbox() is None
