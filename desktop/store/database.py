"""The encrypted store: one SQLCipher database keyed by the data key from the keyfile.

A data folder holds ``store.db`` (SQLCipher 4, raw 32-byte key, WAL mode) and ``store.key``
(see keyfile.py), and SQLite's own ``store.db-wal`` / ``-shm`` while open. The folder is
0700 and the files 0600 where the OS has POSIX modes.

Opening never changes a byte on disk until the key has been proved by reading the
database: every refusal (wrong passphrase, damaged or foreign keyfile, a database that is
not ours, no SQLCipher) leaves the folder exactly as it was.

Only this module and migrations.py talk to ``sqlcipher3``; the standard ``sqlite3`` module
is never used (it ignores ``PRAGMA key`` and would write plaintext).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn, Protocol

from sqlcipher3 import dbapi2

from desktop.store import fsutil, schema
from desktop.store.errors import (
    DataDirNotADirectoryError,
    DataDirNotEmptyError,
    KeyfileMissingError,
    KeyMismatchError,
    NotAStoreError,
    SQLCipherUnavailableError,
    StoreExistsError,
    StoreIOError,
    StoreNotFoundError,
    StoreTooNewError,
    is_damage,
    store_error_from,
)
from desktop.store.keyfile import (
    DATA_KEY_BYTES,
    WrappedKey,
    check_passphrase,
    rewrap,
    unwrap,
    zero,
)
from desktop.store.keyslots import KIND_DURESS, open_slots, read_any
from desktop.store.migrations import apply_migrations
from desktop.store.unlock_state import UNLOCK_STATE_NAME

DB_NAME = "store.db"
KEYFILE_NAME = "store.key"
# The filler, or with a duress passphrase the decoy (desktop/store/duress.py).
ALT_DB_NAME = DB_NAME + "-alt"
# Every unlock that opens a version-2 keyfile takes at least the key derivation's time
# plus this share of it (and at least MIN_UNLOCK_PAD_S): the duress path's extra work
# (keyfile, renames, a new filler) hides inside, so both paths take as long.
UNLOCK_PAD_SHARE = 1.0
MIN_UNLOCK_PAD_S = 0.5
# Set on every connection once the key is proved (benchmarks reuse them for baselines).
SESSION_PRAGMAS = (
    "secure_delete = ON",
    "temp_store = MEMORY",  # no plaintext temp files
    # Decrypted pages stay cached: without it a search over 100,000 reports decrypts the
    # same index pages again on every query. 32 MiB.
    "cache_size = -32768",
    "foreign_keys = ON",
    "synchronous = FULL",
    "journal_mode = WAL",
)
# Files SQLite itself may create beside the database.
SQLITE_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# The first 16 bytes of every unencrypted SQLite database; SQLCipher's page 1 is random.
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"

_DB_MISSING_MESSAGE = (
    "The store's key file is here but its database (store.db) is missing. Put the database "
    "back in the data folder. If the store was never used, wipe it and create a new one."
)

Params = Sequence[Any] | Mapping[str, Any]


class Cursor(Protocol):
    """The part of a DB-API cursor the store relies on (sqlcipher3 has no type stubs)."""

    @property
    def rowcount(self) -> int: ...
    @property
    def lastrowid(self) -> int | None: ...
    @property
    def description(self) -> Any: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def fetchmany(self, size: int = ..., /) -> list[Any]: ...
    def close(self) -> None: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of a sqlcipher3 connection the store relies on."""

    row_factory: Any

    @property
    def in_transaction(self) -> bool: ...
    @property
    def total_changes(self) -> int: ...
    def execute(self, sql: str, parameters: Params = ..., /) -> Cursor: ...
    def executemany(self, sql: str, seq_of_parameters: Iterable[Params], /) -> Cursor: ...
    def cursor(self) -> Cursor: ...
    def create_function(
        self, name: str, narg: int, func: Callable[..., Any] | None, /, *, deterministic: bool = ...
    ) -> None: ...
    def interrupt(self) -> None: ...
    def close(self) -> None: ...


