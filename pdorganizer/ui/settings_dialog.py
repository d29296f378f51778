"""Settings: language, auto-lock time, recent vaults, default export options."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.ui.clinic_start import clinic_mode_box
from pdorganizer.ui.export_dialog import OptionsForm
from pdorganizer.ui.settings import AppSettings


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: AppSettings) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.language = QComboBox()
        self.language.addItem(self.tr("Same as the computer"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName(self.tr("Language"))
        self.autolock = QSpinBox()
        self.autolock.setRange(1, 240)
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setValue(settings.stored_autolock_minutes)
        self.autolock.setAccessibleName(self.tr("Lock after minutes without use"))
        self.recent = QCheckBox(self.tr("Remember recently opened vaults"))
        self.recent.setChecked(settings.remember_recent)
        self.recent.setAccessibleName(self.recent.text())
        recent_hint = QLabel(
            self.tr(
                "Only the file locations are remembered, never names or "
                "documents. Turn this off if others use this computer."
            )
        )
        recent_hint.setWordWrap(True)
        self.clean_photos = QCheckBox(self.tr("Clean up photographed documents on import"))
        self.clean_photos.setChecked(settings.clean_photos)
        self.clean_photos.setAccessibleName(self.clean_photos.text())
        self.clean_photos.setToolTip(
            self.tr(
                "Phone photos of papers are straightened, cropped to the page and evened out; "
                "the photo itself is kept and the clean-up can be turned off for any page."
            )
        )
        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        form.addRow(self.tr("&Language"), self.language)
        lang_hint = QLabel(self.tr("A new language applies the next time the program starts."))
        lang_hint.setWordWrap(True)
        form.addRow("", lang_hint)
        form.addRow(self.tr("Loc&k after"), self.autolock)
        form.addRow("", self.recent)
        form.addRow("", recent_hint)
        form.addRow("", self.clean_photos)
        self.clinic = clinic_mode_box(self, settings, self.autolock, self.recent)
        form.addRow("", self.clinic)
        export_box = QGroupBox(self.tr("Default export options"))
        export_layout = QVBoxLayout(export_box)
        self.export_form = OptionsForm(settings.export_defaults(), with_title=False)
        export_layout.addWidget(self.export_form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(export_box)
        layout.addWidget(buttons)

    def _save(self) -> None:
        self.settings.language = str(self.language.currentData())
        self.settings.autolock_minutes = self.autolock.value()
        self.settings.remember_recent = self.recent.isChecked()
        self.settings.clean_photos = self.clean_photos.isChecked()
        self.settings.clinic_mode = self.clinic.checkbox.isChecked()
        self.settings.set_export_defaults(self.export_form.options())
        self.settings.sync()
        self.accept()
