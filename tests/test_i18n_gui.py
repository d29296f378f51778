"""The GUI in Spanish, offscreen: every text a person reads differs from its English source.

Each screen is built twice, once in English and once in Spanish, and the texts of its
widgets (window title, menus and actions, buttons, labels, group and tab titles, table
headers, placeholders, tooltips, accessible names) are paired by widget position. A
Spanish text equal to its English counterpart fails, unless every word of it is a name,
an acronym or a number (see SAME_IN_BOTH).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableView,
    QTabWidget,
    QToolBar,
    QTreeView,
    QWidget,
)

from pdorganizer.ui import i18n
from pdorganizer.vault import CHEAP_PARAMS, Vault
from pdorganizer.vault.repos.documents import NewPage, NewSource
from tests.conftest import PASSPHRASE

# Words that are written the same in Spanish: names, acronyms, formats, and the few true
# cognates the GUI uses as single words.
SAME_IN_BOTH = {
    "pdorganizer", "pdf", "pdfs", "json", "ice", "opla", "eoir", "uscis", "id", "a4", "bates",
    "mb", "kb", "gb", "ctrl", "shift", "alt", "del", "esc", "f2", "caps", "lock", "ok",
    "factor", "original", "total", "no", "pd", "dhs", "irs",
    "english", "español",  # language names are written in their own language
    "maría", "josé", "lópez", "guatemala", "san", "francisco", "ca",
}  # fmt: skip
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
_TOKEN = re.compile(r"[\w'’-]+", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_TAG = re.compile(r"<[^>]+>")


def exempt(text: str, data: tuple[str, ...] = ()) -> bool:
    """A text with no translatable word: numbers, symbols, names, acronyms, and what the
    user typed (`data`: case and document fields, file names)."""
    text = _TAG.sub(" ", text).replace("&", "")
    for value in data:
        text = text.replace(value, " ")
    # A token with a digit in it is a number, a form name or a size: "A4", "I-589", "W-2".
    tokens = [t for t in _TOKEN.findall(text) if not any(c.isdigit() for c in t)]
    words = [w for t in tokens for w in _WORD.findall(t)]
    return all(w.lower() in SAME_IN_BOTH for w in words)


def _actions_texts(key: str, actions) -> Iterator[tuple[str, str]]:
    for i, action in enumerate(actions):
        if action.isSeparator():
            continue
        yield f"{key}/action{i}", action.text()
        yield (
            f"{key}/action{i}/tip",
            action.toolTip() if action.toolTip() != action.text().replace("&", "") else "",
        )
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield f"{key}/action{i}/menu", menu.title()
            yield from _actions_texts(f"{key}/action{i}/menu", menu.actions())


def _widget_key(widget: QWidget, root: QWidget) -> str:
    parts = []
    while widget is not None and widget is not root:
        parent = widget.parentWidget()
        siblings = [
            w
            for w in (
                parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if parent
                else []
            )
            if type(w) is type(widget)
        ]
        index = siblings.index(widget) if widget in siblings else 0
        parts.append(f"{type(widget).__name__}[{index}]")
        widget = parent
    return "/".join(reversed(parts))


def visible_texts(root: QWidget) -> dict[str, str]:
    """Every text a person can read in `root`, keyed by where it sits."""
    out: dict[str, str] = {}

    def add(key: str, text: str) -> None:
        if text and text.strip():
            out[key] = text

    add("title", root.windowTitle())
    if isinstance(root, QMainWindow):
        for key, text in _actions_texts("menubar", root.menuBar().actions()):
            add(key, text)
        add("statusbar", root.statusBar().currentMessage())
    for widget in [root, *root.findChildren(QWidget)]:
        key = _widget_key(widget, root)
        add(f"{key}/tooltip", widget.toolTip())
        add(f"{key}/accessible", widget.accessibleName())
        if isinstance(widget, (QAbstractButton, QLabel)):
            add(f"{key}/text", widget.text())
        elif isinstance(widget, QLineEdit):
            add(f"{key}/placeholder", widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            add(f"{key}/title", widget.title())
        elif isinstance(widget, QDockWidget):
            add(f"{key}/title", widget.windowTitle())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(f"{key}/tab{i}", widget.tabText(i))
                add(f"{key}/tab{i}/tip", widget.tabToolTip(i))
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(widget.count()):
                add(f"{key}/item{i}", widget.itemText(i))
        elif isinstance(widget, QToolBar):
            for k, text in _actions_texts(key, widget.actions()):
                add(k, text)
        if (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)  # shares its table's model
            and widget.model() is not None
        ):
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # QListWidget's model hides it: one column
                columns = 1
            if isinstance(widget, (QTableView, QTreeView)):
                for col in range(columns):
                    value = model.headerData(col, Qt.Orientation.Horizontal)
                    add(f"{key}/header{col}", value if isinstance(value, str) else "")
            # Cells: what the models write themselves (kinds, factor names, hints).
            for row in range(min(model.rowCount(QModelIndex()), 50)):
                for col in range(columns):
                    index = model.index(row, col)
                    for role, name in ((DISPLAY, "cell"), (TOOLTIP, "celltip")):
                        value = model.data(index, role)
                        add(f"{key}/{name}{row},{col}", value if isinstance(value, str) else "")
        if isinstance(widget, QMenu):
            for k, text in _actions_texts(key, widget.actions()):
                add(k, text)
    return out


_MNEMONIC = re.compile(r"(?<!&)&(?!&)(\w)")


def _letter(text: str) -> str | None:
    found = _MNEMONIC.search(text or "")
    return found.group(1).lower() if found else None


def mnemonic_clashes(root: QWidget) -> set[tuple[str, frozenset[str]]]:
    """Alt+letter shortcuts used twice in one place: the window (menu titles, the buttons,
    labels and tabs showing) or one menu. Each clash: (place, the items sharing it)."""
    scopes: dict[str, dict[str, list[str]]] = {}

    def note(scope: str, key: str, text: str) -> None:
        letter = _letter(text)
        if letter:
            scopes.setdefault(scope, {}).setdefault(letter, []).append(key)

    def menu(scope: str, actions) -> None:
        for i, action in enumerate(actions):
            if action.isSeparator():
                continue
            note(scope, f"{scope}/action{i}", action.text())
            if isinstance(action.menu(), QMenu):
                menu(f"{scope}/action{i}", action.menu().actions())

    if isinstance(root, QMainWindow):
        for i, action in enumerate(root.menuBar().actions()):
            note("window", f"menubar/action{i}", action.text())
            if isinstance(action.menu(), QMenu):
                menu(f"menubar/action{i}", action.menu().actions())
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        key = _widget_key(widget, root)
        if isinstance(widget, (QAbstractButton, QLabel)):
            note("window", key, widget.text())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                note("window", f"{key}/tab{i}", widget.tabText(i))
    return {
        (scope, frozenset(keys))
        for scope, letters in scopes.items()
        for keys in letters.values()
        if len(keys) > 1
    }


def untranslated(
    english: dict[str, str], spanish: dict[str, str], data: tuple[str, ...] = ()
) -> list[str]:
    return [
        f"{key}: {text!r}"
        for key, text in spanish.items()
        if english.get(key) == text and not exempt(text, data)
    ]


def build_in(qapp, language: str, factory: Callable[[], QWidget]) -> dict[str, str]:
    """The widget's texts in `language` (its Alt+letter clashes go to _CLASHES)."""
    assert i18n.install_translator(qapp, language) == language
    widget = factory()
    try:
        texts = visible_texts(widget)
        _CLASHES[language] = mnemonic_clashes(widget)
        return texts
    finally:
        if hasattr(widget, "shutdown"):  # the main window: close its vault, stop timers
            widget.shutdown()
        widget.close()
        widget.deleteLater()
        # Really delete it now, so no window of this test outlives it.
        qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.processEvents()


