"""The export dialog over ExportOptions, and the report shown when the packet is written."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.export.service import ExportOptions, ExportResult
from pdorganizer.ui import launcher
from pdorganizer.ui.file_dialogs import save_file


def default_destination(case_name: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not folder or not os.path.isdir(folder):
        folder = os.path.expanduser("~")
    safe = re.sub(r"[^\w\- ]+", "", case_name, flags=re.UNICODE).strip().replace(" ", "_")
    return os.path.join(folder, f"{safe or 'Packet'}_Exhibits.pdf")


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
        self.service = QCheckBox(self.tr("Certificate of service as the last page"))
        self.service.setChecked(options.service)
        self.group = QCheckBox(self.tr("Group the index by factor"))
        self.group.setChecked(options.group_by_factor)
        self.index_es = QCheckBox(
            self.tr("Also a Spanish copy of the index for the client (not for filing)")
        )
        self.index_es.setChecked(options.index_es)
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
        for check in (self.cover, self.service, self.group, self.index_es):
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
            service=self.service.isChecked(),
            manifest=str(self.manifest.currentData()),
            title=self.title.text().strip(),
            index_es=self.index_es.isChecked(),
        )


class ExportDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, case_name: str, options: ExportOptions, exhibit_count: int
    ) -> None:
        super().__init__(parent)
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
        self.destination = QLineEdit(default_destination(case_name))
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
        layout.addWidget(box)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

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
        elif not os.path.isdir(folder):
            self.error_label.setText(self.tr("That folder does not exist. Choose another place."))
        elif os.path.exists(out):
            self.error_label.setText(
                self.tr(
                    "A file with that name exists already. Choose another name, so "
                    "nothing is overwritten."
                )
            )
        else:
            self.accept()


class ExportReport(QDialog):
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
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Files written"))
        extra = [p for p in (result.manifest_path, result.index_es_path) if p]
        paths = list(result.files) + extra
        self.files.addItems(paths)
        layout.addWidget(self.files)
        if result.warnings:
            warn = QLabel(
                self.tr("Please check:") + "\n" + "\n".join(f"• {w}" for w in result.warnings)
            )
            warn.setWordWrap(True)
            layout.addWidget(warn)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(
            self.tr("&Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder = str(Path(paths[0]).parent) if paths else ""
        self.open_button.setEnabled(bool(self.folder))
        self.open_button.clicked.connect(self.open_folder)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)

    def open_folder(self) -> None:
        if not launcher.open_folder(self.folder):  # started without passphrase variables
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder))
