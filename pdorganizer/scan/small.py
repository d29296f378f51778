"""Reduced copies for measuring: fast and smooth enough (Pillow first shrinks by a whole
factor with a box filter, then resamples the rest)."""

from __future__ import annotations

from PIL import Image, ImageChops


def reduced(im: Image.Image, long_px: int) -> tuple[Image.Image, float]:
    """(copy with long side <= long_px, its scale to `im`)."""
    w, h = im.size
    scale = long_px / max(w, h)
    if scale >= 1:
        return im, 1.0
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return im.resize(size, Image.Resampling.BOX, reducing_gap=2.0), scale


def gray(im: Image.Image) -> Image.Image:
    return im if im.mode == "L" else im.convert("L")


def threshold(im: Image.Image, level: int, above: bool = True) -> Image.Image:
    """255 where the pixel is >= level (or < level), else 0."""
    table = [255 if (v >= level) == above else 0 for v in range(256)]
    return im.point(table)


def otsu(histogram: list[int]) -> int:
    """The level that best splits a 256-bin histogram in two (Otsu's method)."""
    total = sum(histogram)
    if total == 0:
        return 128
    sum_all = sum(i * n for i, n in enumerate(histogram))
    best, level = -1.0, 128
    weight = 0
    acc = 0.0
    for i, n in enumerate(histogram):
        weight += n
        if weight == 0:
            continue
        rest = total - weight
        if rest == 0:
            break
        acc += i * n
        mean_low = acc / weight
        mean_high = (sum_all - acc) / rest
        between = weight * rest * (mean_low - mean_high) ** 2
        if between > best:
            best, level = between, i + 1
    return level


def percentile(histogram: list[int], share: float) -> int:
    """The smallest value at or below which `share` of the pixels lie."""
    total = sum(histogram)
    if total == 0:
        return 0
    goal = share * total
    acc = 0
    for i, n in enumerate(histogram):
        acc += n
        if acc >= goal:
            return i
    return len(histogram) - 1


def share_at_least(histogram: list[int], level: int) -> float:
    total = sum(histogram)
    return sum(histogram[level:]) / total if total else 0.0


def _shifted(im: Image.Image, dx: int, dy: int) -> Image.Image:
    """out[x, y] = im[x + dx, y + dy]; black beyond the edges."""
    w, h = im.size
    return im.crop((dx, dy, dx + w, dy + h))


def _max_run(im: Image.Image, k: int, horizontal: bool) -> Image.Image:
    """out[x] = max(im[x .. x + k - 1]) along one axis: by doubling the run (1, 2, 4 ...
    pixels) with Pillow's per-pixel `lighter`, log2(k) passes."""
    acc, span = im, 1
    while span < k:
        step = min(span, k - span)
        acc = ImageChops.lighter(
            acc, _shifted(acc, step, 0) if horizontal else _shifted(acc, 0, step)
        )
        span += step
    return acc


def dilate(im: Image.Image, k: int) -> Image.Image:
    """Grey dilation by a k x k square centred on each pixel (Pillow's MaxFilter costs
    k^2 a pixel). Beyond the edges counts as black, which a maximum ignores."""
    w, h = im.size
    half = k // 2
    padded = Image.new(im.mode, (w + 2 * half, h + 2 * half), 0)
    padded.paste(im, (half, half))
    acc = _max_run(_max_run(padded, k, True), k, False)
    return acc.crop((0, 0, w, h))


def erode(im: Image.Image, k: int) -> Image.Image:
    return ImageChops.invert(dilate(ImageChops.invert(im), k))
