"""The "Ready to file?" tab: the pre-flight checks' findings by severity, each with what
to do and its documents one click away; and the smaller box the export dialog shows before
writing. The checks themselves live in `pdorganizer.checks` (Qt-free, shared with the CLI);
they run on a worker because the page checks read every page's picture.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.checks import SEVERITIES, Finding, PreflightOptions, Report, preflight
from pdorganizer.core.errors import Cancelled, NotFound, PdoError
from pdorganizer.core.safelog import log, log_unexpected
from pdorganizer.export.service import ExportOptions
from pdorganizer.ui.errors import show_error, user_message
from pdorganizer.ui.worker import Task, run_task
from pdorganizer.vault import Vault

if TYPE_CHECKING:
    from pdorganizer.ui.workspace import Workspace

COLORS = {"blocker": "#a40000", "warning": "#b35900", "info": "#3465a4"}
# Findings about the profile: their way out is the case dialog.
PROFILE_CODES = frozenset(
    {"not-in-proceedings", "dismissal-risk", "no-representation-form", "claimed-without-evidence"}
)
# Titles longer than this are cut on the buttons (the tooltip has the whole title).
BUTTON_TITLE = 40


def app_language() -> str:
    """The language the GUI speaks (for texts from resources/, which Qt does not translate)."""
    spanish = QCoreApplication.translate("FindingsView", "What to do:") != "What to do:"
    return "es" if spanish else "en"


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def log_failure(exc: BaseException) -> None:
    """A background check failed: its type only for a known failure (the message can name
    a document), the type-and-location summary for a bug."""
    if isinstance(exc, PdoError):
        log.info("pre-flight check did not run: %s", type(exc).__name__)
    else:
        log_unexpected(exc, "preflight")


def check_case(
    vault: Vault, case_id: int, options: PreflightOptions, lang: str
) -> tuple[Report, dict[int, str]]:
    """Worker side: the report, and the titles of the documents it names."""
    report = preflight(vault, case_id, options, lang)
    titles = {d.id: d.title for d in vault.documents.list(case_id)}
    return report, titles


class FindingsView(QWidget):
    """The findings as cards under one heading per severity."""

    document_requested = Signal(int)
    edit_case_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        severities: tuple[str, ...] = SEVERITIES,
        actions: bool = True,
    ) -> None:
        super().__init__(parent)
        self.severities = severities
        self.actions = actions  # buttons to open the documents / the case profile
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self.cards: list[QFrame] = []

    def headings(self) -> dict[str, str]:
        return {
            "blocker": self.tr("Stop: talk to a lawyer or fix these before sending"),
            "warning": self.tr("Check these before sending"),
            "info": self.tr("Good to know"),
        }

    def clear(self) -> None:
        while self._layout.count() > 1:
            widget = self._layout.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.cards = []

    def show_report(self, report: Report | None, titles: dict[int, str]) -> None:
        self.clear()
        if report is None:
            return
        headings = self.headings()
        for severity in self.severities:
            findings = [f for f in report.findings if f.severity == severity]
            if not findings:
                continue
            heading = QLabel(f"<b>{_escape(headings[severity])} ({len(findings)})</b>")
            heading.setTextFormat(Qt.TextFormat.RichText)
            heading.setWordWrap(True)  # a narrow panel wraps it instead of scrolling sideways
            heading.setStyleSheet(f"color: {COLORS[severity]};")
            self._insert(heading)
            for finding in findings:
                card = self._card(finding, titles)
                self.cards.append(card)
                self._insert(card)

    def _insert(self, widget: QWidget) -> None:
        self._layout.insertWidget(self._layout.count() - 1, widget)

    def _card(self, finding: Finding, titles: dict[int, str]) -> QFrame:
        card = QFrame()
        card.setObjectName("finding")
        card.setProperty("code", finding.code)
        card.setProperty("severity", finding.severity)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setStyleSheet(
            f"QFrame#finding {{ border-left: 4px solid {COLORS[finding.severity]}; }}"
        )
        layout = QVBoxLayout(card)
        message = QLabel(finding.message)
        message.setTextFormat(Qt.TextFormat.PlainText)  # titles are the person's words
        message.setWordWrap(True)
        message.setObjectName("findingMessage")
        what = _escape(self.tr("What to do:"))
        todo = QLabel(f"<b>{what}</b> {_escape(finding.todo)}")
        todo.setTextFormat(Qt.TextFormat.RichText)
        todo.setWordWrap(True)
        todo.setObjectName("findingTodo")
        layout.addWidget(message)
        layout.addWidget(todo)
        card.setAccessibleName(finding.message)
        card.setAccessibleDescription(finding.todo)
        # Buttons two to a row: one long row would make the whole panel scroll sideways.
        buttons = QGridLayout()
        for doc_id in finding.documents[:6] if self.actions else ():
            title = titles.get(doc_id, str(doc_id))
            short = title if len(title) <= BUTTON_TITLE else title[: BUTTON_TITLE - 1] + "…"
            button = QPushButton(self.tr("Open “%1”").replace("%1", short))
            button.setToolTip(title)
            button.setProperty("document_id", doc_id)
            button.clicked.connect(lambda _c=False, d=doc_id: self.document_requested.emit(d))
            _add_two_to_a_row(buttons, button)
        if finding.code in PROFILE_CODES and self.actions:
            button = QPushButton(self.tr("Edit the case profile"))
            button.clicked.connect(self.edit_case_requested.emit)
            _add_two_to_a_row(buttons, button)
        if buttons.count():
            buttons.setColumnStretch(2, 1)
            layout.addLayout(buttons)
        return card


class PreflightPanel(QWidget):
    """The "Ready to file?" tab. `title_changed` carries the tab's text with its count."""

    document_requested = Signal(int)
    edit_case_requested = Signal()
    timeline_requested = Signal()
    title_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.lang = "en"
        self.case_id: int | None = None
        self.options = PreflightOptions()
        self.report: Report | None = None
        self._task: Task | None = None
        self._generation = 0
        self.intro = QLabel(
            self.tr(
                "Before the packet goes out, the app looks for the mistakes that get requests "
                "refused or put people at risk. Deciding what to send is yours."
            )
        )
        self.intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("preflightSummary")
        # Why a check failed, under the row (a wrapped label beside buttons gets clipped).
        self.failure = QLabel()
        self.failure.setWordWrap(True)
        self.failure.setObjectName("preflightFailure")
        self.failure.hide()
        self.recheck_button = QPushButton(self.tr("Check again"))
        self.recheck_button.clicked.connect(self.refresh)
        self.timeline_button = QPushButton(self.tr("Timeline…"))
        self.timeline_button.setToolTip(self.tr("The dated evidence year by year"))
        self.timeline_button.clicked.connect(self.timeline_requested.emit)
        # wide enough not to wrap a word to a line when the panel is narrow
        self.summary.setMinimumWidth(self.summary.fontMetrics().averageCharWidth() * 22)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.recheck_button)
        row.addWidget(self.timeline_button)
        self.findings = FindingsView()
        self.findings.document_requested.connect(self.document_requested.emit)
        self.findings.edit_case_requested.connect(self.edit_case_requested.emit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.findings)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.failure)
        layout.addWidget(scroll, 1)
        self._set_enabled(False)

    def base_title(self) -> str:
        return self.tr("Read&y to file?")

    def tab_title(self) -> str:
        if self.report is None:
            return self.base_title()
        n = self.report.count("blocker") + self.report.count("warning")
        return f"{self.base_title()} ({n})" if n else self.base_title()

    def load(self, vault: Vault | None, case_id: int | None) -> None:
        if vault is None or case_id is None:
            self.clear()
            return
        if (vault, case_id) != (self.vault, self.case_id):
            self._drop()
        self.vault, self.case_id = vault, case_id
        self._set_enabled(True)
        # At once, not after a pause: a re-check is cheap (pixel sizes are remembered), a
        # newer one cancels the one under way, and nothing starts behind anyone's back.
        self._start()

    def refresh(self) -> None:
        if self.vault is not None and self.case_id is not None:
            self._start()

    def _start(self) -> None:
        if self.vault is None or self.case_id is None:
            return
        if self._task is not None:
            self._task.cancel()
        self._generation += 1
        generation = self._generation
        if self.report is None:
            self.summary.setText(self.tr("Checking…"))
        self._task = run_task(
            check_case,
            self.vault,
            self.case_id,
            self.options,
            self.lang,
            on_result=lambda r, g=generation: self._checked(g, r),
            on_error=lambda e, g=generation: self._failed(g, e),
        )

    def _checked(self, generation: int, result: tuple[Report, dict[int, str]]) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.report, titles = result
        self.findings.show_report(self.report, titles)
        self._show_failure("")
        self.summary.setText(self._summary_text(self.report))
        self.title_changed.emit(self.tab_title())

    def _failed(self, generation: int, exc: BaseException) -> None:
        """Shown in the panel, never in a modal box: this is background work (the case may
        have been deleted under it) and a box would pop up over whatever the person does."""
        if generation != self._generation:
            return
        self._task = None
        if isinstance(exc, Cancelled):
            return
        log_failure(exc)
        if isinstance(exc, NotFound):  # deleted under the check (its message is English)
            reason = self.tr("The case or one of its documents is no longer in the vault.")
        else:
            reason = user_message(exc) or ""
        if reason:
            reason = reason[:1].upper() + reason[1:].rstrip(".") + ". "
        self.summary.setText(self.tr("The checks could not run."))
        self._show_failure(reason + self.tr('Press "Check again" to try once more.'))

    def _show_failure(self, text: str) -> None:
        red = f"color: {COLORS['blocker']};" if text else ""
        self.summary.setStyleSheet(red)
        self.failure.setStyleSheet(red)
        self.failure.setText(text)
        self.failure.setVisible(bool(text))

    def _summary_text(self, report: Report) -> str:
        blockers, warnings = report.count("blocker"), report.count("warning")
        if not report.findings:
            return self.tr("Nothing found. Read the packet once more before you send it.")
        parts = []
        if blockers:
            parts.append(self.tr("%n problem(s) to settle before sending", "", blockers))
        if warnings:
            parts.append(self.tr("%n point(s) to check", "", warnings))
        if not parts:
            parts.append(self.tr("Only notes: nothing blocks the packet"))
        return "; ".join(parts) + "."

    def _set_enabled(self, on: bool) -> None:
        self.recheck_button.setEnabled(on)
        self.timeline_button.setEnabled(on)

    def _drop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._generation += 1
        self.report = None
        self.findings.clear()
        self.summary.clear()
        self._show_failure("")

    def clear(self) -> None:
        """Forget the vault and every finding (they name documents)."""
        self._drop()
        self.vault, self.case_id = None, None
        self._set_enabled(False)
        self.title_changed.emit(self.base_title())


