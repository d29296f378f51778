"""The export dialog over ExportOptions, and the report shown when the packet is written."""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.core.errors import PdoError
from pdorganizer.export.remembered import load_choices, save_choices
from pdorganizer.export.service import ExportOptions, ExportResult
from pdorganizer.ui import launcher
from pdorganizer.ui.file_dialogs import save_file
from pdorganizer.ui.preflight_panel import ReadinessBox, app_language, preflight_options
from pdorganizer.vault import Vault

log = logging.getLogger(__name__)


def default_destination(case_name: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not folder or not os.path.isdir(folder):
        folder = os.path.expanduser("~")
    safe = re.sub(r"[^\w\- ]+", "", case_name, flags=re.UNICODE).strip().replace(" ", "_")
    return os.path.join(folder, f"{safe or 'Packet'}_Exhibits.pdf")


def _unused(path: str) -> str:
    """`path`, or the same name with _2, _3... when the last export already wrote it (a
    packet is never overwritten)."""
    stem, suffix = os.path.splitext(path)

    def taken(p: str) -> bool:
        base = os.path.splitext(p)[0]
        return os.path.exists(p) or os.path.exists(f"{base}_Part1{suffix}")

    if not taken(path):
        return path
    stem = re.sub(r"_\d+$", "", stem)
    n = 2
    while taken(f"{stem}_{n}{suffix}"):
        n += 1
    return f"{stem}_{n}{suffix}"


def _remembered(vault: Vault | None, case_id: int | None) -> tuple[ExportOptions, str] | None:
    if vault is None or case_id is None:
        return None
    try:
        return load_choices(vault, case_id)
    except PdoError:
        return None


def _combo(items: list[tuple[str, object]], current: object) -> QComboBox:
    combo = QComboBox()
    for text, value in items:
        combo.addItem(text, value)
    idx = combo.findData(current)
    combo.setCurrentIndex(max(idx, 0))
    return combo


class OptionsForm(QWidget):
    """Every ExportOption as a form; also used for the defaults in Settings."""

    def __init__(
        self, options: ExportOptions, parent: QWidget | None = None, *, with_title: bool = True
    ) -> None:
        super().__init__(parent)
        self.profile = _combo(
            [
                (self.tr("Immigration court (EOIR), 25 MB parts"), "eoir"),
                (self.tr("ICE OPLA prosecutorial discretion request"), "opla"),
                (self.tr("USCIS, 12 MB parts"), "uscis"),
            ],
            options.profile,
        )
        self.quality = _combo(
            [
                (self.tr("Compact (smaller files, good for uploading)"), "compact"),
                (self.tr("Original (largest files, full detail)"), "original"),
            ],
            options.quality,
        )
        self.max_part = QDoubleSpinBox()
        self.max_part.setRange(0, 500)
        self.max_part.setDecimals(0)
        self.max_part.setSuffix(" MB")
        self.max_part.setSpecialValueText(self.tr("As the destination requires"))
        self.max_part.setValue(options.max_part_mb or 0)
        self.label = _combo(
            [
                (self.tr("Page number: 12"), "plain"),
                (self.tr("Page 12 of 143"), "of"),
                (self.tr("Bates number: PD-000012"), "bates"),
            ],
            options.label,
        )
        self.bates_prefix = QLineEdit(options.bates_prefix)
        self.bates_prefix.setPlaceholderText("PD-")
        self.start = QSpinBox()
        self.start.setRange(1, 999999)
        self.start.setValue(options.start)
        self.label_position = _combo(
            [
                (self.tr("Bottom left"), "left"),
                (self.tr("Bottom centre"), "center"),
                (self.tr("Bottom right"), "right"),
            ],
            options.label_position,
        )
        self.page_size = _combo(
            [(self.tr("US Letter"), "letter"), (self.tr("A4"), "a4")], options.page_size
        )
        self.manifest = _combo(
            [
                (self.tr("Separate file (JSON)"), "json"),
                (self.tr("As a last page"), "page"),
                (self.tr("None"), "none"),
            ],
            options.manifest,
        )
        self.cover = QCheckBox(self.tr("Cover page"))
        self.cover.setChecked(options.cover)
        self.letter = QCheckBox(self.tr("The request letter after the cover, if the case has one"))
        self.letter.setChecked(options.letter)
        self.service = QCheckBox(self.tr("Certificate of service as the last page"))
        self.service.setChecked(options.service)
        self.group = QCheckBox(self.tr("Group the index by factor"))
        self.group.setChecked(options.group_by_factor)
        self.index_es = QCheckBox(
            self.tr("Also a Spanish copy of the index for the client (not for filing)")
        )
        self.index_es.setChecked(options.index_es)
        self.timeline = QCheckBox(self.tr("A timeline of the dated evidence after the index"))
        self.timeline.setChecked(options.timeline)
        self.title = QLineEdit(options.title)
        self.title.setPlaceholderText(self.tr("Default title for the destination"))

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        rows = [
            (self.tr("Send to"), self.profile),
            (self.tr("Quality"), self.quality),
            (self.tr("Size limit per file"), self.max_part),
            (self.tr("Page labels"), self.label),
            (self.tr("Bates prefix"), self.bates_prefix),
            (self.tr("First number"), self.start),
            (self.tr("Label position"), self.label_position),
            (self.tr("Paper size"), self.page_size),
            (self.tr("List of files and checksums"), self.manifest),
        ]
        if with_title:
            rows.insert(0, (self.tr("Title on the cover"), self.title))
        for text, widget in rows:
            widget.setAccessibleName(text)
            form.addRow(text, widget)
        checks = (self.cover, self.letter, self.timeline, self.service, self.group, self.index_es)
        for check in checks:
            check.setAccessibleName(check.text())
            form.addRow("", check)
        self.label.currentIndexChanged.connect(self._label_changed)
        self._label_changed()

    def _label_changed(self) -> None:
        bates = self.label.currentData() == "bates"
        self.bates_prefix.setEnabled(bates)

    def options(self) -> ExportOptions:
        return ExportOptions(
            profile=str(self.profile.currentData()),
            quality=str(self.quality.currentData()),
            max_part_mb=self.max_part.value() or None,
            label=str(self.label.currentData()),
            bates_prefix=self.bates_prefix.text().strip(),
            start=self.start.value(),
            label_position=str(self.label_position.currentData()),
            group_by_factor=self.group.isChecked(),
            page_size=str(self.page_size.currentData()),
            cover=self.cover.isChecked(),
            letter=self.letter.isChecked(),
            service=self.service.isChecked(),
            manifest=str(self.manifest.currentData()),
            title=self.title.text().strip(),
            index_es=self.index_es.isChecked(),
            timeline=self.timeline.isChecked(),
        )


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        case_name: str,
        options: ExportOptions,
        exhibit_count: int,
        *,
        vault: Vault | None = None,
        case_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        # The case's own last choices (kept in the vault) win over the app's defaults.
        self._vault, self._case_id = vault, case_id
        remembered = _remembered(vault, case_id)
        destination = default_destination(case_name)
        if remembered is not None:
            options = remembered[0]
            destination = _unused(remembered[1]) if remembered[1] else destination
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export the exhibit packet"))
        intro = QLabel(
            self.tr(
                (
                    "The packet is one PDF with a cover page, an index and %n "
                    "exhibit(s), numbered page by page. It is NOT encrypted: keep it "
                    "somewhere safe."
                ),
                "",
                exhibit_count,
            )
        )
        intro.setWordWrap(True)
        self.destination = QLineEdit(destination)
        self.destination.setAccessibleName(self.tr("Save the packet as"))
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self._browse)
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.destination, 1)
        dest_row.addWidget(browse)
        box = QGroupBox(self.tr("Options"))
        box_layout = QVBoxLayout(box)
        self.form = OptionsForm(options)
        box_layout.addWidget(self.form)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #a40000;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow(self.tr("Save as"), dest_row)
        layout.addLayout(form)
        # The options scroll on a short screen (1280x800 with the findings below), rather
        # than being squeezed until their texts are cut.
        options_scroll = QScrollArea()
        options_scroll.setWidgetResizable(True)
        options_scroll.setFrameShape(QFrame.Shape.NoFrame)
        options_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        options_scroll.setWidget(box)
        options_scroll.setMinimumWidth(box.sizeHint().width() + 20)
        layout.addWidget(options_scroll, 1)
        # The pre-flight findings, before anything is written (the person may go on).
        self.readiness: ReadinessBox | None = None
        if vault is not None and case_id is not None:
            lang = str(getattr(parent, "lang", "") or app_language())
            opts = preflight_options(options)
            self.readiness = ReadinessBox(vault, case_id, lang, opts, self)
            layout.addWidget(self.readiness)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        hint = self.sizeHint()
        wanted = hint.height() + box.sizeHint().height() - options_scroll.sizeHint().height()
        if screen is not None:
            self.resize(hint.width(), min(wanted, int(screen.height() * 0.92)))

    def _browse(self) -> None:
        path = save_file(
            self,
            self.tr("Save the packet as"),
            self.destination.text(),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.destination.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def output(self) -> str:
        return self.destination.text().strip()

    def options(self) -> ExportOptions:
        return self.form.options()

    def _accept(self) -> None:
        out = self.output()
        folder = os.path.dirname(out) or "."
        if not out:
            self.error_label.setText(self.tr("Choose where to save the packet."))
        elif not os.path.isdir(folder) and not self._make_folder(folder):
            return
        elif os.path.exists(out):
            self.error_label.setText(
                self.tr(
                    "A file with that name exists already. Choose another name, so "
                    "nothing is overwritten."
                )
            )
        elif self.readiness is None or self.readiness.confirm(self):
            self.remember()
            self.accept()

    def _make_folder(self, folder: str) -> bool:
        """Offer to create a destination folder that does not exist yet."""
        answer = QMessageBox.question(
            self,
            self.tr("Create the folder?"),
            self.tr(
                "The folder %1 does not exist yet. Create it and save the packet there?"
            ).replace("%1", folder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.error_label.setText(self.tr("Choose a folder that exists, or let it be created."))
            return False
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        except OSError:
            self.error_label.setText(
                self.tr("That folder cannot be created here. Choose another place.")
            )
            return False
        return True

    def remember(self) -> None:
        if self._vault is None or self._case_id is None:
            return
        try:
            save_choices(self._vault, self._case_id, self.options(), self.output())
        except PdoError as exc:  # not worth stopping the export for
            log.info("export choices not remembered: %s", type(exc).__name__)


class ExportReport(QDialog):
    """The files written: each by name, what it holds and its size; the folder once,
    as text to copy, and a button to open it."""

    def __init__(self, parent: QWidget | None, result: ExportResult) -> None:
        super().__init__(parent)
        self.setObjectName("exportReport")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # it names files
        self.setWindowTitle(self.tr("Packet ready"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("The packet was written and checked: %n page(s).", "", result.page_count)
            )
        )
        rows = self._rows(result)
        paths = [path for path, _ in rows]
        self.folder = str(Path(paths[0]).parent) if paths else ""
        folder_row = QHBoxLayout()
        folder_label = QLabel(self.tr("In the &folder:"))
        self.folder_edit = QLineEdit(self.folder)
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setAccessibleName(self.tr("Folder of the files"))
        self.folder_edit.setCursorPosition(0)
        folder_label.setBuddy(self.folder_edit)
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder_edit, 1)
        layout.addLayout(folder_row)
        self.files = QTreeWidget()
        self.files.setAccessibleName(self.tr("Files written"))
        self.files.setRootIsDecorated(False)
        self.files.setHeaderLabels([self.tr("File"), self.tr("What it holds"), self.tr("Size")])
        locale = QLocale()
        for path, what in rows:
            try:
                size = locale.formattedDataSize(os.path.getsize(path))
            except OSError:
                size = ""
            item = QTreeWidgetItem([os.path.basename(path), what, size])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, path)
            self.files.addTopLevelItem(item)
        for column in range(3):
            self.files.resizeColumnToContents(column)
        layout.addWidget(self.files, 1)
        if result.warnings:
            warn = QLabel(
                self.tr("Please check:") + "\n" + "\n".join(f"• {w}" for w in result.warnings)
            )
            warn.setWordWrap(True)
            layout.addWidget(warn)
        self.open_error = QLabel()
        self.open_error.setObjectName("openFolderError")
        self.open_error.setWordWrap(True)
        self.open_error.hide()
        layout.addWidget(self.open_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(
            self.tr("&Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button = buttons.addButton(
            self.tr("Cop&y the folder's path"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setEnabled(bool(self.folder))
        self.copy_button.setEnabled(bool(self.folder))
        self.open_button.clicked.connect(self.open_folder)
        self.copy_button.clicked.connect(self.copy_folder)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        width = sum(self.files.columnWidth(c) for c in range(3))
        self.resize(
            max(width + self.fontMetrics().averageCharWidth() * 10, self.sizeHint().width()),
            self.sizeHint().height(),
        )

    def _rows(self, result: ExportResult) -> list[tuple[str, str]]:
        rows = []
        parts = len(result.files)
        for i, path in enumerate(result.files):
            pages = result.file_pages[i] if i < len(result.file_pages) else 0
            if parts == 1:
                what = self.tr("The packet, %n page(s)", "", pages)
            else:
                what = (
                    self.tr("Part %1 of %2, %n page(s)", "", pages)
                    .replace("%1", str(i + 1))
                    .replace("%2", str(parts))
                )
            rows.append((path, what))
        if result.manifest_path:
            rows.append((result.manifest_path, self.tr("List of files and checksums")))
        if result.index_es_path:
            rows.append((result.index_es_path, self.tr("Spanish index for the client")))
        return rows

    def open_folder(self) -> None:
        opened = launcher.open_folder(self.folder)  # started without passphrase variables
        if not opened and sys.platform in ("win32", "darwin"):
            opened = QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder))
        if opened:
            self.open_error.hide()
            return
        self.open_error.setText(
            self.tr(
                "No program to show folders was found on this computer. The files are "
                "in the folder shown above: copy its path and open it from your file "
                "manager or the program you upload with."
            )
        )
        self.open_error.show()
        self.folder_edit.setFocus()
        self.folder_edit.selectAll()

    def copy_folder(self) -> None:
        QGuiApplication.clipboard().setText(self.folder)
