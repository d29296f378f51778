"""The page preview: one page at a time, zoom, rotate, previous/next.

The decoded page image lives only in this widget's memory and is dropped by `clear()`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QTransform
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.core.errors import PdoError
from pdorganizer.core.models import Page
from pdorganizer.core.safelog import log_unexpected
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.render import render_page
from pdorganizer.ui.worker import Task, run_task
from pdorganizer.vault import Vault

ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0)


class PreviewPanel(QWidget):
    page_rotated = Signal(int)  # document id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self._doc_id: int | None = None
        self._pages: list[Page] = []
        self._index = 0
        self._image = QImage()  # the current page, upright, unrotated
        self._thumb_only = False
        self._zoom = 1.0  # 1.0 = fit the width
        self._task: Task | None = None

        self.prev_button = self._button(self.tr("Previous page"), "go-previous", "PgUp", "◀")
        self.next_button = self._button(self.tr("Next page"), "go-next", "PgDown", "▶")
        self.page_label = QLabel()
        self.page_label.setAccessibleName(self.tr("Page number"))
        self.zoom_out_button = self._button(
            self.tr("Zoom out"), "zoom-out", QKeySequence.StandardKey.ZoomOut, "−"
        )
        self.zoom_fit_button = self._button(self.tr("Whole page"), "zoom-fit-best", "Ctrl+0")
        self.zoom_in_button = self._button(
            self.tr("Zoom in"), "zoom-in", QKeySequence.StandardKey.ZoomIn, "+"
        )
        self.rotate_button = self._button(self.tr("Turn page"), "object-rotate-right", "Ctrl+R")
        self.rotate_button.setToolTip(
            self.tr("Turn this page a quarter turn to the right (Ctrl+R)")
        )
        # A short word, not a symbol: "⌗" is missing from common UI fonts (an empty box).
        self.clean_button = self._button(
            self.tr("Photo clean-up…"), "", "Ctrl+Shift+K", self.tr("Clean up…")
        )
        self.clean_button.clicked.connect(self._edit_cleanup)  # ui/corner_editor.py
        self.prev_button.clicked.connect(lambda: self.show_page(self._index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._index + 1))
        self.zoom_out_button.clicked.connect(lambda: self._step_zoom(-1))
        self.zoom_in_button.clicked.connect(lambda: self._step_zoom(1))
        self.zoom_fit_button.clicked.connect(lambda: self.set_zoom(1.0))
        self.rotate_button.clicked.connect(self.rotate)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (
            self.zoom_out_button,
            self.zoom_fit_button,
            self.zoom_in_button,
            self.rotate_button,
            self.clean_button,
        ):
            bar.addWidget(w)

        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image_label.setAccessibleName(self.tr("Page preview"))
        self.image_label.setWordWrap(True)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image_label)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.clear()

    def _button(self, text: str, icon: str, shortcut: object, symbol: str = "") -> QToolButton:
        """A tool button: the theme icon, else a symbol, else the text. The full text is
        always its tooltip and accessible name."""
        b = QToolButton()
        b.setAccessibleName(text)
        if QIcon.hasThemeIcon(icon):
            b.setIcon(QIcon.fromTheme(icon))
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        b.setText(symbol or text)
        seq = QKeySequence(shortcut)  # type: ignore[arg-type]
        b.setShortcut(seq)
        keys = seq.toString(QKeySequence.SequenceFormat.NativeText)
        b.setToolTip(f"{text} ({keys})" if keys else text)
        b.setAutoRaise(True)
        return b

    # -- content ----------------------------------------------------------------------
    def show_document(self, doc_id: int | None) -> None:
        self._cancel()
        self._doc_id = doc_id
        self._pages = []
        self._image = QImage()
        if doc_id is None or self.vault is None:
            self.clear()
            return
        try:
            self._pages = self.vault.documents.pages(doc_id)
        except Exception as exc:
            show_error(self, exc, "preview")
            self.clear()
            return
        self.show_page(0)

    def show_page(self, index: int) -> None:
        if not self._pages or not 0 <= index < len(self._pages) or self.vault is None:
            self._update_controls()
            return
        self._cancel()
        self._index = index
        self._image = QImage()
        self._show_text(self.tr("Loading the page…"))
        self._update_controls()
        page = self._pages[index]
        self._task = run_task(
            render_page, self.vault, page, on_result=self._rendered, on_error=self._failed
        )

    def _rendered(self, result: tuple[QImage, bool]) -> None:
        self._task = None
        self._image, self._thumb_only = result
        self._redraw()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._show_text(self.tr("This page cannot be shown."))
        if not isinstance(exc, PdoError):  # a bug, not a damaged file: log where it was
            log_unexpected(exc, "page preview")

    def clear(self) -> None:
        """Drop the page image and everything known about the document."""
        self._cancel()
        self._doc_id = None
        self._pages = []
        self._index = 0
        self._image = QImage()
        self._show_text(self.tr("Select a document to see its pages here."))
        self._update_controls()

    def _show_text(self, text: str) -> None:
        self.image_label.clear()  # drops the pixmap
        self.image_label.setText(text)
        self.scroll.setWidgetResizable(True)

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    # -- view -------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        self._zoom = max(ZOOM_STEPS[0], min(zoom, ZOOM_STEPS[-1]))
        self._redraw()

    def _step_zoom(self, direction: int) -> None:
        if direction > 0:
            bigger = [z for z in ZOOM_STEPS if z > self._zoom + 1e-6]
            self.set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])
        else:
            smaller = [z for z in ZOOM_STEPS if z < self._zoom - 1e-6]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    @property
    def zoom(self) -> float:
        return self._zoom

    def rotate(self) -> None:
        if not self._pages or self.vault is None or self._doc_id is None:
            return
        page = self._pages[self._index]
        try:
            self._pages[self._index] = self.vault.documents.rotate_page(page.id, 90)
        except Exception as exc:
            show_error(self, exc, "rotate page")
            return
        self._redraw()
        self.page_rotated.emit(self._doc_id)

    def _edit_cleanup(self) -> None:
        from pdorganizer.ui.corner_editor import CornerEditor

        page = self.current_page()
        if page is None or self.vault is None or self._doc_id is None:
            return
        dialog = CornerEditor(self, self.vault, page)
        dialog.changed.connect(self._cleanup_changed)
        dialog.exec()
        dialog.deleteLater()

    def _cleanup_changed(self) -> None:
        """The page's size and picture changed: reload it (and its thumbnail)."""
        if self.vault is None or self._doc_id is None:
            return
        self._pages = self.vault.documents.pages(self._doc_id)
        self.show_page(min(self._index, len(self._pages) - 1))
        self.page_rotated.emit(self._doc_id)

    def current_page(self) -> Page | None:
        return self._pages[self._index] if self._pages else None

    def has_image(self) -> bool:
        return not self._image.isNull() or not self.image_label.pixmap().isNull()

    def _redraw(self) -> None:
        self._update_controls()
        if self._image.isNull() or not 0 <= self._index < len(self._pages):
            return
        page = self._pages[self._index]
        image = self._image
        if page.rotation:
            image = image.transformed(QTransform().rotate(page.rotation))
        dpr = self.devicePixelRatioF()
        # Zoom 1.0 shows the whole page; the scroll bar's room is kept free so that
        # "fit" never needs a horizontal scroll bar.
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        room_w = max(16, self.scroll.width() - bar - 8)
        room_h = max(16, self.scroll.height() - 8)
        aspect = image.width() / max(1, image.height())
        fit = min(room_w, int(room_h * aspect))
        width = int(max(fit, 16) * self._zoom * dpr)
        shown = image.scaledToWidth(max(16, width), Qt.TransformationMode.SmoothTransformation)
        pixmap = QPixmap.fromImage(shown)
        pixmap.setDevicePixelRatio(dpr)
        self.image_label.setText("")
        self.image_label.setPixmap(pixmap)
        # Zoomed in, the label outgrows the viewport and the scroll bars appear.
        viewport = self.scroll.viewport().size()
        self.scroll.setWidgetResizable(False)
        self.image_label.resize(
            max(viewport.width(), int(shown.width() / dpr)),
            max(viewport.height(), int(shown.height() / dpr)),
        )
        self.image_label.setToolTip(
            self.tr("Only a small picture of this page is available.") if self._thumb_only else ""
        )

    def _update_controls(self) -> None:
        n = len(self._pages)
        has = n > 0
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(self._index + 1)).replace("%2", str(n))
            if has
            else ""
        )
        page = self._pages[self._index] if has and self._index < n else None
        self.clean_button.setEnabled(page is not None and self._can_clean(page))
        self.prev_button.setEnabled(has and self._index > 0)
        self.next_button.setEnabled(has and self._index < n - 1)
        for b in (
            self.zoom_in_button,
            self.zoom_out_button,
            self.zoom_fit_button,
            self.rotate_button,
        ):
            b.setEnabled(has)

    def _can_clean(self, page: Page) -> bool:
        from pdorganizer.ui.corner_editor import can_clean

        try:
            return self.vault is not None and can_clean(self.vault, page)
        except Exception:  # a locked vault: no clean-up
            return False

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if not self._image.isNull():
            self._redraw()
