"""Clinic flows on real vaults: hand-off, merge back, wipe, passphrase generation, backups."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import secrets
from pathlib import Path

import pytest

from pdorganizer.core import passphrase_words
from pdorganizer.core.errors import InvalidInput, WrongPassphrase
from pdorganizer.vault import CHEAP_PARAMS, Vault, backups
from pdorganizer.vault.handoff import hand_off, merge
from pdorganizer.vault.repos import NewPage, NewSource
from pdorganizer.vault.wipe import backups_holding, wipe_case
from tests.conftest import PASSPHRASE
from tests.vault_pages import decrypted_file

CLIENT_PASS = "river lamp quiet orbit fable seven"


def source_bytes(tag: str, size: int = 9000) -> bytes:
    """Distinct bytes per file with a findable marker, but no long repeats."""
    marker = f"SRC-{tag}-MARKER;".encode()
    body = hashlib.shake_256(tag.encode()).digest(size)
    return marker + body + marker


def add_doc(vault: Vault, case_id: int, title: str, pages: int = 1, **fields) -> int:
    sources = [
        NewSource(d, hashlib.sha256(d).hexdigest(), "image/jpeg", f"{title}-{i}.jpg")
        for i, d in enumerate(source_bytes(f"{title}-{i}") for i in range(pages))
    ]
    new_pages = [NewPage(i, 0, 612, 792, f"THUMB-{title}-{i}".encode()) for i in range(pages)]
    return vault.documents.add(case_id, title, sources, new_pages, **fields).id


def table_exists(vault: Vault, name: str) -> bool:
    with vault.read() as con:
        return bool(
            con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
            ).fetchone()
        )


@pytest.fixture
def clinic(vault: Vault):
    """Two clients in one clinic vault; Maria's case has everything a case can have."""
    maria = vault.cases.add(
        "Maria Quetzal Lopez", a_number="A123-456-789", country="Guatemala", notes="MARIA-NOTE"
    )
    other = vault.cases.add("Bartholomew Otherperson", a_number="A999-888-777", notes="BART-NOTE")
    vault.cases.set_claimed_factors(maria.id, ["work", "presence"])
    d1 = add_doc(vault, maria.id, "Maria pay stub", pages=2, issuer="Acme Farms")
    d2 = add_doc(vault, maria.id, "Maria birth certificate", language="Spanish")
    d3 = add_doc(vault, maria.id, "Maria birth certificate translation")
    vault.documents.tag(d1, ["work"])
    vault.documents.set_translation(d3, d2, translator_name="Tina Translator")
    vault.exhibits.set(maria.id, [[d2, d3], [d1]], ["Birth record", "Pay"])
    b1 = add_doc(vault, other.id, "Bart lease")
    vault.documents.tag(b1, ["presence"])
    with vault.transaction() as con:
        cols = {r[1] for r in con.execute("PRAGMA table_info(cases)")}
        if "requested_pd" in cols:
            con.execute("UPDATE cases SET requested_pd = 'dismissal' WHERE id = ?", (maria.id,))
    if table_exists(vault, "request_letters"):
        with vault.transaction() as con:
            con.execute(
                "INSERT INTO request_letters(case_id, body, updated_at) VALUES (?, ?, ?)",
                (maria.id, "MARIA-LETTER-BODY", "2026-01-01T00:00:00+00:00"),
            )
            con.execute(
                "INSERT INTO request_letters(case_id, body, updated_at) VALUES (?, ?, ?)",
                (other.id, "BART-LETTER-BODY", "2026-01-01T00:00:00+00:00"),
            )
    return vault, maria.id, other.id


def sources_of(vault: Vault, case_id: int) -> dict[str, str]:
    with vault.read() as con:
        return {
            sha: hashlib.sha256(bytes(data)).hexdigest()
            for sha, data in con.execute(
                "SELECT sha256, data FROM sources WHERE case_id = ?", (case_id,)
            )
        }


