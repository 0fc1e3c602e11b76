"""The server on PostgreSQL: ``init --database``, several stores (processes) on one database,
``migrate`` from SQLite, and backups of both engines restored (``backup``; ``pg_dump`` and
``pg_restore`` as docs/server.md gives them)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from sync import protocol
from sync.envelope import NewsroomKeyPair, parse_header
from sync.server import tables
from sync.server.cli import main
from sync.server.config import ServerConfig
from sync.server.records import Candidate
from sync.server.store import DB_NAME, URL_NAME, ServerStore
from sync.server.testing import running_server
from tests.sync import postgres
from tests.sync.conftest import Device, Srv, sealed

pytestmark = pytest.mark.skipif(not postgres.available(), reason="PostgreSQL is not installed")
UNLIMITED = ServerConfig(rate_burst=10_000, rate_per_second=10_000)


def cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@contextlib.contextmanager
def serving(data_dir: Path, newsroom: NewsroomKeyPair) -> Iterator[Srv]:
    with running_server(data_dir, config=UNLIMITED) as url, requests.Session() as http:
        http.trust_env = False
        yield Srv(url, data_dir, newsroom, http)


def key_file(tmp_path: Path, newsroom: NewsroomKeyPair) -> Path:
    path = tmp_path / "newsroom.pub"
    path.write_text(newsroom.public_key.to_text())
    return path


def rows(conn: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order, bytes as bytes."""
    out = {}
    for table in tables.TABLES:
        names = ", ".join(c.name for c in table.columns)
        order = ", ".join(table.primary_key)
        found = conn.execute(f"SELECT {names} FROM {table.name} ORDER BY {order}").fetchall()
        out[table.name] = [
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in found
        ]
    return out


def pull_all(srv: Srv, desk: dict[str, str], after: int = 0) -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = []
    while True:
        page = srv.http.get(f"{srv.url}/v1/envelopes?after={after}", headers=desk).json()
        got += page["envelopes"]
        after = page["next_after"]
        if not page["more"]:
            return got


def test_init_with_a_database_keeps_the_data_there(
    tmp_path: Path, server_newsroom: NewsroomKeyPair, server_postgres: postgres.Cluster
) -> None:
    url = server_postgres.new_database()
    folder, keys = tmp_path / "server", key_file(tmp_path, server_newsroom)
    code, out = cli(
        "--data-dir", str(folder), "init", "--newsroom-key", str(keys), "--database", url
    )
    assert code == 0, out
    assert (folder / URL_NAME).read_text().strip() == url
    assert (folder / URL_NAME).stat().st_mode & 0o777 == 0o600
    assert not (folder / DB_NAME).exists()
    # Idempotent with the same database; another one, or SQLite, is refused.
    assert (
        cli("--data-dir", str(folder), "init", "--newsroom-key", str(keys), "--database", url)[0]
        == 0
    )
    other = server_postgres.new_database()
    assert (
        cli("--data-dir", str(folder), "init", "--newsroom-key", str(keys), "--database", other)[0]
        == 1
    )
    assert cli("--data-dir", str(folder), "init", "--newsroom-key", str(keys))[0] == 1
    with serving(folder, server_newsroom) as srv:
        device = srv.enroll("laptop")
        eid, data = sealed(device, server_newsroom.public_key)
        assert srv.upload(device, (eid, data)).json()["results"][0]["ok"]
        assert [e["envelope_id"] for e in pull_all(srv, srv.desk())] == [eid]
    code, out = cli("--data-dir", str(folder), "stats", "--json")
    assert code == 0
    assert '"envelopes": 1' in out


