"""Clean-up of photographed documents (Qt-free, OpenCV + numpy).

outline.py finds the paper in a photo (with a confidence), warp.py flattens it to a
rectangle of the right aspect, deskew.py levels text lines, light.py evens out shadows
and colour casts, classify.py says whether the page is colour, gray or black-and-white,
and clean.py runs them in that order. Everything works on arrays in memory.
"""

from __future__ import annotations

import functools


@functools.cache
def available() -> bool:
    """Whether OpenCV and numpy are installed (a build may leave them out: the photo is
    then imported as it is, and the import report says so)."""
    try:
        import cv2  # noqa: F401
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True
