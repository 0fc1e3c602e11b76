"""The encrypted store: one SQLCipher database keyed by the data key from the keyfile.

A data folder holds ``store.db`` (SQLCipher 4, raw 32-byte key, WAL mode) and ``store.key``
(see keyfile.py), and SQLite's own ``store.db-wal`` / ``-shm`` while open. The folder is
0700 and the files 0600 where the OS has POSIX modes.

Opening never changes a byte on disk until the key has been proved by reading the
database: every refusal (wrong passphrase, damaged or foreign keyfile, a database that is
not ours, no SQLCipher) leaves the folder exactly as it was.

Only this module, handle.py, cipher.py and migrations.py talk to ``sqlcipher3``; the
standard ``sqlite3`` module is never used (it ignores ``PRAGMA key`` and would write
plaintext).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from sqlcipher3 import dbapi2

from desktop.store import fsutil, schema
from desktop.store.cipher import (
    apply_key,
    prepare_cipher,
    prove_key,
    starts_with_plain_header,
)
from desktop.store.errors import (
    KeyfileMissingError,
    KeyMismatchError,
    NotAStoreError,
    StoreExistsError,
    StoreIOError,
    StoreNotFoundError,
    StoreTooNewError,
    is_damage,
)
from desktop.store.files import (
    ALT_DB_NAME,
    DB_NAME,
    KEYFILE_NAME,
    SQLITE_SIDE_SUFFIXES,
    check_data_dir,
    make_files_private,
    remove_created,
    require_no_other_files,
    store_exists,
)
from desktop.store.handle import Connection, Store, raise_translated
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

__all__ = [
    "ALT_DB_NAME",
    "DB_NAME",
    "KEYFILE_NAME",
    "MIN_UNLOCK_PAD_S",
    "SESSION_PRAGMAS",
    "SQLITE_SIDE_SUFFIXES",  # re-exported: desktop/store/files.py
    "UNLOCK_PAD_SHARE",
    "Connection",
    "Store",
    "change_passphrase",
    "check_data_dir",
    "check_database_file",
    "create_database",
    "create_store",
    "open_database",
    "open_store",
    "store_exists",
]

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
_DB_MISSING_MESSAGE = (
    "The store's key file is here but its database (store.db) is missing. Put the database "
    "back in the data folder. If the store was never used, wipe it and create a new one."
)


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
    require_no_other_files(data_dir)
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
        remove_created(created)
        raise
    finally:
        zero(data_key)


def open_store(
    data_dir: Path, passphrase: str, *, meanwhile: Callable[[Store], object] | None = None
) -> Store:
    """Unlock and open the store in ``data_dir``, applying pending migrations.

    ``meanwhile(store)``, if given, runs on the open store before it is returned, inside
    the unlock's padding (see UNLOCK_PAD_SHARE): reads that would otherwise follow the
    unlock (a window's first view) take none of the user's time as long as they fit. If
    it raises, the store is closed and the error raised once the padding is over.

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
        finally:
            zero(data_key)
        _run_meanwhile(store, meanwhile)
        return store
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
    try:
        _run_meanwhile(store, meanwhile)
    finally:
        time.sleep(max(0.0, pad - time.monotonic()))
    return store


def _run_meanwhile(store: Store, meanwhile: Callable[[Store], object] | None) -> None:
    if meanwhile is None:
        return
    try:
        meanwhile(store)
    except BaseException:
        store.close()
        raise


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
    if starts_with_plain_header(db_path):
        raise NotAStoreError()
    conn = _connect(db_path, read_only=True)
    try:
        prepare_cipher(conn)
        apply_key(conn, data_key)
        prove_key(conn)
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
        raise_translated(e)
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
        raise_translated(e)
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
    if starts_with_plain_header(db_path):
        raise NotAStoreError()
    _prove_key_read_only(db_path, data_key)
    # The key is proved: from here on we may touch the files.
    conn = _connect(db_path)
    try:
        prepare_cipher(conn)
        apply_key(conn, data_key)
        prove_key(conn)
        make_files_private(data_dir)
        for pragma in SESSION_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}").fetchall()
        apply_migrations(conn, schema.MIGRATIONS)
        make_files_private(data_dir)  # -wal and -shm now exist
    except BaseException as e:
        with contextlib.suppress(Exception):
            conn.close()
        if isinstance(e, dbapi2.Error):
            raise_translated(e)
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
        prepare_cipher(conn)
        apply_key(conn, data_key)
        prove_key(conn)
    except dbapi2.Error as e:
        if getattr(e, "sqlite_errorname", None) == "SQLITE_CORRUPT":
            return
        raise_translated(e)
    finally:
        with contextlib.suppress(Exception):
            conn.close()
