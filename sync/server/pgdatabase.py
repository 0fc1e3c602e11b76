"""The server database on PostgreSQL, through psycopg 3 and its connection pool.

Installed with the ``server-postgres`` extra; SQLite (database.py) needs nothing. Each
request takes a connection from the pool for one transaction (``READ COMMITTED``), so any
number of server processes can share the database. What keeps them correct together:

- uploads and messages are inserted with ``ON CONFLICT DO NOTHING`` and then read back, so
  two processes storing the same envelope at once give both the one receipt;
- writers that allocate envelope and message seqs take an advisory transaction lock
  (:meth:`PostgresDatabase.serialize`), so seqs become visible in order and a desk's
  cursor never passes one that commits later;
- one-time registrations (keys, enrolment) are single conditional statements.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sync.server.database import Connection, Database
from sync.server.records import ServerStoreError
from sync.server.schema import SchemaTooNewError, apply_pg_migrations
from sync.server.tables import Dialect

LOCK_NAMESPACE = 0x6777  # "gw": the first key of every advisory lock the server takes
POOL_SIZE = 16
CONNECT_TIMEOUT = 10.0


def is_postgres_url(text: str) -> bool:
    return text.startswith(("postgresql://", "postgres://"))


def redacted(url: str) -> str:
    """``url`` without its password, for messages and listings."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


@functools.lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (the server's SQL holds no literal ``?`` or
    ``%``)."""
    return sql.replace("%", "%%").replace("?", "%s")


class _Connection:
    """A psycopg connection that takes the repositories' ``?`` placeholders."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = (), /) -> Any:
        return self._conn.execute(_placeholders(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> Any:
        cursor = self._conn.cursor()
        cursor.executemany(_placeholders(sql), list(rows))
        return cursor


class PostgresDatabase(Database):
    """A pool of connections to ``url`` (``postgresql://user:password@host/dbname``)."""

    dialect: Dialect = "postgresql"

    def __init__(self, url: str, *, pool_size: int = POOL_SIZE) -> None:
        try:
            import psycopg
            from psycopg_pool import ConnectionPool
        except ImportError as exc:
            raise ServerStoreError(
                "PostgreSQL needs psycopg: install gatewatch with the server-postgres extra "
                "(pip install 'gatewatch[server-postgres]')"
            ) from exc
        self.url = url
        self._pool: Any = ConnectionPool(
            url,
            min_size=1,
            max_size=pool_size,
            kwargs={"autocommit": True},
            open=False,
            name="gatewatch-server",
        )
        try:
            try:
                self._pool.open(wait=True, timeout=CONNECT_TIMEOUT)
            except Exception as exc:  # the pool's PoolTimeout: no connection came up
                raise psycopg.OperationalError(str(exc) or "no connection") from exc
            with self._pool.connection() as conn:
                apply_pg_migrations(conn)
        except SchemaTooNewError as exc:
            self._pool.close()
            raise ServerStoreError(str(exc)) from exc
        except psycopg.Error as exc:
            self._pool.close()
            raise ServerStoreError(
                f"cannot use the PostgreSQL database {redacted(url)}: {exc}".strip()
            ) from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self._pool.connection() as conn, conn.transaction():
            yield _Connection(conn)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        with self._pool.connection() as conn:
            yield _Connection(conn)

    def serialize(self, conn: Connection, lock: int) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(?, ?)", (LOCK_NAMESPACE, lock))

    def checkpoint(self) -> None:
        pass  # the write-ahead log is PostgreSQL's to recycle (docs/server.md)

    def vacuum(self) -> None:
        with self.reading() as conn:
            conn.execute("VACUUM")

    def close(self) -> None:
        self._pool.close()

    def describe(self) -> str:
        return redacted(self.url)
