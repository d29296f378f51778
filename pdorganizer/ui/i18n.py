"""Qt translations: pick the language and install the translators (filled in by the
i18n work). The GUI calls `install_translator(app, language)` once at start-up."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def install_translator(app: QApplication, language: str | None = None) -> str:
    """Install translations for `language` ("en", "es"; None: follow the system).
    Returns the language in use."""
    del app
    return language or "en"
