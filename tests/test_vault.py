"""The encrypted vault: create, open, wrong passphrase, rekey, backup, migrations."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from pdorganizer.core.errors import InvalidInput, PdoError, VaultTooNew, WrongPassphrase
from pdorganizer.vault import CHEAP_PARAMS, Vault, kdf, schema
from pdorganizer.vault.repos import NewPage, NewSource
from pdorganizer.vault.vault import _connect
from tests.conftest import PASSPHRASE

MARKER = b"PLAINTEXT-MARKER-7f3a9c " * 200


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_doc(vault: Vault, case_id: int, data: bytes = MARKER, title: str = "Pay stub") -> int:
    src = NewSource(data, hashlib.sha256(data).hexdigest(), "image/jpeg", "stub.jpg")
    doc = vault.documents.add(case_id, title, [src], [NewPage(0, 0, 612, 792, b"thumb")])
    return doc.id


def test_create_and_reopen_keeps_data(vault_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE, CHEAP_PARAMS) as v:
        case = v.cases.add("Ana Ruiz", a_number="A-1", detained=True)
        doc_id = add_doc(v, case.id)
        v.documents.tag(doc_id, ["work", "presence"])
    with Vault.open(vault_path, PASSPHRASE) as v:
        (case,) = v.cases.list()
        assert case.name == "Ana Ruiz" and case.detained is True
        doc = v.documents.get(doc_id)
        assert doc.factors == ["work", "presence"]
        assert v.documents.source_data(v.documents.pages(doc_id)[0].source_id) == MARKER
        assert v.check() == []


def test_file_is_encrypted_and_looks_random(vault: Vault, case) -> None:
    add_doc(vault, case.id)
    vault.close()
    raw = vault.path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"PLAINTEXT-MARKER" not in raw
    assert "López".encode() not in raw and b"Guatemala" not in raw
    # The salt carries the KDF parameters, masked: no constant header across vaults.
    other = vault.path.with_name("other.pdvault")
    Vault.create(other, PASSPHRASE, CHEAP_PARAMS).close()
    assert raw[:16] != other.read_bytes()[:16]
    assert kdf.params_from_salt(raw[:16]) == CHEAP_PARAMS


def test_wrong_passphrase_leaves_file_unchanged(vault: Vault, case) -> None:
    add_doc(vault, case.id)
    vault.close()
    before, mtime = digest(vault.path), vault.path.stat().st_mtime_ns
    with pytest.raises(WrongPassphrase, match="wrong passphrase, or not a pdorganizer vault"):
        Vault.open(vault.path, "not the passphrase")
    assert digest(vault.path) == before
    assert vault.path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in vault.path.parent.iterdir()) == [vault.path.name]


@pytest.mark.parametrize("content", [b"", b"hello", os.urandom(4096), b"SQLite format 3\0" * 64])
def test_not_a_vault(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.pdvault"
    path.write_bytes(content)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == content


def test_plain_sqlite_file_is_not_a_vault(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "plain.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, PASSPHRASE)
    assert digest(path) == before


def test_create_refuses_to_overwrite(vault: Vault) -> None:
    with pytest.raises(InvalidInput, match="already exists"):
        Vault.create(vault.path, PASSPHRASE, CHEAP_PARAMS)


def test_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(PdoError, match="no vault"):
        Vault.open(tmp_path / "nope.pdvault", PASSPHRASE)
    assert not (tmp_path / "nope.pdvault").exists()


def test_change_passphrase(vault: Vault, case) -> None:
    doc_id = add_doc(vault, case.id)
    old_salt = vault.path.read_bytes()[:16]
    vault.change_passphrase("a new passphrase", CHEAP_PARAMS)
    assert vault.documents.get(doc_id).title == "Pay stub"  # still usable, same object
    vault.close()
    assert vault.path.read_bytes()[:16] != old_salt
    with pytest.raises(WrongPassphrase):
        Vault.open(vault.path, PASSPHRASE)
    with Vault.open(vault.path, "a new passphrase") as v:
        assert v.documents.source_data(v.documents.pages(doc_id)[0].source_id) == MARKER
        assert v.schema_version == schema.SCHEMA_VERSION
        assert v.check() == []
    assert sorted(p.name for p in vault.path.parent.iterdir()) == [vault.path.name]


def test_change_passphrase_interrupted_keeps_old_file(
    vault: Vault, case, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = add_doc(vault, case.id)

    def crash(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        vault.change_passphrase("a new passphrase", CHEAP_PARAMS)
    monkeypatch.undo()
    assert vault.documents.get(doc_id).title == "Pay stub"  # the open vault still works
    vault.close()
    with Vault.open(vault.path, PASSPHRASE) as v:
        assert v.documents.get(doc_id).title == "Pay stub"
    assert sorted(p.name for p in vault.path.parent.iterdir()) == [vault.path.name]


def test_backup_opens_with_same_passphrase(vault: Vault, case, tmp_path: Path) -> None:
    doc_id = add_doc(vault, case.id)
    dest = tmp_path / "copies"
    dest.mkdir()
    written = vault.backup(dest)
    assert written == dest / vault.path.name
    raw = written.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"PLAINTEXT-MARKER" not in raw
    with Vault.open(written, PASSPHRASE) as copy:
        assert copy.documents.get(doc_id).title == "Pay stub"
        assert copy.schema_version == schema.SCHEMA_VERSION
    with pytest.raises(InvalidInput, match="already exists"):
        vault.backup(written)
    assert sorted(p.name for p in dest.iterdir()) == [vault.path.name]


def test_migration_from_older_schema(vault_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE, CHEAP_PARAMS, schema_version=1) as v:
        assert v.schema_version == 1
        with v.transaction() as con:  # what version 1 of the app wrote
            con.execute("INSERT INTO cases(name, created_at) VALUES ('Old Case', 'then')")
    with Vault.open(vault_path, PASSPHRASE) as v:
        (case,) = v.cases.list()
        assert v.schema_version == schema.SCHEMA_VERSION
        v.cases.set_claimed_factors(case.id, ["family"])  # a v2 table works
        assert v.cases.get(case.id).claimed_factors == ["family"]
    backups = [p for p in vault_path.parent.iterdir() if "schema1-backup" in p.name]
    assert len(backups) == 1
    assert not backups[0].read_bytes().startswith(b"SQLite format 3")
    # The backup is the vault as it was: still schema 1, same passphrase.
    salt = backups[0].read_bytes()[:16]
    key = kdf.derive_key(PASSPHRASE, salt, kdf.params_from_salt(salt))
    con = _connect(backups[0], key)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("SELECT name FROM cases").fetchall() == [("Old Case",)]
    con.close()


def test_newer_schema_is_refused(vault: Vault) -> None:
    with vault.transaction() as con:
        con.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    vault.close()
    before = digest(vault.path)
    with pytest.raises(VaultTooNew, match="newer version"):
        Vault.open(vault.path, PASSPHRASE)
    assert digest(vault.path) == before


def test_failed_operation_leaves_vault_unchanged(vault: Vault, case) -> None:
    add_doc(vault, case.id)
    with vault.read() as con:
        before = con.execute("SELECT count(*) FROM sources").fetchone()[0]
    data = b"another file"
    src = NewSource(data, hashlib.sha256(data).hexdigest(), "image/png", "x.png")
    with pytest.raises(InvalidInput, match="unknown factor"):
        vault.documents.add(case.id, "X", [src], [NewPage(0, 0, 1, 1)], factors=["nope"])
    with pytest.raises(InvalidInput):
        vault.exhibits.set(case.id, [[999]])
    with vault.read() as con:
        assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == before
    assert len(vault.documents.list(case.id)) == 1
    assert vault.exhibits.stored(case.id) == []


def test_transaction_rolls_back_on_error(vault: Vault, case) -> None:
    with pytest.raises(RuntimeError), vault.transaction() as con:
        con.execute("UPDATE cases SET name = 'changed' WHERE id = ?", (case.id,))
        raise RuntimeError("boom")
    assert vault.cases.get(case.id).name == case.name


def test_secure_delete_and_settings(vault: Vault) -> None:
    with vault.read() as con:
        assert con.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert con.execute("PRAGMA temp_store").fetchone()[0] == 2


def test_closed_vault_refuses_use(vault: Vault) -> None:
    vault.close()
    with pytest.raises(PdoError, match="locked"):
        vault.cases.list()


def test_default_kdf_parameters_are_recorded(tmp_path: Path) -> None:
    params = kdf.DEFAULT_PARAMS
    assert params.memory_log2 >= 16 and params.time_cost >= 2  # memory-hard for real
    with Vault.create(tmp_path / "v.pdvault", PASSPHRASE, CHEAP_PARAMS) as v:
        assert '"argon2id"' in v.meta()["kdf"]


def test_vault_in_use_elsewhere_gives_a_plain_message(vault: Vault, case) -> None:
    other = Vault.open(vault.path, PASSPHRASE)
    try:
        # another program holds the write lock
        with other.transaction(), pytest.raises(PdoError, match="in use by another program"):
            vault.cases.update(case.id, notes="x")
    finally:
        other.close()
    assert vault.cases.update(case.id, notes="x").notes == "x"


def test_read_only_vault_gives_a_plain_message(vault: Vault, case) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write read-only files")
    vault.close()
    vault.path.chmod(0o400)
    with Vault.open(vault.path, PASSPHRASE) as v, pytest.raises(PdoError, match="read-only"):
        v.cases.update(case.id, notes="x")
