"""One schema definition for both dialects (sync/server/tables.py): a SQLite database
brought up by the migrations has exactly its columns, keys, checks and indexes, and a real
PostgreSQL creates it and enforces it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sqlcipher3 import dbapi2

from sync.envelope import NewsroomKeyPair
from sync.server import tables
from sync.server.store import DB_NAME
from sync.server.testing import init_server
from tests.sync import postgres


def _checks(sql: str) -> list[str]:
    """Every CHECK (...) expression in a CREATE TABLE, whitespace removed."""
    found = []
    for match in re.finditer(r"CHECK\s*\(", sql):
        depth, start = 1, match.end()
        end = start
        while depth:
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            end += 1
        found.append(re.sub(r"\s+", "", sql[start : end - 1]).lower())
    return sorted(found)


def _shape(conn: Any) -> dict[str, Any]:
    shape: dict[str, Any] = {}
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'sqlite_sequence'"
        )
    ]
    for name in names:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        indexes = {}
        for row in conn.execute(f"PRAGMA index_list({name})"):
            columns = [r[2] for r in conn.execute(f"PRAGMA index_info({row[1]})")]
            indexes[(row[3], tuple(columns))] = (row[2], row[4])  # origin, columns: unique, partial
        shape[name] = {
            "columns": [tuple(r[1:]) for r in conn.execute(f"PRAGMA table_info({name})")],
            "foreign": sorted(
                tuple(r[2:5]) for r in conn.execute(f"PRAGMA foreign_key_list({name})")
            ),
            "checks": _checks(sql),
            "autoincrement": "AUTOINCREMENT" in sql.upper(),
            "indexes": indexes,
        }
    return shape


def test_the_migrated_sqlite_schema_is_the_definition(
    tmp_path: Path, server_newsroom: NewsroomKeyPair
) -> None:
    init_server(tmp_path / "migrated", server_newsroom.public_key)
    migrated = dbapi2.connect(str(tmp_path / "migrated" / DB_NAME))
    defined = dbapi2.connect(str(tmp_path / "defined.db"))
    try:
        for statement in tables.create_statements("sqlite"):
            defined.execute(statement)
        assert _shape(defined) == _shape(migrated)
        assert set(_shape(defined)) == {t.name for t in tables.TABLES}
    finally:
        migrated.close()
        defined.close()


@pytest.mark.skipif(not postgres.available(), reason="PostgreSQL is not installed")
def test_postgresql_creates_and_enforces_the_same_schema(
    tmp_path: Path, server_newsroom: NewsroomKeyPair
) -> None:
    init_server(tmp_path / "migrated", server_newsroom.public_key)
    migrated = dbapi2.connect(str(tmp_path / "migrated" / DB_NAME))
    try:
        sqlite_columns = {
            (t.name, str(r[1]), not r[3])
            for t in tables.TABLES
            for r in migrated.execute(f"PRAGMA table_info({t.name})")
        }
    finally:
        migrated.close()

    with postgres.temporary_postgres(tmp_path / "pg") as run:
        run(";\n".join(tables.create_statements("postgresql")) + ";")
        listed = run(
            "SELECT table_name, column_name, is_nullable FROM information_schema.columns"
            " WHERE table_schema = 'public'"
        )
        pg_columns = {
            (table, column, nullable == "YES")
            for table, column, nullable in (line.split("|") for line in listed.splitlines())
        }
        # SQLite reports a single-column primary key as nullable; PostgreSQL does not.
        keys = {(t.name, t.primary_key[0], True) for t in tables.TABLES if len(t.primary_key) == 1}
        assert {c[:2] for c in pg_columns} == {c[:2] for c in sqlite_columns}
        assert {c for c in pg_columns if c[2]} == {c for c in sqlite_columns if c[2]} - keys
        # Identity seqs, checks, uniqueness and foreign keys hold as in SQLite.
        token = "'\\x" + "00" * 32 + "'"
        run(
            "INSERT INTO desk_tokens (label, token_hash, created_at) VALUES"
            f" ('a', {token}, 'now'), ('b', '\\x" + "01" * 32 + "', 'now')"
        )
        assert run("SELECT id FROM desk_tokens ORDER BY id").split() == ["1", "2"]
        for bad in (
            "INSERT INTO desk_tokens (token_hash, created_at) VALUES ('\\x00', 'now')",
            f"INSERT INTO desk_tokens (token_hash, created_at) VALUES ({token}, 'now')",
            "INSERT INTO desk_tokens (token_hash, created_at, revoked) VALUES"
            " ('\\x" + "02" * 32 + "', 'now', 2)",
            "INSERT INTO envelopes (envelope_id, device_id, kind, recipient_key_id, kem, size,"
            " body, sha256, received_at) VALUES ('e', 'nobody', 'report', 'k', 'x', 1, '\\x00',"
            " 'h', 'now')",
        ):
            with pytest.raises(postgres.subprocess.CalledProcessError):
                run(bad)
        plan = run(
            "SET enable_seqscan = off; EXPLAIN SELECT seq FROM envelopes"
            " WHERE seq > 0 AND purged_at IS NULL ORDER BY seq"
        )
        assert "envelopes_held" in plan