_CLASHES: dict[str, set[tuple[str, frozenset[str]]]] = {}


def new_clashes() -> list[str]:
    """Alt+letter clashes the Spanish adds to the last pair of builds (the English
    source may have its own; those are the GUI's to fix, not the translation's)."""
    english = _CLASHES.get("en", set())
    extra = [
        (scope, keys)
        for scope, keys in _CLASHES.get("es", set())
        if not any(scope == place and keys <= same for place, same in english)
    ]
    return sorted(f"{scope}: {sorted(keys)}" for scope, keys in extra)


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    yield
    i18n.install_translator(qapp, "en")


@pytest.fixture
def settings(tmp_path):
    from pdorganizer.ui.settings import AppSettings

    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def assert_spanish(
    qapp, factory: Callable[[], QWidget], minimum: int, data: tuple[str, ...] = ()
) -> None:
    english = build_in(qapp, "en", factory)
    spanish = build_in(qapp, "es", factory)
    paired = [k for k in spanish if k in english]
    assert len(paired) >= minimum, f"only {len(paired)} texts found: {sorted(english)[:20]}"
    bad = untranslated(english, spanish, data)
    assert not bad, "still in English:\n" + "\n".join(bad)
    clashes = new_clashes()
    assert not clashes, "Alt+letter used twice in Spanish:\n" + "\n".join(clashes)


