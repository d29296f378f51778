"""Small real cases for the pre-flight checks and the timeline: documents with real JPEG
pages (so pixel sizes and thumbnails are what an import stores), built in a real vault."""

from __future__ import annotations

import hashlib
import io
from typing import Any

from PIL import Image, ImageDraw

from pdorganizer.core.models import Document
from pdorganizer.vault import Vault
from pdorganizer.vault.repos.documents import NewPage, NewSource

LETTER = (612.0, 792.0)


def page_image(
    size: tuple[int, int] = (1400, 1812), *, blank: bool = False, seed: int = 0
) -> bytes:
    """A JPEG page: lines of 'text' unless blank."""
    im = Image.new("RGB", size, "white")
    if not blank:
        draw = ImageDraw.Draw(im)
        w, h = size
        for i in range(12):
            y = int(h * (0.1 + i * 0.06))
            draw.rectangle(
                (int(w * 0.1), y, int(w * (0.5 + ((seed + i) % 4) / 10)), y + max(h // 90, 2)),
                "black",
            )
    out = io.BytesIO()
    im.save(out, "JPEG", quality=85)
    return out.getvalue()


def thumbnail(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as im:
        im.thumbnail((256, 256))
        out = io.BytesIO()
        im.convert("RGB").save(out, "JPEG", quality=80)
    return out.getvalue()


def add_doc(
    vault: Vault,
    case_id: int,
    title: str,
    *,
    pages: list[bytes] | None = None,
    factors: tuple[str, ...] = (),
    page_size: tuple[float, float] = LETTER,
    **fields: Any,
) -> Document:
    """A document with one JPEG file per page (each shown on a page of `page_size` points)."""
    pages = pages or [page_image(seed=len(title))]
    sources = [
        NewSource(
            data=p,
            sha256=hashlib.sha256(p + f"{title}#{i}".encode()).hexdigest(),
            mime="image/jpeg",
            original_name=f"{title}.jpg",
        )
        for i, p in enumerate(pages)
    ]
    new_pages = [
        NewPage(i, 0, page_size[0], page_size[1], thumbnail(p)) for i, p in enumerate(pages)
    ]
    return vault.documents.add(case_id, title, sources, new_pages, factors=factors, **fields)


def good_case(vault: Vault, **profile: Any) -> int:
    """A case that passes every check (as of 2026-06-01): declaration, identity, G-28,
    translated documents with full certificates, a recent clearance, evidence every year."""
    fields = {
        "entry_date": "2016-03",
        "requested_pd": "administrative-closure",
        "represented": True,
        **profile,
    }
    case = vault.cases.add("Rosa Martínez", **fields)
    vault.cases.set_claimed_factors(case.id, ["presence", "work"])
    add_doc(
        vault,
        case.id,
        "Declaration of Rosa",
        kind="declaration",
        document_date="2026-05-02",
        factors=("declaration",),
    )
    add_doc(
        vault,
        case.id,
        "Passport",
        kind="passport",
        document_date="2021-04-01",
        expires="2031-04-01",
        factors=("identity",),
    )
    add_doc(
        vault, case.id, "G-28", kind="g28", document_date="2026-05-01", factors=("representation",)
    )
    add_doc(
        vault,
        case.id,
        "FBI background check",
        kind="background_check",
        document_date="2026-01-15",
        factors=("clean_record",),
    )
    original = add_doc(
        vault,
        case.id,
        "Constancia de la iglesia",
        kind="community_record",
        document_date="2016",
        language="Spanish",
        factors=("community", "presence"),
    )
    translation = add_doc(
        vault,
        case.id,
        "Church letter (translation)",
        kind="translation",
        document_date="2026-05-03",
        language="English",
    )
    vault.documents.set_translation(
        translation.id,
        original.id,
        translator_name="Ana Ruiz",
        translator_address="1 Main St, Oakland CA",
        translator_phone="510-555-0100",
        from_language="Spanish",
    )
    for year in range(2017, 2027):
        add_doc(
            vault,
            case.id,
            f"Pay stub {year}",
            kind="pay_stub",
            document_date=f"{year}-06-30",
            factors=("work", "presence"),
        )
    return case.id