class Store:
    """An open, unlocked store: one SQLCipher connection and its data folder.

    The connection is in autocommit mode: every statement outside ``transaction()`` commits
    on its own. It belongs to the thread that opened it (sqlcipher3's default
    ``check_same_thread``); give the Store to one worker.

    While open it keeps a copy of the data key, so that `open_sibling` can open more
    connections (the sync's, the health check's) without deriving it from the passphrase
    again; `close` wipes it.
    """

    def __init__(
        self,
        conn: Connection,
        data_dir: Path,
        data_key: bytearray | None = None,
        db_name: str = DB_NAME,
    ) -> None:
        self._conn: Connection | None = conn
        self._data_dir = data_dir
        self._db_name = db_name
        self._in_transaction = False
        self._key_lock = threading.Lock()
        self._key = bytearray(data_key) if data_key is not None else None

    @property
    def conn(self) -> Connection:
        """The connection. Raises RuntimeError once the store is closed."""
        if self._conn is None:
            raise RuntimeError("the store is closed")
        return self._conn

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    @property
    def closed(self) -> bool:
        return self._conn is None

    def close(self) -> None:
        """Close the connection (an open transaction is rolled back). Idempotent.

        SQLite checkpoints the WAL into store.db and removes -wal/-shm on the last close.
        Raises StoreIOError if the disk refuses the final checkpoint.
        """
        self._drop_key()
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            conn.close()
        except dbapi2.Error as e:
            _raise_translated(e)

    def open_sibling(self) -> Store:
        """Open another connection to this store with the key it was opened with, for
        another thread (the new Store belongs to the calling thread). No key derivation and
        no unlock count: the passphrase was proved when this store opened.

        Safe to call from any thread. Raises RuntimeError once this store is closed (its
        key is gone), and what opening raises (StoreIOError, KeyMismatchError, ...).
        """
        with self._key_lock:
            if self._key is None:
                raise RuntimeError("the store is closed")
            key = bytearray(self._key)
        try:
            return _open_keyed(self._data_dir, key, self._db_name)
        finally:
            zero(key)

    def _drop_key(self) -> None:
        with self._key_lock:
            key, self._key = self._key, None
        if key is not None:
            zero(key)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def execute(self, sql: str, params: Params = ()) -> Cursor:
        """Execute one statement with bound ``params`` and return its cursor.

        Raises StoreIOError when the disk is full or cannot be written, StoreBusyError when
        another process holds the lock past the wait (5 s); other SQLite errors propagate
        unchanged (they are programming errors or constraint violations).
        """
        try:
            return self.conn.execute(sql, params)
        except dbapi2.Error as e:
            _raise_translated(e)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Run the block in one write transaction: BEGIN IMMEDIATE, then COMMIT or ROLLBACK.

        Yields the connection. The write lock is taken at the start, so the block never
        fails half-way for lack of it. Any exception in the block rolls back and propagates
        (SQLite disk-full / I/O errors as StoreIOError). Raises RuntimeError if a
        transaction is already open: transactions do not nest.
        """
        conn = self.conn
        if self._in_transaction or conn.in_transaction:
            raise RuntimeError("transactions do not nest")
        self.execute("BEGIN IMMEDIATE")
        self._in_transaction = True
        try:
            try:
                yield conn
            except BaseException as e:
                _rollback_quietly(conn)
                if isinstance(e, dbapi2.Error):
                    _raise_translated(e)
                raise
            try:
                conn.execute("COMMIT")
            except dbapi2.Error as e:
                _rollback_quietly(conn)
                _raise_translated(e)
        finally:
            self._in_transaction = False


def check_data_dir(data_dir: Path) -> None:
    """Raise DataDirNotADirectoryError if ``data_dir`` exists and is not a folder (a file,
    or a symlink to one). A missing ``data_dir`` is fine."""
    if os.path.lexists(data_dir) and not data_dir.is_dir():
        raise DataDirNotADirectoryError()


def store_exists(data_dir: Path) -> bool:
    """True if ``data_dir`` holds a store database or keyfile (even a dangling symlink)."""
    return os.path.lexists(data_dir / DB_NAME) or os.path.lexists(data_dir / KEYFILE_NAME)


def create_store(data_dir: Path, passphrase: str) -> Store:
    """Create a new, empty store in ``data_dir`` and return it open.

    Creates ``data_dir`` (0700, parents too) if needed, draws a 32-byte random data key,
    writes the keyfile (0600), then the database (0600), and applies the schema.
    On failure removes the files it created and raises: WeakPassphraseError (before
    anything is touched), DataDirNotADirectoryError, StoreExistsError (a database or
    keyfile is already there; never
    overwritten), DataDirNotEmptyError (the folder holds other files: a store's wipe
    removes its folder only when empty, and a store is not to be mixed with other data; a
    missing or empty folder, or one holding only the unlock state, is fine), StoreIOError,
    SQLCipherUnavailableError.
    A hard crash between writing the keyfile and creating the database (a few
    microseconds) leaves a keyfile alone; open_store then says so and wipe_store clears it.
    """
    check_passphrase(passphrase)
    check_data_dir(data_dir)
    if store_exists(data_dir):
        raise StoreExistsError()
    _require_no_other_files(data_dir)
    try:
        fsutil.make_private_dir(data_dir)
    except OSError as e:
        raise StoreIOError() from e
    db_path = data_dir / DB_NAME
    key_path = data_dir / KEYFILE_NAME
    # secrets returns an immutable bytes object we cannot wipe; the bytearray copy we can.
    data_key = bytearray(secrets.token_bytes(DATA_KEY_BYTES))
    created: list[Path] = []
    from desktop.store import duress  # it builds on this module

    try:
        try:
            fsutil.write_new(key_path, duress.new_keyfile_bytes(passphrase, data_key))
        except FileExistsError as e:
            raise StoreExistsError() from e
        except OSError as e:
            raise StoreIOError() from e
        created.append(key_path)
        try:
            fsutil.create_private_file(db_path)
        except FileExistsError as e:
            raise StoreExistsError() from e
        except OSError as e:
            raise StoreIOError() from e
        created.append(db_path)
        store = _open_keyed(data_dir, data_key)
        created.append(data_dir / ALT_DB_NAME)
        try:
            duress.create_filler(data_dir)
        except BaseException:
            store.close()
            raise
        return store
    except BaseException:
        _remove_created(created)
        raise
    finally:
        zero(data_key)


def open_store(data_dir: Path, passphrase: str) -> Store:
    """Unlock and open the store in ``data_dir``, applying pending migrations.

    Raises DataDirNotADirectoryError, StoreNotFoundError (no store, or the keyfile
    without its database),
    KeyfileMissingError, KeyfileCorruptError, WrongPassphraseError, KeyMismatchError (the
    key does not open this database), NotAStoreError (an unencrypted SQLite database),
    SQLCipherUnavailableError, StoreTooNewError, StoreMigrationError, StoreIOError.
    On every error no file in ``data_dir`` is created, changed or removed.
    A zero-byte store.db (create_store interrupted before the schema) has nothing to lose
    and accepts any key: it is initialised as a new, empty store.
    """
    check_data_dir(data_dir)
    db_path = data_dir / DB_NAME
    key_path = data_dir / KEYFILE_NAME
    has_db = os.path.lexists(db_path)
    has_key = os.path.lexists(key_path)
    if not has_db and not has_key:
        raise StoreNotFoundError()
    if not has_key:
        raise KeyfileMissingError()
    if not has_db:
        raise StoreNotFoundError(_DB_MISSING_MESSAGE)
    from desktop.store import duress  # it builds on this module

    started = time.monotonic()
    parsed = read_any(key_path)
    if isinstance(parsed, WrappedKey):  # version 1: upgraded once it has opened the store
        data_key = unwrap(parsed, passphrase)
        try:
            store = _open_keyed(data_dir, data_key)
            try:
                duress.migrate_keyfile(data_dir, passphrase, data_key)
            except BaseException:
                store.close()
                raise
            return store
        finally:
            zero(data_key)
    opened = open_slots(parsed, passphrase)
    derived = time.monotonic() - started
    try:
        if opened.kind == KIND_DURESS:
            duress.switch_to_decoy(data_dir, parsed, opened)
        try:
            store = _open_keyed(data_dir, opened.data_key)
        except KeyMismatchError:
            if not duress.recover_switch(data_dir, opened.data_key):
                raise
            store = _open_keyed(data_dir, opened.data_key)
    finally:
        opened.wipe()
    pad = started + derived + max(MIN_UNLOCK_PAD_S, derived * UNLOCK_PAD_SHARE)
    time.sleep(max(0.0, pad - time.monotonic()))
    return store


def change_passphrase(data_dir: Path, old_passphrase: str, new_passphrase: str) -> None:
    """Re-wrap the store's data key under ``new_passphrase``; the database is not touched.

    Atomic: after a crash either passphrase works. Raises WeakPassphraseError (checked
    first), StoreNotFoundError, KeyfileMissingError, KeyfileCorruptError,
    WrongPassphraseError, StoreIOError.
    """
    check_passphrase(new_passphrase)
    check_data_dir(data_dir)
    if not store_exists(data_dir):
        raise StoreNotFoundError()
    parsed = read_any(data_dir / KEYFILE_NAME)
    if isinstance(parsed, WrappedKey):
        rewrap(data_dir / KEYFILE_NAME, old_passphrase, new_passphrase)
        return
    from desktop.store import duress  # it builds on this module

    opened = open_slots(parsed, old_passphrase)
    try:
        if opened.kind == KIND_DURESS:  # typed here too, it does what it does everywhere
            duress.switch_to_decoy(data_dir, parsed, opened)
            parsed = duress.read_slot_file(data_dir)
        duress.reseal_store_slot(data_dir, parsed, opened, new_passphrase)
    finally:
        opened.wipe()


def check_database_file(db_path: Path, data_key: bytearray) -> list[str]:
    """Check a database file that is not open as a store (a backup's, before it replaces
    store.db): the key opens it, and its pages and structure are whole.

    Returns the problems found (empty: whole). Raises NotAStoreError (plaintext SQLite),
    KeyMismatchError (the key does not open it), StoreTooNewError, StoreIOError. Reads
    only: the file is opened immutable, so nothing beside it is created or changed.
    """
    if _starts_with_plain_header(db_path):
        raise NotAStoreError()
    conn = _connect(db_path, read_only=True)
    try:
        _prepare_cipher(conn)
        _apply_key(conn, data_key)
        _prove_key(conn)
        found = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if found > len(schema.MIGRATIONS):
            raise StoreTooNewError(found, len(schema.MIGRATIONS))
        problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        if not problems:
            rows = conn.execute("PRAGMA quick_check(100)").fetchall()
            problems = [str(r[0]) for r in rows if r[0] != "ok"]
        return problems
    except dbapi2.Error as e:
        if is_damage(e):
            return [str(e)]
        _raise_translated(e)
    finally:
        with contextlib.suppress(Exception):
            conn.close()


def create_database(db_path: Path, data_key: bytearray) -> None:
    """Create a new SQLCipher database at ``db_path`` keyed by ``data_key``, with the
    schema, and close it. Raises FileExistsError, StoreIOError."""
    try:
        fsutil.create_private_file(db_path)
    except FileExistsError:
        raise
    except OSError as e:
        raise StoreIOError() from e
    open_database(db_path, data_key).close()


def open_database(db_path: Path, data_key: bytearray) -> Store:
    """Open the database at ``db_path`` with ``data_key`` (a decoy being filled); its
    ``data_dir`` is the folder it is in. Raises as `open_store` does after the keyfile."""
    return _open_keyed(db_path.parent, data_key, db_path.name)


def _require_no_other_files(data_dir: Path) -> None:
    try:
        names = os.listdir(data_dir)
    except FileNotFoundError:
        return
    except OSError as e:
        raise StoreIOError() from e
    if any(name != UNLOCK_STATE_NAME for name in names):
        raise DataDirNotEmptyError()


def _connect(db_path: Path, *, read_only: bool = False) -> Connection:
    """Open an existing database file without creating anything.

    Read-write is URI ``mode=rw``. Read-only is ``mode=ro&immutable=1``: SQLite then takes
    no lock and never opens, creates, reads or checkpoints ``-wal``/``-shm`` (a plain
    ``mode=ro`` connection still writes read marks into ``-shm`` and may create it), so
    it cannot change a byte of any file. It also ignores the WAL's data: use it only to
    read page 1 of the main file, never for content.
    """
    query = "?mode=ro&immutable=1" if read_only else "?mode=rw"
    try:
        conn: Connection = dbapi2.connect(
            db_path.absolute().as_uri() + query, uri=True, isolation_level=None
        )
    except dbapi2.Error as e:
        _raise_translated(e)
    return conn


def _open_keyed(data_dir: Path, data_key: bytearray, db_name: str = DB_NAME) -> Store:
    """Prove the key without writing anything, then open read-write.

    1. A plaintext SQLite header (read in Python, no SQLite involved) is NotAStoreError.
    2. The key is proved on an immutable read-only connection that reads page 1 of
       store.db only. Page 1 is always in the main file: SQLite writes the header there
       before the database can be in WAL mode, and a checkpoint only ever replaces it
       whole. A crash that left ``-wal``/``-shm`` behind is therefore harmless here: they
       are neither read nor touched, so a refusal (KeyMismatchError) changes nothing.
    3. Only then the read-write connection opens; it reads the WAL and recovers every
       committed transaction.
    """
    db_path = data_dir / db_name
    if _starts_with_plain_header(db_path):
        raise NotAStoreError()
    _prove_key_read_only(db_path, data_key)
    # The key is proved: from here on we may touch the files.
    conn = _connect(db_path)
    try:
        _prepare_cipher(conn)
        _apply_key(conn, data_key)
        _prove_key(conn)
        _make_files_private(data_dir)
        for pragma in SESSION_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}").fetchall()
        apply_migrations(conn, schema.MIGRATIONS)
        _make_files_private(data_dir)  # -wal and -shm now exist
    except BaseException as e:
        with contextlib.suppress(Exception):
            conn.close()
        if isinstance(e, dbapi2.Error):
            _raise_translated(e)
        raise
    return Store(conn, data_dir, data_key, db_name)


def _prove_key_read_only(db_path: Path, data_key: bytearray) -> None:
    """A wrong key fails on page 1 (SQLITE_NOTADB: KeyMismatchError). SQLITE_CORRUPT here
    means page 1 decrypted and authenticated, so the key is right, but the main file alone
    is not the whole database: a checkpoint cut short (disk full, a crash) copied some
    pages from the WAL and not others. The read-write connection reads the WAL, which
    still holds every committed page, and proves the key again."""
    conn = _connect(db_path, read_only=True)
    try:
        _prepare_cipher(conn)
        _apply_key(conn, data_key)
        _prove_key(conn)
    except dbapi2.Error as e:
        if getattr(e, "sqlite_errorname", None) == "SQLITE_CORRUPT":
            return
        _raise_translated(e)
    finally:
        with contextlib.suppress(Exception):
            conn.close()


def _prepare_cipher(conn: Connection) -> None:
    # SQLCipher 4.6+ logs key failures to stderr at its default WARN level; the level is
    # process-wide, and set before anything else can log.
    conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if row is None or not row[0]:
        raise SQLCipherUnavailableError()
    # cipher_memory_security stays OFF (SQLCipher's default): SQLCipher zeroes its own key
    # material either way, and ON would mlock and wipe every SQLite allocation — most of a
    # desk pull's store time went to mlock/munlock calls — while the same report
    # text sits in Python's unlocked heap anyway. Swap is the OS's to encrypt (README).


def _apply_key(conn: Connection, data_key: bytearray) -> None:
    # A raw key ("x'...'"), so SQLCipher runs no KDF of its own. The hex text is an
    # immutable str we cannot wipe: Python gives no way around that, so it lives until the
    # garbage collector reuses its memory. Never log it or put it in an exception.
    conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"").fetchall()


def _prove_key(conn: Connection) -> None:
    """Read page 1 at once so a wrong key fails here (KeyMismatchError)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError as e:
        if getattr(e, "sqlite_errorname", None) != "SQLITE_NOTADB":
            raise
        raise KeyMismatchError() from e


