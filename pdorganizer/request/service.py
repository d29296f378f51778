"""What the CLI and the GUI call for the request letter: draft, read, replace, resolve."""

from __future__ import annotations

from pdorganizer.core.errors import InvalidInput, PdoError
from pdorganizer.request import store
from pdorganizer.request.draft import Draft, draft_letter
from pdorganizer.request.tokens import Citation, PageMap, broken, resolve_text
from pdorganizer.vault import Vault


class LetterExists(PdoError):
    pass


def draft(vault: Vault, case_id: int, *, force: bool = False) -> Draft:
    """Write the first draft from the case data and keep it as the case's letter."""
    case = vault.cases.get(case_id)
    if not force and store.get_letter(vault, case_id) is not None:
        raise LetterExists(
            "this case already has a letter; use --force to replace it with a new draft"
        )
    docs = vault.documents.list(case_id)
    exhibits = vault.exhibits.effective(case_id) if docs else []
    result = draft_letter(case, docs, exhibits, vault.factors.taxonomy())
    store.set_letter(vault, case_id, result.text)
    return result


def letter_text(vault: Vault, case_id: int) -> str | None:
    vault.cases.get(case_id)
    found = store.get_letter(vault, case_id)
    return found.body if found is not None else None


def set_text(vault: Vault, case_id: int, text: str) -> None:
    if not text.strip():
        raise InvalidInput("the letter is empty; use --clear to remove it")
    store.set_letter(vault, case_id, text)


def page_map(vault: Vault, case_id: int, options=None, text: str | None = None) -> PageMap:
    """Where each document sits in the packet an export with `options` would write (None:
    the options of the case's last export from the app, else the defaults). Empty when the
    case has no documents."""
    from pdorganizer.export.letterpages import place_map
    from pdorganizer.export.service import ExportOptions, layout_packet

    if not vault.documents.list(case_id):
        return {}
    if options is None:  # as the case's last export, else the defaults
        from pdorganizer.export.remembered import load_choices

        remembered = load_choices(vault, case_id)
        options = remembered[0] if remembered else ExportOptions()
    if text is None:
        text = letter_text(vault, case_id)
    # A packet exported without the letter has no letter pages to count.
    data, pages, style = layout_packet(
        vault, case_id, options, (text or None) if options.letter else None
    )
    return place_map(data, pages, style)


def resolved(vault: Vault, case_id: int, options=None) -> str:
    text = letter_text(vault, case_id) or ""
    return resolve_text(text, page_map(vault, case_id, options, text))


def broken_citations(vault: Vault, case_id: int, options=None) -> list[tuple[Citation, str]]:
    """The letter's citations that point nowhere (for the editor and pre-flight)."""
    text = letter_text(vault, case_id)
    if not text:
        return []
    return broken(text, page_map(vault, case_id, options, text))
