"""The declaration kept in the vault and the case documents it is rendered into.

After every change the statement is rendered again (in memory) and stored as the case's
document of kind `declaration` (the same document id each time, so exhibits and the
letter's citations keep pointing at it); a Spanish original also gets its English
translation document, linked as a translation with the translator's details."""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import replace
from typing import Any

from pdorganizer.core.errors import InvalidInput, NotFound
from pdorganizer.request import declaration as decl
from pdorganizer.request.store import DeclarationRecord, get_declaration, put_declaration
from pdorganizer.vault import Vault
from pdorganizer.vault.repos.base import now_iso
from pdorganizer.vault.repos.documents import DocumentRepo, NewSource

KIND = "declaration"
FACTOR = "declaration"  # the taxonomy's role factor: counts for coverage and pre-flight


def record(vault: Vault, case_id: int, default_language: str = "en") -> DeclarationRecord:
    """The case's declaration, or an empty one in the case's language (Spanish or English;
    `default_language` when the profile names neither)."""
    case = vault.cases.get(case_id)
    found = get_declaration(vault, case_id)
    if found is not None:
        return found
    language = case.language.strip().casefold()
    if language.startswith(("es", "span")):
        lang = "es"
    elif language.startswith(("en", "ing")):
        lang = "en"
    else:
        lang = decl.check_language(default_language)
    return DeclarationRecord(case_id, lang)


def has_negative(vault: Vault, case_id: int) -> bool:
    taxonomy = vault.factors.taxonomy()
    negatives = {f.id for f in taxonomy.factors if f.kind == "negative"}
    case = vault.cases.get(case_id)
    tagged = {f for d in vault.documents.list(case_id) for f in d.factors}
    return bool((tagged | set(case.claimed_factors)) & negatives)


def save(vault: Vault, rec: DeclarationRecord) -> DeclarationRecord:
    """Store the record and re-render its documents, in one transaction."""
    decl.check_language(rec.language)
    if rec.language == "en":
        rec = replace(rec, translation=[])
    elif rec.translation and len(rec.translation) != len(rec.paragraphs):
        raise InvalidInput(
            "the translation has {got} paragraphs; the declaration has {want}",
            got=len(rec.translation),
            want=len(rec.paragraphs),
        )
    case = vault.cases.get(rec.case_id)
    with vault.transaction():
        if rec.paragraphs:
            pdf = decl.render_pdf(case.name, rec.paragraphs, rec.language)
            title = decl.texts()["document_title"].format(name=case.name)
            rec.document_id = _store_pdf(
                vault, rec.case_id, rec.document_id, pdf, title, decl.LANGUAGE_NAMES[rec.language]
            )
        else:
            rec.document_id = _drop(vault, rec.document_id)
        if rec.paragraphs and rec.language == "es" and rec.translation:
            pdf = decl.render_pdf(case.name, rec.translation, "en", translation=True)
            title = decl.texts()["translation_document_title"].format(name=case.name)
            rec.translation_id = _store_pdf(
                vault, rec.case_id, rec.translation_id, pdf, title, "English", tagged=False
            )
            assert rec.document_id is not None
            vault.documents.set_translation(
                rec.translation_id,
                rec.document_id,
                translator_name=rec.translator_name,
                translator_address=rec.translator_address,
                translator_phone=rec.translator_phone,
                from_language="Spanish",
                to_language="English",
            )
        else:
            rec.translation_id = _drop(vault, rec.translation_id)
        put_declaration(vault, rec)
    return rec


def set_paragraphs(
    vault: Vault, case_id: int, paragraphs: list[str], lang: str | None = None
) -> DeclarationRecord:
    rec = record(vault, case_id)
    if lang is not None:
        rec.language = decl.check_language(lang)
    if rec.paragraphs != paragraphs:
        rec.translation = []  # a translation of other paragraphs would be wrong: start over
    rec.paragraphs = paragraphs
    return save(vault, rec)