def _starts_with_plain_header(db_path: Path) -> bool:
    """True if store.db begins with the unencrypted SQLite header (SQLCipher's is random)."""
    try:
        with open(db_path, "rb") as f:
            return f.read(len(PLAIN_SQLITE_HEADER)) == PLAIN_SQLITE_HEADER
    except OSError:
        return False


def _store_files(data_dir: Path) -> list[Path]:
    db_path = data_dir / DB_NAME
    sides = [db_path.with_name(DB_NAME + suffix) for suffix in SQLITE_SIDE_SUFFIXES]
    return [db_path, *sides, data_dir / ALT_DB_NAME, data_dir / KEYFILE_NAME]


def _make_files_private(data_dir: Path) -> None:
    try:
        fsutil.make_private(data_dir)
        for path in _store_files(data_dir):
            fsutil.make_private(path)
    except OSError as e:
        raise StoreIOError() from e


def _remove_created(paths: Iterable[Path]) -> None:
    for path in paths:
        targets = [path]
        if path.name == DB_NAME:
            targets += [path.with_name(DB_NAME + suffix) for suffix in SQLITE_SIDE_SUFFIXES]
        for target in targets:
            with contextlib.suppress(OSError):
                target.unlink()


def _rollback_quietly(conn: Connection) -> None:
    # After some errors SQLite has already rolled back; a second ROLLBACK then fails.
    if conn.in_transaction:
        with contextlib.suppress(dbapi2.Error):
            conn.execute("ROLLBACK")


def _raise_translated(e: BaseException) -> NoReturn:
    """Re-raise ``e``, as StoreBusyError if another process holds the lock, as
    StoreIOError if it means disk full / I/O / permission."""
    typed = store_error_from(e)
    if typed is not None:
        raise typed from e
    raise e
