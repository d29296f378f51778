"""A long job on the heavy worker with a progress bar and Cancel.

Cancel asks the job to stop at its next step (Progress.cancel); the job's outcome (its
result, or Cancelled) still comes back, so the caller can reload what was done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from pdorganizer.ui.worker import Task, run_task


class JobRunner(QProgressDialog):
    def __init__(self, parent: QWidget | None, title: str, text: str) -> None:
        super().__init__(text, self.tr("Cancel"), 0, 0, parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)
        # One measure: the words say "8 of 14", so the bar shows no percentage of its own.
        bar = QProgressBar(self)
        bar.setTextVisible(False)
        bar.setAccessibleName(self.tr("Progress"))
        self.setBar(bar)
        self._bar = bar
        self._text = text
        self.task: Task | None = None
        self._closed = False
        self.canceled.connect(self._cancel)

    def start(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        **kwargs: Any,
    ) -> Task:
        def finish_result(value: Any) -> None:
            self._close()
            on_result(value)

        def finish_error(exc: BaseException) -> None:
            self._close()
            on_error(exc)

        self.task = run_task(
            fn,
            *args,
            kind="heavy",
            on_result=finish_result,
            on_error=finish_error,
            on_progress=self._progress,
            **kwargs,
        )
        self.show()
        return self.task

    def _progress(self, done: int, total: int, _label: str) -> None:
        if self._closed:  # the job ended meanwhile
            return
        # The label may name a file: shown here only, never logged.
        if total:
            self.setLabelText(
                self._text
                + "\n"
                + self.tr("%1 of %2").replace("%1", str(done)).replace("%2", str(total))
            )
        # The bar itself, not QProgressDialog.setValue: on a modal dialog that runs a
        # nested processEvents(), which can deliver the job's end (closing and deleting
        # this dialog) in the middle of this call.
        self._bar.setMaximum(max(total, 0))
        self._bar.setValue(min(done, total) if total else 0)

    def _cancel(self) -> None:
        if self.task is not None and self.task.progress is not None:
            self.task.progress.cancel()
        self.setLabelText(self.tr("Stopping after the current step…"))
        # Not now: we are inside the button's own clicked signal.
        QTimer.singleShot(0, self, self._drop_cancel_button)
        self.show()

    def _drop_cancel_button(self) -> None:
        self.setCancelButton(None)  # type: ignore[arg-type]

    def _close(self) -> None:
        self._closed = True
        self.task = None
        self.hide()
        self.deleteLater()
