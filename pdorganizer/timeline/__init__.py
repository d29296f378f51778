"""The timeline of dated evidence: one row per factor, years across, a mark per document,
years without evidence of presence shaded, the first entry marked. Qt-free: `data` builds
it from a case, `drawing` lays it out, `render` writes PNG (Pillow) or PDF (reportlab)."""
