"""The timeline of dated evidence on screen: the same drawing as `pdorganizer timeline`
(pdorganizer.timeline), painted with QPainter; a click on a mark opens its document."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.checks.context import load_case
from pdorganizer.timeline.data import Timeline, build_timeline
from pdorganizer.timeline.drawing import Drawing, lay_out
from pdorganizer.timeline.render import write
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.file_dialogs import save_file
from pdorganizer.vault import Vault


class TimelineWidget(QWidget):
    document_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drawing: Drawing | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Timeline of the dated evidence"))

    def set_drawing(self, drawing: Drawing | None) -> None:
        self.drawing = drawing
        self.updateGeometry()
        self.update()

    def _scale(self) -> float:
        if self.drawing is None:
            return 1.0
        return max(self.width() / self.drawing.width, 0.5)

    def sizeHint(self) -> QSize:
        if self.drawing is None:
            return QSize(600, 200)
        return QSize(int(self.drawing.width * 1.2), int(self.drawing.height * 1.2))

    def hasHeightForWidth(self) -> bool:
        return self.drawing is not None

    def heightForWidth(self, width: int) -> int:
        if self.drawing is None:
            return 200
        return int(self.drawing.height * width / self.drawing.width) + 1

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if self.drawing is not None:
            s = self._scale()
            painter.scale(s, s)
            for sh in self.drawing.shapes:
                color = QColor(*sh.color)
                if sh.op == "rect":
                    painter.fillRect(QRectF(sh.x, sh.y, sh.w, sh.h), color)
                elif sh.op == "circle":
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(color)
                    painter.drawEllipse(QPointF(sh.x, sh.y), sh.w, sh.w)
                elif sh.op == "line":
                    pen = QPen(color, sh.width)
                    if sh.dash:
                        pen.setStyle(Qt.PenStyle.DashLine)
                    painter.setPen(pen)
                    painter.drawLine(QPointF(sh.x, sh.y), QPointF(sh.w, sh.h))
                elif sh.op == "text":
                    font = QFont(self.font())
                    font.setPixelSize(max(1, round(sh.size)))
                    font.setBold(sh.bold)
                    painter.setFont(font)
                    painter.setPen(color)
                    width = painter.fontMetrics().horizontalAdvance(sh.text)
                    x = {"left": sh.x, "center": sh.x - width / 2, "right": sh.x - width}[sh.anchor]
                    painter.drawText(QPointF(x, sh.y + painter.fontMetrics().ascent()), sh.text)
        painter.end()

    def document_at(self, x: float, y: float) -> int | None:
        if self.drawing is None:
            return None
        s = self._scale()
        px, py = x / s, y / s
        for hit in self.drawing.hits:
            if hit.x <= px <= hit.x + hit.w and hit.y <= py <= hit.y + hit.h:
                return hit.document_id
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        doc_id = self.document_at(event.position().x(), event.position().y())
        if doc_id is not None:
            self.document_clicked.emit(doc_id)
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.document_at(event.position().x(), event.position().y()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)


class TimelineDialog(QDialog):
    """The timeline of one case, with Save as PNG or PDF."""

    document_requested = Signal(int)

    def __init__(self, parent: QWidget | None, vault: Vault, case_id: int, lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("timelineDialog")
        self.setWindowTitle(self.tr("Timeline of the evidence"))
        self.lang = lang
        self.vault = vault  # records the save, so a crash leaves no temp file behind
        self.timeline: Timeline = build_timeline(
            load_case(vault, case_id, pages=False), dt.date.today(), lang
        )
        self.drawing = lay_out(self.timeline, lang)
        hint = QLabel(
            self.tr(
                "One row per point the documents show, years across. Shaded years have no "
                "dated evidence that the person lived here. Click a mark to open its document."
            )
        )
        hint.setWordWrap(True)
        self.view = TimelineWidget()
        self.view.set_drawing(self.drawing)
        self.view.document_clicked.connect(self._open)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("&Save as PNG or PDF…"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        char = self.fontMetrics().averageCharWidth()
        self.resize(max(char * 130, 900), self.fontMetrics().lineSpacing() * 32)

    def _open(self, doc_id: int) -> None:
        self.document_requested.emit(doc_id)

    def save(self) -> None:
        path = save_file(
            self,
            self.tr("Save the timeline as"),
            os.path.join(os.path.expanduser("~"), "timeline.pdf"),
            self.tr("PDF or PNG (*.pdf *.png)"),
        )
        if not path:
            return
        if not path.lower().endswith((".pdf", ".png")):
            path += ".pdf"
        try:
            write(self.drawing, path, title="Timeline of evidence", vault=self.vault)
        except Exception as exc:
            show_error(self, exc, "save timeline")
