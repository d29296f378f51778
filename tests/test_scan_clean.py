"""Clean-up of generated phone photos: whole document, no background, level lines,
white paper; a photo without a document is left alone."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from pdorganizer.scan import synthetic
from pdorganizer.scan.classify import classify
from pdorganizer.scan.clean import clean, parse_corners


def _marks(gray: np.ndarray) -> list[tuple[float, float]]:
    """Centroids of the four corner marks (the largest dark squares), TL TR BR BL."""
    ink = (gray < 100).astype(np.uint8)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(ink)
    side = 0.05 * gray.shape[1]
    found = [
        tuple(centroids[i])
        for i in range(1, count)
        if 0.6 * side < stats[i, cv2.CC_STAT_WIDTH] < 1.5 * side
        and 0.6 * side < stats[i, cv2.CC_STAT_HEIGHT] < 1.5 * side
    ]
    assert len(found) == 4, f"found {len(found)} corner marks"
    pts = np.array(found)
    s, d = pts.sum(axis=1), pts[:, 1] - pts[:, 0]
    return [
        tuple(pts[np.argmin(s)]),
        tuple(pts[np.argmin(d)]),
        tuple(pts[np.argmax(s)]),
        tuple(pts[np.argmax(d)]),
    ]


@pytest.mark.parametrize(("seed", "tilt"), [(1, 12.0), (2, -8.0), (3, 25.0), (5, 3.0)])
def test_photo_of_a_page_becomes_a_flat_white_page(seed: int, tilt: float) -> None:
    shot = synthetic.photo(seed=seed, tilt=tilt)
    result = clean(shot.rgb)
    assert result.corners is not None and result.confidence >= 0.5
    assert result.mode in ("gray", "bilevel")
    page = result.pixels
    assert page.ndim == 2
    h, w = page.shape
    # the right aspect (letter: 11 / 8.5)
    assert abs(h / w - 11 / 8.5) < 0.03
    # no background left: a band along every edge is paper, not the dark table
    band = max(3, round(0.015 * w))
    for edge in (page[:band], page[-band:], page[:, :band], page[:, -band:]):
        assert np.median(edge) > 225
        assert np.percentile(edge, 5) > 150
    # the whole document: all four corner marks, where they belong
    tl, tr, br, bl = _marks(page)
    inset = 1.5 * synthetic.MARK * w
    assert tl[0] < inset * 1.4 and tl[1] < inset * 1.4
    assert tr[0] > w - inset * 1.4 and br[1] > h - inset * 1.4
    # text lines level within 1 degree (marks on one line), sides upright
    assert abs(np.degrees(np.arctan2(tr[1] - tl[1], tr[0] - tl[0]))) < 1.0
    assert abs(np.degrees(np.arctan2(br[1] - bl[1], br[0] - bl[0]))) < 1.0
    assert abs(np.degrees(np.arctan2(bl[0] - tl[0], bl[1] - tl[1]))) < 1.0
    # paper near white despite the shadow gradient and the warm cast
    assert np.median(page) > 235


def test_colour_cast_is_removed_from_a_colour_page() -> None:
    flat = np.repeat(synthetic.text_page(seed=7)[:, :, None], 3, axis=2).copy()
    cv2.circle(flat, (900, 1400), 120, (200, 30, 30), -1)  # a red stamp
    shot = synthetic.photo(seed=7, page=flat)
    result = clean(shot.rgb)
    assert result.mode == "colour"
    paper = result.pixels[40:200, 40:400].reshape(-1, 3).astype(int)
    r, g, b = np.median(paper, axis=0)
    assert min(r, g, b) > 225 and max(r, g, b) - min(r, g, b) < 12


def test_photo_without_a_document_is_left_alone() -> None:
    shot = synthetic.photo(seed=4, document=False)
    result = clean(shot.rgb)
    assert result.corners is None
    assert not result.changed
    assert result.pixels.shape == shot.rgb.shape
    assert np.array_equal(result.pixels, shot.rgb)
    assert any("not cropped" in note for note in result.notes)


def test_recompute_from_stored_settings_is_identical() -> None:
    shot = synthetic.photo(seed=2, tilt=-8.0)
    first = clean(shot.rgb)
    again = clean(shot.rgb, first.corners, **first.settings())
    assert np.array_equal(first.pixels, again.pixels)


def test_corners_set_by_hand_are_used_and_checked() -> None:
    shot = synthetic.photo(seed=1)
    h, w = shot.rgb.shape[:2]
    flat = [v for xy in shot.corners for v in xy]
    corners = parse_corners(flat[2:] + flat[:2], w, h)  # any order: sorted TL TR BR BL
    assert np.allclose(corners, shot.corners)
    result = clean(shot.rgb, corners)
    assert result.confidence == 1.0 and result.corners == corners
    with pytest.raises(ValueError):
        parse_corners([0, 0, 10, 0, 10], w, h)
    with pytest.raises(ValueError):
        parse_corners([0, 0, w + 50, 0, w, h, 0, h], w, h)


def test_classify_black_and_white_gray_and_colour() -> None:
    text = synthetic.text_page(seed=3)
    _, bw = cv2.threshold(text, 128, 255, cv2.THRESH_BINARY)
    rgb = np.repeat(bw[:, :, None], 3, axis=2)
    assert classify(rgb) == "bilevel"
    ramp = np.tile(np.linspace(40, 220, rgb.shape[1], dtype=np.uint8), (rgb.shape[0], 1))
    assert classify(np.repeat(ramp[:, :, None], 3, axis=2)) == "gray"
    coloured = rgb.copy()
    coloured[100:400, 100:400] = (30, 160, 30)
    assert classify(coloured) == "colour"
