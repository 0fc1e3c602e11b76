"""A desk store, reports received into it one at a time, and review moves made on two desks,
for the tests of the desk's review and marks tables."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.desk.review import ALLOWED_MOVES, ReviewState
from desktop.domain.desk.review_events import EventKind, ReviewEvent
from desktop.domain.report import Report, ReportContent, Source
from desktop.domain.vocabulary import HowKnown, SideStatus
from desktop.services.desk import connection as desk_connection
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from tests.helpers.stores import PASSPHRASE

NOW = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
DESK_A = "desk-" + "a" * 16
DESK_B = "desk-" + "b" * 16


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A desk store with its newsroom key, made at NOW."""
    with create_store(tmp_path / "desk", PASSPHRASE) as opened:
        desk_connection.init_desk(opened, "x25519", now=NOW)
        yield opened


def received(
    store: Store,
    *,
    gate: str = "laiza",
    hours_ago: float = 1,
    narrative: str = "China closed its side of the gate.",
    device: str = "gw-" + "1" * 20,
    source: Source | None = None,
    seq: list[int] = [0],  # noqa: B006 (a counter shared by the calls of one test run)
) -> str:
    """Store one verified-looking received report through the real page path."""
    content = ReportContent(
        observed_at=NOW - timedelta(hours=hours_ago),
        china_side=SideStatus.CLOSED,
        myanmar_side=SideStatus.OPEN,
        how_known=HowKnown.SOURCE_ACCOUNT if source else HowKnown.WITNESSED,
        gate=gate,
        source=source,
        narrative=narrative,
    )
    record = Report.new(content, now=NOW - timedelta(hours=hours_ago)).to_json()
    seq[0] += 1
    envelope = EnvelopeRecord(
        envelope_id=str(uuid.uuid4()),
        seq=seq[0],
        device_id=device,
        kind="report",
        size=1000,
        received_at="2026-11-20T05:00:00Z",
        outcome="stored",
    )
    result = DeskRepository(store).store_page([], [ReceivedReport(envelope, record)], seq[0], NOW)
    assert result.reports == 1
    return str(record["id"])


def move(report_id: str, to: ReviewState, at: datetime, desk_id: str = DESK_A) -> ReviewEvent:
    """A move to ``to`` from a state the rules allow it from (merged moves are checked)."""
    return ReviewEvent(
        event_id=str(uuid.uuid4()),
        report_id=report_id,
        kind=EventKind.MOVE,
        desk_id=desk_id,
        desk_label=desk_id[-4:],
        at=at,
        to_state=to,
        from_state=next(s for s, allowed in ALLOWED_MOVES.items() if to in allowed),
    )