def plaintext_copy(vault: Vault, tmp: Path) -> bytes:
    """The whole decrypted database, exported in memory-backed temp space to a test dir."""
    target = tmp / "plain.sqlite"
    with vault.read() as con:
        con.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        con.execute("SELECT sqlcipher_export('plain')")
        con.execute("DETACH DATABASE plain")
    data = target.read_bytes()
    target.unlink()
    return data


# -- hand-off ---------------------------------------------------------------------------


def test_handoff_holds_exactly_that_case(clinic, tmp_path: Path) -> None:
    vault, maria, _other = clinic
    out = tmp_path / "client-1.pdvault"
    result = hand_off(vault, maria, out, CLIENT_PASS, params=CHEAP_PARAMS)
    assert result.path == out and result.documents == 3 and out.is_file()
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]
    with pytest.raises(WrongPassphrase):
        Vault.open(out, PASSPHRASE)
    with Vault.open(out, CLIENT_PASS) as client:
        (case,) = client.cases.list()
        assert case.name == "Maria Quetzal Lopez" and case.a_number == "A123-456-789"
        assert sorted(case.claimed_factors) == ["presence", "work"]
        docs = {d.title: d for d in client.documents.list(case.id)}
        assert set(docs) == {
            "Maria pay stub",
            "Maria birth certificate",
            "Maria birth certificate translation",
        }
        assert docs["Maria pay stub"].factors == ["work"] and docs["Maria pay stub"].page_count == 2
        translated = docs["Maria birth certificate translation"]
        assert translated.translation_of == docs["Maria birth certificate"].id
        assert client.documents.translation(translated.id).translator_name == "Tina Translator"
        assert [e.description for e in client.exhibits.stored(case.id)] == ["Birth record", "Pay"]
        assert sources_of(client, case.id) == sources_of(vault, maria)  # byte-identical
        assert client.check() == []
        with client.read() as con:
            cols = {r[1] for r in con.execute("PRAGMA table_info(cases)")}
            if "requested_pd" in cols:  # schema v3's fields ride along without being named
                row = con.execute("SELECT requested_pd FROM cases").fetchone()
                assert row[0] == "dismissal"
        plain = plaintext_copy(client, tmp_path)
    assert b"SQLite format 3" in plain[:16]
    assert b"Maria Quetzal" in plain and b"SRC-Maria pay stub-0-MARKER" in plain
    for other_case in (b"Bartholomew", b"Otherperson", b"BART-", b"A999-888-777", b"Bart lease"):
        assert other_case not in plain
    assert b"SRC-Bart lease" not in plain and b"THUMB-Bart" not in plain
    if table_exists(vault, "request_letters"):
        assert b"MARIA-LETTER-BODY" in plain
    pages = decrypted_file(out, CLIENT_PASS)  # every page of the file, free ones included
    assert b"Maria Quetzal" in pages
    assert b"Bartholomew" not in pages and b"SRC-Bart lease" not in pages


def test_handoff_refuses_existing_file_and_keeps_vault(clinic, tmp_path: Path) -> None:
    vault, maria, _ = clinic
    out = tmp_path / "taken.pdvault"
    out.write_bytes(b"something")
    with pytest.raises(InvalidInput):
        hand_off(vault, maria, out, CLIENT_PASS, params=CHEAP_PARAMS)
    assert out.read_bytes() == b"something"
    assert len(vault.cases.list()) == 2


# -- merge ------------------------------------------------------------------------------