def test_exempt_words() -> None:
    assert exempt("12 / 143")
    assert exempt("PDF (JSON)")
    assert exempt("A4")
    assert exempt("English")
    assert exempt("&Original")
    assert not exempt("Open vault")
    assert not exempt("<b>Cases</b>")


def test_the_checker_catches_an_english_text(qapp) -> None:
    def factory() -> QWidget:
        w = QWidget()
        w.setWindowTitle("Cases")
        QLabel("Documents", w)
        return w

    english = build_in(qapp, "en", factory)
    spanish = build_in(qapp, "es", factory)
    assert untranslated(english, spanish) == ["title: 'Cases'", "QLabel[0]/text: 'Documents'"]


@pytest.mark.parametrize("page", ["welcome", "create", "unlock"])
def test_start_screen_is_spanish(qapp, settings, tmp_path: Path, page: str) -> None:
    from pdorganizer.ui.start_screen import StartScreen

    def factory() -> QWidget:
        screen = StartScreen(settings)
        if page == "create":
            screen.show_create()
        elif page == "unlock":
            screen.show_unlock(str(tmp_path / VAULT_NAME), locked=True)
        return screen

    # The create page proposes a file in the documents folder, named in the language.
    assert_spanish(qapp, factory, minimum=15, data=(str(tmp_path), VAULT_NAME, str(Path.home())))


# -- the main window with a vault open, a case and a tagged document ----------------------

CASE_NAME = "María José López"
DOC_TITLE = "Lease 2019"
VAULT_NAME = "client.pdvault"


def _filled_vault(folder: Path) -> Vault:
    folder.mkdir()
    vault = Vault.create(folder / VAULT_NAME, PASSPHRASE, CHEAP_PARAMS)
    case = vault.cases.add(CASE_NAME, a_number="A123-456-789")
    vault.cases.set_claimed_factors(case.id, ["presence", "family"])
    data = b"%PDF-1.4 not really"
    vault.documents.add(
        case.id,
        DOC_TITLE,
        [NewSource(data, hashlib.sha256(data).hexdigest(), "application/pdf", "lease.pdf")],
        [NewPage(0, 0, 612, 792)],
        factors=["presence"],
        document_date="2019-04-01",
        kind="Lease or bill",
    )
    return vault


USER_DATA = (CASE_NAME, DOC_TITLE, VAULT_NAME, "A123-456-789")


def _main_window_texts(qapp, settings, tmp_path: Path) -> tuple[dict, dict]:
    """The texts of the main window, built in English then in Spanish, with a vault open,
    a case selected and its one tagged document selected."""
    from pdorganizer.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def factory() -> QWidget:
        lang = "es" if windows else "en"
        window = MainWindow(settings, CHEAP_PARAMS, lang=lang)
        window.open_vault(_filled_vault(tmp_path / lang))
        window.show()
        window.workspace.doc_table.selectRow(0)
        qapp.processEvents()
        windows.append(window)
        return window

    return build_in(qapp, "en", factory), build_in(qapp, "es", factory)


