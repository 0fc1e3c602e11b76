"""The server's tables, defined once and rendered for SQLite or PostgreSQL.

This is the current schema (the version ``len(schema.MIGRATIONS)``). SQLite databases get
it through the versioned migrations in schema.py, and tests/sync/test_server_tables.py
checks that a migrated database has exactly these columns, keys and indexes; a PostgreSQL
database is created from it directly (its first migration is this schema), and the same
test creates it in a real PostgreSQL.

The dialects differ only where they must: 64-bit ``BIGINT`` for integers and ``BYTEA``
with ``octet_length`` for byte strings in PostgreSQL; an identity column there for SQLite's
``AUTOINCREMENT`` (neither reuses a value); flags stay 0/1 integers in both, so the
queries that compare them (``revoked = 0``) are the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Dialect = Literal["sqlite", "postgresql"]
ColumnType = Literal["text", "integer", "flag", "bytes", "serial"]


@dataclass(frozen=True)
class Column:
    """One column. ``length``: a byte string's exact length (checked when not null);
    ``references``: ``"table(column)"``; ``default``: an integer literal."""

    name: str
    type: ColumnType
    nullable: bool = False
    default: int | None = None
    unique: bool = False
    length: int | None = None
    references: str | None = None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]


@dataclass(frozen=True)
class Index:
    name: str
    table: str
    columns: tuple[str, ...]
    where: str | None = None  # the same SQL in both dialects


def _c(
    name: str,
    type_: ColumnType = "text",
    *,
    nullable: bool = False,
    default: int | None = None,
    unique: bool = False,
    length: int | None = None,
    references: str | None = None,
) -> Column:
    return Column(name, type_, nullable, default, unique, length, references)


TABLES: tuple[Table, ...] = (
    Table("settings", (_c("key"), _c("value")), ("key",)),
    Table(
        "devices",
        (
            _c("id"),
            _c("label", nullable=True),
            _c("public_key", "bytes", nullable=True, length=32),
            _c("token_hash", "bytes", unique=True, length=32),
            _c("enrolled", "flag", default=0),
            _c("revoked", "flag", default=0),
            _c("created_at"),
            _c("invite_expires_at"),
            _c("enrolled_at", nullable=True),
            _c("revoked_at", nullable=True),
            _c("message_cursor", "integer", default=0),
            _c("encryption_key", nullable=True),
            _c("encryption_key_signature", "bytes", nullable=True, length=64),
        ),
        ("id",),
    ),
    Table(
        "desk_tokens",
        (
            _c("id", "serial"),
            _c("label", nullable=True),
            _c("token_hash", "bytes", unique=True, length=32),
            _c("revoked", "flag", default=0),
            _c("created_at"),
            _c("ack_cursor", "integer", default=0),
        ),
        ("id",),
    ),
    Table(
        "envelopes",
        (
            _c("seq", "serial"),
            _c("envelope_id", unique=True),
            _c("device_id", references="devices(id)"),
            _c("kind"),
            _c("recipient_key_id"),
            _c("kem"),
            _c("size", "integer"),
            _c("body", "bytes"),
            _c("sha256"),
            _c("received_at"),
            _c("purged_at", nullable=True),
        ),
        ("seq",),
    ),
    Table(
        "messages",
        (
            _c("seq", "serial"),
            _c("message_id", unique=True),
            _c("device_id", references="devices(id)"),
            _c("desk_token_id", "integer", references="desk_tokens(id)"),
            _c("size", "integer"),
            _c("body", "bytes"),
            _c("sha256"),
            _c("created_at"),
            _c("purged_at", nullable=True),
        ),
        ("seq",),
    ),
    Table(
        "audit",
        (
            _c("id", "serial"),
            _c("at"),
            _c("token_kind"),
            _c("token_id", nullable=True),
            _c("method"),
            _c("route"),
            _c("status", "integer"),
            _c("request_bytes", "integer"),
            _c("response_bytes", "integer"),
        ),
        ("id",),
    ),
    Table(
        "audit_counts",
        (
            _c("minute"),
            _c("token_kind"),
            _c("method"),
            _c("route"),
            _c("status", "integer"),
            _c("count", "integer"),
            _c("request_bytes", "integer"),
            _c("response_bytes", "integer"),
        ),
        ("minute", "token_kind", "method", "route", "status"),
    ),
    Table(
        "relayed_bundles",
        (
            _c("seq", "serial"),
            _c("sha256", "bytes", unique=True, length=32),
            _c("data", "bytes"),
            _c("size", "integer"),
            _c("device_id", references="devices(id)"),
            _c("received_at"),
        ),
        ("seq",),
    ),
    Table(
        "opened",
        (
            _c("seq", "serial"),
            _c("device_id", references="devices(id)"),
            _c("desk_token_id", "integer", references="desk_tokens(id)"),
            _c("body", "bytes"),
            _c("sha256", unique=True),
            _c("created_at"),
        ),
        ("seq",),
    ),
)

INDEXES: tuple[Index, ...] = (
    Index("envelopes_device", "envelopes", ("device_id", "envelope_id")),
    Index("envelopes_held", "envelopes", ("seq",), where="purged_at IS NULL"),
    Index("messages_device", "messages", ("device_id", "seq")),
    Index("audit_at", "audit", ("at",)),
    Index("opened_device", "opened", ("device_id", "seq")),
)


def _column(column: Column, table: Table, dialect: Dialect) -> str:
    pg = dialect == "postgresql"
    if column.type == "serial":
        if (column.name,) != table.primary_key:
            raise ValueError(f"{table.name}.{column.name}: a serial column is the primary key")
        return column.name + (
            " BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
            if pg
            else " INTEGER PRIMARY KEY AUTOINCREMENT"
        )
    sql_type = {
        "text": "TEXT",
        "integer": "BIGINT" if pg else "INTEGER",
        "flag": "SMALLINT" if pg else "INTEGER",
        "bytes": "BYTEA" if pg else "BLOB",
    }[column.type]
    parts = [column.name, sql_type]
    if (column.name,) == table.primary_key:
        parts.append("PRIMARY KEY")  # NOT NULL in PostgreSQL; as the migrations wrote it
    elif not column.nullable:
        parts.append("NOT NULL")
    if column.default is not None:
        parts.append(f"DEFAULT {int(column.default)}")
    if column.unique:
        parts.append("UNIQUE")
    if column.type == "flag":
        parts.append(f"CHECK ({column.name} IN (0, 1))")
    if column.length is not None:
        size = f"{'octet_length' if pg else 'length'}({column.name}) = {int(column.length)}"
        if column.nullable:
            size = f"{column.name} IS NULL OR {size}"
        parts.append(f"CHECK ({size})")
    if column.references is not None:
        parts.append(f"REFERENCES {column.references}")
    return " ".join(parts)


def create_statements(dialect: Dialect) -> list[str]:
    """``CREATE TABLE`` and ``CREATE INDEX`` statements for the whole schema, in order."""
    out = []
    for table in TABLES:
        lines = [_column(column, table, dialect) for column in table.columns]
        if len(table.primary_key) > 1:
            lines.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
        out.append(f"CREATE TABLE {table.name} (\n    " + ",\n    ".join(lines) + "\n)")
    for index in INDEXES:
        where = f" WHERE {index.where}" if index.where else ""
        out.append(
            f"CREATE INDEX {index.name} ON {index.table} ({', '.join(index.columns)}){where}"
        )
    return out
