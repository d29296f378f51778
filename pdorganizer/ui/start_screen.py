"""The start screen: open a vault, create one, or unlock the one that is locked.

Argon2 takes about half a second: unlocking and creating run on a worker while a busy
bar shows. A wrong passphrase is a calm message; the field keeps what was typed."""

from __future__ import annotations

import os

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pdorganizer.core.errors import PdoError, WrongPassphrase
from pdorganizer.resources_path import resource
from pdorganizer.ui.clinic_start import ClinicStart, neutral_vault_name
from pdorganizer.ui.errors import show_error
from pdorganizer.ui.file_dialogs import open_file, save_file
from pdorganizer.ui.folders import offer_to_create
from pdorganizer.ui.keys import return_presses_buttons
from pdorganizer.ui.settings import AppSettings
from pdorganizer.ui.strength import strength_score
from pdorganizer.ui.worker import run_task
from pdorganizer.vault import DEFAULT_PARAMS, VAULT_SUFFIX, KdfParams, Vault

MIN_LENGTH = 8


def _heading(text: str, scale: float = 1.6) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("errorLabel")
    return label


def _say(label: QLabel, text: str, *, error: bool = True) -> None:
    """A message under the form: red for a problem, the normal colour for progress."""
    label.setStyleSheet("color: #a40000;" if error else "")
    label.setProperty("error", error)
    label.setText(text)


def _busy() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.hide()
    return bar


def _logo() -> QLabel:
    label = QLabel()
    icon = resource("icons", "pdorganizer-128.png")
    if icon.is_file():
        side = label.fontMetrics().height() * 5
        pixmap = QIcon(str(icon)).pixmap(QSize(side, side))
        label.setPixmap(pixmap)
    label.setAccessibleName("pdorganizer")
    return label


def _page(*widgets: QWidget) -> QWidget:
    """A centred column, as wide as comfortable reading allows."""
    page = QWidget()
    outer = QHBoxLayout(page)
    column = QVBoxLayout()
    column.addStretch(1)
    column.addWidget(_logo())
    for w in widgets:
        column.addWidget(w)
    column.addStretch(2)
    box = QWidget()
    box.setLayout(column)
    box.setMaximumWidth(box.fontMetrics().averageCharWidth() * 90)
    outer.addStretch(1)
    outer.addWidget(box, 4)
    outer.addStretch(1)
    return page


