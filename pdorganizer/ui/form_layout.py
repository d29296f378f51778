"""Layout helpers for long forms in a scroll area (the case dialog and its kin).

- Several group boxes, each with its own QFormLayout, line their fields up only when
  their labels share one width.
- A dialog opens as large as its content needs, up to the screen, so it needs no
  scrolling where it fits, and no horizontal scroll bar in a wordier language.
- Tab into a row below the visible part scrolls that row into view."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLayout, QScrollArea, QWidget
from shiboken6 import isValid


def align_form_labels(body: QWidget) -> int:
    """Give every form label under `body` the width of the widest; returns it."""
    labels: list[QWidget] = []
    for form in body.findChildren(QFormLayout):
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                labels.append(item.widget())
    width = max((w.sizeHint().width() for w in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)
    return width


def fit_to_content(dialog: QWidget, body: QWidget, scroll: QScrollArea) -> None:
    """Resize `dialog` so `body` shows whole (no scroll bars) where the screen allows."""
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Size hints are cached per layout: recompute them now that the labels have widths.
    for layout in body.findChildren(QLayout):
        layout.invalidate()
        layout.activate()
    if body.layout() is not None:
        body.layout().invalidate()
        body.layout().activate()
    body.adjustSize()
    hint = body.sizeHint()
    bar = scroll.verticalScrollBar().sizeHint().width()
    frame = scroll.frameWidth() * 2
    extra_w = dialog.sizeHint().width() - scroll.sizeHint().width()
    extra_h = dialog.sizeHint().height() - scroll.sizeHint().height()
    width = hint.width() + bar + frame + max(extra_w, 0)
    width = max(width, dialog.fontMetrics().averageCharWidth() * 90)  # room for the fields
    height = hint.height() + frame + max(extra_h, 0)
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    if screen is None or width <= screen.width() - 40:
        scroll.setMinimumWidth(hint.width() + bar + frame)  # no horizontal scroll bar
    else:  # a tiny screen (or very large text): scroll sideways rather than overflow it
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    if screen is not None:
        width = min(width, screen.width() - 40)
        height = min(height, int(screen.height() * 0.92))
    dialog.resize(width, height)


class _FocusFollower(QObject):
    def __init__(self, owner: QWidget, scroll: QScrollArea) -> None:
        super().__init__(owner)
        self._scroll = scroll
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(self._scroll):  # focus moves while the dialog is being destroyed
            return
        body = self._scroll.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self._scroll.ensureWidgetVisible(new, 20, 20)


def follow_focus(owner: QWidget, scroll: QScrollArea) -> None:
    """Scroll the row that takes the keyboard focus into view (lives as long as owner)."""
    _FocusFollower(scroll, scroll)
