"""The encrypted vault: one SQLCipher 4 file per vault.

Threading: a `Vault` owns one connection and serialises every use of it through its own
re-entrant lock, so any thread may call it, one call at a time. Writes go through
`transaction()`, which commits on success and rolls back on any exception: a failed
operation leaves the vault as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

from pdorganizer import __version__
from pdorganizer.core.errors import InvalidInput, PdoError, WrongPassphrase
from pdorganizer.vault import fsync_util, kdf, schema
from pdorganizer.vault.repos import CaseRepo, DocumentRepo, ExhibitRepo, FactorRepo

log = logging.getLogger(__name__)

APP_MARKER = "pdorganizer-vault"
VAULT_SUFFIX = ".pdvault"
_TMP_MARK = ".tmp-"

Connection = sqlcipher3.dbapi2.Connection
DatabaseError = sqlcipher3.dbapi2.DatabaseError


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _connect(path: Path, key: bytes, salt: bytes | None = None) -> Connection:
    con = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=3.0)
    try:
        # Before the key: keep SQLCipher from printing its own diagnostics on stderr.
        con.execute("PRAGMA cipher_log_level = NONE")
        con.set_key(kdf.sqlcipher_raw_key(key, salt))
    except Exception:
        con.close()
        raise
    return con


def _environment_error(exc: Exception) -> Exception:
    """Known faults of the surroundings, in the user's terms; anything else stays a bug."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return PdoError("the vault is in use by another program; close it there and try again")
    if "readonly" in text or "read-only" in text:
        return PdoError("the vault file cannot be written (is it read-only?)")
    if "disk is full" in text or "full" in text:
        return PdoError("the disk is full; nothing was changed")
    if "disk i/o" in text:
        return PdoError("the vault file could not be written (disk error); nothing was changed")
    return exc


def _configure(con: Connection) -> None:
    for pragma in (
        "PRAGMA foreign_keys = ON",
        "PRAGMA secure_delete = ON",  # deleted content is overwritten, not left in free pages
        "PRAGMA temp_store = MEMORY",  # sorts and temp tables never touch the disk
    ):
        con.execute(pragma)