class StartScreen(QWidget):
    vault_opened = Signal(object)  # a Vault

    def __init__(
        self,
        settings: AppSettings,
        kdf_params: KdfParams = DEFAULT_PARAMS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.kdf_params = kdf_params
        self.pending_path = ""
        self._working = False
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_welcome())
        self.stack.addWidget(self._build_unlock())
        create_page = self._build_create()
        self.stack.addWidget(create_page)
        # Escape leaves the create page, as "Back" does (not while the vault is made).
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), create_page)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(lambda: None if self._working else self.show_welcome())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        return_presses_buttons(self)
        self.show_welcome()

    # -- welcome ----------------------------------------------------------------------
    def _build_welcome(self) -> QWidget:
        title = _heading(self.tr("Your papers, safe and in order"), 1.8)
        intro = QLabel(
            self.tr(
                "pdorganizer keeps the documents for a request for prosecutorial "
                "discretion in one locked file on this computer, called a vault. "
                "Nothing is sent over the internet. When you are ready, it makes "
                "one PDF packet with an index and exhibit letters."
            )
        )
        intro.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open a vault…"))
        self.open_button.setToolTip(self.tr("Open a vault file you already have (Ctrl+O)"))
        self.new_vault_button = QPushButton(self.tr("Create a &new vault…"))
        self.new_vault_button.setToolTip(self.tr("Start a new, empty vault"))
        for b in (self.open_button, self.new_vault_button):
            b.setMinimumHeight(b.sizeHint().height() * 3 // 2)
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
        self.open_button.clicked.connect(self.choose_vault)
        self.new_vault_button.clicked.connect(self.show_create)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_vault_button)
        button_box = QWidget()
        button_box.setLayout(buttons)
        self.recent_label = QLabel(self.tr("Recently opened:"))
        self.recent_list = QListWidget()
        self.recent_list.setAccessibleName(self.tr("Recently opened vaults"))
        self.recent_list.itemActivated.connect(
            lambda item: self.show_unlock(str(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.recent_label.setBuddy(self.recent_list)
        self.clinic = ClinicStart(self.settings, [button_box])
        self.clinic.changed = self.refresh_recent  # type: ignore[method-assign]
        self.clinic.new_client_button.clicked.connect(self._new_client)
        self.clinic.brought_button.clicked.connect(self.choose_vault)
        return _page(title, intro, button_box, self.clinic, self.recent_label, self.recent_list)

    def refresh_recent(self) -> None:
        self.recent_list.clear()
        for path in self.settings.recent_vaults():
            item = QListWidgetItem(f"{os.path.basename(path)}    ({os.path.dirname(path)})")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent_list.addItem(item)
        has = self.recent_list.count() > 0
        self.recent_label.setVisible(has)
        self.recent_list.setVisible(has)
        self.clinic.refresh()

    def show_welcome(self) -> None:
        self.refresh_recent()
        self.stack.setCurrentIndex(0)
        if not self.clinic.focus_first():
            self.open_button.setFocus()

    def _new_client(self) -> None:
        self.create_path.setText(neutral_vault_name(self._documents_folder(), self.tr("Client")))
        self.show_create()

    def choose_vault(self) -> None:
        start = self._documents_folder()
        path = open_file(
            self,
            self.tr("Open a vault"),
            start,
            self.tr("Vaults (*%1);;All files (*)").replace("%1", VAULT_SUFFIX),
        )
        if path:
            self.show_unlock(path)

    # -- unlock -----------------------------------------------------------------------
    def _build_unlock(self) -> QWidget:
        self.unlock_title = _heading("")
        self.unlock_path = QLabel()
        self.unlock_path.setWordWrap(True)
        self.unlock_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unlock_pass = QLineEdit()
        self.unlock_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.unlock_pass.setAccessibleName(self.tr("Passphrase"))
        self.unlock_pass.returnPressed.connect(self.unlock)
        self.unlock_show = QCheckBox(self.tr("&Show the passphrase"))
        self.unlock_show.toggled.connect(
            lambda on: self.unlock_pass.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.unlock_pass)
        form.addRow("", self.unlock_show)
        form_box = QWidget()
        form_box.setLayout(form)
        self.unlock_busy = _busy()
        self.unlock_error = _error_label()
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.unlock_back = QPushButton(self.tr("Open a different &vault"))
        self.unlock_back.clicked.connect(self.show_welcome)
        row = QHBoxLayout()
        row.addWidget(self.unlock_back)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        row_box = QWidget()
        row_box.setLayout(row)
        return _page(
            self.unlock_title,
            self.unlock_path,
            form_box,
            self.unlock_busy,
            self.unlock_error,
            row_box,
        )

    def show_unlock(self, path: str, *, locked: bool = False) -> None:
        self.pending_path = path
        self.unlock_title.setText(
            self.tr("The vault is locked") if locked else self.tr("Unlock the vault")
        )
        self.unlock_path.setText(
            self.tr("Type the passphrase for %1 to continue.").replace("%1", os.path.basename(path))
        )
        self.unlock_path.setToolTip(path)
        if self.settings.clinic_mode:  # whoever walks up next sees no file (or person's) name
            self.unlock_path.setText(self.tr("Type the vault's passphrase to continue."))
            self.unlock_path.setToolTip("")
        self.unlock_pass.clear()
        self.unlock_error.clear()
        self.unlock_show.setChecked(False)
        self.stack.setCurrentIndex(1)
        self.unlock_pass.setFocus()

    def unlock(self) -> None:
        if self._working:
            return
        passphrase = self.unlock_pass.text()
        if not passphrase:
            _say(self.unlock_error, self.tr("Please type the passphrase."))
            return
        self._set_working(True, self.unlock_busy)
        _say(self.unlock_error, self.tr("Unlocking…"), error=False)
        run_task(
            Vault.open,
            self.pending_path,
            passphrase,
            on_result=self._opened,
            on_error=self._unlock_failed,
        )

    def _unlock_failed(self, exc: BaseException) -> None:
        self._set_working(False, self.unlock_busy)
        if isinstance(exc, WrongPassphrase):
            _say(
                self.unlock_error,
                self.tr(
                    "That passphrase did not open this vault. Check Caps Lock and "
                    "the keyboard language, then try again. Nothing in the vault was "
                    "changed."
                ),
            )
            self.unlock_pass.setFocus()
            self.unlock_pass.selectAll()
        elif isinstance(exc, PdoError):
            _say(
                self.unlock_error,
                self.tr("This vault cannot be opened: %1").replace("%1", exc.message),
            )
        else:
            self.unlock_error.clear()
            show_error(self, exc, "unlock")

    def _opened(self, vault: Vault) -> None:
        self._set_working(False, self.unlock_busy)
        self._set_working(False, self.create_busy)
        self.unlock_pass.clear()
        self.create_pass.clear()
        self.create_repeat.clear()
        self.unlock_error.clear()
        self.create_error.clear()
        self.settings.add_recent(str(vault.path))
        self.vault_opened.emit(vault)

    # -- create -----------------------------------------------------------------------
    def _build_create(self) -> QWidget:
        title = _heading(self.tr("Create a new vault"))
        intro = QLabel(
            self.tr(
                "A vault is one file that holds your cases and documents, locked "
                "with a passphrase. Choose a long passphrase you can remember: "
                "four or five ordinary words are good."
            )
        )
        intro.setWordWrap(True)
        self.create_path = QLineEdit()
        self.create_path.setAccessibleName(self.tr("Where to save the vault"))
        browse = QPushButton(self.tr("Ch&oose…"))
        browse.clicked.connect(self._browse_create)
        path_row = QHBoxLayout()
        path_row.addWidget(self.create_path, 1)
        path_row.addWidget(browse)
        self.create_pass = QLineEdit()
        self.create_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_pass.setAccessibleName(self.tr("New passphrase"))
        self.create_repeat = QLineEdit()
        self.create_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.create_repeat.returnPressed.connect(self.create)
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(10)
        self.strength_bar.setAccessibleName(self.tr("Passphrase strength"))
        self.strength_label = QLabel()
        self.create_pass.textChanged.connect(self._update_strength)
        form = QFormLayout()
        save_label = QLabel(self.tr("&Save as:"))
        save_label.setBuddy(self.create_path)
        form.addRow(save_label, path_row)
        form.addRow(self.tr("&Passphrase:"), self.create_pass)
        form.addRow(self.tr("&Repeat it:"), self.create_repeat)
        form.addRow(self.tr("Strength:"), self.strength_bar)
        form.addRow("", self.strength_label)
        form_box = QWidget()
        form_box.setLayout(form)
        warning = QLabel(
            self.tr(
                "<b>Important:</b> if you forget this passphrase, nobody can "
                "open the vault — not you, not us, not a technician. There is no "
                "reset. Write it down and keep it somewhere safe."
            )
        )
        warning.setWordWrap(True)
        warning.setFrameShape(QFrame.Shape.StyledPanel)
        warning.setStyleSheet("QLabel { background: #fff4ce; color: #3b2f00; padding: 8px; }")
        warning.setObjectName("forgetWarning")
        self.create_busy = _busy()
        self.create_error = _error_label()
        self.create_button = QPushButton(self.tr("Create &vault"))
        self.create_button.clicked.connect(self.create)
        back = QPushButton(self.tr("&Back"))
        back.setToolTip(self.tr("Back to the start (Esc)"))
        back.clicked.connect(self.show_welcome)
        self.create_back = back
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.create_button)
        row_box = QWidget()
        row_box.setLayout(row)
        self._update_strength("")
        return _page(title, intro, form_box, warning, self.create_busy, self.create_error, row_box)

    def show_create(self) -> None:
        if not self.create_path.text():
            self.create_path.setText(
                os.path.join(self._documents_folder(), self.tr("My documents") + VAULT_SUFFIX)
            )
        self.create_error.clear()
        self.stack.setCurrentIndex(2)
        self.create_pass.setFocus()

    def _browse_create(self) -> None:
        path = save_file(
            self,
            self.tr("Save the new vault as"),
            self.create_path.text(),
            self.tr("Vaults (*%1)").replace("%1", VAULT_SUFFIX),
        )
        if path:
            if not path.endswith(VAULT_SUFFIX):
                path += VAULT_SUFFIX
            self.create_path.setText(path)

    def _update_strength(self, text: str) -> None:
        score = strength_score(text)
        self.strength_bar.setValue(score)
        words = (
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Good"),
            self.tr("Strong"),
        )
        colours = ("#c01c28", "#c01c28", "#e5a50a", "#2ec27e", "#26a269")
        self.strength_label.setText(words[score] if text else self.tr("Type a passphrase"))
        self.strength_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colours[score]}; }}")

    def create(self) -> None:
        if self._working:
            return
        path = self.create_path.text().strip()
        if path and not path.endswith(VAULT_SUFFIX):
            path += VAULT_SUFFIX
            self.create_path.setText(path)
        first, second = self.create_pass.text(), self.create_repeat.text()
        if not path:
            _say(self.create_error, self.tr("Choose where to save the vault."))
        elif os.path.exists(path):
            _say(
                self.create_error,
                self.tr(
                    "A file with this name exists already. Choose another name; "
                    "nothing will be overwritten."
                ),
            )
        elif not os.path.isdir(os.path.dirname(path) or ".") and (
            problem := offer_to_create(self, os.path.dirname(path))
        ):
            _say(self.create_error, problem)
        elif len(first) < MIN_LENGTH:
            _say(
                self.create_error,
                self.tr("The passphrase needs at least %n characters.", "", MIN_LENGTH),
            )
            self.create_pass.setFocus()
        elif first != second:
            _say(
                self.create_error,
                self.tr("The two passphrases are different. Type the same passphrase twice."),
            )
            self.create_repeat.setFocus()
            self.create_repeat.selectAll()
        else:
            self._set_working(True, self.create_busy)
            _say(self.create_error, self.tr("Creating the vault…"), error=False)
            run_task(
                Vault.create,
                path,
                first,
                self.kdf_params,
                on_result=self._opened,
                on_error=self._create_failed,
            )

    def _create_failed(self, exc: BaseException) -> None:
        self._set_working(False, self.create_busy)
        if isinstance(exc, PdoError):
            _say(self.create_error, exc.message[:1].upper() + exc.message[1:])
        else:
            self.create_error.clear()
            show_error(self, exc, "create vault")

    # -- helpers ----------------------------------------------------------------------
    def _set_working(self, working: bool, bar: QProgressBar) -> None:
        self._working = working
        bar.setVisible(working)
        for w in (
            self.unlock_button,
            self.create_button,
            self.unlock_pass,
            self.create_pass,
            self.create_repeat,
        ):
            w.setEnabled(not working)

    @property
    def working(self) -> bool:
        return self._working

    @staticmethod
    def _documents_folder() -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return folder if folder and os.path.isdir(folder) else os.path.expanduser("~")
