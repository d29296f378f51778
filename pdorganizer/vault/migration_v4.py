"""Schema v4: a stable random `uid` per case and per document, and `updated_at`.

The uid matches a case and its documents across vaults (a clinic's vault, the client's
own hand-off file); SQLite ids differ between vaults. Triggers give every new row a uid
and keep `updated_at` current, so no repository has to remember them. A copy that sets
both explicitly (hand-off, merge) keeps the values it sets.
"""

from __future__ import annotations

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_UID = "lower(hex(randomblob(16)))"


def _triggers(table: str) -> str:
    return f"""
CREATE TRIGGER {table}_uid AFTER INSERT ON {table}
WHEN NEW.uid = '' OR NEW.updated_at = ''
BEGIN
    UPDATE {table} SET
        uid = CASE WHEN uid = '' THEN {_UID} ELSE uid END,
        updated_at = CASE WHEN updated_at = '' THEN {_NOW} ELSE updated_at END
    WHERE id = NEW.id;
END;
CREATE TRIGGER {table}_updated AFTER UPDATE ON {table}
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE {table} SET updated_at = {_NOW} WHERE id = NEW.id;
END;
"""


SCHEMA_V4 = f"""
ALTER TABLE cases ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
UPDATE cases SET uid = {_UID}, updated_at = created_at;
UPDATE documents SET uid = {_UID}, updated_at = added_at;
CREATE UNIQUE INDEX cases_uid ON cases(uid) WHERE uid <> '';
CREATE UNIQUE INDEX documents_uid ON documents(uid) WHERE uid <> '';
{_triggers("cases")}
{_triggers("documents")}
"""
