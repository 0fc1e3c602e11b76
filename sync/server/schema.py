"""The server database schema, versioned for both engines.

SQLite: migration N (1-based) takes the database from ``PRAGMA user_version`` N-1 to N;
each runs with its version bump in one ``BEGIN IMMEDIATE ... COMMIT``, so a crash leaves a
whole version, never half of one (the same rule as desktop/store/migrations.py, which sync/
may not import). The connection must be in autocommit mode (``isolation_level=None``).

PostgreSQL came at version ``PG_FIRST_VERSION``: a new PostgreSQL database is created at
the current version straight from tables.py, and the version is kept in the one-row table
``schema_version``. A later version adds its step to both ``MIGRATIONS`` and
``PG_MIGRATIONS`` (and changes tables.py, which tests/sync/test_server_tables.py checks
against the SQLite migrations). Steps run in one transaction each, under an advisory lock,
so two server processes starting at once do not both migrate.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any

from sync.server import tables


class SchemaTooNewError(Exception):
    """The database was written by a newer server; refuse rather than guess."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"the server database is at schema version {found}, but this server knows only "
            f"up to {known}: run the newer gatewatch-server that wrote it"
        )


def _v1(conn: Any) -> None:
    conn.execute(
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE devices (
            id TEXT PRIMARY KEY,
            label TEXT,
            public_key BLOB CHECK (public_key IS NULL OR length(public_key) = 32),
            token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
            enrolled INTEGER NOT NULL DEFAULT 0 CHECK (enrolled IN (0, 1)),
            revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
            created_at TEXT NOT NULL,
            invite_expires_at TEXT NOT NULL,
            enrolled_at TEXT,
            revoked_at TEXT,
            message_cursor INTEGER NOT NULL DEFAULT 0
        )"""
    )
    conn.execute(
        """CREATE TABLE desk_tokens (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            label TEXT,
            token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
            revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
            created_at TEXT NOT NULL
        )"""
    )
    # AUTOINCREMENT: a seq is never reused, even after the newest rows are purged, so a
    # desk cursor never skips an envelope.
    conn.execute(
        """CREATE TABLE envelopes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            envelope_id TEXT NOT NULL UNIQUE,
            device_id TEXT NOT NULL REFERENCES devices(id),
            kind TEXT NOT NULL,
            recipient_key_id TEXT NOT NULL,
            kem TEXT NOT NULL,
            size INTEGER NOT NULL,
            body BLOB NOT NULL,
            sha256 TEXT NOT NULL,
            received_at TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX envelopes_device ON envelopes (device_id, envelope_id)")
    conn.execute(
        """CREATE TABLE messages (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id TEXT NOT NULL UNIQUE,
            device_id TEXT NOT NULL REFERENCES devices(id),
            desk_token_id INTEGER NOT NULL REFERENCES desk_tokens(id),
            size INTEGER NOT NULL,
            body BLOB NOT NULL,
            sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX messages_device ON messages (device_id, seq)")
    conn.execute(
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            token_kind TEXT NOT NULL,
            token_id TEXT,
            method TEXT NOT NULL,
            route TEXT NOT NULL,
            status INTEGER NOT NULL,
            request_bytes INTEGER NOT NULL,
            response_bytes INTEGER NOT NULL
        )"""
    )


def _v2_followups(conn: Any) -> None:
    """Follow-up questions: each device's public encryption key (text form) and the
    device's signature of it, which desks check against the enrolled signing key. The
    desks' signing public key lives in ``settings``."""
    conn.execute("ALTER TABLE devices ADD COLUMN encryption_key TEXT")
    conn.execute(
        "ALTER TABLE devices ADD COLUMN encryption_key_signature BLOB"
        " CHECK (encryption_key_signature IS NULL OR length(encryption_key_signature) = 64)"
    )


def _v3_forgetting(conn: Any) -> None:
    """What the server forgets. ``audit_counts``: refused requests, counted per minute,
    route, method, status and token kind (one row per combination, not per request).
    ``desk_tokens.ack_cursor``: the highest seq the desk has acknowledged storing.
    ``envelopes.purged_at``, ``messages.purged_at``: when the body was deleted (delivered,
    or past retention); the row stays as the receipt that keeps retries idempotent."""
    conn.execute(
        """CREATE TABLE audit_counts (
            minute TEXT NOT NULL,
            token_kind TEXT NOT NULL,
            method TEXT NOT NULL,
            route TEXT NOT NULL,
            status INTEGER NOT NULL,
            count INTEGER NOT NULL,
            request_bytes INTEGER NOT NULL,
            response_bytes INTEGER NOT NULL,
            PRIMARY KEY (minute, token_kind, method, route, status)
        )"""
    )
    conn.execute("CREATE INDEX audit_at ON audit (at)")
    conn.execute("ALTER TABLE desk_tokens ADD COLUMN ack_cursor INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE envelopes ADD COLUMN purged_at TEXT")
    conn.execute("ALTER TABLE messages ADD COLUMN purged_at TEXT")
    # Pages and purges walk the envelopes still held by seq without reading past bodies.
    conn.execute("CREATE INDEX envelopes_held ON envelopes (seq) WHERE purged_at IS NULL")


def _v4_handgui(conn: Any) -> None:
    """Bundles a device relayed without being able to open them, kept for the desks
    (bundles.py); ``sha256`` makes a repeated relay keep its first number."""
    conn.execute(
        """CREATE TABLE relayed_bundles (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            sha256 BLOB NOT NULL UNIQUE CHECK (length(sha256) = 32),
            data BLOB NOT NULL,
            size INTEGER NOT NULL,
            device_id TEXT NOT NULL REFERENCES devices(id),
            received_at TEXT NOT NULL
        )"""
    )


_V5_OPENED = (
    """CREATE TABLE opened (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        device_id TEXT NOT NULL REFERENCES devices(id),
        desk_token_id INTEGER NOT NULL REFERENCES desk_tokens(id),
        body BLOB NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX opened_device ON opened (device_id, seq)",
)


def _v5_opened(conn: Any) -> None:
    """Opened lists (opened.py): desk-signed lists of the envelopes a desk stored, kept
    for the device they name until it has read them; ``sha256`` makes a resend one row."""
    for statement in _V5_OPENED:
        conn.execute(statement)


def _pg_v4_handgui(conn: Any) -> None:
    """``relayed_bundles`` as tables.py defines it for PostgreSQL."""
    (statement,) = [
        s
        for s in tables.create_statements("postgresql")
        if s.startswith("CREATE TABLE relayed_bundles ")
    ]
    conn.execute(statement)


def _pg_v5_opened(conn: Any) -> None:
    conn.execute(
        """CREATE TABLE opened (
        seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(id),
        desk_token_id BIGINT NOT NULL REFERENCES desk_tokens(id),
        body BYTEA NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    )"""
    )
    conn.execute(_V5_OPENED[1])


MIGRATIONS: tuple[Callable[[Any], None], ...] = (
    _v1,
    _v2_followups,
    _v3_forgetting,
    _v4_handgui,
    _v5_opened,
)


def user_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(conn: Any, migrations: Sequence[Callable[[Any], None]] = MIGRATIONS) -> int:
    """Bring the database to ``len(migrations)``; return that version.

    Raises :class:`SchemaTooNewError` before touching anything when the database is newer.
    A failing migration is rolled back (earlier ones stay) and its exception re-raised.
    """
    known = len(migrations)
    current = user_version(conn)
    if current > known:
        raise SchemaTooNewError(current, known)
    for number in range(current + 1, known + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            migrations[number - 1](conn)
            if not conn.in_transaction:
                raise RuntimeError(f"migration {number} ended its own transaction")
            conn.execute(f"PRAGMA user_version = {number:d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(Exception):
                    conn.execute("ROLLBACK")
            raise
    return known


PG_FIRST_VERSION = 3
PG_MIGRATIONS: dict[int, Callable[[Any], None]] = {4: _pg_v4_handgui, 5: _pg_v5_opened}
"""Version N (> ``PG_FIRST_VERSION``) -> the step that takes a PostgreSQL database there."""
_PG_LOCK = (0x6777, 0)  # the advisory lock ("gw", 0) held while migrating


def apply_pg_migrations(conn: Any) -> int:
    """Bring a PostgreSQL database (a psycopg connection in autocommit mode) to the current
    version; create the schema in an empty one. Returns the version."""
    known = len(MIGRATIONS)
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", _PG_LOCK)
        exists = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0]
        if not exists:
            for statement in tables.create_statements("postgresql"):
                conn.execute(statement)
            conn.execute("CREATE TABLE schema_version (version BIGINT NOT NULL)")
            conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (known,))
            return known
        current = int(conn.execute("SELECT version FROM schema_version").fetchone()[0])
    if current > known:
        raise SchemaTooNewError(current, known)
    for number in range(current + 1, known + 1):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", _PG_LOCK)
            now = int(conn.execute("SELECT version FROM schema_version").fetchone()[0])
            if now < number:  # another process may have taken this step meanwhile
                PG_MIGRATIONS[number](conn)
                conn.execute("UPDATE schema_version SET version = %s", (number,))
    return known
