"""Clinic mode on the start screen and in Settings.

Clinic mode (off by default, offered once on the first start) is for one laptop that helps
many people: no recent-vaults list (paths often hold a name), auto-lock after 3 minutes,
and the start screen offers "New client" (a new vault with a neutral name the volunteer
may change) and "Client brought their file" (open the person's own vault)."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.ui.settings import CLINIC_AUTOLOCK_MINUTES, AppSettings
from pdorganizer.vault import VAULT_SUFFIX


class ClinicModeBox(QWidget):
    """The Settings row: the checkbox, what it does, and the lock time it implies."""

    def __init__(
        self, parent: QWidget, settings: AppSettings, autolock: QSpinBox, recent: QCheckBox
    ) -> None:
        super().__init__(parent)
        self.checkbox = QCheckBox(self.tr("Clinic mode (one computer, many people)"))
        self.checkbox.setObjectName("clinicMode")
        self.checkbox.setAccessibleName(self.checkbox.text())
        self.checkbox.setChecked(settings.clinic_mode)
        hint = QLabel(
            self.tr(
                "No list of recent vaults, locks after %n minute(s) without use, and the "
                "start screen offers New client and Client brought their file.",
                "",
                CLINIC_AUTOLOCK_MINUTES,
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checkbox)
        layout.addWidget(hint)
        self._autolock, self._recent = autolock, recent
        self.checkbox.toggled.connect(self._apply)
        self._apply(self.checkbox.isChecked())

    def _apply(self, on: bool) -> None:
        self._autolock.setEnabled(not on)
        self._recent.setEnabled(not on)


def clinic_mode_box(
    parent: QWidget, settings: AppSettings, autolock: QSpinBox, recent: QCheckBox
) -> ClinicModeBox:
    return ClinicModeBox(parent, settings, autolock, recent)


class ClinicStart(QWidget):
    """On the welcome page: the one-time offer, or the clinic buttons when it is on.

    `standard` are the usual Open/Create buttons, hidden while clinic mode is on."""

    def __init__(self, settings: AppSettings, standard: list[QWidget]) -> None:
        super().__init__()
        self.settings = settings
        self.standard = standard
        self.new_client_button = QPushButton(self.tr("&New client…"))
        self.new_client_button.setToolTip(
            self.tr("Make a new vault for the person you are helping now")
        )
        self.brought_button = QPushButton(self.tr("Client &brought their file…"))
        self.brought_button.setToolTip(self.tr("Open the vault file the person brought with them"))
        for b in (self.new_client_button, self.brought_button):
            b.setMinimumHeight(b.sizeHint().height() * 3 // 2)
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_client_button)
        row.addWidget(self.brought_button)
        self.buttons = QWidget()
        self.buttons.setLayout(row)

        self.offer = QFrame()
        self.offer.setObjectName("clinicOffer")
        self.offer.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(
            self.tr(
                "<b>Is this computer used at a clinic, for many people?</b> Clinic mode "
                "keeps no list of recent vaults, locks after 3 minutes and offers New "
                "client and Client brought their file. You can change this in Settings."
            )
        )
        text.setWordWrap(True)
        self.use_button = QPushButton(self.tr("Use c&linic mode"))
        self.decline_button = QPushButton(self.tr("No, &thanks"))
        self.use_button.clicked.connect(lambda: self._answer(True))
        self.decline_button.clicked.connect(lambda: self._answer(False))
        offer_buttons = QHBoxLayout()
        offer_buttons.addStretch(1)
        offer_buttons.addWidget(self.decline_button)
        offer_buttons.addWidget(self.use_button)
        offer_layout = QVBoxLayout(self.offer)
        offer_layout.addWidget(text)
        offer_layout.addLayout(offer_buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.buttons)
        layout.addWidget(self.offer)
        self.refresh()

    def _answer(self, use: bool) -> None:
        if use:
            self.settings.clinic_mode = True
        self.settings.clinic_offered = True
        self.settings.sync()
        self.refresh()
        self.changed()

    def changed(self) -> None:
        """Set by the start screen: what to redo when the mode changes (recent list)."""

    def refresh(self) -> None:
        on = self.settings.clinic_mode
        self.buttons.setVisible(on)
        for w in self.standard:
            w.setVisible(not on)
        self.offer.setVisible(not on and not self.settings.clinic_offered)

    def focus_first(self) -> bool:
        if self.settings.clinic_mode:
            self.new_client_button.setFocus()
            return True
        return False


def neutral_vault_name(folder: str, label: str) -> str:
    """`label date n.pdvault` in `folder`, the first that does not exist: never the
    person's name, unless the volunteer types it."""
    stamp = dt.date.today().isoformat()
    n = 1
    while True:
        path = os.path.join(folder, f"{label} {stamp} {n}{VAULT_SUFFIX}")
        if not os.path.exists(path):
            return path
        n += 1
