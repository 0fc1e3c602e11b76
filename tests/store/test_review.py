"""The desk's review tables: convergent states, held events, inbox filters and search, audit
trail, the review outbox, and the newsroom key export."""

from __future__ import annotations

import itertools
import json
import random
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.desk.review import ReviewError, ReviewState
from desktop.domain.desk.review_events import ReviewEvent, held_until
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent, Source
from desktop.domain.vocabulary import HowKnown, Reliability, SideStatus, SourceCategory
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.desk.keyexport import (
    KeyExportError,
    KeyExportPassphraseError,
    spoken_fingerprint,
)
from desktop.store.desk.review import ExportRecord, InboxFilter, ReviewRepository
from desktop.store.errors import WeakPassphraseError
from tests.helpers.reviews import DESK_A, DESK_B, NOW, move, received, store
from tests.helpers.stores import PASSPHRASE

__all__ = ["store"]  # a fixture


def test_states_converge_whatever_order_the_events_arrive_in(tmp_path: Path) -> None:
    events_for: list[ReviewEvent] = []
    final_states: set[tuple[ReviewState, ...]] = set()
    with create_store(tmp_path / "a", PASSPHRASE) as first:
        ids = [received(first, hours_ago=h) for h in (1, 2)]
        for report_id in ids:
            events_for += [
                move(report_id, ReviewState.VERIFIED, NOW, DESK_A),
                move(report_id, ReviewState.REJECTED, NOW, DESK_B),  # same time: greater desk
                move(report_id, ReviewState.NEEDS_FOLLOW_UP, NOW - timedelta(minutes=5), DESK_B),
            ]
        records = DeskRepository(first).reports()
    rng = random.Random(7)  # noqa: S311 (a fixed shuffle, not a secret)
    for attempt in range(4):
        order = events_for[:]
        rng.shuffle(order)
        with create_store(tmp_path / f"desk{attempt}", PASSPHRASE) as other:
            for record in records:
                envelope = EnvelopeRecord(
                    str(uuid.uuid4()), 1, record.device_id, "report", 1, "x", "stored"
                )
                DeskRepository(other).store_page(
                    [], [ReceivedReport(envelope, dict(record.record))], 1, NOW
                )
            reviews = ReviewRepository(other)
            for event in order:  # one at a time: every prefix is a state some desk sees
                reviews.record_events([event], envelope_id=None, now=NOW)
            final_states.add(tuple(reviews.state(i) or ReviewState.NEW for i in ids))
            assert len(reviews.history(ids[0])) == 3  # the history keeps every move
    assert final_states == {(ReviewState.REJECTED, ReviewState.REJECTED)}


def test_events_that_arrive_before_their_report_apply_when_it_comes(store: Store) -> None:
    reviews = ReviewRepository(store)
    content = ReportContent(
        observed_at=NOW - timedelta(hours=3),
        china_side=SideStatus.OPEN,
        myanmar_side=SideStatus.OPEN,
        how_known=HowKnown.WITNESSED,
        gate="lweje",
    )
    record = Report.new(content, now=NOW - timedelta(hours=3)).to_json()
    early = move(str(record["id"]), ReviewState.VERIFIED, NOW)
    assert reviews.record_events([early], envelope_id=None, now=NOW) == 1
    assert reviews.state(str(record["id"])) is None  # not held yet
    envelope = EnvelopeRecord(str(uuid.uuid4()), 9, "gw-" + "2" * 20, "report", 1, "x", "stored")
    DeskRepository(store).store_page([], [ReceivedReport(envelope, record)], 9, NOW)
    assert reviews.state(str(record["id"])) is ReviewState.VERIFIED
    assert reviews.record_events([early], envelope_id=None, now=NOW) == 0  # once by id


def test_a_move_is_checked_against_the_state_this_desk_holds(store: Store) -> None:
    report_id = received(store)
    with pytest.raises(ReviewError, match="can go to"):
        desk_review.move(store, report_id, ReviewState.PUBLISHED)
    desk_review.move(store, report_id, ReviewState.VERIFIED, "two sources agree")
    desk_review.move(store, report_id, ReviewState.PUBLISHED)
    reviews = ReviewRepository(store)
    assert reviews.state(report_id) is ReviewState.PUBLISHED
    with pytest.raises(ReviewError, match="no report"):
        desk_review.move(store, str(uuid.uuid4()), ReviewState.VERIFIED)
    moves = [(e.from_state, e.to_state, e.note) for e in reviews.history(report_id)]
    assert moves == [
        (ReviewState.NEW, ReviewState.VERIFIED, "two sources agree"),
        (ReviewState.VERIFIED, ReviewState.PUBLISHED, ""),
    ]
    # Each move waits in the review outbox, sealed (no plaintext note in it).
    queued = reviews.unsent_envelopes()
    assert len(queued) == 2
    assert all(b"two sources agree" not in body for _, body in queued)


