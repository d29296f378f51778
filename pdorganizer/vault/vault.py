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
from pdorganizer.core.errors import InvalidInput, PdoError, StorageError, WrongPassphrase
from pdorganizer.vault import fsync_util, kdf, leftovers, schema
from pdorganizer.vault.repos import CaseRepo, DocumentRepo, ExhibitRepo, FactorRepo

log = logging.getLogger(__name__)

APP_MARKER = "pdorganizer-vault"
VAULT_SUFFIX = ".pdvault"
_TMP_MARK = ".tmp-"

Connection = sqlcipher3.dbapi2.Connection
DatabaseError = sqlcipher3.dbapi2.DatabaseError


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _connect(
    path: Path, key: bytes, salt: bytes | None = None, *, uri_query: str = ""
) -> Connection:
    """Key a connection; `uri_query` ("mode=ro", "immutable=1") opens read-only."""
    if uri_query:
        where, uri = f"{path.absolute().as_uri()}?{uri_query}", True
    else:
        where, uri = str(path), False
    con = sqlcipher3.connect(
        where, check_same_thread=False, isolation_level=None, timeout=3.0, uri=uri
    )
    try:
        # Before the key: keep SQLCipher from printing its own diagnostics on stderr.
        con.execute("PRAGMA cipher_log_level = NONE")
        con.set_key(kdf.sqlcipher_raw_key(key, salt))
    except Exception:
        con.close()
        raise
    return con


# SQLite primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_FULL, _SQLITE_NOTADB = 10, 13, 26


