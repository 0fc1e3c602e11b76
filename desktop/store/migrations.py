"""Schema upgrades by ``PRAGMA user_version``.

Migration N (1-based) takes the database from ``user_version`` N-1 to N. Each migration and
its version bump run in one explicit transaction (BEGIN IMMEDIATE ... COMMIT), so a crash or
an error leaves the database at a whole version, never between two. The connection must be
in autocommit mode (``isolation_level=None``) so the driver opens no transaction of its own,
and a migration must never call ``executescript`` or COMMIT (checked).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from desktop.store.errors import (
    StoreError,
    StoreMigrationError,
    StoreTooNewError,
    store_error_from,
)

if TYPE_CHECKING:
    from desktop.store.database import Connection

Migration = Callable[["Connection"], None]


def statements(script: str) -> list[str]:
    """A migration's SQL script as its statements, run one by one."""
    # Statement by statement: executescript() would commit behind the migrator's back,
    # so no semicolon may appear inside the SQL, comments included.
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def user_version(conn: Connection) -> int:
    """Return the database's ``PRAGMA user_version``."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def apply_migrations(conn: Connection, migrations: Sequence[Migration]) -> int:
    """Bring the database up to ``len(migrations)`` and return that version.

    Applies only the migrations above the current ``user_version``; on an up-to-date
    database it changes nothing. Raises StoreTooNewError (before touching anything) if the
    database is newer than ``migrations`` knows, StoreIOError if the disk refuses,
    StoreBusyError if another process holds the lock, and
    StoreMigrationError (with the original as ``__cause__``) if a migration fails; in both
    latter cases the failing migration is rolled back and earlier ones stay committed.
    Raises RuntimeError if called inside an open transaction.
    """
    known = len(migrations)
    current = user_version(conn)
    if current > known:
        raise StoreTooNewError(current, known)
    if _in_transaction(conn):
        raise RuntimeError("apply_migrations needs a connection outside any transaction")
    for number in range(current + 1, known + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            migrations[number - 1](conn)
            if not _in_transaction(conn):
                raise RuntimeError(f"migration {number} ended its transaction (executescript?)")
            # PRAGMA takes no bound parameters; number is an int we computed.
            conn.execute(f"PRAGMA user_version = {number:d}")
            conn.execute("COMMIT")
        except BaseException as e:
            if _in_transaction(conn):
                with contextlib.suppress(Exception):
                    conn.execute("ROLLBACK")
            if isinstance(e, StoreError) or not isinstance(e, Exception):
                raise
            typed = store_error_from(e)
            if typed is not None:
                raise typed from e
            raise StoreMigrationError() from e
    return known


def _in_transaction(conn: Connection) -> bool:
    # A call, not the attribute, so mypy does not narrow it across statements that change it.
    return conn.in_transaction
