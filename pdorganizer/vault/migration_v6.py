"""Schema v6: cleaned renditions of photographed pages (pdorganizer/scan).

The original file stays in `sources` byte for byte; a rendition is the cleaned page
(encoded: PNG 1-bit for black-and-white, JPEG for gray and colour) plus what made it:
the four corners in the upright source's pixels (JSON [[x, y] x 4], TL TR BR BL, or ''
for the whole frame), the settings (JSON: angle, light, mode, confidence), so it can be
recomputed exactly. `enabled` = 0 turns it off for that page. While it is on, the page's
width/height are the cleaned page's; `orig_width`/`orig_height` and `orig_thumbnail`
are the page's own, put back when it is turned off. Page operations keep the page's id,
so rotation, reordering, split and merge carry the rendition along; a deleted page takes
its rendition with it.
"""

from __future__ import annotations

SCHEMA_V6 = """
CREATE TABLE renditions (
    page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
    enabled INTEGER NOT NULL DEFAULT 1,
    corners TEXT NOT NULL DEFAULT '',
    settings TEXT NOT NULL DEFAULT '{}',
    mode TEXT NOT NULL DEFAULT 'colour',
    mime TEXT NOT NULL,
    data BLOB NOT NULL,
    width REAL NOT NULL,
    height REAL NOT NULL,
    thumbnail BLOB,
    orig_width REAL NOT NULL,
    orig_height REAL NOT NULL,
    orig_thumbnail BLOB
);
"""
