"""Clean-up of photographed documents (Qt-free, OpenCV + numpy).

outline.py finds the paper in a photo (with a confidence), warp.py flattens it to a
rectangle of the right aspect, deskew.py levels text lines, light.py evens out shadows
and colour casts, classify.py says whether the page is colour, gray or black-and-white,
and clean.py runs them in that order. Everything works on arrays in memory.
"""