def test_merge_round_trip_loses_and_duplicates_nothing(clinic, tmp_path: Path) -> None:
    vault, maria, other = clinic
    out = tmp_path / "client.pdvault"
    hand_off(vault, maria, out, CLIENT_PASS, params=CHEAP_PARAMS)
    # At home: a new document, a new tag, a retitled document, a changed profile field.
    with Vault.open(out, CLIENT_PASS) as home:
        (case,) = home.cases.list()
        docs = {d.title: d.id for d in home.documents.list(case.id)}
        new_doc = add_doc(home, case.id, "Maria school letter")
        home.documents.tag(new_doc, ["presence"])
        home.documents.update(docs["Maria birth certificate"], title="Maria birth cert (GT)")
        home.cases.update(case.id, judge="Judge Home")
    # Meanwhile at the clinic: another field of another document.
    pay = next(d for d in vault.documents.list(maria) if d.title == "Maria pay stub")
    vault.documents.update(pay.id, kind="pay_stub")
    before_other = sources_of(vault, other)

    report = merge(vault, out, CLIENT_PASS)
    (r,) = report.cases
    assert not r.new_case and r.added == 1 and r.conflicts == []
    docs = {d.title: d for d in vault.documents.list(maria)}
    assert set(docs) == {
        "Maria pay stub",
        "Maria birth cert (GT)",
        "Maria birth certificate translation",
        "Maria school letter",
    }
    assert docs["Maria pay stub"].kind == "pay_stub"  # the clinic's change is kept
    assert docs["Maria school letter"].factors == ["presence"]
    assert vault.cases.get(maria).judge == "Judge Home"
    assert len(vault.cases.list()) == 2 and sources_of(vault, other) == before_other
    with Vault.open(out, CLIENT_PASS) as home:
        (case,) = home.cases.list()
        assert set(sources_of(vault, maria).values()) == set(sources_of(home, case.id).values())
    assert vault.check() == []

    # Taking the same file back again changes nothing and duplicates nothing.
    again = merge(vault, out, CLIENT_PASS)
    assert again.cases[0].added == 0 and again.conflicts == 0
    assert len(vault.documents.list(maria)) == 4


def test_merge_conflict_keeps_both_values_and_says_so(clinic, tmp_path: Path) -> None:
    vault, maria, _ = clinic
    out = tmp_path / "client.pdvault"
    hand_off(vault, maria, out, CLIENT_PASS, params=CHEAP_PARAMS)
    with Vault.open(out, CLIENT_PASS) as home:
        (case,) = home.cases.list()
        doc = next(d for d in home.documents.list(case.id) if d.title == "Maria pay stub")
        home.documents.update(doc.id, issuer="Issuer from home")
    pay = next(d for d in vault.documents.list(maria) if d.title == "Maria pay stub")
    vault.documents.update(pay.id, issuer="Issuer at clinic")
    report = merge(vault, out, CLIENT_PASS)
    (conflict,) = report.cases[0].conflicts
    assert conflict.kind == "document" and conflict.fields == ["issuer"]
    kept = vault.documents.get(pay.id)
    assert kept.issuer == "Issuer at clinic" and "Issuer from home" in kept.notes
    assert merge(vault, out, CLIENT_PASS).conflicts == 0  # said once, not at every merge


