"""Connected regions of a small black-and-white mask, found from its runs.

Each row's runs of set pixels come from a regular expression over the row's bytes (C
speed), and runs that touch a run of the row above (8-connected) are joined with a
union-find. A region keeps its pixel count, bounding box and the two ends of each of its
runs: enough for its convex hull, which is all the outline search needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PIL import Image

_RUN = re.compile(rb"[^\x00]+")
MAX_RUNS = 400_000  # a mask this busy is noise, not a page edge: give up early


@dataclass
class Region:
    pixels: int = 0
    left: int = 1 << 30
    top: int = 1 << 30
    right: int = -1
    bottom: int = -1
    rows: dict[int, tuple[int, int]] = field(default_factory=dict)  # y: (first x, last x)

    @property
    def box_area(self) -> int:
        return (self.right - self.left + 1) * (self.bottom - self.top + 1)

    def outline_points(self) -> list[tuple[float, float]]:
        """Each row's two ends: the region's convex hull is theirs."""
        out: list[tuple[float, float]] = []
        for y, (x0, x1) in self.rows.items():
            out.append((float(x0), float(y)))
            out.append((float(x1), float(y)))
        return out


def regions(mask: Image.Image) -> list[Region]:
    """The 8-connected regions of the non-zero pixels of an "L" mask."""
    width, height = mask.size
    data = mask.tobytes()
    parent: list[int] = []
    runs: list[tuple[int, int, int]] = []  # (y, x0, x1 inclusive)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    above: list[tuple[int, int, int]] = []  # (x0, x1, run index) of the previous row
    for y in range(height):
        current: list[tuple[int, int, int]] = []
        j, n_above = 0, len(above)
        for match in _RUN.finditer(data, y * width, (y + 1) * width):
            x0, x1 = match.start() - y * width, match.end() - 1 - y * width
            index = len(runs)
            runs.append((y, x0, x1))
            parent.append(index)
            # runs above that overlap [x0 - 1, x1 + 1] (8-connected)
            while j < n_above and above[j][1] < x0 - 1:
                j += 1
            k = j
            root = index
            while k < n_above and above[k][0] <= x1 + 1:
                other = find(above[k][2])
                if other != root:
                    parent[root] = other
                    root = other
                k += 1
            current.append((x0, x1, index))
        if len(runs) > MAX_RUNS:
            return []
        above = current
    found: dict[int, Region] = {}
    for index, (y, x0, x1) in enumerate(runs):
        root = find(index)
        region = found.get(root)
        if region is None:
            region = found[root] = Region()
        region.pixels += x1 - x0 + 1
        if x0 < region.left:
            region.left = x0
        if x1 > region.right:
            region.right = x1
        if y < region.top:
            region.top = y
        region.bottom = y
        ends = region.rows.get(y)
        region.rows[y] = (x0, x1) if ends is None else (min(ends[0], x0), max(ends[1], x1))
    return list(found.values())
