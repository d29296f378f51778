"""Lazy, memory-only thumbnails of each document's first page.

The stored JPEG thumbnail is read and decoded on a worker (QImage is safe off the GUI
thread); the GUI thread turns it into a QPixmap and keeps it in a bounded dict. Nothing is
written to disk and nothing goes through QPixmapCache. `clear()` drops everything and
makes results of tasks still running ignored (a new generation)."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap, QTransform

from pdorganizer.core.errors import PdoError
from pdorganizer.core.safelog import log_unexpected
from pdorganizer.ui.worker import run_task
from pdorganizer.vault import Vault

MAX_ENTRIES = 1500
THUMB_SIZE = QSize(160, 160)


def load_thumbnail(vault: Vault, doc_id: int, size: QSize = THUMB_SIZE) -> QImage:
    """Worker side: the first page's thumbnail, turned by the user's rotation, scaled."""
    pages = vault.documents.pages(doc_id)
    if not pages:
        return QImage()
    data = vault.documents.thumbnail(pages[0].id)
    image = QImage.fromData(data) if data else QImage()
    del data
    if image.isNull():
        return image
    if pages[0].rotation:
        image = image.transformed(QTransform().rotate(pages[0].rotation))
    image = image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return _boxed(image, size)


def _boxed(image: QImage, size: QSize) -> QImage:
    """The picture centred on a transparent square: portrait and landscape pages then
    take the same room, so the titles under them in the grid stay in one line."""
    box = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    box.fill(Qt.GlobalColor.transparent)
    painter = QPainter(box)
    painter.drawImage(
        (size.width() - image.width()) // 2, (size.height() - image.height()) // 2, image
    )
    painter.end()
    return box


class ThumbnailCache(QObject):
    ready = Signal(int)  # document id

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self._pixmaps: OrderedDict[int, QIcon] = OrderedDict()
        self._pending: set[int] = set()
        self._missing: set[int] = set()  # no thumbnail to show: don't ask again
        self._generation = 0

    def set_vault(self, vault: Vault | None) -> None:
        self.clear()
        self.vault = vault

    def get(self, doc_id: int) -> QIcon | None:
        pixmap = self._pixmaps.get(doc_id)
        if pixmap is not None:
            self._pixmaps.move_to_end(doc_id)
            return pixmap
        if self.vault is not None and doc_id not in self._pending | self._missing:
            self._pending.add(doc_id)
            generation = self._generation
            run_task(
                load_thumbnail,
                self.vault,
                doc_id,
                on_result=lambda img, d=doc_id, g=generation: self._loaded(d, g, img),
                on_error=lambda exc, d=doc_id, g=generation: self._failed(d, g, exc),
            )
        return None

    def invalidate(self, doc_id: int) -> None:
        self._pixmaps.pop(doc_id, None)
        self._missing.discard(doc_id)
        self.ready.emit(doc_id)

    def clear(self) -> None:
        self._generation += 1
        self._pixmaps.clear()
        self._pending.clear()
        self._missing.clear()

    def __len__(self) -> int:
        return len(self._pixmaps)

    def _loaded(self, doc_id: int, generation: int, image: QImage) -> None:
        if generation != self._generation:
            return
        self._pending.discard(doc_id)
        if image.isNull():
            self._missing.add(doc_id)
            return
        self._pixmaps[doc_id] = QIcon(QPixmap.fromImage(image))
        while len(self._pixmaps) > MAX_ENTRIES:
            self._pixmaps.popitem(last=False)
        self.ready.emit(doc_id)

    def _failed(self, doc_id: int, generation: int, exc: BaseException) -> None:
        # A page without a thumbnail, or the vault locked meanwhile: show no picture.
        if not isinstance(exc, PdoError):
            log_unexpected(exc, "thumbnail")
        if generation == self._generation:
            self._pending.discard(doc_id)
            self._missing.add(doc_id)
