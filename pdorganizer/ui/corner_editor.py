"""Photo clean-up of one page: the photo with its four page corners, which the person
can drag (or move with the arrow keys), beside the cleaned page that prints.

The photo is kept in the vault as it was; this only changes the rendition
(ingest/cleaning.py, vault/renditions.py). Pictures live in memory only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.core.models import Page
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.render import MAX_SIDE, pil_to_qimage
from pdorganizer.ui.worker import Task, run_task
from pdorganizer.vault import Vault

HANDLE = 9  # px radius of a corner handle
PICK = 24  # px: how near a press must be to take a handle


@dataclass
class _Loaded:
    photo: QImage  # upright, reduced
    full: tuple[int, int]  # the upright photo's pixels (corners are in these)
    cleaned: QImage  # the rendition, or a null image
    corners: list[tuple[float, float]] | None
    enabled: bool


def _load(vault: Vault, page: Page) -> _Loaded:
    """Worker side: the photo, its full size and the current rendition."""
    from pdorganizer.ingest import images
    from pdorganizer.ingest.cleaning import picture_size
    from pdorganizer.vault import renditions

    data = vault.documents.source_data(page.source_id)
    im = images.open_image(data, page.source_index, reduce_to=(MAX_SIDE, MAX_SIDE))
    del data
    im.thumbnail((MAX_SIDE, MAX_SIDE))
    photo = pil_to_qimage(im)
    full = picture_size(vault, page.id)
    found = renditions.get(vault, page.id)
    cleaned = QImage()
    if found is not None:
        cleaned = pil_to_qimage(images.open_image(found.data, 0))
    corners = found.corners if found is not None else None
    return _Loaded(photo, full, cleaned, corners, bool(found and found.enabled))


class CornerCanvas(QWidget):
    """The photo, fitted, with a four-cornered outline whose corners can be dragged."""

    corners_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Photo with the page corners"))
        self.setToolTip(
            self.tr("Drag a corner onto the page's corner. Tab picks a corner, arrow keys move it.")
        )
        self._image = QImage()
        self._full = (1, 1)
        self.corners: list[tuple[float, float]] = []  # in the full photo's pixels
        self.selected = 0
        self._dragging = False

    def set_photo(self, image: QImage, full: tuple[int, int], corners: list | None) -> None:
        self._image = image
        self._full = (max(1, full[0]), max(1, full[1]))
        w, h = self._full
        inset = 0.05
        self.corners = [
            (float(x), float(y))
            for x, y in (
                corners
                or [
                    (w * inset, h * inset),
                    (w * (1 - inset), h * inset),
                    (w * (1 - inset), h * (1 - inset)),
                    (w * inset, h * (1 - inset)),
                ]
            )
        ]
        self.update()

    def _frame(self) -> QRectF:
        """Where the photo is drawn in the widget."""
        if self._image.isNull():
            return QRectF(0, 0, 1, 1)
        scale = min(self.width() / self._full[0], self.height() / self._full[1])
        w, h = self._full[0] * scale, self._full[1] * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _to_widget(self, x: float, y: float) -> QPointF:
        f = self._frame()
        return QPointF(
            f.x() + x * f.width() / self._full[0], f.y() + y * f.height() / self._full[1]
        )

    def _to_photo(self, point: QPointF) -> tuple[float, float]:
        f = self._frame()
        x = (point.x() - f.x()) * self._full[0] / max(1.0, f.width())
        y = (point.y() - f.y()) * self._full[1] / max(1.0, f.height())
        return (min(max(x, 0.0), float(self._full[0])), min(max(y, 0.0), float(self._full[1])))

    def paintEvent(self, event: object) -> None:  # type: ignore[override]
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # smooth scaling: drawn nearest-neighbour, the photo's small text breaks up
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._image.isNull():
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Loading…"))
            return
        frame = self._frame()
        painter.drawImage(frame, self._image)
        if len(self.corners) != 4:
            return
        points = [self._to_widget(x, y) for x, y in self.corners]
        painter.setPen(QPen(QColor(0, 120, 255), 2))
        for i in range(4):
            painter.drawLine(points[i], points[(i + 1) % 4])
        for i, p in enumerate(points):
            chosen = i == self.selected and self.hasFocus()
            painter.setBrush(QColor(255, 200, 0) if chosen else QColor(255, 255, 255))
            painter.setPen(QPen(QColor(0, 80, 200), 2))
            painter.drawEllipse(p, HANDLE, HANDLE)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # type: ignore[override]
        pos = event.position()
        best, best_d = -1, float(PICK)
        for i, (x, y) in enumerate(self.corners):
            p = self._to_widget(x, y)
            d = ((p.x() - pos.x()) ** 2 + (p.y() - pos.y()) ** 2) ** 0.5
            if d <= best_d:
                best, best_d = i, d
        if best >= 0:
            self.selected, self._dragging = best, True
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # type: ignore[override]
        if self._dragging:
            self.corners[self.selected] = self._to_photo(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # type: ignore[override]
        del event
        if self._dragging:
            self._dragging = False
            self.corners_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # type: ignore[override]
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if event.key() in steps and self.corners:
            dx, dy = steps[event.key()]  # type: ignore[index]
            step = max(1.0, self._full[0] / 200)
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                step /= 5
            x, y = self.corners[self.selected]
            self.corners[self.selected] = (
                min(max(x + dx * step, 0.0), float(self._full[0])),
                min(max(y + dy * step, 0.0), float(self._full[1])),
            )
            self.update()
            self.corners_changed.emit()
            return
        if event.key() == Qt.Key.Key_Space:
            self.selected = (self.selected + 1) % 4
            self.update()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # type: ignore[override]
        # Tab walks the four corners first, then leaves the picture.
        nxt = self.selected + (1 if forward else -1)
        if self.hasFocus() and 0 <= nxt < 4:
            self.selected = nxt
            self.update()
            return True
        return super().focusNextPrevChild(forward)

    def flat(self) -> list[float]:
        return [v for xy in self.corners for v in xy]


class CornerEditor(QDialog):
    """Original and cleaned page side by side; corners, find again, on/off."""

    changed = Signal()  # the page's rendition changed: the caller reloads the page

    def __init__(self, parent: QWidget | None, vault: Vault, page: Page) -> None:
        super().__init__(parent)
        self.setObjectName("cornerEditor")
        self.setWindowTitle(self.tr("Photo clean-up"))
        self.vault = vault
        self.page = page
        self._task: Task | None = None
        self.canvas = CornerCanvas()
        self.cleaned = QLabel(self.tr("Loading…"))
        self.cleaned.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cleaned.setMinimumSize(200, 240)
        self.cleaned.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.cleaned.setAccessibleName(self.tr("Cleaned page"))
        self._cleaned_image = QImage()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Photo (kept as it is)")))
        left.addWidget(self.canvas, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Cleaned page (what the packet prints)")))
        right.addWidget(self.cleaned, 1)
        panes = QHBoxLayout()
        panes.addLayout(left, 1)
        panes.addLayout(right, 1)

        self.apply_button = QPushButton(self.tr("&Use these corners"))
        self.auto_button = QPushButton(self.tr("&Find the page again"))
        self.enabled_box = QCheckBox(self.tr("&Print the cleaned page"))
        self.enabled_box.setToolTip(self.tr("Turn this off to print the photo as it was taken."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.apply_button.clicked.connect(self._apply)
        self.auto_button.clicked.connect(self._auto)
        self.enabled_box.toggled.connect(self._toggle)
        tools = QHBoxLayout()
        tools.addWidget(self.apply_button)
        tools.addWidget(self.auto_button)
        tools.addStretch(1)
        tools.addWidget(self.enabled_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addLayout(tools)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(960, 640)
        self._busy(True)
        self._task = run_task(
            _load, vault, page, on_result=self._loaded, on_error=self._failed, kind="light"
        )

    def _busy(self, busy: bool) -> None:
        for w in (self.apply_button, self.auto_button, self.enabled_box):
            w.setEnabled(not busy)

    def _loaded(self, loaded: _Loaded) -> None:
        self._task = None
        self.canvas.set_photo(loaded.photo, loaded.full, loaded.corners)
        self._cleaned_image = loaded.cleaned
        self.enabled_box.blockSignals(True)
        self.enabled_box.setChecked(loaded.enabled)
        self.enabled_box.blockSignals(False)
        self._busy(False)
        self.enabled_box.setEnabled(not loaded.cleaned.isNull())
        self.status.setText(
            self.tr(
                "If a blue corner is not on the corner of the page, drag it there, "
                "then choose Use these corners."
            )
            if not loaded.cleaned.isNull()
            else self.tr("This page is not cleaned up yet: set the corners or find the page.")
        )
        self._show_cleaned()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._busy(False)
        self.status.setText(self.tr("The clean-up could not be done."))
        show_error(self, exc, "photo clean-up")

    def _show_cleaned(self) -> None:
        if self._cleaned_image.isNull():
            self.cleaned.setPixmap(QPixmap())
            self.cleaned.setText(self.tr("No cleaned page"))
            return
        shown = self._cleaned_image.scaled(
            max(16, self.cleaned.width()),
            max(16, self.cleaned.height()),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.cleaned.setText("")
        self.cleaned.setPixmap(QPixmap.fromImage(shown))

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._show_cleaned()

    def _run(self, corners: list[float] | str) -> None:
        from pdorganizer.ingest.cleaning import reclean

        self._busy(True)
        self.status.setText(self.tr("Cleaning up the page…"))

        def work(vault: Vault, page: Page) -> _Loaded:
            reclean(vault, page.id, corners)
            return _load(vault, page)

        self._task = run_task(
            work, self.vault, self.page, on_result=self._done, on_error=self._failed
        )

    def _done(self, loaded: _Loaded) -> None:
        self._loaded(loaded)
        self.changed.emit()

    def _apply(self) -> None:
        self._run(self.canvas.flat())

    def _auto(self) -> None:
        self._run("auto")

    def _toggle(self, on: bool) -> None:
        from pdorganizer.vault import renditions

        try:
            renditions.set_enabled(self.vault, self.page.id, on)
        except Exception as exc:
            show_error(self, exc, "photo clean-up")
            return
        self.changed.emit()

    def done(self, result: int) -> None:  # type: ignore[override]
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._cleaned_image = QImage()
        super().done(result)


def can_clean(vault: Vault, page: Page) -> bool:
    """Photos and other pictures can be cleaned up; PDF pages cannot."""
    return vault.documents.source(page.source_id).mime.startswith("image/")