def _sqlite_code(exc: BaseException) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def storage_error(exc: BaseException) -> BaseException:
    """Known faults of the surroundings (SQLite or OS errors) in the user's terms: one
    StorageError per kind; anything else is returned unchanged (it stays a bug)."""
    if isinstance(exc, PdoError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in fsync_util.DISK_FULL_ERRNOS:
            return StorageError("the disk is full; nothing was changed")
        if exc.errno in fsync_util.READ_ONLY_ERRNOS:
            return StorageError("the vault file cannot be written (is it read-only?)")
        return exc
    if not isinstance(exc, DatabaseError):
        return exc
    code, text = _sqlite_code(exc), str(exc).lower()
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return StorageError("the vault is in use by another program; close it there and try again")
    if code in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text or "read-only" in text:
        return StorageError("the vault file cannot be written (is it read-only?)")
    if code == _SQLITE_FULL or "disk is full" in text:
        return StorageError("the disk is full; nothing was changed")
    if code == _SQLITE_IOERR or "disk i/o" in text:
        return StorageError("the vault file could not be written (disk error); nothing was changed")
    return exc


_environment_error = storage_error  # the old name


def _prove_key(path: Path, key: bytes) -> None:
    """Decrypt page 1 without the chance of writing anything: a wrong key must not roll
    back a hot journal (SQLite does that at the first read of a read-write connection,
    and with a wrong key it would write pages it cannot decrypt). Read-only first; a hot
    journal makes that refuse, then the file itself is read as it is (immutable)."""
    for query in ("mode=ro", "immutable=1"):
        try:
            con = _connect(path, key, uri_query=query)
        except DatabaseError as exc:
            raise storage_error(exc) from None
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return
        except DatabaseError as exc:
            code = _sqlite_code(exc)
            if code == _SQLITE_NOTADB or "not a database" in str(exc).lower():
                raise WrongPassphrase() from None  # page 1 failed its HMAC: wrong key
            if query == "immutable=1":
                # Page 1 decrypted, so the key is right; what follows it may be half of
                # the interrupted transaction, which the read-write open rolls back.
                return
            if code != _SQLITE_READONLY:  # READONLY_ROLLBACK: a hot journal; try immutable
                mapped = storage_error(exc)
                raise (WrongPassphrase() if mapped is exc else mapped) from None
        finally:
            con.close()
    raise WrongPassphrase()


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
        # The encrypted copy written beside the file before an older schema was upgraded
        # by this open (None: no upgrade); a merge report names it (a client's USB stick).
        self.schema_backup: Path | None = None

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
            fsync_util.touch_private(target)  # owner-only from the start (journals too)
        except OSError as exc:
            raise storage_error(exc) from None
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
        except BaseException as exc:
            if con is not None:
                con.close()
            fsync_util.remove_quietly(*fsync_util.sqlite_companions(target))
            mapped = storage_error(exc)
            if mapped is not exc:
                raise mapped from None
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
        _prove_key(target, key)  # until here nothing may write (a hot journal stays)
        try:
            con = _connect(target, key)
        except DatabaseError as exc:
            raise storage_error(exc) from None
        try:
            found = con.execute("PRAGMA user_version").fetchone()[0]
            marker = con.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
        except DatabaseError as exc:
            con.close()
            mapped = storage_error(exc)
            raise (WrongPassphrase() if mapped is exc else mapped) from None
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
        try:
            vault.remove_leftovers()  # partial packets and copies a crash left behind
            vault._remove_stale_temp_files()
            if found < schema.SCHEMA_VERSION:
                vault._upgrade(found)
        except BaseException:
            vault.close()
            raise
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
            except DatabaseError as exc:
                raise storage_error(exc) from None
            try:
                yield con
            except BaseException as exc:
                if con.in_transaction:  # SQLite may have rolled back already (disk full)
                    with contextlib.suppress(DatabaseError):
                        con.execute("ROLLBACK")
                if isinstance(exc, DatabaseError):
                    raise storage_error(exc) from None
                raise
            try:
                con.execute("COMMIT")
            except DatabaseError as exc:
                if con.in_transaction:
                    with contextlib.suppress(DatabaseError):
                        con.execute("ROLLBACK")
                raise storage_error(exc) from None

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self._lock:
            yield self._connection()

    def _connection(self) -> Connection:
        if self._con is None:
            raise PdoError("the vault is locked")
        return self._con

    def read_only_connection(self) -> Connection:
        """Another connection to this vault that can only read, for a worker thread that
        reads many stored files while this one serves the rest (one connection decrypts
        one page at a time: the export's image threads waited for each other). The
        caller closes it, before this vault is closed."""
        with self._lock:
            self._connection()  # the vault is locked: no key to give
            try:
                return _connect(self.path, self._key, uri_query="mode=ro")
            except DatabaseError as exc:
                raise storage_error(exc) from None

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
                problems.append(
                    "1 page belongs to no document"
                    if orphans == 1
                    else f"{orphans} pages belong to no document"
                )
        return problems

    def backup(self, dest: str | os.PathLike[str]) -> Path:
        """Write an encrypted copy that opens with the same passphrase. Crash-safe: a
        partial copy is never under the final name, and is removed on failure or, after
        a crash, by the next backup to that folder or the next unlock."""
        target = Path(dest)
        if target.is_dir():
            target = target / self.path.name
        if target.exists():
            raise InvalidInput("{name} already exists; choose another name", name=str(target))
        if target.resolve() == self.path.resolve():
            raise InvalidInput("the backup must not replace the vault itself")
        if not target.parent.is_dir():
            raise InvalidInput("the folder {folder} does not exist", folder=str(target.parent))
        tmp = self._temp_name(target)
        try:
            with self._lock, self.writing_to(target.parent, tmp.name):
                self._export_to(tmp, self._key, self._salt)
                try:
                    os.replace(tmp, target)
                except OSError as exc:
                    raise storage_error(exc) from None
                fsync_util.fsync_dir(target.parent)
        except StorageError as exc:
            if exc.template == "the vault file cannot be written (is it read-only?)":
                # It is the copy's folder that refused, not the vault.
                raise StorageError(
                    "the folder {folder} cannot be written (is it read-only?); nothing was changed",
                    folder=str(target.parent),
                ) from None
            raise
        return target

    def change_passphrase(self, new_passphrase: str, params: kdf.KdfParams | None = None) -> None:
        """Re-encrypt under a new passphrase (and fresh salt). The old file stays intact
        and usable until the new one is complete and has atomically replaced it; the new
        file keeps the old one's permissions (0600, 0444 ...)."""
        if not new_passphrase:
            raise InvalidInput("the new passphrase is empty")
        new_params = params or kdf.params_from_salt(self._salt)
        salt = kdf.new_salt(new_params)
        key = kdf.derive_key(new_passphrase, salt, new_params)
        tmp = self._temp_name(self.path)
        with self._lock, self.writing_to(self.path.parent, tmp.name):
            self._export_to(tmp, key, salt)
            try:
                con = _connect(tmp, key)
                try:
                    con.execute(
                        "UPDATE meta SET value = ? WHERE key = 'kdf'",
                        (json.dumps(new_params.to_json()),),
                    )
                finally:
                    con.close()
                fsync_util.fsync_file(tmp)
                fsync_util.keep_mode_of(self.path, tmp)
                self._connection().close()
                self._con = None  # type: ignore[assignment]
                os.replace(tmp, self.path)
            except BaseException as exc:
                fsync_util.remove_quietly(*fsync_util.sqlite_companions(tmp))
                if self._con is None:  # the old file is still in place: keep using it
                    self._con = _connect(self.path, self._key)
                    _configure(self._con)
                mapped = storage_error(exc)
                if mapped is not exc:
                    raise mapped from None
                raise
            fsync_util.fsync_dir(self.path.parent)
            self._con = _connect(self.path, key)
            _configure(self._con)
            self._key, self._salt = key, salt

    @staticmethod
    def _temp_name(beside: Path) -> Path:
        return beside.with_name(f"{beside.name}{_TMP_MARK}{secrets.token_hex(4)}")

    def _export_to(self, tmp: Path, key: bytes, salt: bytes) -> None:
        """sqlcipher_export into the private file `tmp`, synced to disk. On any failure
        `tmp` and its journal are removed and a disk or permission fault is reported in
        plain words ("nothing was changed")."""
        with self._lock:
            try:
                self._copy_into(tmp, key, salt)
                fsync_util.fsync_file(tmp)
            except BaseException as exc:
                fsync_util.remove_quietly(*fsync_util.sqlite_companions(tmp))
                mapped = storage_error(exc)
                if mapped is not exc:
                    raise mapped from None
                raise

    def _copy_into(self, tmp: Path, key: bytes, salt: bytes) -> None:
        con = self._connection()
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        fsync_util.touch_private(tmp)  # SQLite keeps the mode, and gives it the journal
        con.execute(
            "ATTACH DATABASE ? AS export_target KEY ?",
            (str(tmp), kdf.sqlcipher_raw_key(key, salt)),
        )
        try:
            con.execute("SELECT sqlcipher_export('export_target')")
            con.execute(f"PRAGMA export_target.user_version = {version}")
            # The copy does not inherit this vault's records of writes under way.
            con.execute(
                "DELETE FROM export_target.meta WHERE key LIKE ?", (leftovers.KEY_PREFIX + "%",)
            )
        finally:
            con.execute("DETACH DATABASE export_target")

    # -- writes outside the vault that a crash may interrupt ------------------------------

    @contextlib.contextmanager
    def writing_to(self, folder: str | os.PathLike[str], prefix: str) -> Iterator[None]:
        """Around a write of temp files named `prefix`... in `folder` (names matching
        leftovers.TEMP_PATTERNS): first removes what earlier crashed writes left in that
        folder, then records this write in the vault (committed before the first byte is
        written); afterwards removes any such temp file still there and the record."""
        where = Path(folder)
        self.remove_leftovers(where)
        key, value = leftovers.new_record(where, prefix)
        leftovers.activate(key)
        recorded = self._set_meta(key, value)
        try:
            yield
        finally:
            leftovers.deactivate(key)
            leftovers.remove_files(where, prefix)
            if recorded:
                self._forget_meta(key)

    def remove_leftovers(self, folder: Path | None = None) -> int:
        """Delete temp files of interrupted writes recorded in this vault (only those in
        `folder` when given); the number of files removed. Never raises."""
        try:
            with self.read() as con:
                rows = con.execute(
                    "SELECT key, value FROM meta WHERE key LIKE ?", (leftovers.KEY_PREFIX + "%",)
                ).fetchall()
        except DatabaseError:
            return 0
        removed = leftovers.sweep(dict(rows), self._forget_meta, folder)
        if removed:
            log.info("removed %d temp file(s) left by an interrupted write", removed)
        return removed

    def _set_meta(self, key: str, value: str) -> bool:
        """Write one meta row in its own committed transaction; False when that cannot be
        done now (read-only vault, full disk, inside another transaction)."""
        with self._lock:
            con = self._connection()
            if con.in_transaction:
                return False
            try:
                con.execute("BEGIN IMMEDIATE")
                con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))
                con.execute("COMMIT")
                return True
            except DatabaseError as exc:
                if con.in_transaction:
                    with contextlib.suppress(DatabaseError):
                        con.execute("ROLLBACK")
                log.info("could not record a write in the vault: %s", type(exc).__name__)
                return False

    def _forget_meta(self, key: str) -> None:
        with self._lock:
            con = self._con
            if con is None or con.in_transaction:
                return
            try:
                con.execute("DELETE FROM meta WHERE key = ?", (key,))
            except DatabaseError as exc:
                log.info("could not clear a write record: %s", type(exc).__name__)

    def _upgrade(self, found: int) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(
            f"{self.path.stem}.schema{found}-backup-{stamp}{self.path.suffix or VAULT_SUFFIX}"
        )
        self.backup(backup)
        self.schema_backup = backup
        log.info(
            "vault schema upgraded from %d to %d; backup written", found, schema.SCHEMA_VERSION
        )
        with self.transaction() as con:
            schema.migrate(con.execute, found)

    def _remove_stale_temp_files(self) -> None:
        """Leftovers of an interrupted backup or passphrase change (encrypted, but clutter)."""
        leftovers.remove_files(self.path.parent, f"{self.path.name}{_TMP_MARK}")
