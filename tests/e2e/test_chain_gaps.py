"""The desk sees what is missing, with the real server on 127.0.0.1: envelopes deleted from
the server's database are named by `gatewatch desk gaps`, and fill their gap when they come
late; a device restored from a backup starts a signed new chain, with no false alarm."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, main
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.desk.chain import device_gaps
from desktop.store.backup import restore_backup, write_backup
from desktop.store.database import Store, open_store
from desktop.store.reports import ReportRepository
from sync.server.store import DB_NAME
from tests.e2e.conftest import PASSPHRASE, World
from tests.helpers.reports import example

DAY = datetime(2026, 12, 12, 8, 0, tzinfo=UTC)
COLUMNS = "envelope_id, device_id, kind, recipient_key_id, kem, size, body, sha256, received_at"


@pytest.fixture
def passphrase_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)


def _queue_and_send(world: World, store: Store, count: int, start: datetime) -> None:
    for i in range(count):
        report = Report.new(ReportContent.from_json(example(narrative=f"{uuid.uuid4()}")))
        ReportRepository(store).add(report, state=ReportState.QUEUED)
        sync.seal_pending(store, now=start + timedelta(hours=i))
    world.sync_until_done(store)


def _numbers(store: Store) -> dict[int, str]:
    rows = store.execute("SELECT seq, envelope_id FROM device_chain_log").fetchall()
    return {int(seq): str(eid) for seq, eid in rows}


@pytest.fixture
def server_db(world: World) -> Iterator[object]:
    from sqlcipher3 import dbapi2  # the server's own driver, no key: plain SQLite

    conn = dbapi2.connect(str(world.server_dir / DB_NAME), isolation_level=None)
    yield conn
    conn.close()


@pytest.fixture
def world(world_factory: Callable[..., World]) -> World:
    return world_factory("x25519")


def _gaps(world: World, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["--data-dir", str(world.tmp / "desk0"), "desk", "gaps"]) == EXIT_OK
    return capsys.readouterr().out


def test_envelopes_deleted_from_the_server_are_named_and_late_ones_fill_the_gap(
    world: World,
    server_db: object,
    passphrase_env: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    laiza = world.correspondent("laiza", "Laiza laptop")
    world.connect_desk()
    _queue_and_send(world, laiza, 6, DAY)
    numbers = _numbers(laiza)
    assert sorted(numbers) == [1, 2, 3, 4, 5, 6]
    withheld = [numbers[n] for n in (3, 4, 5)]
    marks = ", ".join("?" for _ in withheld)
    rows = server_db.execute(  # type: ignore[attr-defined]
        f"SELECT {COLUMNS} FROM envelopes WHERE envelope_id IN ({marks})",
        withheld,
    ).fetchall()
    assert len(rows) == 3
    server_db.execute(  # type: ignore[attr-defined]
        f"DELETE FROM envelopes WHERE envelope_id IN ({marks})",
        withheld,
    )

    outcome = world.pull()
    assert outcome.reports == 3
    out = _gaps(world, capsys)
    assert "Laiza laptop: 3 envelopes missing since 12 Dec 2026 (numbers 3 to 5)" in out
    assert "WARNING" not in out

    # They arrive after all, late: the gap closes and nothing is an alarm.
    server_db.executemany(  # type: ignore[attr-defined]
        f"INSERT INTO envelopes ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    assert world.pull().reports == 3
    out = _gaps(world, capsys)
    assert "Laiza laptop: nothing missing" in out
    assert "Laiza laptop: 3 arrived late and filled their gap" in out
    assert "missing since" not in out
    assert "WARNING" not in out


def test_a_restored_device_starts_a_new_chain_and_raises_no_false_alarm(
    world: World,
    tmp_path: Path,
    passphrase_env: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    laiza = world.correspondent("laiza", "Laiza laptop")
    world.connect_desk()
    _queue_and_send(world, laiza, 2, DAY)
    backup = tmp_path / "usb" / "laiza.gwbackup"
    backup.parent.mkdir()
    write_backup(laiza, backup)
    _queue_and_send(world, laiza, 2, DAY + timedelta(days=1))  # after the backup: 3 and 4
    laiza.close()
    world.opened.remove(laiza)

    restore_backup(tmp_path / "laiza", backup, PASSPHRASE, replace=True)
    restored = open_store(tmp_path / "laiza", PASSPHRASE)
    world.opened.append(restored)
    # The restored copy believes its chain ended at 2: without a restart it would number
    # its next envelopes 3 and 4 again.
    _queue_and_send(world, restored, 2, DAY + timedelta(days=2))
    world.pull()

    [laptop] = device_gaps(world.desk_store)
    assert laptop.gaps == ()
    assert not laptop.alarming
    [restart] = laptop.restarts
    assert restart.restored
    assert restart.follows_seq == 2
    out = _gaps(world, capsys)
    assert "Laiza laptop: restored from a backup on 14 Dec 2026 after number 2" in out
    assert "WARNING" not in out
    assert "Laiza laptop: nothing missing" in out
    assert "missing since" not in out
