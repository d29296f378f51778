"""Screenshots of the request letter and the declaration, for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/screenshots_request.py [OUT_DIR]

A made-up person in a throwaway vault (deleted at the end): documents, a drafted letter
with a few sentences written in, a Spanish declaration with its English translation.
Saves the editor (English and Spanish), the declaration tab in Spanish, and the letter's
first page and the declaration's pages as the exported packet shows them."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pypdfium2 as pdfium
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_export_support import add_pdf

from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.request import declaration_service as ds
from pdorganizer.request import service
from pdorganizer.ui.i18n import install_translator
from pdorganizer.ui.request_panel import RequestPanel
from pdorganizer.vault import CHEAP_PARAMS, Vault

SPANISH = [
    "Me llamo Rosa Elena Martínez. Nací el 12 de abril de 1988 en Quetzaltenango, Guatemala.",
    "Llegué a Estados Unidos en junio de 2011. Desde entonces vivo en Oakland, California.",
    "Tengo dos hijos, nacidos aquí en 2014 y 2017. Los dos son ciudadanos.",
]
ENGLISH = [
    "My name is Rosa Elena Martínez. I was born on April 12, 1988, in Quetzaltenango, Guatemala.",
    "I came to the United States in June 2011. Since then I have lived in Oakland, California.",
    "I have two children, born here in 2014 and 2017. Both are citizens.",
]


def build(vault: Vault) -> int:
    case = vault.cases.add(
        "Rosa Elena Martínez",
        a_number="A201-555-019",
        court_city="San Francisco",
        court_state="CA",
        judge="Hon. A. Rivera",
        next_hearing_date="2027-02-09",
        next_hearing_type="Master calendar",
        filer_name="Lucía Gómez, Esq.",
        filer_address="100 Example St., Oakland, CA 94601",
        filer_eoir_id="XY123456",
        opla_office="OPLA San Francisco",
        language="Spanish",
        requested_pd="administrative-closure",
    )
    docs = [
        ("Residential lease, Oakland", 3, "presence", "2012-06-01", "LEASE"),
        ("IRS tax transcript 2022", 2, "work", "2023-04-10", "TAX"),
        ("Birth certificates of the children", 2, "family", "", "BIRTH"),
        ("Letter from St. Joseph Parish", 1, "community", "2024-03-15", "CHURCH"),
    ]
    for title, pages, factor, date, words in docs:
        add_pdf(vault, case.id, title, [(612, 792, 0)] * pages, factors=[factor],
                document_date=date, words=words)  # fmt: skip
    ds.set_paragraphs(vault, case.id, SPANISH, "es")
    ds.set_translation(
        vault, case.id, ENGLISH, translator_name="Daniel Ortiz",
        translator_address="12 Main St., Oakland, CA", translator_phone="510-555-0100",
    )  # fmt: skip
    text = service.draft(vault, case.id).text
    lease = next(d for d in vault.documents.list(case.id) if d.title.startswith("Residential"))
    text = text.replace(
        "[WRITER: a short summary of why discretion is warranted in this case]",
        "Ms. Martínez has lived in Oakland since 2011, where she raises two U.S.-citizen "
        f"children; her lease shows her address since 2012 ([[{lease.id} p.1]]).",
    )
    service.set_text(vault, case.id, text)
    return case.id


def grab(panel: RequestPanel, path: Path, tab: int) -> None:
    panel.tabs.setCurrentIndex(tab)
    panel.resize(980, 720)
    panel.show()
    QApplication.processEvents()
    panel.grab().save(str(path))


def render_pages(pdf: Path, pages: list[int], out: Path) -> None:
    doc = pdfium.PdfDocument(str(pdf))
    images = [doc[i].render(scale=1.1).to_pil() for i in pages]
    width = sum(im.width for im in images) + 20 * (len(images) - 1)
    from PIL import Image

    sheet = Image.new("RGB", (width, max(im.height for im in images)), "#808080")
    x = 0
    for im in images:
        sheet.paste(im, (x, 0))
        x += im.width + 20
    sheet.save(out)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "demo.pdvault", "demo", CHEAP_PARAMS)
        case_id = build(vault)
        for lang in ("en", "es"):
            install_translator(app, lang)
            panel = RequestPanel()
            panel.load(vault, case_id)
            suffix = "" if lang == "en" else "-es"
            grab(panel, out / f"letter-editor{suffix}.png", 0)
            if lang == "es":
                panel.declaration.tabs.setCurrentIndex(1)
                grab(panel, out / "declaration-es.png", 1)
                panel.declaration.tabs.setCurrentIndex(0)
                grab(panel, out / "declaration-interview-es.png", 1)
            panel.clear()
            panel.deleteLater()
        install_translator(app, "en")
        pdf = Path(tmp) / "packet.pdf"
        export_packet(vault, case_id, pdf, ExportOptions())
        texts = [p.get_textpage().get_text_range() for p in pdfium.PdfDocument(str(pdf))]
        letter = [
            i for i, t in enumerate(texts) if "Dear Chief Counsel" in t or "Respectfully" in t
        ]
        decl = [i for i, t in enumerate(texts) if "28 U.S.C." in t or "penalty of perjury" in t
                or "pena de perjurio" in t]  # fmt: skip
        render_pages(pdf, sorted(set(letter))[:2], out / "letter-pages.png")
        cert = next(i for i, t in enumerate(texts) if "CERTIFICATE OF TRANSLATION" in t)
        render_pages(pdf, [*decl[:2], cert], out / "declaration-pages.png")
        vault.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