def _split(texts: dict[str, str], cells: bool) -> dict[str, str]:
    return {k: v for k, v in texts.items() if ("/cell" in k) == cells}


def test_main_window_is_spanish(qapp, settings, tmp_path: Path) -> None:
    """Window title, menus, toolbar, buttons, labels, tabs, headers, placeholders."""
    english, spanish = (
        _split(t, cells=False) for t in _main_window_texts(qapp, settings, tmp_path)
    )
    assert len([k for k in spanish if k in english]) >= 60
    bad = untranslated(english, spanish, USER_DATA)
    assert not bad, "still in English:\n" + "\n".join(bad)
    clashes = new_clashes()
    assert not clashes, "Alt+letter used twice in Spanish:\n" + "\n".join(clashes)


def test_main_window_lists_and_tables_are_spanish(qapp, settings, tmp_path: Path) -> None:
    """What the item models write themselves: document kinds, factor names, hints.
    (A stored value shown as is, such as a document kind kept in English in the vault,
    must be shown through translate() with the context that declares it.)"""
    english, spanish = (_split(t, cells=True) for t in _main_window_texts(qapp, settings, tmp_path))
    assert len([k for k in spanish if k in english]) >= 20
    bad = untranslated(english, spanish, USER_DATA)
    assert not bad, "still in English:\n" + "\n".join(bad)


# -- the dialogs a person meets on the way to a packet ------------------------------------


def _dialogs(settings, tmp_path: Path) -> dict[str, Callable[[], QWidget]]:
    from pdorganizer.core.factors import builtin_taxonomy
    from pdorganizer.export.service import ExportOptions, ExportResult
    from pdorganizer.ingest.service import ImportResult
    from pdorganizer.ui.case_dialog import CaseDialog
    from pdorganizer.ui.export_dialog import ExportDialog, ExportReport
    from pdorganizer.ui.import_flow import ImportDialog, ImportReport
    from pdorganizer.ui.settings_dialog import SettingsDialog

    files = [str(tmp_path / "a.jpg"), str(tmp_path / "b.jpg")]
    results = [
        ImportResult(files[0], "imported", 1, "", 1),
        ImportResult(files[1], "failed", None, "not an image or PDF", 0),
    ]
    written = ExportResult(files=[str(tmp_path / "packet.pdf")], page_count=12)
    return {
        # The language the app was started in, as run_app passes it on.
        "case": lambda: CaseDialog(None, builtin_taxonomy(), QLocale().name()[:2], None),
        "export": lambda: ExportDialog(None, CASE_NAME, ExportOptions(), 3),
        "export report": lambda: ExportReport(None, written),
        "import": lambda: ImportDialog(None, files),
        "import report": lambda: ImportReport(None, results),
        "settings": lambda: SettingsDialog(None, settings),
    }


@pytest.mark.parametrize(
    "name", ["case", "export", "export report", "import", "import report", "settings"]
)
def test_dialog_is_spanish(qapp, settings, tmp_path: Path, name: str) -> None:
    assert_spanish(
        qapp,
        _dialogs(settings, tmp_path)[name],
        minimum=3,
        data=(*USER_DATA, str(tmp_path), "packet.pdf", "a.jpg", "b.jpg"),
    )


def test_clash_finder(qapp) -> None:
    window = QMainWindow()
    file_menu = window.menuBar().addMenu("&File")
    file_menu.addAction("&Open")
    file_menu.addAction("&Options")
    central = QWidget()
    QLabel("&Find", central)
    window.setCentralWidget(central)
    clashes = mnemonic_clashes(window)
    label = _widget_key(central.findChild(QLabel), window)
    assert clashes == {
        ("window", frozenset({"menubar/action0", label})),
        ("menubar/action0", frozenset({"menubar/action0/action0", "menubar/action0/action1"})),
    }
    window.deleteLater()
