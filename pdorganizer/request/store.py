"""The letter and the declaration as kept in the vault (schema v5), one of each per case."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from pdorganizer.core.errors import PdoError
from pdorganizer.vault import Vault
from pdorganizer.vault.repos.base import now_iso

MAX_TEXT = 2_000_000  # characters: a letter, not a book; keeps a pasted file from bloating


@dataclass
class Letter:
    case_id: int
    body: str
    updated_at: str


@dataclass
class DeclarationRecord:
    case_id: int
    language: str = "en"  # en | es: what the person answered and signs in
    answers: dict[str, str] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    translation: list[str] = field(default_factory=list)  # English, paragraph by paragraph
    translator_name: str = ""
    translator_address: str = ""
    translator_phone: str = ""
    signed_place: str = ""
    document_id: int | None = None
    translation_id: int | None = None
    updated_at: str = ""


def _check_case(vault: Vault, case_id: int) -> None:
    vault.cases.get(case_id)  # NotFound in the user's terms


def _check_size(text: str) -> None:
    if len(text) > MAX_TEXT:
        raise PdoError("the text is too long (more than 2 million characters)")


def get_letter(vault: Vault, case_id: int) -> Letter | None:
    with vault.read() as con:
        row = con.execute(
            "SELECT case_id, body, updated_at FROM request_letters WHERE case_id = ?", (case_id,)
        ).fetchone()
    return Letter(*row) if row else None


def set_letter(vault: Vault, case_id: int, body: str) -> Letter:
    _check_case(vault, case_id)
    _check_size(body)
    stamp = now_iso()
    with vault.transaction() as con:
        con.execute(
            "INSERT INTO request_letters(case_id, body, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(case_id) DO UPDATE SET body = excluded.body, "
            "updated_at = excluded.updated_at",
            (case_id, body, stamp),
        )
    return Letter(case_id, body, stamp)


def clear_letter(vault: Vault, case_id: int) -> bool:
    with vault.transaction() as con:
        cur = con.execute("DELETE FROM request_letters WHERE case_id = ?", (case_id,))
    return bool(cur.rowcount)


_DECL_COLUMNS = (
    "case_id, language, answers, paragraphs, translation, translator_name, "
    "translator_address, translator_phone, signed_place, document_id, translation_id, "
    "updated_at"
)


def get_declaration(vault: Vault, case_id: int) -> DeclarationRecord | None:
    with vault.read() as con:
        row = con.execute(
            f"SELECT {_DECL_COLUMNS} FROM declarations WHERE case_id = ?", (case_id,)
        ).fetchone()
    if not row:
        return None
    rec = DeclarationRecord(*row)
    rec.answers = json.loads(rec.answers or "{}")  # type: ignore[arg-type]
    rec.paragraphs = json.loads(rec.paragraphs or "[]")  # type: ignore[arg-type]
    rec.translation = json.loads(rec.translation or "[]")  # type: ignore[arg-type]
    return rec


def put_declaration(vault: Vault, rec: DeclarationRecord) -> DeclarationRecord:
    """Insert or replace the record (the caller holds or opens the transaction)."""
    _check_size("".join(rec.paragraphs) + "".join(rec.translation))
    rec.updated_at = now_iso()
    values = (
        rec.case_id,
        rec.language,
        json.dumps(rec.answers, ensure_ascii=False),
        json.dumps(rec.paragraphs, ensure_ascii=False),
        json.dumps(rec.translation, ensure_ascii=False),
        rec.translator_name,
        rec.translator_address,
        rec.translator_phone,
        rec.signed_place,
        rec.document_id,
        rec.translation_id,
        rec.updated_at,
    )
    with vault.transaction() as con:
        con.execute(
            f"INSERT OR REPLACE INTO declarations({_DECL_COLUMNS}) "
            f"VALUES ({', '.join('?' for _ in values)})",
            values,
        )
    return rec
