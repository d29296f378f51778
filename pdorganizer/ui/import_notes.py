"""The remarks intake makes on imported files (ingest/cleaning.py, imagefile.py),
declared for translation: the import report shows them in the app's language. A note
not listed here (a new one) is shown as it is, in English."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

NOTES = (
    QT_TRANSLATE_NOOP("ImportNote", "photo: no page outline found; the page was left as it was"),
    QT_TRANSLATE_NOOP(
        "ImportNote", "photo: no page outline found; only the lighting was evened out"
    ),
    QT_TRANSLATE_NOOP(
        "ImportNote", "photo clean-up skipped: the picture could not be decoded again"
    ),
    QT_TRANSLATE_NOOP("ImportNote", "photo clean-up failed; the page was left as it was"),
)
GIF = QT_TRANSLATE_NOOP("ImportNote", "an animated GIF; only its first frame was imported")


def note_text(note: str) -> str:
    """One remark in the app's language (the GIF ones carry a frame count: one text)."""
    if note.startswith("GIF:"):
        return QCoreApplication.translate("ImportNote", GIF)
    return QCoreApplication.translate("ImportNote", note)