class Vault:
    def __init__(self, path: Path, con: Connection, key: bytes, salt: bytes) -> None:
        self.path = path
        self._con = con
        self._key = key
        self._salt = salt
        self._lock = threading.RLock()
        self.cases = CaseRepo(self)
        self.documents = DocumentRepo(self)
        self.exhibits = ExhibitRepo(self)
        self.factors = FactorRepo(self)

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        passphrase: str,
        params: kdf.KdfParams = kdf.DEFAULT_PARAMS,
        *,
        schema_version: int = schema.SCHEMA_VERSION,
    ) -> Vault:
        """Create a new vault; refuses to overwrite anything. `schema_version` is for tests."""
        target = Path(path)
        if target.exists():
            raise InvalidInput("{name} already exists; choose another name", name=target.name)
        if not target.parent.is_dir():
            raise InvalidInput("the folder {folder} does not exist", folder=str(target.parent))
        if len(passphrase) < 1:
            raise InvalidInput("the passphrase is empty")
        salt = kdf.new_salt(params)
        key = kdf.derive_key(passphrase, salt, params)
        con = None
        try:
            con = _connect(target, key, salt)
            _configure(con)
            con.execute("BEGIN IMMEDIATE")
            schema.migrate(con.execute, 0, schema_version)
            meta = {
                "app": APP_MARKER,
                "created_at": now_iso(),
                "created_by": __version__,
                "kdf": json.dumps(params.to_json()),
            }
            con.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
            con.execute("COMMIT")
        except BaseException:
            if con is not None:
                con.close()
            with contextlib.suppress(OSError):
                target.unlink()
            raise
        return cls(target, con, key, salt)

    @classmethod
    def open(cls, path: str | os.PathLike[str], passphrase: str) -> Vault:
        """Open an existing vault. A wrong passphrase changes nothing in the file."""
        target = Path(path)
        if not target.is_file():
            raise PdoError("no vault at {path}", path=str(target))
        with open(target, "rb") as fh:
            salt = fh.read(kdf.SALT_SIZE)
        params = kdf.params_from_salt(salt)
        key = kdf.derive_key(passphrase, salt, params)
        con = _connect(target, key)
        try:
            found = con.execute("PRAGMA user_version").fetchone()[0]
            marker = con.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
        except DatabaseError:
            con.close()
            raise WrongPassphrase() from None
        if not marker or marker[0] != APP_MARKER:
            con.close()
            raise WrongPassphrase()
        try:
            schema.check_version(found)
            _configure(con)
        except BaseException:
            con.close()
            raise
        vault = cls(target, con, key, salt)
        if found < schema.SCHEMA_VERSION:
            vault._upgrade(found)
        vault._remove_stale_temp_files()
        return vault

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None  # type: ignore[assignment]
            self._key = b""

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._con is None

    # -- transactions -------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic change: commit on success, roll back on any exception."""
        with self._lock:
            con = self._connection()
            if con.in_transaction:  # nested use joins the outer transaction
                yield con
                return
            try:
                con.execute("BEGIN IMMEDIATE")
            except sqlcipher3.dbapi2.OperationalError as exc:
                raise _environment_error(exc) from None
            try:
                yield con
            except sqlcipher3.dbapi2.OperationalError as exc:
                con.execute("ROLLBACK")
                raise _environment_error(exc) from None
            except BaseException:
                con.execute("ROLLBACK")
                raise
            try:
                con.execute("COMMIT")
            except sqlcipher3.dbapi2.OperationalError as exc:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise _environment_error(exc) from None

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self._lock:
            yield self._connection()

    def _connection(self) -> Connection:
        if self._con is None:
            raise PdoError("the vault is locked")
        return self._con

    # -- metadata -----------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        with self.read() as con:
            return dict(con.execute("SELECT key, value FROM meta").fetchall())

    @property
    def schema_version(self) -> int:
        with self.read() as con:
            return int(con.execute("PRAGMA user_version").fetchone()[0])

    # -- maintenance --------------------------------------------------------------------

    def check(self) -> list[str]:
        """Integrity and foreign-key check; an empty list means the vault is sound."""
        with self.read() as con:
            problems = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
            problems = [p for p in problems if p != "ok"]
            fk = con.execute("PRAGMA foreign_key_check").fetchall()
            problems += [f"broken reference in {row[0]}" for row in fk]
            orphans = con.execute(
                "SELECT count(*) FROM pages p LEFT JOIN documents d ON d.id = p.document_id "
                "WHERE d.id IS NULL"
            ).fetchone()[0]
            if orphans:
                problems.append(f"{orphans} page(s) belong to no document")
        return problems

    def backup(self, dest: str | os.PathLike[str]) -> Path:
        """Write an encrypted copy that opens with the same passphrase. Crash-safe."""
        target = Path(dest)
        if target.is_dir():
            target = target / self.path.name
        if target.exists():
            raise InvalidInput("{name} already exists; choose another name", name=str(target))
        if target.resolve() == self.path.resolve():
            raise InvalidInput("the backup must not replace the vault itself")
        self._export_to(target, self._key, self._salt)
        return target

    def change_passphrase(self, new_passphrase: str, params: kdf.KdfParams | None = None) -> None:
        """Re-encrypt under a new passphrase (and fresh salt). The old file stays intact
        and usable until the new one is complete and has atomically replaced it."""
        if not new_passphrase:
            raise InvalidInput("the new passphrase is empty")
        new_params = params or kdf.params_from_salt(self._salt)
        salt = kdf.new_salt(new_params)
        key = kdf.derive_key(new_passphrase, salt, new_params)
        with self._lock:
            tmp = self._export_to(None, key, salt, replace=False)
            try:
                con = _connect(tmp, key)
                con.execute(
                    "UPDATE meta SET value = ? WHERE key = 'kdf'",
                    (json.dumps(new_params.to_json()),),
                )
                con.close()
                fsync_util.fsync_file(tmp)
                self._connection().close()
                self._con = None  # type: ignore[assignment]
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                if self._con is None:  # the old file is still in place: keep using it
                    self._con = _connect(self.path, self._key)
                    _configure(self._con)
                raise
            fsync_util.fsync_dir(self.path.parent)
            self._con = _connect(self.path, key)
            _configure(self._con)
            self._key, self._salt = key, salt

    def _export_to(
        self, target: Path | None, key: bytes, salt: bytes, *, replace: bool = True
    ) -> Path:
        """sqlcipher_export into a temp file beside `target` (or the vault), then rename."""
        folder = (target or self.path).parent
        tmp = folder / f"{(target or self.path).name}{_TMP_MARK}{secrets.token_hex(4)}"
        with self._lock:
            con = self._connection()
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            con.execute(
                "ATTACH DATABASE ? AS export_target KEY ?",
                (str(tmp), kdf.sqlcipher_raw_key(key, salt)),
            )
            try:
                con.execute("SELECT sqlcipher_export('export_target')")
                con.execute(f"PRAGMA export_target.user_version = {version}")
            except BaseException:
                con.execute("DETACH DATABASE export_target")
                with contextlib.suppress(OSError):
                    tmp.unlink()
                raise
            con.execute("DETACH DATABASE export_target")
        fsync_util.fsync_file(tmp)
        if target is not None and replace:
            os.replace(tmp, target)
            fsync_util.fsync_dir(folder)
            return target
        return tmp

    def _upgrade(self, found: int) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(
            f"{self.path.stem}.schema{found}-backup-{stamp}{self.path.suffix or VAULT_SUFFIX}"
        )
        self.backup(backup)
        log.info(
            "vault schema upgraded from %d to %d; backup written", found, schema.SCHEMA_VERSION
        )
        with self.transaction() as con:
            schema.migrate(con.execute, found)

    def _remove_stale_temp_files(self) -> None:
        """Leftovers of an interrupted backup or passphrase change (encrypted, but clutter)."""
        prefix = f"{self.path.name}{_TMP_MARK}"
        for stale in self.path.parent.iterdir():
            if stale.name.startswith(prefix):
                with contextlib.suppress(OSError):
                    stale.unlink()