def test_a_bad_database_address_is_refused_and_not_written(
    tmp_path: Path, server_newsroom: NewsroomKeyPair, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = key_file(tmp_path, server_newsroom)
    folder = tmp_path / "server"
    assert (
        cli(
            "--data-dir",
            str(folder),
            "init",
            "--newsroom-key",
            str(keys),
            "--database",
            "mysql://x/y",
        )[0]
        == 2
    )
    unreachable = f"postgresql://nobody:hunter2@/none?host={tmp_path}"  # no server listens there
    assert (
        cli(
            "--data-dir",
            str(folder),
            "init",
            "--newsroom-key",
            str(keys),
            "--database",
            unreachable,
        )[0]
        == 1
    )
    err = capsys.readouterr().err
    assert "cannot use the PostgreSQL database" in err
    assert "hunter2" not in err
    assert not (folder / URL_NAME).exists()


def test_two_stores_on_one_database_give_one_receipt_and_pages_miss_nothing(
    tmp_path: Path, server_newsroom: NewsroomKeyPair, server_postgres: postgres.Cluster
) -> None:
    """Two server processes' stores (each its own pool) store the same envelopes at once,
    while a desk pages through them: one seq per envelope, the same receipt from both, and
    the desk's cursor never passes a seq that commits later."""
    url = server_postgres.new_database()
    one = ServerStore.create(tmp_path / "a", server_newsroom.public_key, url)
    two = ServerStore.create(tmp_path / "b", server_newsroom.public_key, url)
    try:
        with serving(tmp_path / "a", server_newsroom) as srv:
            device = srv.enroll()

        def batches() -> list[list[tuple[str, bytes]]]:
            return [
                [sealed(device, server_newsroom.public_key) for _ in range(5)] for _ in range(40)
            ]

        shared, own_a, own_b = batches(), batches(), batches()
        receipts: dict[str, set[tuple[int, str]]] = {}
        seen: list[int] = []
        done = threading.Event()
        lock = threading.Lock()

        def write(store: ServerStore, batches: list[list[tuple[str, bytes]]]) -> None:
            for batch in batches:
                candidates = [
                    Candidate(parse_header(data), data, hashlib.sha256(data).hexdigest())
                    for _, data in batch
                ]
                for result in store.envelopes.store(device.device_id, candidates):
                    assert isinstance(result, protocol.Receipt)
                    with lock:
                        receipts.setdefault(result.envelope_id, set()).add(
                            (result.seq, result.received_at)
                        )

        def read() -> None:
            after = 0
            while True:
                finished = done.is_set()
                page, after, _ = one.envelopes.page(after, 7, 2**30)
                seen.extend(e.seq for e in page)
                if finished and not page:
                    return

        writers = [
            threading.Thread(target=write, args=work)
            for work in ((one, shared), (two, shared), (one, own_a), (two, own_b))
        ]
        reader = threading.Thread(target=read)
        reader.start()
        for t in writers:
            t.start()
        for t in writers:
            t.join()
        done.set()
        reader.join()
        assert len(receipts) == 600
        assert all(len(r) == 1 for r in receipts.values())  # the same receipt every time
        stored = sorted(next(iter(r))[0] for r in receipts.values())
        assert seen == stored  # every envelope once, in seq order
    finally:
        one.close()
        two.close()


def _populate(
    srv: Srv, newsroom: NewsroomKeyPair
) -> tuple[Device, list[tuple[str, bytes]], dict[str, str]]:
    device = srv.enroll("laptop")
    srv.invite("unused")
    revoked = srv.enroll("stolen")
    assert srv.upload(revoked, sealed(revoked, newsroom.public_key)).status_code == 200
    uploads = [sealed(device, newsroom.public_key) for _ in range(12)]  # the newest seqs
    assert all(r["ok"] for r in srv.upload(device, *uploads).json()["results"])
    with srv.admin() as store:
        assert store.tokens.revoke_device(revoked.device_id)
    desk = srv.desk()
    message = {"device_id": device.device_id, "message_id": str(uuid.uuid4()), "data": "AAAA"}
    assert srv.http.post(f"{srv.url}/v1/messages", json=message, headers=desk).status_code == 200
    assert srv.http.post(f"{srv.url}/v1/envelopes/ack", json={"through": 5}, headers=desk).ok
    return device, uploads, desk


def _keeps_syncing(
    srv: Srv,
    device: Device,
    uploads: list[tuple[str, bytes]],
    desk: dict[str, str],
    before: dict[str, Any],
) -> None:
    """The device's old uploads get their old receipts, a new one gets a later seq, and the
    desk's token and cursor carry on."""
    again = srv.upload(device, uploads[0], uploads[-1]).json()["results"]
    assert [r["receipt"] for r in again] == [before[uploads[0][0]], before[uploads[-1][0]]]
    new = sealed(device, srv.newsroom.public_key)
    receipt = srv.upload(device, new).json()["results"][0]["receipt"]
    assert receipt["seq"] > max(r["seq"] for r in before.values())
    assert [e["envelope_id"] for e in pull_all(srv, desk, after=before[uploads[-1][0]]["seq"])] == [
        new[0]
    ]


def _receipts(srv: Srv, device: Device, uploads: list[tuple[str, bytes]]) -> dict[str, Any]:
    return {r["envelope_id"]: r["receipt"] for r in srv.upload(device, *uploads).json()["results"]}


def test_migrate_copies_every_row_and_the_devices_keep_syncing(
    tmp_path: Path, server_newsroom: NewsroomKeyPair, server_postgres: postgres.Cluster
) -> None:
    from sqlcipher3 import dbapi2

    folder = tmp_path / "server"
    ServerStore.create(folder, server_newsroom.public_key).close()
    with serving(folder, server_newsroom) as srv:
        device, uploads, desk = _populate(srv, server_newsroom)
        before = _receipts(srv, device, uploads)
    url = server_postgres.new_database()
    code, out = cli("--data-dir", str(folder), "migrate", "--to", url)
    assert code == 0, out
    assert "envelopes: 13" in out
    kept = dbapi2.connect(str(folder / (DB_NAME + ".migrated")))
    try:
        with ServerStore.open(folder) as store, store.db.reading() as conn:
            assert store.db.dialect == "postgresql"
            assert rows(conn) == rows(kept)  # every device, token, envelope, receipt, count
    finally:
        kept.close()
    # A second migrate finds nothing to move; into a database that has a server: refused.
    assert cli("--data-dir", str(folder), "migrate", "--to", server_postgres.new_database())[0] == 1
    with serving(folder, server_newsroom) as srv:
        _keeps_syncing(srv, device, uploads, desk, before)


def test_migrate_refuses_a_database_that_already_holds_a_server(
    tmp_path: Path, server_newsroom: NewsroomKeyPair, server_postgres: postgres.Cluster
) -> None:
    url = server_postgres.new_database()
    ServerStore.create(tmp_path / "pg", server_newsroom.public_key, url).close()
    ServerStore.create(tmp_path / "lite", server_newsroom.public_key).close()
    assert cli("--data-dir", str(tmp_path / "lite"), "migrate", "--to", url)[0] == 1
    assert (tmp_path / "lite" / DB_NAME).exists()
    assert not (tmp_path / "lite" / URL_NAME).exists()


def test_a_sqlite_backup_taken_while_serving_restores(
    tmp_path: Path, server_newsroom: NewsroomKeyPair
) -> None:
    folder, backup = tmp_path / "server", tmp_path / "backup.db"
    ServerStore.create(folder, server_newsroom.public_key).close()
    with serving(folder, server_newsroom) as srv:
        device, uploads, desk = _populate(srv, server_newsroom)
        before = _receipts(srv, device, uploads)
        code, out = cli("--data-dir", str(folder), "backup", "--out", str(backup))
        assert code == 0, out
    assert backup.stat().st_mode & 0o777 == 0o600
    assert cli("--data-dir", str(folder), "backup", "--out", str(backup))[0] == 2  # no overwrite
    restored = tmp_path / "restored"
    restored.mkdir(mode=0o700)
    shutil.copyfile(backup, restored / DB_NAME)
    with serving(restored, server_newsroom) as srv:
        _keeps_syncing(srv, device, uploads, desk, before)


def test_pg_dump_and_pg_restore_bring_a_server_back(
    tmp_path: Path, server_newsroom: NewsroomKeyPair, server_postgres: postgres.Cluster
) -> None:
    folder = tmp_path / "server"
    url = server_postgres.new_database()
    ServerStore.create(folder, server_newsroom.public_key, url).close()
    with serving(folder, server_newsroom) as srv:
        device, uploads, desk = _populate(srv, server_newsroom)
        before = _receipts(srv, device, uploads)
    assert cli("--data-dir", str(folder), "backup", "--out", str(tmp_path / "x"))[0] == 1
    restored_url = server_postgres.restore(server_postgres.dump(url))
    restored = tmp_path / "restored"
    restored.mkdir(mode=0o700)
    (restored / URL_NAME).write_text(restored_url + "\n")
    with serving(restored, server_newsroom) as srv:
        _keeps_syncing(srv, device, uploads, desk, before)


def test_a_database_made_by_an_older_server_is_brought_to_this_version(
    server_postgres: postgres.Cluster,
) -> None:
    import psycopg

    from sync.server import schema

    later = ("relayed_bundles", "opened")  # the tables of the steps after version 3
    with psycopg.connect(server_postgres.new_database(), autocommit=True) as conn:
        for statement in tables.create_statements("postgresql"):
            if not any(f" {name} " in statement for name in later):
                conn.execute(statement)
        conn.execute("CREATE TABLE schema_version (version BIGINT NOT NULL)")
        conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (schema.PG_FIRST_VERSION,))
        assert schema.apply_pg_migrations(conn) == len(schema.MIGRATIONS)
        for name in later:
            assert conn.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()[0]
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == len(
            schema.MIGRATIONS
        )
