"""Render screenshots of the main screens offscreen, for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/screenshots.py [OUT_DIR]

Builds a throwaway demo vault (CHEAP_PARAMS, generated document images, a made-up
person), drives the real main window through it and saves `grab()`s as PNG: the start
screen, vault creation, the main window (list and pictures), coverage, exhibits, the
import report, the export dialog, the lock screen, and the main window in Spanish.
Nothing here is real data; the demo vault is deleted at the end.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.ui.export_dialog import ExportDialog, ExportReport
from pdorganizer.ui.i18n import install_translator
from pdorganizer.ui.import_flow import ImportReport
from pdorganizer.ui.main_window import MainWindow
from pdorganizer.ui.settings import AppSettings
from pdorganizer.ui.shortcuts_help import ShortcutsDialog
from pdorganizer.ui.worker import running_tasks, wait_for_all
from pdorganizer.vault import CHEAP_PARAMS, Vault

SIZE = (1280, 800)
PASSPHRASE = "sunflower harbor quiet bicycle"
DOCUMENTS = [
    # file name, heading, lines, colour, (kind id, date, factors)
    (
        "birth_certificate.jpg",
        "CERTIFICADO DE NACIMIENTO",
        "Registro Civil",
        "#fbf6e9",
        ("birth_certificate", "1988-04-12", ["identity"]),
    ),
    (
        "lease_2012.jpg",
        "RESIDENTIAL LEASE AGREEMENT",
        "Oakland, California",
        "#ffffff",
        ("lease", "2012-06-01", ["presence"]),
    ),
    (
        "paystub_2023.png",
        "EARNINGS STATEMENT",
        "Bay Area Landscaping LLC",
        "#eef6ff",
        ("pay_stub", "2023-11-30", ["work"]),
    ),
    (
        "tax_return_2022.png",
        "FORM 1040  U.S. Individual Income Tax Return",
        "2022",
        "#ffffff",
        ("tax_return", "2023-04-10", ["work", "presence"]),
    ),
    (
        "school_letter.jpg",
        "Lincoln Elementary School",
        "To whom it may concern",
        "#fffdf3",
        ("school_record", "2024-02-02", ["family"]),
    ),
    (
        "church_letter.jpg",
        "St. Joseph Parish",
        "Letter of support",
        "#f7f3ff",
        ("letter_of_support", "2024-03-15", ["community"]),
    ),
    (
        "medical_record.png",
        "Highland Hospital - Patient summary",
        "Pediatrics",
        "#f2fff4",
        ("medical_record", "2023-09-21", ["caregiving", "health"]),
    ),
    (
        "court_disposition.png",
        "SUPERIOR COURT OF CALIFORNIA",
        "Case disposition",
        "#ffffff",
        ("court_disposition", "2014-08-05", ["criminal_history"]),
    ),
]


def fake_page(heading: str, subheading: str, colour: str) -> Image.Image:
    im = Image.new("RGB", (850, 1100), colour)
    d = ImageDraw.Draw(im)
    try:
        big = ImageFont.truetype("DejaVuSans-Bold.ttf", 30)
        small = ImageFont.truetype("DejaVuSans.ttf", 20)
    except OSError:
        big = small = ImageFont.load_default()
    d.rectangle([30, 30, 820, 1070], outline="#333333", width=3)
    d.text((70, 80), heading, fill="#111111", font=big)
    d.text((70, 130), subheading, fill="#444444", font=small)
    for i, y in enumerate(range(200, 980, 34)):
        d.line([(70, y), (780 - (i * 37) % 200, y)], fill="#9a9a9a", width=6)
    d.ellipse([600, 900, 760, 1030], outline="#8a2b2b", width=4)
    return im


def pump(app: QApplication, window: MainWindow | None = None, rounds: int = 30) -> None:
    for _ in range(rounds):
        wait_for_all(200)
        app.processEvents()
        time.sleep(0.01)
        if running_tasks() == 0 and (window is None or window.job is None):
            break
    for _ in range(5):
        app.processEvents()
        time.sleep(0.02)


def save(widget: QWidget, out: Path, name: str) -> None:
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def shoot(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="pdorganizer-shots-"))
    settings = AppSettings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    install_translator(app, "en")
    window = MainWindow(settings, CHEAP_PARAMS, lang="en")
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised: SIZE exactly
    window.resize(*SIZE)
    window.show()
    pump(app)
    save(window, out, "start")

    window.start.show_create()
    window.start.create_path.setText("/home/rosa/Documents/Rosa Martinez.pdvault")
    window.start.create_pass.setText(PASSPHRASE)
    window.start.create_repeat.setText(PASSPHRASE)
    pump(app)
    save(window, out, "create-vault")

    vault = Vault.create(work / "Rosa Martinez.pdvault", PASSPHRASE, CHEAP_PARAMS)
    case = vault.cases.add(
        "Rosa Elena Martínez Cruz",
        a_number="A201-555-017",
        country="Honduras",
        language="Spanish",
        court_city="San Francisco",
        court_state="CA",
        next_hearing_date="2025-09-18",
        next_hearing_type="Master calendar",
        filer_name="Rosa Elena Martínez Cruz (pro se)",
    )
    vault.cases.add("Luis Alberto Gómez", a_number="A208-555-342", country="Guatemala")
    vault.cases.add("Samuel Okafor", a_number="A215-555-880", country="Nigeria")
    vault.cases.set_claimed_factors(
        case.id, ["presence", "family", "work", "caregiving", "education"]
    )
    window.open_vault(vault)
    window.workspace.select_case(case.id)
    pump(app, window)

    files = []
    for name, heading, sub, colour, _meta in DOCUMENTS:
        path = work / name
        fake_page(heading, sub, colour).save(path)
        files.append(str(path))
    bad = work / "IMG_0042.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)  # a photo that never finished copying
    window.import_paths([*files, str(bad)], as_one=False)
    pump(app, window, 200)
    report = next(w for w in app.topLevelWidgets() if isinstance(w, ImportReport))
    report.resize(560, 360)
    pump(app)
    save(report, out, "import-report")
    report.accept()

    docs = {d.original_name: d for d in vault.documents.list(case.id)}
    titles = {
        "birth_certificate.jpg": "Birth certificate (Honduras)",
        "lease_2012.jpg": "Lease, 2012",
        "paystub_2023.png": "Pay stub, November 2023",
        "tax_return_2022.png": "Tax return 2022",
        "school_letter.jpg": "Letter from the children's school",
        "church_letter.jpg": "Letter from St. Joseph Parish",
        "medical_record.png": "Son's medical record",
        "court_disposition.png": "Court disposition, 2014",
    }
    for name, _h, _s, _c, (kind, date, factors) in DOCUMENTS:
        doc = docs[name]
        vault.documents.update(doc.id, title=titles[name], kind=kind, document_date=date)
        vault.documents.set_factors(doc.id, factors)
    window.workspace.reload_documents(select=docs["lease_2012.jpg"].id)
    pump(app, window)
    save(window, out, "main")

    window.workspace.set_view_mode(1)
    pump(app, window)
    save(window, out, "main-pictures")
    window.workspace.set_view_mode(0)

    window.workspace.tabs.setCurrentWidget(window.workspace.coverage_panel)
    pump(app)
    save(window, out, "coverage")

    window.workspace.tabs.setCurrentWidget(window.workspace.exhibits_panel)
    panel = window.workspace.exhibits_panel  # the lease and the tax return as one exhibit
    panel.view.selectionModel().clear()
    for row in (1, 2):
        panel.view.selectionModel().select(
            panel.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
        )
    panel.group()
    pump(app)
    save(window, out, "exhibits")

    dialog = ExportDialog(
        window,
        "Rosa Elena Martínez Cruz",
        settings.export_defaults(),
        window.workspace.exhibits_panel.model.rowCount(),
    )
    dialog.destination.setText("/home/rosa/Documents/Rosa_Martinez_Exhibits.pdf")
    dialog.show()
    pump(app)
    save(dialog, out, "export")
    dialog.reject()

    packet = work / "Rosa_Martinez_Exhibits.pdf"
    result = export_packet(vault, case.id, packet, ExportOptions(index_es=True))
    written = ExportReport(window, result)
    written.show()
    pump(app)
    save(written, out, "export-report")
    written.accept()

    keys = ShortcutsDialog(window)
    keys.show()
    pump(app)
    save(keys, out, "shortcuts")
    keys.reject()

    window.lock()
    pump(app)
    save(window, out, "locked")
    window.shutdown()
    window.close()
    window.deleteLater()
    pump(app)

    # The same vault, in Spanish.
    install_translator(app, "es")
    window = MainWindow(settings, CHEAP_PARAMS, lang="es")
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised: SIZE exactly
    window.resize(*SIZE)
    window.show()
    pump(app)
    save(window, out, "start-es")
    vault = Vault.open(work / "Rosa Martinez.pdvault", PASSPHRASE)
    window.open_vault(vault)
    window.workspace.select_case(case.id)
    window.workspace.reload_documents(select=docs["lease_2012.jpg"].id)
    pump(app, window)
    save(window, out, "main-es")
    window.shutdown()
    install_translator(app, "en")
    for leftover in work.iterdir():
        leftover.unlink()
    work.rmdir()


if __name__ == "__main__":
    target = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    )
    target.mkdir(parents=True, exist_ok=True)
    shoot(target)