def test_merge_new_client_file_adds_the_case(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "walk-in.pdvault"
    with Vault.create(out, CLIENT_PASS, CHEAP_PARAMS) as own:
        case = own.cases.add("Walk In Person")
        add_doc(own, case.id, "Walk-in ID")
    report = merge(vault, out, CLIENT_PASS)
    assert report.cases[0].new_case and report.cases[0].added == 1
    assert [c.name for c in vault.cases.list()] == ["Walk In Person"]
    with pytest.raises(WrongPassphrase):
        merge(vault, out, "not it")


def test_merge_with_the_vault_itself_is_refused(vault: Vault) -> None:
    with pytest.raises(InvalidInput):
        merge(vault, vault.path, PASSPHRASE)


# -- wipe -------------------------------------------------------------------------------


def test_wipe_leaves_nothing_in_any_page(clinic, tmp_path: Path) -> None:
    vault, maria, other = clinic
    secrets_of_maria = [
        b"Maria Quetzal",
        b"A123-456-789",
        b"MARIA-NOTE",
        b"SRC-Maria pay stub-0-MARKER",
        b"SRC-Maria birth certificate-0-MARKER",
        b"THUMB-Maria",
        b"Tina Translator",
        b"Birth record",
    ]
    with vault.read() as con:
        blobs = [
            bytes(r[0]) for r in con.execute("SELECT data FROM sources WHERE case_id=?", (maria,))
        ]
    chunks = [b[100:164] for b in blobs]  # 64 bytes from inside each source file
    before = decrypted_file(vault.path, PASSPHRASE)
    assert all(s in before for s in secrets_of_maria[:4]) and all(c in before for c in chunks)

    result = wipe_case(vault, maria)
    assert result.documents == 3 and result.files == 4 and result.free_pages == 0
    assert [c.id for c in vault.cases.list()] == [other]
    assert vault.check() == []
    after = decrypted_file(vault.path, PASSPHRASE)
    assert b"Bartholomew" in after and b"SRC-Bart lease" in after  # the decryption works
    for s in secrets_of_maria:
        assert s not in after, s
    for c in chunks:
        assert c not in after
    assert sorted(p.name for p in vault.path.parent.iterdir()) == [vault.path.name]


def test_wipe_lists_and_removes_the_apps_backups(clinic, tmp_path: Path) -> None:
    vault, maria, _ = clinic
    folder = tmp_path / "copies"
    folder.mkdir()
    copy = backups.make_backup(vault, folder)
    found = backups_holding(vault, maria)
    assert [b.path for b in found] == [copy] and found[0].holds_case is True
    result = wipe_case(vault, maria, remove_backups=[b.path for b in found])
    assert result.removed_backups == [copy] and not copy.exists()
    assert backups.known_backups(vault) == []


# -- passphrases and backups ----------------------------------------------------------------


def test_generated_passphrases_use_secrets_and_enough_entropy(monkeypatch) -> None:
    assert len(passphrase_words.word_list("en")) == 7776
    assert passphrase_words.entropy_bits(6, "en") >= 77
    assert passphrase_words.entropy_bits(6, "en") == pytest.approx(6 * math.log2(7776))
    assert passphrase_words.entropy_bits(6, "es") == pytest.approx(78.0)
    words = passphrase_words.generate(6, "es").split(" ")
    assert len(words) == 6 and all(w.isascii() and w.isalpha() for w in words)
    drawn: list[int] = []
    real = secrets.choice

    def spy(seq):
        drawn.append(len(seq))
        return real(seq)

    monkeypatch.setattr(passphrase_words.secrets, "choice", spy)
    passphrase_words.generate(6, "en")
    assert drawn == [7776] * 6
    with pytest.raises(InvalidInput):
        passphrase_words.generate(2)


def test_backup_reminder_after_a_week_of_changes(vault: Vault, tmp_path: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    assert not backups.backup_due(vault, now)
    vault.cases.add("Someone")
    later = now + dt.timedelta(days=8)
    old = (now - dt.timedelta(days=1)).timestamp()
    os.utime(vault.path, (old, old))  # untouched since creation (well, a day before it)
    assert not backups.backup_due(vault, later)
    os.utime(vault.path, (later.timestamp() - 60,) * 2)
    assert backups.backup_due(vault, later)
    backups.make_backup(vault, tmp_path / "b.pdvault")
    assert backups.last_backup(vault) is not None
    assert not backups.backup_due(vault, later)  # backed up just now


def test_merge_carries_tables_it_does_not_name(clinic, tmp_path: Path) -> None:
    """The request letter (schema v5) is found through its foreign key, not by name."""
    vault, maria, _ = clinic
    if not table_exists(vault, "request_letters"):
        pytest.skip("no request letter table in this schema")
    out = tmp_path / "client.pdvault"
    hand_off(vault, maria, out, CLIENT_PASS, params=CHEAP_PARAMS)
    with Vault.open(out, CLIENT_PASS) as home, home.transaction() as con:
        con.execute("UPDATE request_letters SET body = 'LETTER EDITED AT HOME'")
    report = merge(vault, out, CLIENT_PASS)
    assert report.conflicts == 0
    with vault.read() as con:
        rows = con.execute("SELECT case_id, body FROM request_letters ORDER BY case_id").fetchall()
    assert (maria, "LETTER EDITED AT HOME") in rows and len(rows) == 2
    # Both sides change it: this vault's letter stays, the other is kept in the notes.
    with Vault.open(out, CLIENT_PASS) as home, home.transaction() as con:
        con.execute("UPDATE request_letters SET body = 'SECOND HOME EDIT'")
    with vault.transaction() as con:
        con.execute("UPDATE request_letters SET body = 'CLINIC EDIT' WHERE case_id = ?", (maria,))
    report = merge(vault, out, CLIENT_PASS)
    assert [c.kind for c in report.cases[0].conflicts] == ["request_letters"]
    with vault.read() as con:
        (body,) = con.execute(
            "SELECT body FROM request_letters WHERE case_id = ?", (maria,)
        ).fetchone()
    assert body == "CLINIC EDIT" and "SECOND HOME EDIT" in vault.cases.get(maria).notes


def test_backup_under_an_older_passphrase_cannot_be_checked(clinic, tmp_path: Path) -> None:
    vault, maria, _ = clinic
    old = backups.make_backup(vault, tmp_path / "old.pdvault")
    vault.change_passphrase("a newer passphrase", CHEAP_PARAMS)
    (found,) = backups_holding(vault, maria)
    assert found.path == old and found.holds_case is None
    result = wipe_case(vault, maria)  # not told to delete it: it stays
    assert old.exists() and result.removed_backups == []


def test_declaration_and_letter_go_home_and_come_back(vault: Vault, tmp_path: Path) -> None:
    """The real declaration and letter services, on both sides of a hand-off."""
    ds = pytest.importorskip("pdorganizer.request.declaration_service")
    letters = pytest.importorskip("pdorganizer.request.service")
    case = vault.cases.add("Ana Diaz", language="Spanish")
    vault.cases.add("Otro Caso")
    ds.set_paragraphs(vault, case.id, ["Me llamo Ana.", "Vivo aquí desde 2010."])
    letters.set_text(vault, case.id, "LETTER for Ana")
    out = hand_off(vault, case.id, tmp_path / "ana.pdvault", CLIENT_PASS, params=CHEAP_PARAMS)
    with Vault.open(out.path, CLIENT_PASS) as home:
        (at_home,) = home.cases.list()
        assert ds.record(home, at_home.id).paragraphs == ["Me llamo Ana.", "Vivo aquí desde 2010."]
        assert letters.letter_text(home, at_home.id) == "LETTER for Ana"
        ds.set_paragraphs(home, at_home.id, ["Me llamo Ana.", "Vivo aquí desde 2010.", "Trabajo."])
    report = merge(vault, out.path, CLIENT_PASS)
    assert report.conflicts == 0 and report.cases[0].updated == 1
    assert ds.record(vault, case.id).paragraphs[-1] == "Trabajo."
    assert [d.kind for d in vault.documents.list(case.id)] == ["declaration"]
    assert vault.check() == []


def test_wipe_finds_the_schema_upgrade_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.pdvault"
    # Raw SQL: the repositories speak the newest schema.
    with (
        Vault.create(path, PASSPHRASE, CHEAP_PARAMS, schema_version=2) as old,
        old.transaction() as con,
    ):
        con.execute("INSERT INTO cases(name, created_at) VALUES ('Upgraded Person', '2025-01-01')")
    with Vault.open(path, PASSPHRASE) as v:  # upgrades, writing NAME.schema2-backup-DATE
        (upgrade_backup,) = [p for p in tmp_path.iterdir() if ".schema2-backup-" in p.name]
        (case,) = v.cases.list()
        (found,) = backups_holding(v, case.id)
        assert found.path == upgrade_backup and found.holds_case is True  # found by name
        wipe_case(v, case.id, remove_backups=[found.path])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.pdvault"]
