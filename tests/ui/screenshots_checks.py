"""Screenshots of the pre-flight checks and the timeline, from a made-up case:
`.venv/bin/python tests/ui/screenshots_checks.py [OUT]` (default docs/screenshots/) writes
ready-to-file.png, ready-to-file-es.png, timeline-view.png and timeline.png (the picture
`pdorganizer timeline` draws)."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui")]

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import SIZE, pump, save  # noqa: E402

from pdorganizer.checks.context import load_case  # noqa: E402
from pdorganizer.timeline.data import build_timeline  # noqa: E402
from pdorganizer.timeline.drawing import lay_out  # noqa: E402
from pdorganizer.timeline.render import png_bytes  # noqa: E402
from pdorganizer.ui.i18n import install_translator  # noqa: E402
from pdorganizer.ui.main_window import MainWindow  # noqa: E402
from pdorganizer.ui.settings import AppSettings  # noqa: E402
from pdorganizer.ui.timeline_view import TimelineDialog  # noqa: E402
from pdorganizer.vault import CHEAP_PARAMS, Vault  # noqa: E402
from tests.checks_helpers import add_doc, page_image  # noqa: E402

AS_OF = dt.date(2026, 6, 1)


def demo_case(vault: Vault) -> int:
    """Made up: a person here since 2012, asking for a continuance, with the usual gaps."""
    case = vault.cases.add(
        "Rosa Elena Martínez Cruz",
        a_number="A201-555-017",
        country="Honduras",
        entry_date="2012-05",
        requested_pd="continuance",
        represented=True,
    )
    vault.cases.set_claimed_factors(case.id, ["presence", "family", "work", "education"])
    docs = [
        ("Declaration of Rosa", "declaration", "2026-05-10", ("declaration",)),
        ("Form G-28", "g28", "2026-05-12", ("representation",)),
        ("Passport (Honduras)", "passport", "2019-08-02", ("identity",)),
        ("Lease, Oakland", "lease", "2012-06-01", ("presence",)),
        ("PG&E bill", "utility_bill", "2013-02", ("presence",)),
        ("Tax return 2017", "tax_return", "2018-04-10", ("work", "presence")),
        ("Tax return 2018", "tax_return", "2019-04-12", ("work", "presence")),
        ("Pay stub, November 2020", "pay_stub", "2020-11-30", ("work",)),
        ("Son's school record", "school_record", "2021", ("education", "family")),
        ("Clinic visit summary", "medical_record", "2022-09-21", ("health", "presence")),
        ("Letter from St. Joseph Parish", "community_record", "2024-03-15", ("community",)),
        ("Pay stub, December 2025", "pay_stub", "2025-12-15", ("work", "presence")),
        ("Police clearance, Oakland PD", "police_clearance", "2023-10-04", ("clean_record",)),
        ("Court disposition, 2014", "court_disposition", "2014-08-05", ("criminal_history",)),
    ]
    for i, (title, kind, date, factors) in enumerate(docs):
        add_doc(
            vault,
            case.id,
            title,
            kind=kind,
            document_date=date,
            factors=factors,
            pages=[page_image(seed=i)],
        )
    add_doc(
        vault,
        case.id,
        "Acta de nacimiento",
        kind="birth_certificate",
        document_date="1988-04-12",
        language="Spanish",
        factors=("identity", "family"),
    )
    add_doc(vault, case.id, "Photos with the children", kind="photo", factors=("family",))
    return case.id


def shoot(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="pdorganizer-shots-"))
    vault = Vault.create(work / "demo.pdvault", "demo passphrase words", CHEAP_PARAMS)
    case_id = demo_case(vault)
    path = vault.path
    timeline = build_timeline(load_case(vault, case_id, pages=False), AS_OF, "en")
    (out / "timeline.png").write_bytes(png_bytes(lay_out(timeline, "en")))
    print(out / "timeline.png")
    vault.close()
    for lang, name in (("en", "ready-to-file"), ("es", "ready-to-file-es")):
        vault = Vault.open(path, "demo passphrase words")  # closing a window locks it
        settings = AppSettings(QSettings(str(work / f"{lang}.ini"), QSettings.Format.IniFormat))
        install_translator(app, lang)
        window = MainWindow(settings, CHEAP_PARAMS, lang=lang)
        window.show()
        window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised: SIZE exactly
        window.resize(*SIZE)
        window.open_vault(vault)
        window.workspace.select_case(case_id)
        window.workspace.tabs.setCurrentWidget(window.workspace.preflight_panel)
        panel = window.workspace.preflight_panel
        for _ in range(100):
            pump(app, window)
            if panel.report is not None and panel._task is None:
                break
        pump(app, window)
        save(window, out, name)
        if lang == "en":
            dialog = TimelineDialog(window, vault, case_id, lang)
            dialog.resize(1100, 560)
            dialog.show()
            pump(app)
            save(dialog, out, "timeline-view")
            dialog.close()
        window.workspace.clear()
        window.close()
        pump(app)
        vault.close()


if __name__ == "__main__":
    shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
