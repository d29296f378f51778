"""Render the clinic screens offscreen, in English and Spanish, for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/screenshots_clinic.py [OUT_DIR]

A throwaway vault (CHEAP_PARAMS) with a made-up person; the windows are real. Writes
clinic-offer, clinic-start, handoff, handoff-done, merge-report, backup-done and their
`-es` twins into docs/screenshots/. Nothing here is real data.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_helpers import add_document

from pdorganizer.ui.clinic_dialogs import HandoffDialog, HandoffDone
from pdorganizer.ui.i18n import install_translator
from pdorganizer.ui.main_window import MainWindow
from pdorganizer.ui.settings import AppSettings
from pdorganizer.ui.worker import running_tasks, wait_for_all
from pdorganizer.vault import CHEAP_PARAMS, Vault
from pdorganizer.vault.handoff import hand_off

SIZE = (1280, 800)


def settle(app: QApplication) -> None:
    for _ in range(200):
        wait_for_all(50)
        app.processEvents()
        if running_tasks() == 0:
            break


def save(widget: QWidget, path: Path, app: QApplication) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))
    print(path)


def shoot(app: QApplication, lang: str, out: Path, tmp: Path) -> None:
    install_translator(app, lang)
    suffix = "-es" if lang == "es" else ""
    settings = AppSettings(QSettings(str(tmp / f"{lang}.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, CHEAP_PARAMS, lang=lang)
    win.resize(*SIZE)
    save(win, out / f"clinic-offer{suffix}.png", app)
    settings.clinic_mode = True
    win.start.show_welcome()
    save(win, out / f"clinic-start{suffix}.png", app)

    vault = Vault.create(tmp / f"clinic-{lang}.pdvault", "clinic passphrase", CHEAP_PARAMS)
    case = vault.cases.add("Rosa Elena Martínez Cruz", a_number="A201-555-014")
    for title in ("Birth certificate", "Lease 2012", "Pay stub 2023"):
        add_document(vault, case.id, title)
    win.open_vault(vault)
    settle(app)
    dialog = HandoffDialog(win, case.name, str(tmp), lang)
    save(dialog, out / f"handoff{suffix}.png", app)
    words = dialog.passphrase()
    dialog.close()
    result = hand_off(vault, case.id, tmp / f"Client {lang}.pdvault", words, params=CHEAP_PARAMS)
    done = HandoffDone(win, result, words, lang)
    save(done, out / f"handoff-done{suffix}.png", app)
    done.close()
    with Vault.open(result.path, words) as client:
        (c,) = client.cases.list()
        doc = client.documents.list(c.id)[0]
        client.documents.update(doc.id, title="Birth certificate (apostilled)")
        add_document(client, c.id, "School letter")
    win.vault_actions.clinic.take_back(str(result.path), words)
    settle(app)
    for _ in range(20):
        app.processEvents()
    report = win.vault_actions.clinic.last_report
    if report is not None:
        save(report, out / f"merge-report{suffix}.png", app)
        report.close()
    folder = tmp / f"usb-{lang}"
    folder.mkdir()
    win.vault_actions.backup(str(folder))
    settle(app)
    for _ in range(20):
        app.processEvents()
    boxes = [w for w in app.topLevelWidgets() if w.objectName() == "backupDone" and w.isVisible()]
    if boxes:
        save(boxes[-1], out / f"backup-done{suffix}.png", app)
        boxes[-1].close()
    win.shutdown()
    win.deleteLater()
    app.processEvents()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "es"):
            shoot(app, lang, out, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
