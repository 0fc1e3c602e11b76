"""An open store: the handle on its SQLCipher connection (`Store`), its transactions, and
the data key it keeps for sibling connections; the typed view of the connection it holds.

Opening and creating a store, and proving its key, are database.py's.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn, Protocol

from sqlcipher3 import dbapi2

from desktop.store.errors import store_error_from
from desktop.store.files import DB_NAME
from desktop.store.keyfile import zero

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
            raise_translated(e)

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
        from desktop.store import database  # it opens stores, and builds on this module

        try:
            return database._open_keyed(self._data_dir, key, self._db_name)
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
            raise_translated(e)

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
                    raise_translated(e)
                raise
            try:
                conn.execute("COMMIT")
            except dbapi2.Error as e:
                _rollback_quietly(conn)
                raise_translated(e)
        finally:
            self._in_transaction = False


def _rollback_quietly(conn: Connection) -> None:
    # After some errors SQLite has already rolled back; a second ROLLBACK then fails.
    if conn.in_transaction:
        with contextlib.suppress(dbapi2.Error):
            conn.execute("ROLLBACK")


def raise_translated(e: BaseException) -> NoReturn:
    """Re-raise ``e``, as StoreBusyError if another process holds the lock, as
    StoreIOError if it means disk full / I/O / permission."""
    typed = store_error_from(e)
    if typed is not None:
        raise typed from e
    raise e
