"""The desk's cost of storing a pulled page does not grow with the reports it holds.

Counted in SQLite virtual-machine steps (a progress handler), not in time: the count is
the same on a busy machine and a quiet one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.report import Report, ReportContent
from desktop.domain.vocabulary import HowKnown, SideStatus
from desktop.services.desk import connection as desk_connection
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport

PASSPHRASE = "correct horse battery staple 42"
NOW = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
PAGE = 100
DEVICE = "gw-" + "1" * 20
STEPS_PER_CALL = 100


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "desk", PASSPHRASE) as opened:
        desk_connection.init_desk(opened, "x25519", now=NOW)
        yield opened


def page(first_seq: int) -> list[ReceivedReport]:
    received = []
    for seq in range(first_seq, first_seq + PAGE):
        observed = NOW - timedelta(minutes=seq)
        content = ReportContent(
            observed_at=observed,
            china_side=SideStatus.CLOSED,
            myanmar_side=SideStatus.OPEN,
            how_known=HowKnown.WITNESSED,
            gate="laiza",
            narrative=f"Fuel trucks wait at the gate, number {seq}.",
        )
        envelope = EnvelopeRecord(
            str(uuid.uuid4()), seq, DEVICE, "report", 900, "2026-11-20T05:00:00Z", "stored"
        )
        received.append(ReceivedReport(envelope, Report.new(content, now=observed).to_json()))
    return received


def steps_to_store(store: Store, received: list[ReceivedReport]) -> int:
    calls = [0]

    def count() -> int:
        calls[0] += 1
        return 0  # go on

    conn: Any = store.conn  # sqlcipher3's connection: the store's protocol names less
    conn.set_progress_handler(count, STEPS_PER_CALL)
    try:
        result = DeskRepository(store).store_page([], received, received[-1].envelope.seq, NOW)
    finally:
        conn.set_progress_handler(None, STEPS_PER_CALL)
    assert result.reports == len(received)
    return calls[0] * STEPS_PER_CALL


def test_storing_a_page_costs_the_same_in_a_full_desk_as_in_an_empty_one(store: Store) -> None:
    empty = steps_to_store(store, page(1))
    for start in range(PAGE + 1, 30 * PAGE, PAGE):
        DeskRepository(store).store_page([], page(start), start + PAGE - 1, NOW)
    full = steps_to_store(store, page(30 * PAGE + 1))
    # B-tree descents grow with the log of the rows; a scan of every row grows 30-fold.
    assert full < 1.5 * empty, (empty, full)