class ReadinessBox(QGroupBox):
    """For the export dialog: blockers and warnings, checked with the export's options,
    shown before anything is written. The person may go on anyway: `confirm` asks once."""

    def __init__(
        self,
        vault: Vault,
        case_id: int,
        lang: str = "en",
        options: PreflightOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Before you send it"))
        self.setObjectName("readinessBox")
        self.report: Report | None = None
        self.status = QLabel(self.tr("Checking…"))
        self.status.setWordWrap(True)
        self.findings = FindingsView(severities=("blocker", "warning"), actions=False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.findings)
        scroll.setMaximumHeight(self.fontMetrics().lineSpacing() * 14)
        self._scroll = scroll
        scroll.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(scroll)
        self._task: Task | None = run_task(
            check_case,
            vault,
            case_id,
            options or PreflightOptions(),
            lang,
            on_result=self._checked,
            on_error=self._failed,
        )

    def _checked(self, result: tuple[Report, dict[int, str]]) -> None:
        self._task = None
        self.report, titles = result
        blockers, warnings = self.report.count("blocker"), self.report.count("warning")
        if not blockers and not warnings:
            self.status.setText(self.tr("The checks found nothing that blocks this packet."))
            return
        self.findings.show_report(self.report, titles)
        self._scroll.show()
        if blockers:
            self.status.setText(
                self.tr(
                    "%n problem(s) should be settled before this packet is sent. You can "
                    "still export it.",
                    "",
                    blockers,
                )
            )
        else:
            self.status.setText(self.tr("%n point(s) to check before sending.", "", warnings))

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        if not isinstance(exc, Cancelled):
            log_failure(exc)
        self.status.setText(self.tr("The checks could not run."))

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def confirm(self, parent: QWidget) -> bool:
        """True when there is no blocker, or the person chooses to export anyway."""
        if self.report is None or not self.report.blocked:
            return True
        answer = QMessageBox.question(
            parent,
            self.tr("Export anyway?"),
            self.tr(
                "The checks found %n problem(s) that should be settled before this packet "
                'is sent (see "Before you send it"). Export it anyway?',
                "",
                self.report.count("blocker"),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def install_preflight(workspace: Workspace) -> PreflightPanel:
    """Add the "Ready to file?" tab to the workspace's side tabs and keep it current: it
    follows the document list (case changes, imports, removals, locking) and every edit
    made on the Document tab."""
    panel = PreflightPanel(workspace)
    tabs = workspace.tabs
    tabs.addTab(panel, panel.base_title())

    def reload() -> None:
        panel.lang = workspace.lang
        panel.load(workspace.vault, workspace.current_case_id())

    def open_document(doc_id: int) -> None:
        workspace.select_document(doc_id)
        tabs.setCurrentWidget(workspace.document_panel)

    def show_timeline() -> None:
        from pdorganizer.ui.timeline_view import TimelineDialog

        if workspace.vault is None or panel.case_id is None:
            return
        try:
            dialog = TimelineDialog(workspace, workspace.vault, panel.case_id, workspace.lang)
        except Exception as exc:
            show_error(workspace, exc, "timeline")
            return
        dialog.document_requested.connect(open_document)
        try:  # the dialog shows the case's documents: it must not outlive this call
            dialog.exec()
        finally:
            dialog.deleteLater()

    workspace.doc_model.modelReset.connect(reload)
    workspace.document_panel.document_changed.connect(lambda _doc: reload())
    panel.title_changed.connect(lambda text: tabs.setTabText(tabs.indexOf(panel), text))
    panel.document_requested.connect(open_document)
    panel.edit_case_requested.connect(workspace.edit_case)
    panel.timeline_requested.connect(show_timeline)
    return panel


def preflight_options(export: ExportOptions) -> PreflightOptions:
    """Check with the export's own profile, quality, size limit and paper."""
    return PreflightOptions(
        profile=export.profile,
        quality=export.quality,
        max_part_mb=export.max_part_mb,
        page_size=export.page_size,
    )


def _add_two_to_a_row(grid: QGridLayout, widget: QWidget) -> None:
    index = grid.count()
    grid.addWidget(widget, index // 2, index % 2)
