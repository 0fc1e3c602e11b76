"""Encrypted backups: one file that holds the store's key file and a consistent copy of
its database, both as encrypted as the store itself.

A backup file is::

    b"gatewatch-backup/1\\n"          19 bytes, the format and its version
    length of the key file            4 bytes, big-endian, at most 4096
    the key file (store.key)          as in the store: the data key wrapped under the
                                      passphrase with Argon2id (keyslots.py)
    the database                      SQLCipher 4 under the same data key, to the end

The database part is ``VACUUM INTO`` of the open store: SQLite writes it from one read
transaction, so it is consistent even while the store is in use, and SQLCipher encrypts it
under the store's own key. Nothing in the file is plaintext but the 23 header bytes and the
key file's Argon2id parameters. The backup opens with the store's passphrase *at the time
of the backup*: a later passphrase change does not reach copies already made.

Restoring checks the passphrase against the backup's key file, then the database against
the key, page by page, before it touches the store in the data folder.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import struct
from pathlib import Path
from typing import BinaryIO

from desktop.fsread import TooLargeError, read_bounded
from desktop.store import fsutil
from desktop.store.chain import mark_restored
from desktop.store.database import (
    ALT_DB_NAME,
    DB_NAME,
    KEYFILE_NAME,
    SQLITE_SIDE_SUFFIXES,
    Store,
    check_data_dir,
    check_database_file,
    open_database,
    store_exists,
)
from desktop.store.duress import create_filler, strip_duress
from desktop.store.errors import (
    KeyfileCorruptError,
    StoreError,
    StoreExistsError,
    StoreIOError,
    io_error_from,
)
from desktop.store.keyfile import MAX_KEYFILE_BYTES, zero

MAGIC = b"gatewatch-backup/1\n"
_LENGTH = struct.Struct(">I")
_COPY_BYTES = 1024 * 1024
# The database while it is being restored: a name the panic wipe removes (store.db-*).
RESTORE_TEMP_NAME = DB_NAME + "-restore"


class BackupError(StoreError):
    default_message = (
        "This file is not a Gatewatch backup, or it is damaged. Choose another backup file; "
        "nothing was changed."
    )


class BackupDamagedError(BackupError):
    default_message = (
        "The backup opens with this passphrase, but its database is damaged. Choose an "
        "older backup; nothing was changed."
    )


def write_backup(store: Store, out: Path) -> None:
    """Write a backup of the open ``store`` to ``out`` (0600), replacing a file there.

    The file appears whole or not at all (a temp file beside ``out``, renamed). Raises
    StoreIOError (disk full, no permission), StoreDamagedError (a damaged page could not
    be read: the store needs a restore, not a backup), StoreBusyError.
    """
    key_bytes = _read_keyfile_bytes(store.data_dir / KEYFILE_NAME)
    out = out.absolute()
    token = secrets.token_hex(8)
    db_tmp = out.with_name(f"{out.name}{fsutil.TEMP_INFIX}{token}.db")
    file_tmp = out.with_name(f"{out.name}{fsutil.TEMP_INFIX}{token}")
    try:
        try:
            fsutil.create_private_file(db_tmp)  # VACUUM INTO accepts an empty file
        except OSError as e:
            raise StoreIOError() from e
        store.execute("VACUUM INTO ?", (str(db_tmp),))
        try:
            fd = os.open(file_tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | fsutil.BINARY, 0o600)
            with os.fdopen(fd, "wb") as target, open(db_tmp, "rb") as source:
                target.write(MAGIC + _LENGTH.pack(len(key_bytes)) + key_bytes)
                while block := source.read(_COPY_BYTES):
                    target.write(block)
                target.flush()
                os.fsync(target.fileno())
            os.replace(file_tmp, out)
            fsutil.fsync_dir(out.parent)
        except OSError as e:
            raise StoreIOError() from e
    finally:
        for leftover in (db_tmp, file_tmp):
            with contextlib.suppress(OSError):
                leftover.unlink()


def restore_backup(data_dir: Path, backup: Path, passphrase: str, *, replace: bool) -> None:
    """Bring the store in ``backup`` back into ``data_dir``.

    Order: the passphrase is checked against the backup's key file (WrongPassphraseError,
    not counted against the store: the backup is not the store), the database is copied
    beside the store and checked page by page with that key, and only then does it replace
    ``store.db`` (the old ``-wal``/``-shm`` are removed first: they belong to the old
    database) and the backup's key file replaces ``store.key`` (the old one overwritten).
    A crash in between: run the restore again, the backup file is never changed.

    An existing store is replaced only with ``replace`` (else StoreExistsError, nothing
    changed). Raises BackupError (not a backup, truncated), BackupDamagedError,
    WrongPassphraseError, KeyMismatchError, StoreTooNewError, StoreIOError,
    DataDirNotADirectoryError. Every refusal leaves the store as it was.
    """
    check_data_dir(data_dir)
    if store_exists(data_dir) and not replace:
        raise StoreExistsError()
    try:
        with open(backup, "rb") as source:
            # The decoy is not in the backup: its slot goes (duress.strip_duress).
            key_bytes, data_key = strip_duress(_read_header(source), passphrase)
            try:
                fsutil.make_private_dir(data_dir)
                temp = data_dir / RESTORE_TEMP_NAME
                with contextlib.suppress(FileNotFoundError):
                    temp.unlink()  # left by a restore cut short
                try:
                    _copy_rest(source, temp)
                    if check_database_file(temp, data_key):
                        raise BackupDamagedError()
                    _mark_restored(temp, data_key)
                    _put_in_place(data_dir, temp, key_bytes)
                    if not os.path.lexists(data_dir / ALT_DB_NAME):
                        create_filler(data_dir)
                finally:
                    with contextlib.suppress(OSError):
                        temp.unlink()
            finally:
                zero(data_key)
    except KeyfileCorruptError as e:
        raise BackupError() from e
    except OSError as e:
        if isinstance(e, FileNotFoundError | IsADirectoryError):
            raise BackupError(f"No backup file at {backup}: check the name.") from e
        raise io_error_from(e) or StoreIOError() from e


def _read_header(source: BinaryIO) -> bytes:
    head = source.read(len(MAGIC) + _LENGTH.size)
    if len(head) != len(MAGIC) + _LENGTH.size or not head.startswith(MAGIC):
        raise BackupError()
    (length,) = _LENGTH.unpack(head[len(MAGIC) :])
    if not 0 < length <= MAX_KEYFILE_BYTES:
        raise BackupError()
    key_bytes = source.read(length)
    if len(key_bytes) != length:
        raise BackupError()
    return key_bytes


def _copy_rest(source: BinaryIO, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | fsutil.BINARY, 0o600)
    copied = 0
    with os.fdopen(fd, "wb") as out:
        while block := source.read(_COPY_BYTES):
            out.write(block)
            copied += len(block)
        out.flush()
        os.fsync(out.fileno())
    if copied == 0:
        raise BackupError()


def _mark_restored(temp: Path, data_key: bytearray) -> None:
    """The restored copy's next envelope starts a new chain: what the lost copy sealed after
    the backup must not look like numbers used twice at the desk (docs/envelope.md)."""
    with open_database(temp, data_key) as restored, restored.transaction() as conn:
        mark_restored(conn)


def _put_in_place(data_dir: Path, temp: Path, key_bytes: bytes) -> None:
    db_path = data_dir / DB_NAME
    for suffix in SQLITE_SIDE_SUFFIXES:
        with contextlib.suppress(FileNotFoundError):
            (data_dir / (DB_NAME + suffix)).unlink()
    os.replace(temp, db_path)
    key_path = data_dir / KEYFILE_NAME
    try:
        current = read_bounded(key_path, MAX_KEYFILE_BYTES)
    except (OSError, TooLargeError):
        current = None
    if current != key_bytes:
        fsutil.atomic_write(key_path, key_bytes, shred_old=True)
    fsutil.fsync_dir(data_dir)


def _read_keyfile_bytes(path: Path) -> bytes:
    try:
        return read_bounded(path, MAX_KEYFILE_BYTES)
    except TooLargeError as e:
        raise KeyfileCorruptError() from e
    except OSError as e:
        raise StoreIOError() from e
