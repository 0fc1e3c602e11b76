"""The user_version migration framework, with toy migrations and with the real schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlcipher3 import dbapi2

from desktop.store import schema
from desktop.store.database import create_store, open_store
from desktop.store.errors import StoreIOError, StoreMigrationError, StoreTooNewError
from desktop.store.migrations import apply_migrations, user_version
from tests.helpers.stores import PASSPHRASE


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Any]:
    connection = dbapi2.connect(str(tmp_path / "toy.db"), isolation_level=None)
    connection.execute("PRAGMA key = \"x'" + "ab" * 32 + "'\"")
    yield connection
    connection.close()


def _create_a(conn: Any) -> None:
    conn.execute("CREATE TABLE a (x INTEGER)")


def _fill_a(conn: Any) -> None:
    conn.execute("INSERT INTO a VALUES (1)")
    conn.execute("INSERT INTO a VALUES (2)")


def _create_b(conn: Any) -> None:
    conn.execute("CREATE TABLE b (y TEXT)")


def _tables(conn: Any) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [r[0] for r in rows]


def test_applies_all_in_order_and_returns_version(conn: Any) -> None:
    assert apply_migrations(conn, [_create_a, _fill_a, _create_b]) == 3
    assert user_version(conn) == 3
    assert _tables(conn) == ["a", "b"]
    assert conn.execute("SELECT count(*) FROM a").fetchone()[0] == 2
    assert not conn.in_transaction


def test_applies_only_what_is_new(conn: Any) -> None:
    apply_migrations(conn, [_create_a])
    calls: list[str] = []

    def spy(conn: Any) -> None:
        calls.append("ran")

    assert apply_migrations(conn, [spy, _fill_a]) == 2
    assert calls == []
    assert conn.execute("SELECT count(*) FROM a").fetchone()[0] == 2
    assert apply_migrations(conn, [spy, _fill_a]) == 2
    assert conn.execute("SELECT count(*) FROM a").fetchone()[0] == 2


def test_empty_list_on_fresh_database(conn: Any) -> None:
    assert apply_migrations(conn, []) == 0
    assert user_version(conn) == 0


def test_failing_migration_is_rolled_back_whole(conn: Any) -> None:
    def half_then_fail(conn: Any) -> None:
        conn.execute("INSERT INTO a VALUES (99)")
        conn.execute("CREATE TABLE c (z)")
        raise ValueError("bug in migration")

    with pytest.raises(StoreMigrationError) as info:
        apply_migrations(conn, [_create_a, half_then_fail])
    assert isinstance(info.value.__cause__, ValueError)
    # Migration 1 stays committed; migration 2 left no trace.
    assert user_version(conn) == 1
    assert _tables(conn) == ["a"]
    assert conn.execute("SELECT count(*) FROM a").fetchone()[0] == 0
    assert not conn.in_transaction


def test_sql_error_in_migration_is_a_migration_error(conn: Any) -> None:
    def bad_sql(conn: Any) -> None:
        conn.execute("CREATE TABLE a (x)")  # exists already

    with pytest.raises(StoreMigrationError):
        apply_migrations(conn, [_create_a, bad_sql])
    assert user_version(conn) == 1


def test_disk_full_in_migration_is_store_io_error(conn: Any) -> None:
    def full(conn: Any) -> None:
        raise dbapi2.OperationalError("database or disk is full")

    with pytest.raises(StoreIOError):
        apply_migrations(conn, [full])
    assert user_version(conn) == 0


def test_database_newer_than_the_app_is_refused_untouched(conn: Any) -> None:
    apply_migrations(conn, [_create_a, _fill_a, _create_b])
    with pytest.raises(StoreTooNewError) as info:
        apply_migrations(conn, [_create_a])
    assert (info.value.found, info.value.known) == (3, 1)
    assert "newer version of Gatewatch" in str(info.value)
    assert user_version(conn) == 3


def test_executescript_in_a_migration_is_caught(conn: Any) -> None:
    def sneaky(conn: Any) -> None:
        conn.executescript("CREATE TABLE s (x);")  # commits the migrator's transaction

    with pytest.raises(StoreMigrationError) as info:
        apply_migrations(conn, [sneaky])
    assert "ended its transaction" in str(info.value.__cause__)
    assert user_version(conn) == 0


def test_refuses_to_run_inside_a_transaction(conn: Any) -> None:
    conn.execute("BEGIN")
    with pytest.raises(RuntimeError):
        apply_migrations(conn, [_create_a])
    conn.execute("ROLLBACK")


def test_schema_applies_to_a_fresh_store_and_is_idempotent(tmp_path: Path) -> None:
    data_dir = tmp_path / "store"
    with create_store(data_dir, PASSPHRASE) as store:
        assert user_version(store.conn) == len(schema.MIGRATIONS)
        assert {"reports", "outbox", "attachments", "settings"} <= set(_tables(store.conn))
        master = store.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")
        snapshot = master.fetchall()
    with open_store(data_dir, PASSPHRASE) as store:
        assert user_version(store.conn) == len(schema.MIGRATIONS)
        master = store.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")
        assert master.fetchall() == snapshot
        assert apply_migrations(store.conn, schema.MIGRATIONS) == len(schema.MIGRATIONS)


def _insert_v1(conn: Any, seq: int, report_id: str, lineage: str, revision: int, **kw: Any) -> None:
    conn.execute(
        "INSERT INTO reports (seq, id, lineage_id, revision, replaces, state, created_at,"
        " updated_at, superseded, body) VALUES (?, ?, ?, ?, ?, ?, '2024-11-12T03:00:00Z',"
        " '2024-11-12T03:00:00Z', ?, ?)",
        (
            seq,
            report_id,
            lineage,
            revision,
            kw.get("replaces"),
            kw.get("state", "queued"),
            kw.get("superseded", 0),
            kw.get("body", '{"narrative":"kept"}'),
        ),
    )


def test_v2_makes_revisions_unique_and_keeps_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "store"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    with create_store(data_dir, PASSPHRASE) as store:
        assert user_version(store.conn) == 1
        with store.transaction() as conn:
            # Lineage a: revision 1, then two corrections of it (allowed up to v1).
            _insert_v1(conn, 1, "a1", "a1", 1, superseded=1)
            _insert_v1(conn, 2, "a2", "a1", 2, replaces="a1")
            _insert_v1(conn, 3, "a2bis", "a1", 2, replaces="a1", state="draft")
            _insert_v1(conn, 4, "a3", "a1", 3, replaces="a2")
            # Lineage b: clean.
            _insert_v1(conn, 5, "b1", "b1", 1)
    monkeypatch.undo()

    with open_store(data_dir, PASSPHRASE) as store:
        assert user_version(store.conn) == len(schema.MIGRATIONS) >= 2
        rows = store.execute(
            "SELECT id, lineage_id, revision, replaces, state, body FROM reports ORDER BY seq"
        ).fetchall()
        assert [tuple(r[:5]) for r in rows] == [
            ("a1", "a1", 1, None, "queued"),
            ("a2", "a1", 2, "a1", "queued"),
            ("a2bis", "a1", 4, "a1", "draft"),  # renumbered after the lineage's last, kept
            ("a3", "a1", 3, "a2", "queued"),
            ("b1", "b1", 1, None, "queued"),
        ]
        assert {r[5] for r in rows} == {'{"narrative":"kept"}'}
        with pytest.raises(dbapi2.IntegrityError):
            store.execute(
                "INSERT INTO reports (id, lineage_id, revision, state, created_at, updated_at,"
                " body) VALUES ('b2', 'b1', 1, 'draft', '', '', '{}')"
            )
