"""Which reports count as sources (from an approved device, or made before its device's
revocation) is kept in ``desk_reports.counts`` and ``desk_report_aspects.counts`` by
triggers, through every decision and every report stored after one; the board's walks read
no report of a device that does not count, so a pending device's flood adds no work to the
board, and schema v17 sets the column on a v16 desk."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.desk.device_trust import DeviceEvent, DeviceEventKind
from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.domain.vocabulary import HowKnown, SideStatus, TrafficStatus
from desktop.services.desk import board as desk_board
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.store import schema
from desktop.store.database import Store, create_store, open_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.desk.device_trust import DeviceTrustRepository
from desktop.store.migrations import user_version
from tests.helpers.approved_devices import EDITOR_DESK, approve_devices
from tests.helpers.desk_story import NOW, desk_store, mai_ja_yang_story, traffic  # noqa: F401
from tests.helpers.stores import PASSPHRASE

PENDING = "gw-" + "2" * 20
REVOKED = "gw-" + "3" * 20
REVOKED_AT = datetime(2024, 12, 1, tzinfo=UTC)

# What counts, as the board's queries said it before the column existed.
COUNTED = (
    "(r.device_id IN (SELECT device_id FROM desk_device_trust WHERE state = 'approved')"
    " OR EXISTS (SELECT 1 FROM desk_device_trust AS x WHERE x.device_id = r.device_id"
    " AND x.state = 'revoked' AND json_extract(r.record, '$.created_at') < x.revoked_at))"
)


def arrive(
    store: Store, device: str, gate: str, at: datetime, seq: int, made: datetime | None = None
) -> str:
    """A report observed at `at` and made then (or at `made`) by `device`, stored through
    the page path as a pull does (no decision about its device)."""
    content = ReportContent(
        observed_at=at,
        china_side=SideStatus.OPEN,
        myanmar_side=SideStatus.OPEN,
        how_known=HowKnown.WITNESSED,
        gate=gate,
        traffic=traffic(civilians=TrafficStatus.ALLOWED, cargo_trucks=TrafficStatus.ALLOWED),
    )
    record = Report.new(content, now=made or at).to_json()
    envelope = EnvelopeRecord(
        str(uuid.uuid4()), seq, device, "report", 1000, "2024-12-13T08:00:00Z", "stored"
    )
    DeskRepository(store).store_page([], [ReceivedReport(envelope, record)], seq, NOW)
    return str(record["id"])


def decide(store: Store, device: str, kind: DeviceEventKind, at: datetime) -> None:
    event = DeviceEvent.make(
        kind, device, label=device, public_key=b"\x01" * 32, enrolled_at="",
        desk_id=EDITOR_DESK, desk_label="Editor", at=at,
    )  # fmt: skip
    DeviceTrustRepository(store).record([event], None, NOW)


def counts(store: Store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT id, counts FROM desk_reports").fetchall())


def assert_counts_as_decided(store: Store) -> None:
    """The column says what the decisions say, for every report and every confirmed aspect
    row (those the index may hold)."""
    expected = dict(store.conn.execute(f"SELECT r.id, {COUNTED} FROM desk_reports AS r").fetchall())
    assert counts(store) == expected
    stale = store.conn.execute(
        "SELECT count(*) FROM desk_report_aspects AS a JOIN desk_reports AS r"
        " ON r.id = a.report_id WHERE a.counts != r.counts AND a.confirmed = 1"
    ).fetchone()[0]
    assert stale == 0


def test_counts_follows_every_decision_and_every_report_stored_after_one(
    desk_store: Store,  # noqa: F811
) -> None:
    early = datetime(2024, 11, 1, tzinfo=UTC)
    late = datetime(2024, 12, 5, tzinfo=UTC)
    before = arrive(desk_store, REVOKED, "laiza", early, 1)
    after = arrive(desk_store, REVOKED, "laiza", late, 2)
    waiting = arrive(desk_store, PENDING, "laiza", early, 3)
    for report_id in (before, after, waiting):
        desk_review.move(desk_store, report_id, ReviewState.VERIFIED, now=NOW)
    assert counts(desk_store) == {before: 0, after: 0, waiting: 0}  # nobody decided yet
    assert_counts_as_decided(desk_store)

    decide(desk_store, REVOKED, DeviceEventKind.APPROVE, early - timedelta(days=1))
    assert counts(desk_store) == {before: 1, after: 1, waiting: 0}
    assert_counts_as_decided(desk_store)

    stored_approved = arrive(desk_store, REVOKED, "laiza", early, 4)  # after the approval
    decide(desk_store, REVOKED, DeviceEventKind.REVOKE, REVOKED_AT)
    stored_revoked = arrive(desk_store, REVOKED, "laiza", late, 5)  # made after the revocation
    made_before = arrive(desk_store, REVOKED, "laiza", early, 6)  # arrives after it
    assert counts(desk_store) == {
        before: 1, after: 0, waiting: 0, stored_approved: 1, stored_revoked: 0, made_before: 1,
    }  # fmt: skip
    assert_counts_as_decided(desk_store)

    approve_devices(desk_store, [PENDING])
    assert counts(desk_store)[waiting] == 1
    decide(desk_store, PENDING, DeviceEventKind.REJECT, NOW)
    assert counts(desk_store)[waiting] == 0
    assert_counts_as_decided(desk_store)

    desk_store.conn.execute("DELETE FROM desk_device_trust WHERE device_id = ?", (REVOKED,))
    assert counts(desk_store)[before] == 0
    assert_counts_as_decided(desk_store)


def _vm_steps(store: Store, action: Callable[[], object]) -> tuple[object, int]:
    """What `action` returns and how many SQLite virtual machine steps it took (a count of
    the work done on rows, the same on every run: no timing)."""
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    action()  # statements prepared and the schema read: only the walks are counted
    store.conn.set_progress_handler(count, 1)
    try:
        found = action()
    finally:
        store.conn.set_progress_handler(None, 1)
    return found, steps


def test_reports_of_devices_that_do_not_count_add_no_work_to_the_board(
    desk_store: Store,  # noqa: F811
) -> None:
    mai_ja_yang_story(desk_store)
    gazetteer = default_gazetteer()
    since = NOW - timedelta(days=40)
    outputs: dict[str, Callable[[], object]] = {
        "board": lambda: desk_board.board(desk_store, gazetteer, now=NOW),
        "changes": lambda: desk_board.changes_since(desk_store, gazetteer, since),
        "timeline": lambda: desk_board.gate_timeline(
            desk_store, "mai_ja_yang", NOW - timedelta(days=90), NOW
        ),
    }
    before = {name: _vm_steps(desk_store, action) for name, action in outputs.items()}

    # A pending device floods the gate, in the board's window and years before it (verified
    # by mistake, so in no confirmed state they would be skipped); a revoked device's
    # reports made after its revocation, verified too. All made before the story's newest
    # report: ids follow the time made, and a look-up past the last id takes a step fewer.
    decide(desk_store, REVOKED, DeviceEventKind.APPROVE, REVOKED_AT - timedelta(days=30))
    decide(desk_store, REVOKED, DeviceEventKind.REVOKE, REVOKED_AT)
    seq = 10
    flood: list[str] = []
    for n in range(60):
        seq += 1
        made = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(hours=seq)
        recent = NOW - timedelta(hours=n)
        flood.append(arrive(desk_store, PENDING, "mai_ja_yang", recent, seq, made))
        seq += 1
        old = datetime(2021, 1, 1, tzinfo=UTC) + timedelta(days=n)
        flood.append(arrive(desk_store, PENDING, "mai_ja_yang", old, seq))
        seq += 1
        made = REVOKED_AT + timedelta(hours=n + 1)
        flood.append(arrive(desk_store, REVOKED, "mai_ja_yang", made, seq))
    with desk_store.transaction() as conn:
        conn.executemany(
            "UPDATE desk_reports SET state = 'verified' WHERE id = ?", [(i,) for i in flood]
        )
    assert desk_store.conn.execute(
        "SELECT count(*) FROM desk_report_aspects WHERE confirmed = 1 AND report_id IN"
        f" ({', '.join('?' * len(flood))})",
        flood,
    ).fetchone()[0] >= 2 * len(flood)

    after = {name: _vm_steps(desk_store, action) for name, action in outputs.items()}
    for name in outputs:
        assert after[name][0] == before[name][0], name  # the same board, events, timeline
        assert after[name][1] == before[name][1], name  # and not one step more to find them


def test_v17_sets_counts_on_a_v16_desk_and_brings_its_triggers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:16])
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        assert user_version(store.conn) == 16
        desk_connection.init_desk(store, "x25519", now=NOW)
        ids = mai_ja_yang_story(store)  # its device approved
        decide(store, REVOKED, DeviceEventKind.APPROVE, REVOKED_AT - timedelta(days=30))
        before = arrive(store, REVOKED, "laiza", REVOKED_AT - timedelta(days=1), 10)
        after = arrive(store, REVOKED, "laiza", REVOKED_AT + timedelta(days=1), 11)
        decide(store, REVOKED, DeviceEventKind.REVOKE, REVOKED_AT)
        waiting = arrive(store, PENDING, "laiza", REVOKED_AT, 12)
        for report_id in (before, after, waiting):
            desk_review.move(store, report_id, ReviewState.VERIFIED, now=NOW)
    monkeypatch.undo()
    with open_store(tmp_path / "desk", PASSPHRASE) as store:
        assert user_version(store.conn) == len(schema.MIGRATIONS) >= 17
        assert counts(store) == {
            **{report_id: 1 for report_id in ids.values()}, before: 1, after: 0, waiting: 0,
        }  # fmt: skip
        assert_counts_as_decided(store)
        approve_devices(store, [PENDING])  # the triggers came with the upgrade
        assert counts(store)[waiting] == 1
        assert_counts_as_decided(store)