def test_pulled_review_payloads_apply_once_and_bad_ones_are_refused(store: Store) -> None:
    report_id = received(store)
    event = move(report_id, ReviewState.VERIFIED, NOW, DESK_B)
    good = json.dumps({"format": desk_review.LEGACY_REVIEW_FORMAT, "events": [event.to_json()]})
    bad = json.dumps({"format": desk_review.LEGACY_REVIEW_FORMAT, "events": [{"event_id": 1}]})
    records = [
        EnvelopeRecord(
            str(uuid.uuid4()),
            20 + i,
            "newsroom-desk",
            "review",
            100,
            "x",
            "stored",
            payload=p.encode(),
        )
        for i, p in enumerate((good, bad, good))
    ]
    DeskRepository(store).store_page(records, [], 30, NOW)
    assert desk_review.apply_pulled_reviews(store, now=NOW) == 1  # the repeat adds nothing
    assert desk_review.apply_pulled_reviews(store, now=NOW) == 0
    reviews = ReviewRepository(store)
    assert reviews.state(report_id) is ReviewState.VERIFIED
    refused = DeskRepository(store).refusals()
    assert [(r.envelope_id, r.reason) for r in refused] == [
        (records[1].envelope_id, "invalid_review")
    ]


def test_inbox_filters_search_and_sorts(store: Store) -> None:
    gazetteer = default_gazetteer()
    reviews = ReviewRepository(store, lambda term: [c.id for c in gazetteer.match(term)])
    trader = Source(SourceCategory.TRADER, Reliability.B, 2, "Blue Heron")
    laiza_old = received(store, hours_ago=30, narrative="Fuel trucks wait at the barbed wire.")
    laiza_new = received(store, hours_ago=2, narrative="ဆီဈေး တက်သွားသည်", source=trader)
    lweje = received(store, gate="lweje", hours_ago=5, device="gw-" + "3" * 20)
    desk_review.move(store, laiza_new, ReviewState.VERIFIED)

    def ids(**kwargs: Any) -> list[str]:
        return reviews.inbox_ids(InboxFilter(**kwargs))

    assert ids() == [laiza_new, lweje, laiza_old]
    assert ids(oldest_first=True) == [laiza_old, lweje, laiza_new]
    assert ids(gates=frozenset({"laiza"})) == [laiza_new, laiza_old]
    assert ids(states=frozenset({ReviewState.VERIFIED})) == [laiza_new]
    assert ids(source_categories=frozenset({"trader"}), reliabilities=frozenset({"B"})) == [
        laiza_new
    ]
    assert ids(devices=frozenset({"gw-" + "3" * 20})) == [lweje]
    assert ids(since=NOW.date(), until=NOW.date()) == [laiza_new, lweje]
    assert ids(until=date(2026, 11, 18)) == []
    assert ids(text="barbed") == [laiza_old]
    assert ids(text="ဆီ") == [laiza_new]  # a short Burmese term: scanned, not indexed
    assert ids(text="Lweje") == [lweje]  # a crossing name finds its reports
    assert ids(text='" OR 1') == []  # search syntax in the box is taken literally
    [row] = reviews.inbox_rows([laiza_new])
    assert (row.gate, row.state, row.source_category, row.reliability) == (
        "laiza",
        ReviewState.VERIFIED,
        "trader",
        "B",
    )
    assert reviews.inbox_rows([lweje, "missing", laiza_old])[1].report_id == laiza_old


def test_the_audit_trail_names_receipt_moves_notes_and_exports(store: Store) -> None:
    report_id = received(store)
    desk_review.set_desk_label(store, "Myitkyina desk")
    desk_review.move(store, report_id, ReviewState.NEEDS_FOLLOW_UP, "ask about the trucks", now=NOW)
    desk_review.add_note(store, report_id, "called back, no answer", now=NOW + timedelta(minutes=1))
    reviews = ReviewRepository(store)
    reviews.record_export(
        ExportRecord(
            "exp-1", "csv", {"states": []}, False, 1, NOW + timedelta(hours=1), "Myitkyina desk"
        ),
        [report_id],
    )
    trail = reviews.audit_trail(report_id)
    assert [e.what for e in trail] == ["received", "move", "note", "export"]
    assert trail[1].desk_label == "Myitkyina desk"
    assert trail[1].note == "ask about the trucks"
    assert trail[3].detail["format"] == "csv"