def set_translation(
    vault: Vault, case_id: int, paragraphs: list[str], **translator: str
) -> DeclarationRecord:
    rec = get_declaration(vault, case_id)
    if rec is None or not rec.paragraphs:
        raise InvalidInput("this case has no declaration to translate yet")
    if rec.language != "es":
        raise InvalidInput("the declaration is in English; it needs no translation")
    rec.translation = paragraphs
    for key, value in translator.items():
        if value is not None:
            setattr(rec, key, value.strip())
    return save(vault, rec)


def set_answers(
    vault: Vault, case_id: int, answers: dict[str, str], lang: str
) -> DeclarationRecord:
    """Keep the interview answers (the paragraphs are made from them on request, so the
    documents stay as they are)."""
    rec = record(vault, case_id)
    if rec.language != decl.check_language(lang) and rec.paragraphs:
        rec.language = lang
        rec.answers = {k: v for k, v in answers.items() if isinstance(v, str)}
        return save(vault, rec)  # the paragraphs' language changed: render them again
    rec.language = lang
    rec.answers = {k: v for k, v in answers.items() if isinstance(v, str)}
    return put_declaration(vault, rec)


def show_text(vault: Vault, case_id: int, *, translation: bool = False) -> str:
    rec = get_declaration(vault, case_id)
    if rec is None or not rec.paragraphs:
        raise NotFound("this case has no declaration yet")
    name = vault.cases.get(case_id).name
    if translation:
        if not rec.translation:
            raise NotFound("the declaration has no English translation yet")
        return decl.render_text(name, rec.translation, "en", translation=True)
    return decl.render_text(name, rec.paragraphs, rec.language)


def _store_pdf(
    vault: Vault,
    case_id: int,
    doc_id: int | None,
    pdf: bytes,
    title: str,
    language: str,
    *,
    tagged: bool = True,
) -> int:
    from pdorganizer.ingest.pdfs import analyze_pdf

    info = analyze_pdf(pdf)
    digest = hashlib.sha256(pdf).hexdigest()
    existing = _existing(vault, case_id, doc_id)
    if existing is None:
        doc = vault.documents.add(
            case_id,
            title,
            [NewSource(pdf, digest, "application/pdf", "declaration.pdf")],
            info.pages,
            factors=[FACTOR] if tagged and vault.factors.taxonomy().get(FACTOR) else [],
            kind=KIND,
            language=language,
        )
        return doc.id
    _replace_content(vault, case_id, existing, pdf, digest, info.pages)
    vault.documents.update(existing, title=title, kind=KIND, language=language)
    return existing


def _existing(vault: Vault, case_id: int, doc_id: int | None) -> int | None:
    if doc_id is None:
        return None
    try:
        doc = vault.documents.get(doc_id)
    except NotFound:
        return None
    return doc.id if doc.case_id == case_id else None


def _replace_content(
    vault: Vault, case_id: int, doc_id: int, pdf: bytes, digest: str, pages: list[Any]
) -> None:
    with vault.transaction() as con:
        same = con.execute(
            "SELECT id FROM sources WHERE case_id = ? AND sha256 = ?", (case_id, digest)
        ).fetchone()
        if same:
            source_id = int(same[0])
        else:
            cur = con.execute(
                "INSERT INTO sources(case_id, sha256, mime, original_name, size, data, "
                "metadata, added_at) VALUES (?, ?, 'application/pdf', 'declaration.pdf', ?, ?, "
                "'{}', ?)",
                (case_id, digest, len(pdf), pdf, now_iso()),
            )
            source_id = int(cur.lastrowid)
        con.execute("DELETE FROM pages WHERE document_id = ?", (doc_id,))
        con.executemany(
            "INSERT INTO pages(document_id, position, source_id, source_index, width, height, "
            "rotation, thumbnail) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
            [
                (doc_id, pos, source_id, p.source_index, p.width, p.height, p.thumbnail)
                for pos, p in enumerate(pages)
            ],
        )
        con.execute("UPDATE documents SET source_id = ? WHERE id = ?", (source_id, doc_id))
        DocumentRepo._drop_unused_sources(con)


def _drop(vault: Vault, doc_id: int | None) -> None:
    if doc_id is not None:
        with contextlib.suppress(NotFound):
            vault.documents.delete(doc_id)
    return None
