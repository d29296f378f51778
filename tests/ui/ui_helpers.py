"""Helpers for the UI tests: generated page images, documents stored without intake,
waiting for background work, answering modal dialogs."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pdorganizer.ui.main_window import MainWindow
from pdorganizer.ui.worker import running_tasks, wait_for_all
from pdorganizer.vault import Vault
from pdorganizer.vault.repos import NewPage, NewSource

COLOURS = ("white", "lightyellow", "lightblue", "mistyrose", "honeydew", "lavender")


def page_image(text: str, colour: str = "white", size: tuple[int, int] = (425, 550)) -> Image.Image:
    im = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(im)
    draw.rectangle([12, 12, size[0] - 12, size[1] - 12], outline="black", width=3)
    draw.text((30, 30), text, fill="black")
    for y in range(80, size[1] - 40, 22):
        draw.line([(30, y), (size[0] - 30, y)], fill="grey", width=2)
    return im


def jpeg_bytes(im: Image.Image, quality: int = 80) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def write_images(folder: Path, names: list[str]) -> list[str]:
    paths = []
    for i, name in enumerate(names):
        path = folder / name
        page_image(name, COLOURS[i % len(COLOURS)]).save(path)
        paths.append(str(path))
    return paths


def add_document(vault: Vault, case_id: int, title: str, pages: int = 1, **fields: object):
    """A document stored straight through the repository (no intake), with thumbnails."""
    sources, new_pages = [], []
    for i in range(pages):
        im = page_image(f"{title} p{i + 1}", COLOURS[i % len(COLOURS)])
        data = jpeg_bytes(im)
        thumb = im.copy()
        thumb.thumbnail((256, 256))
        sources.append(
            NewSource(
                data=data,
                sha256=f"{title}-{i}".ljust(64, "0"),
                mime="image/jpeg",
                original_name=f"{title}-{i}.jpg",
            )
        )
        new_pages.append(
            NewPage(source=i, source_index=0, width=306, height=396, thumbnail=jpeg_bytes(thumb))
        )
    return vault.documents.add(case_id, title, sources, new_pages, **fields)


def settle(qtbot, window: MainWindow | None = None, timeout: int = 60000) -> None:
    """Wait until no worker runs and no job is in progress, then let signals land.

    The deadline is generous (a loaded 2-core machine); an idle one returns at once."""
    deadline = time.monotonic() + timeout / 1000
    while time.monotonic() < deadline:
        wait_for_all(100)
        QApplication.processEvents()
        if running_tasks() == 0 and (window is None or window.job is None):
            qtbot.wait(10)  # signals landing now may start follow-up work: look again
            if running_tasks() == 0 and (window is None or window.job is None):
                break
    assert running_tasks() == 0, "background work did not finish"


def answer_dialog(handler: Callable[[QWidget], None], kind: type = QDialog) -> None:
    """Run `handler` on the next modal dialog of type `kind` (for code calling exec())."""

    def attempt(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) and tries < 250:
            QTimer.singleShot(20, lambda: attempt(tries + 1))
            return
        assert isinstance(dialog, kind), "no dialog appeared"
        handler(dialog)

    QTimer.singleShot(0, attempt)
