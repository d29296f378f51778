"""The declaration: closing in both languages, the translation after the original, the
document it becomes, and the CLI round trips of both letter and declaration."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_export_support import add_pdf

from pdorganizer.cli.main import run
from pdorganizer.export.service import ExportOptions, export_packet
from pdorganizer.request import declaration as decl
from pdorganizer.request import declaration_service as ds
from pdorganizer.vault import CHEAP_PARAMS, Vault

EN_CLOSING = (
    "I declare under penalty of perjury under the laws of the United States of America "
    "that the foregoing is true and correct."
)
ES_CLOSING = (
    "Declaro bajo pena de perjurio conforme a las leyes de los Estados Unidos de América "
    "que lo anterior es verdadero y correcto."
)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_closing_is_added_whatever_the_source(vault):
    case = vault.cases.add("Ana Pérez", language="Spanish")
    text = "1. Me llamo Ana Pérez.\n\n2. Llegué en 2010.\n\n" + ES_CLOSING + "\n"
    paragraphs = decl.split_paragraphs(text)
    assert paragraphs == ["Me llamo Ana Pérez.", "Llegué en 2010."]  # numbering and closing out
    rec = ds.set_paragraphs(vault, case.id, paragraphs)
    assert rec.language == "es"  # from the case's language
    shown = ds.show_text(vault, case.id)
    assert shown.startswith("DECLARACIÓN DE ANA PÉREZ")
    assert "1. Me llamo Ana Pérez.\n\n2. Llegué en 2010." in shown
    assert shown.count(ES_CLOSING) == 1 and "Firma:" in shown and "Firmado el" in shown
    doc = vault.documents.get(rec.document_id)
    assert doc.kind == "declaration" and "declaration" in doc.factors
    assert vault.cases.coverage(case.id).get("declaration") == 1


def test_spanish_original_then_english_translation_in_the_packet(vault, tmp_path):
    case = vault.cases.add("Ana Pérez", a_number="A1")
    ds.set_paragraphs(vault, case.id, ["Me llamo Ana.", "Llegué en 2010."], "es")
    with pytest.raises(Exception, match="3 paragraphs; the declaration has 2"):
        ds.set_translation(vault, case.id, ["a", "b", "c"])
    rec = ds.set_translation(
        vault, case.id, ["My name is Ana.", "I arrived in 2010."], translator_name="T. Ran"
    )
    first_id = rec.document_id
    translation = vault.documents.get(rec.translation_id)
    assert translation.translation_of == rec.document_id
    # Editing the paragraphs keeps the same document (citations keep pointing at it) and
    # drops a translation that no longer matches.
    rec = ds.set_paragraphs(vault, case.id, ["Me llamo Ana López.", "Llegué en 2010."])
    assert rec.document_id == first_id and rec.translation_id is None and not rec.translation
    rec = ds.set_translation(
        vault, case.id, ["My name is Ana López.", "I arrived in 2010."], translator_name="T. Ran"
    )
    out = tmp_path / "p.pdf"
    export_packet(vault, case.id, out, ExportOptions())
    texts = [_flat(p.extract_text() or "") for p in PdfReader(str(out)).pages]
    es = next(i for i, t in enumerate(texts) if ES_CLOSING in t)
    en = next(i for i, t in enumerate(texts) if EN_CLOSING in t)
    cert = next(i for i, t in enumerate(texts) if "CERTIFICATE OF TRANSLATION" in t)
    assert es < en < cert
    assert "1. Me llamo Ana López." in texts[es] and "1. My name is Ana López." in texts[en]
    assert "T. Ran" in texts[cert]
    assert "Firma:" in texts[es] and "Signature:" in texts[en]
    assert vault.check() == []  # pages, sources and links replaced cleanly
    with vault.read() as con:  # one source per declaration document: old renderings gone
        sources = con.execute("SELECT count(*) FROM sources").fetchone()[0]
    assert sources == 2


def test_interview_questions_both_languages():
    qs = decl.questions(negative=True)
    assert {q.id for q in qs} >= {"identity", "arrival", "family", "removal", "negative_what"}
    assert "negative_what" not in {q.id for q in decl.questions(negative=False)}
    for q in qs:
        for lang in ("en", "es"):
            assert q.say("text", lang) and q.say("hint", lang) and q.say("section", lang)
        assert q.text["es"] != q.text["en"]
    answers = {"identity": "Me llamo Ana.", "family": "Tengo dos hijos.\n\nMi esposo es ciudadano."}
    assert decl.paragraphs_from_answers(answers) == [
        "Me llamo Ana.",
        "Tengo dos hijos.",
        "Mi esposo es ciudadano.",
    ]


# -- CLI ----------------------------------------------------------------------------------


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def _cli(*args: str, stdin: str | None = None) -> Done:
    """The CLI in this process (as `pdorganizer ARGS`), its output captured."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    os.environ["PDORGANIZER_PASSPHRASE"] = "pw"
    try:
        sys.stdin = io.StringIO(stdin or "")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = run(list(args))
            except SystemExit as exc:  # argparse usage errors
                code = int(exc.code or 0)
    finally:
        sys.stdin = old_stdin
        os.environ.pop("PDORGANIZER_PASSPHRASE", None)
    return Done(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli_vault(tmp_path):
    path = tmp_path / "v.pdvault"
    Vault.create(path, "pw", CHEAP_PARAMS).close()  # cheap KDF: many opens below
    case = _cli("case", "add", str(path), "--name", "Ana Pérez", "--filer-name", "Jo Law")
    return path, case.stdout.strip()


def test_cli_letter_round_trip(cli_vault, tmp_path):
    path, case = cli_vault
    base = ["letter", str(path), "--case", case]
    assert _cli(*base, "--show").returncode == 1
    assert _cli(*base, "--draft").returncode == 0
    again = _cli(*base, "--draft")
    assert again.returncode == 1 and "--force" in again.stderr
    text = "# Letter\n\nSee [[42 p.2]] and **this**.\n"
    file = tmp_path / "letter.txt"
    file.write_text(text, encoding="utf-8")
    done = _cli(*base, "--set", str(file))
    assert done.returncode == 0 and "BROKEN CITATION" in done.stderr  # said, not dropped
    assert _cli(*base, "--show").stdout == text
    resolved = _cli(*base, "--show", "--resolved")
    assert "[BROKEN CITATION: document 42 is not in the packet]" in resolved.stdout
    assert _cli(*base, "--set", "-", stdin="From stdin.\n").returncode == 0
    assert _cli(*base, "--show").stdout == "From stdin.\n"
    assert _cli(*base, "--clear").returncode == 0
    assert _cli(*base, "--show").returncode == 1
    assert _cli(*base, "--show", "--force").returncode == 2


def test_cli_declaration_round_trip(cli_vault, tmp_path):
    path, case = cli_vault
    base = ["declaration", str(path), "--case", case]
    src = tmp_path / "d.txt"
    src.write_text("Me llamo Ana.\n\nLlegué en 2010.\n", encoding="utf-8")
    done = _cli(*base, "--set", str(src), "--lang", "es")
    assert done.returncode == 0, done.stderr
    shown = _cli(*base, "--show").stdout
    assert "1. Me llamo Ana." in shown and ES_CLOSING in shown
    # What --show prints can be fed back unchanged.
    again = tmp_path / "again.txt"
    again.write_text(shown.split("declaro lo siguiente:", 1)[1].split("Firmado")[0], "utf-8")
    assert _cli(*base, "--set", str(again)).returncode == 0
    assert _cli(*base, "--show").stdout == shown
    tr = tmp_path / "t.txt"
    tr.write_text("1. My name is Ana.\n\n2. I arrived in 2010.\n", encoding="utf-8")
    done = _cli(*base, "--set-translation", str(tr))
    assert done.returncode == 0 and "translator" in done.stderr
    english = _cli(*base, "--show", "--translation").stdout
    assert "1. My name is Ana." in english and EN_CLOSING in english
    docs = _cli("docs", str(path), "--case", case, "--json")
    assert '"kind": "declaration"' in docs.stdout
    missing = _cli(*base, "--set", str(Path(tmp_path / "nope.txt")))
    assert missing.returncode == 1 and "nope.txt" in missing.stderr


def test_cli_letter_docx(cli_vault, tmp_path):
    import docx

    path, case = cli_vault
    with Vault.open(path, "pw") as vault:
        case_id = int(case)
        lease = add_pdf(vault, case_id, "Lease", [(612, 792, 0)] * 3, factors=["presence"])
        from pdorganizer.request.store import set_letter

        set_letter(vault, case_id, f"# Request\n\nThe lease [[{lease.id} p.2-3]] and *more*.\n")
    out = tmp_path / "letter.docx"
    done = _cli("letter", str(path), "--case", case, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "no longer update" in done.stderr
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    word = docx.Document(str(out))
    texts = [p.text for p in word.paragraphs]
    assert texts[0] == "Request" and word.paragraphs[0].style.name == "Heading 1"
    assert texts[1] == "The lease Ex. A at 5-6 and more."  # cover; letter 1, index 2, slip 3
    assert any(r.italic for r in word.paragraphs[1].runs if r.text == "more")
    assert word.core_properties.author == "" and word.core_properties.last_modified_by == ""
    bad = _cli("letter", str(path), "--case", case, "-o", str(tmp_path / "letter.doc"))
    assert bad.returncode == 1 and ".docx" in bad.stderr
