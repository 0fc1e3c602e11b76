"""The server's database connection: one interface, a SQLite and a PostgreSQL implementation.

The repositories (tokens.py, envelopes.py, messages.py, keys.py, settings.py, audit.py,
retention.py, stats.py) write one set of queries, with ``?`` placeholders, in the SQL both
dialects agree on (``ON CONFLICT``, ``RETURNING``, ``FILTER``, ``octet_length``); the
PostgreSQL connection (pgdatabase.py) rewrites the placeholders. Where the engines differ
in what they need rather than in spelling, the :class:`Database` says so: ``serialize``
(PostgreSQL must order the writers that allocate sequence numbers, SQLite already has one
writer at a time), ``checkpoint`` and ``vacuum``.

SQLite: one connection in the data folder, shared by uvicorn's worker threads under a lock
(SQLite serializes writers anyway and every operation is short); WAL journal,
``synchronous=FULL`` so a receipt is only given for an envelope that is on disk.

The standard ``sqlite3`` module may not be imported anywhere under sync/ (tests/
test_architecture.py), so the server talks to SQLite through ``sqlcipher3`` **without a
key**, which is plain SQLite: encryption at rest would protect nothing here, since the
contents are already sealed to a key the server never has.
"""

from __future__ import annotations

import contextlib
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from sqlcipher3 import dbapi2

from sync.server.records import ServerStoreError
from sync.server.schema import apply_migrations
from sync.server.tables import Dialect

LOCK_ENVELOPES = 1
"""Writers that allocate envelope seqs hold this lock to commit: see :meth:`serialize`."""
LOCK_MESSAGES = 2
LOCK_OPENED = 3


class Connection(Protocol):
    """What repositories call: DB-API ``execute`` with ``?`` placeholders."""

    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> Any: ...


class Database(ABC):
    """An open server database. Thread-safe; :meth:`close` when done."""

    dialect: Dialect

    @abstractmethod
    def transaction(self) -> contextlib.AbstractContextManager[Connection]:
        """A write transaction: committed when the block ends, rolled back on an exception."""

    @abstractmethod
    def reading(self) -> contextlib.AbstractContextManager[Connection]:
        """A connection outside any transaction, for reads."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection(s). Idempotent."""

    @abstractmethod
    def describe(self) -> str:
        """Where the data is, for messages (a path, or a URL without its password)."""

    @abstractmethod
    def serialize(self, conn: Connection, lock: int) -> None:
        """Order this transaction after every other one that took ``lock``, until commit.

        Envelope seqs are what desk cursors page by: a desk that has read seq 7 never asks
        for anything below it again. So a seq must not become visible after a higher one
        did. (SQLite takes its one write lock at ``BEGIN IMMEDIATE``: nothing to do.)
        """

    @abstractmethod
    def checkpoint(self) -> None:
        """Drop copies of deleted bytes the engine keeps beside the data (SQLite's WAL)."""

    @abstractmethod
    def vacuum(self) -> None:
        """Give the space of deleted rows back (and with it the bytes they held)."""


class SqliteDatabase(Database):
    """``server.db`` in the data folder, through one connection under a lock."""

    dialect: Dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        conn = dbapi2.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA secure_delete = ON")
            apply_migrations(conn)
        except BaseException:
            conn.close()
            raise
        self._conn: Any = conn
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self._lock:
            conn = self._open()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                with contextlib.suppress(Exception):
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        with self._lock:
            yield self._open()

    def _open(self) -> Any:
        if self._conn is None:
            raise ServerStoreError("the server database is closed")
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()  # checkpoints the WAL
                self._conn = None

    def describe(self) -> str:
        return str(self.path)

    def serialize(self, conn: Connection, lock: int) -> None:
        pass  # BEGIN IMMEDIATE already made this the one writer

    def checkpoint(self) -> None:
        """Copy the WAL into the database and truncate it to nothing: frames that held
        deleted bytes go with it."""
        with self.reading() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def vacuum(self) -> None:
        """Rebuild the file without its free pages, then truncate the WAL."""
        with self.reading() as conn:
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole database in ``target`` (SQLite's backup API),
        taken while the server may be writing."""
        out = dbapi2.connect(str(target), isolation_level=None)
        try:
            with self._lock:
                self._open().backup(out)
        finally:
            out.close()
