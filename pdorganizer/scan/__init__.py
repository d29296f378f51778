"""Clean-up of photographed documents (Qt-free, Pillow only).

outline.py finds the paper in a photo (with a confidence), warp.py flattens it to a
rectangle of the right aspect, light.py evens out shadows and colour casts, deskew.py
levels text lines, classify.py says whether the page is colour, gray or black-and-white,
and clean.py runs them in that order. geometry.py and regions.py hold the few
plain-Python pieces Pillow has no function for (hulls, connected regions). Everything
works on images in memory.
"""