def test_a_renamed_desk_has_one_label_in_every_row_of_a_history(store: Store) -> None:
    report_id = received(store)
    desk_review.set_desk_label(store, "desk-1")
    desk_review.move(store, report_id, ReviewState.NEEDS_FOLLOW_UP, now=NOW)
    desk_review.add_note(store, report_id, "asked", now=NOW + timedelta(minutes=1))
    reviews = ReviewRepository(store)
    reviews.record_export(
        ExportRecord("exp-1", "csv", {"states": []}, False, 1, NOW + timedelta(hours=1), "desk-1"),
        [report_id],
    )
    desk_review.set_desk_label(store, "Myitkyina desk")
    desk_review.move(store, report_id, ReviewState.VERIFIED, now=NOW + timedelta(hours=2))
    trail = reviews.audit_trail(report_id)
    assert [e.what for e in trail] == ["received", "move", "note", "export", "move"]
    assert {e.desk_label for e in trail[1:]} == {"Myitkyina desk"}


def test_a_review_envelope_push_marks_only_stored_ones_sent(store: Store) -> None:
    from sync.messages import Receipt, UploadResult

    report_id = received(store)
    desk_review.move(store, report_id, ReviewState.VERIFIED)
    desk_review.add_note(store, report_id, "second")
    reviews = ReviewRepository(store)
    first, second = reviews.unsent_envelopes()
    calls: list[str] = []

    class Client:
        def upload(self, envelopes: Any, *, on_batch: Any = None, route: str = "") -> Any:
            calls.append(route)
            ok = UploadResult(
                envelope_id=envelopes[0][0],
                ok=True,
                receipt=Receipt(
                    envelope_id=envelopes[0][0], seq=1, received_at="x", sha256="0" * 64
                ),
            )
            refused = UploadResult(
                envelope_id=envelopes[1][0],
                ok=False,
                error="wrong_recipient",
                status=422,
                message="m",
            )
            return [ok, refused]

    outcome = desk_review.push_reviews(store, Client())  # type: ignore[arg-type]
    assert calls == ["/v1/reviews"]
    assert (outcome.sent, outcome.refused, outcome.waiting) == (1, 1, 1)
    assert reviews.unsent_envelopes() == [second]
    assert first != second


@pytest.mark.parametrize("weak", ["12345678", "password", "kettle window"])
def test_a_key_export_needs_a_stronger_passphrase_than_a_store(
    store: Store, tmp_path: Path, weak: str
) -> None:
    # "kettle window" would do for a store (zxcvbn 3), not for the file opening every report.
    exported = tmp_path / "newsroom.gwkey"
    with pytest.raises(WeakPassphraseError, match="too easy to guess"):
        desk_review.export_newsroom_key(store, exported, weak)
    assert not exported.exists()


def test_the_newsroom_key_travels_to_a_second_desk_under_a_passphrase(
    store: Store, tmp_path: Path
) -> None:
    exported = tmp_path / "newsroom.gwkey"
    fingerprint = desk_review.export_newsroom_key(store, exported, "another long passphrase")
    text = exported.read_text()
    key = DeskRepository(store).key()
    assert key is not None
    assert key.private_key.hex() not in text
    with pytest.raises(KeyExportError, match="already exists"):
        desk_review.export_newsroom_key(store, exported, "another long passphrase")
    with create_store(tmp_path / "second", PASSPHRASE) as second:
        with pytest.raises(KeyExportPassphraseError):
            desk_review.import_newsroom_key(second, exported, "the wrong passphrase")
        assert DeskRepository(second).key() is None  # nothing changed
        got = desk_review.import_newsroom_key(
            second, exported, "another long passphrase", label="B"
        )
        assert got == fingerprint
        assert desk_connection.newsroom_public_key(second) == desk_connection.newsroom_public_key(
            store
        )
        assert desk_review.desk_identity(second).label == "B"
        assert desk_review.desk_identity(second).desk_id != desk_review.desk_identity(store).desk_id
    tampered = json.loads(text)
    tampered["fingerprint"] = "0" * 32
    (tmp_path / "tampered.gwkey").write_text(json.dumps(tampered))
    with (
        create_store(tmp_path / "third", PASSPHRASE) as third,
        pytest.raises(KeyExportPassphraseError),  # the header is bound into the tag
    ):
        desk_review.import_newsroom_key(
            third, tmp_path / "tampered.gwkey", "another long passphrase"
        )
    (tmp_path / "junk.gwkey").write_bytes(b"\x00not json")
    with (
        create_store(tmp_path / "fourth", PASSPHRASE) as fourth,
        pytest.raises(KeyExportError, match="not a Gatewatch"),
    ):
        desk_review.import_newsroom_key(fourth, tmp_path / "junk.gwkey", "x" * 10)
    assert spoken_fingerprint("0123456789abcdef") == "0123 4567 89ab cdef"


