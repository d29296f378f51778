"""Schema and migrations. `PRAGMA user_version` holds the schema version.

Each migration takes a vault from version N-1 to N inside one transaction. Never edit a
released migration: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from pdorganizer.core.errors import VaultTooNew
from pdorganizer.vault.migration_v3 import SCHEMA_V3
from pdorganizer.vault.migration_v4 import SCHEMA_V4
from pdorganizer.vault.migration_v5 import SCHEMA_V5
from pdorganizer.vault.migration_v6 import SCHEMA_V6

SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    a_number TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    court_city TEXT NOT NULL DEFAULT '',
    court_state TEXT NOT NULL DEFAULT '',
    judge TEXT NOT NULL DEFAULT '',
    next_hearing_date TEXT NOT NULL DEFAULT '',
    next_hearing_type TEXT NOT NULL DEFAULT '',
    detained INTEGER NOT NULL DEFAULT 0,
    filer_name TEXT NOT NULL DEFAULT '',
    filer_address TEXT NOT NULL DEFAULT '',
    filer_phone TEXT NOT NULL DEFAULT '',
    filer_email TEXT NOT NULL DEFAULT '',
    filer_eoir_id TEXT NOT NULL DEFAULT '',
    opla_office TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- An original file exactly as imported. Pages point at it, and it goes when nothing does.
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    mime TEXT NOT NULL,
    original_name TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    added_at TEXT NOT NULL,
    UNIQUE (case_id, sha256)
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    document_date TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX documents_case ON documents(case_id);

CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    source_index INTEGER NOT NULL DEFAULT 0,
    width REAL NOT NULL,
    height REAL NOT NULL,
    rotation INTEGER NOT NULL DEFAULT 0,
    thumbnail BLOB
);
CREATE INDEX pages_document ON pages(document_id, position);
CREATE INDEX pages_source ON pages(source_id);

CREATE TABLE custom_factors (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    help TEXT NOT NULL DEFAULT ''
);

CREATE TABLE document_factors (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    factor_id TEXT NOT NULL,
    PRIMARY KEY (document_id, factor_id)
);

CREATE TABLE exhibits (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exhibits_case ON exhibits(case_id, position);

CREATE TABLE exhibit_documents (
    exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (exhibit_id, document_id)
);
"""

# v2: factors a person says apply (for the coverage view), and translation links with the
# translator's details for the certificate of translation.
SCHEMA_V2 = """
CREATE TABLE case_factors (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    factor_id TEXT NOT NULL,
    PRIMARY KEY (case_id, factor_id)
);

CREATE TABLE translations (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    original_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    translator_name TEXT NOT NULL DEFAULT '',
    translator_address TEXT NOT NULL DEFAULT '',
    translator_phone TEXT NOT NULL DEFAULT '',
    from_language TEXT NOT NULL DEFAULT '',
    to_language TEXT NOT NULL DEFAULT 'English'
);
"""

Executor = Callable[[str], object]

MIGRATIONS: dict[int, str] = {1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3}
MIGRATIONS[4] = SCHEMA_V4  # uid and updated_at on cases and documents (hand-off, merge)
MIGRATIONS[5] = SCHEMA_V5  # the request letter and the declaration
MIGRATIONS[6] = SCHEMA_V6  # cleaned renditions of photographed pages
SCHEMA_VERSION = max(MIGRATIONS)


def check_version(found: int) -> None:
    if found > SCHEMA_VERSION:
        raise VaultTooNew(
            "this vault was made by a newer version of pdorganizer (schema {schema}); "
            "please update pdorganizer to open it",
            schema=found,
        )


def statements(script: str) -> list[str]:
    """Split on ';', but keep a CREATE TRIGGER's body (which holds ';') in one piece."""
    out: list[str] = []
    pending = ""
    for chunk in script.split(";"):
        pending += chunk + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n\t;"):
                out.append(pending.strip().rstrip(";").strip())
            pending = ""
    if pending.strip(" \n\t;"):
        out.append(pending.strip().rstrip(";").strip())
    return out


def migrate(execute: Executor, current: int, target: int = SCHEMA_VERSION) -> None:
    """Apply migrations current+1..target. The caller holds the transaction."""
    # Sorted keys, not a range: migrations being written side by side may leave a gap.
    for version in sorted(v for v in MIGRATIONS if current < v <= target):
        for statement in statements(MIGRATIONS[version]):
            execute(statement)
        execute(f"PRAGMA user_version = {int(version)}")
