"""Schema v5: the PD request letter and the person's declaration, one of each per case.

The letter is kept as its plain-text form (headings, **bold**, *italic*, citation tokens
`[[DOC p.N]]`), so the CLI, the editor and the export read one thing. The declaration keeps
the interview answers, the paragraphs, the English translation's paragraphs and the
translator's details; `document_id` / `translation_id` are the case documents it was
rendered into (kind `declaration`), so it is an exhibit like any other.
"""

from __future__ import annotations

SCHEMA_V5 = """
CREATE TABLE request_letters (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE declarations (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    language TEXT NOT NULL DEFAULT 'en',
    answers TEXT NOT NULL DEFAULT '{}',
    paragraphs TEXT NOT NULL DEFAULT '[]',
    translation TEXT NOT NULL DEFAULT '[]',
    translator_name TEXT NOT NULL DEFAULT '',
    translator_address TEXT NOT NULL DEFAULT '',
    translator_phone TEXT NOT NULL DEFAULT '',
    signed_place TEXT NOT NULL DEFAULT '',
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    translation_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL
);
"""