def test_review_events_refuse_malformed_input() -> None:
    good = move(str(uuid.uuid4()), ReviewState.VERIFIED, NOW).to_json()
    assert ReviewEvent.from_json(good).to_json() == good
    for key, value in itertools.chain(
        [("kind", "delete"), ("to_state", "approved"), ("desk_id", "desk-1")],
        [("at", "yesterday"), ("at", "2026-11-20T06:00:00"), ("event_id", 5), ("note", "x" * 5000)],
    ):
        with pytest.raises(ReviewError):
            ReviewEvent.from_json({**good, key: value})
    with pytest.raises(ReviewError):
        ReviewEvent.from_json({**good, "extra": 1})


def test_v5_gives_reports_pulled_before_it_a_state_and_a_search_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import schema
    from desktop.store.database import open_store

    data_dir = tmp_path / "old-desk"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:4])
    record = Report.new(
        ReportContent(
            observed_at=NOW,
            china_side=SideStatus.CLOSED,
            myanmar_side=SideStatus.CLOSED,
            how_known=HowKnown.SOURCE_ACCOUNT,
            gate="laiza",
            source=Source(SourceCategory.DRIVER, Reliability.C, 3),
            narrative="Rare-earth trucks turned back at the bridge.",
        ),
        now=NOW,
    ).to_json()
    with create_store(data_dir, PASSPHRASE) as old, old.transaction() as conn:
        conn.execute(
            "INSERT INTO desk_envelopes (envelope_id, seq, device_id, kind, size, received_at,"
            " pulled_at, outcome) VALUES ('e1', 1, 'gw-1', 'report', 1, 'x', 'y', 'stored')"
        )
        conn.execute(
            "INSERT INTO desk_reports (id, envelope_id, device_id, lineage_id, revision, gate,"
            " observed_at, received_at, record) VALUES (?, 'e1', 'gw-1', ?, 1, 'laiza', ?,"
            " 'x', ?)",
            (record["id"], record["lineage_id"], record["observed_at"], json.dumps(record)),
        )
    monkeypatch.undo()
    with open_store(data_dir, PASSPHRASE) as upgraded:
        reviews = ReviewRepository(upgraded)
        assert reviews.state(str(record["id"])) is ReviewState.NEW
        assert reviews.inbox_ids(InboxFilter(text="rare-earth")) == [record["id"]]
        assert reviews.inbox_ids(InboxFilter(source_categories=frozenset({"driver"}))) == [
            record["id"]
        ]


def test_a_move_made_after_seeing_a_state_wins_over_a_fast_clock(store: Store) -> None:
    report_id = received(store)
    fast = move(report_id, ReviewState.VERIFIED, NOW + timedelta(minutes=10), DESK_B)
    ReviewRepository(store).record_events([fast], envelope_id=None, now=NOW)
    desk_review.move(store, report_id, ReviewState.PUBLISHED, now=NOW)  # a slower clock
    assert ReviewRepository(store).state(report_id) is ReviewState.PUBLISHED
    # Years ahead is held (until then, or until an editor accepts it), never applied at once.
    far = ReviewEvent.from_json({**fast.to_json(), "at": "2999-01-01T00:00:00.000000Z"})
    assert held_until([far], NOW) == datetime(2998, 12, 31, tzinfo=UTC)


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: {**doc, "kdf": {**doc["kdf"], "memory_cost": float("inf")}},
        lambda doc: {**doc, "nonce": 5},
        lambda doc: {**doc, "version": 2},
    ],
)
def test_a_damaged_key_export_says_so(
    store: Store, tmp_path: Path, damage: Callable[[dict[str, Any]], dict[str, Any]]
) -> None:
    exported = tmp_path / "newsroom.gwkey"
    desk_review.export_newsroom_key(store, exported, "another long passphrase")
    broken = tmp_path / "broken.gwkey"
    broken.write_text(json.dumps(damage(json.loads(exported.read_text()))))
    with pytest.raises(KeyExportError):
        desk_review.import_newsroom_key(store, broken, "another long passphrase")
    (tmp_path / "nested.gwkey").write_text("[" * 8000)
    with pytest.raises(KeyExportError):
        desk_review.import_newsroom_key(store, tmp_path / "nested.gwkey", "x" * 10)
