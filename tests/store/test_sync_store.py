"""Schema v4: the device identity, the sealed outbox, the retention purge and the desk
tables, on a real store."""

import hashlib
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import Store, create_store, open_store
from desktop.store.desk.core import (
    AttachmentRef,
    ChunkRef,
    DeskDevice,
    DeskKey,
    DeskKeyExistsError,
    DeskRepository,
    EnvelopeRecord,
    ReceivedReport,
)
from desktop.store.identity import AlreadyEnrolledError, IdentityRepository
from desktop.store.outbox import OutboxRepository, SealedChunk, SealedReport
from desktop.store.reports import ReportFilter, ReportRepository
from tests.helpers.outbox import CANARY, NOW, identity, queued
from tests.helpers.reports import example
from tests.helpers.stores import PASSPHRASE


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "store", PASSPHRASE) as opened:
        yield opened


def sealed(report: Report, chunks: int = 0) -> SealedReport:
    return SealedReport(
        report.id,
        f"00000000-0000-4000-8000-{report.id[-12:]}",
        b"report envelope " + report.id.encode(),
        tuple(
            SealedChunk(f"00000000-0000-4000-9{i:03d}-{report.id[-12:]}", 1, i, b"chunk%d" % i)
            for i in range(chunks)
        ),
    )


def test_identity_is_kept_once_and_survives_reopening(tmp_path: Path) -> None:
    data_dir = tmp_path / "store"
    with create_store(data_dir, PASSPHRASE) as store:
        identities = IdentityRepository(store)
        assert identities.get() is None
        identities.save(identity())
        with pytest.raises(AlreadyEnrolledError):
            identities.save(identity(device_id="gw-other"))
        identities.set_connection(proxy="socks5h://127.0.0.1:9050")
    with open_store(data_dir, PASSPHRASE) as store:
        got = IdentityRepository(store).get()
        assert got == identity(proxy="socks5h://127.0.0.1:9050")
        assert "kkkk" not in repr(got)
        assert "tttt" not in repr(got)
        IdentityRepository(store).set_connection(proxy="")
        assert IdentityRepository(store).get() == identity()


def test_set_connection_needs_an_enrolment(store: Store) -> None:
    with pytest.raises(LookupError):
        IdentityRepository(store).set_connection(proxy="socks5h://127.0.0.1:9050")


def test_sealing_is_stored_whole_once(store: Store) -> None:
    report = queued(store)
    outbox = OutboxRepository(store)
    assert outbox.unsealed_ids() == [report.id]
    assert outbox.status().unsealed == 1
    assert outbox.store_sealed(sealed(report, chunks=2), NOW)
    # A second seal (a race, a retry) never replaces bytes that may have been sent.
    other = SealedReport(report.id, "11111111-1111-4111-8111-111111111111", b"other")
    assert not outbox.store_sealed(other, NOW)
    assert outbox.unsealed_ids() == []
    [pending] = outbox.pending()
    assert pending.envelope == sealed(report).envelope
    assert [c.chunk for c in pending.chunks] == [0, 1]
    assert pending.size == len(pending.envelope) + len(b"chunk0") * 2


def test_receipts_mark_sent_atomically_and_idempotently(store: Store) -> None:
    report = queued(store)
    outbox = OutboxRepository(store)
    outbox.store_sealed(sealed(report, chunks=2), NOW)
    [pending] = outbox.pending()
    assert not outbox.chunks_confirmed(report.id)
    outbox.record_chunk_receipts([(c.envelope_id, "r") for c in pending.chunks])
    assert outbox.chunks_confirmed(report.id)
    assert outbox.pending()[0].chunks == ()
    assert outbox.record_receipt(report.id, '{"seq": 1}', NOW)
    assert not outbox.record_receipt(report.id, '{"seq": 1}', NOW)  # a late duplicate
    assert ReportRepository(store).get(report.id).row.state is ReportState.SENT
    assert outbox.pending_count() == 0
    assert outbox.pending() == []
    assert outbox.sent_at(report.id) == NOW


def test_attempts_and_errors_are_counted(store: Store) -> None:
    report = queued(store)
    outbox = OutboxRepository(store)
    outbox.store_sealed(sealed(report), NOW)
    outbox.record_attempt([report.id], "wrong_recipient", NOW)
    outbox.record_attempt([report.id], "offline", NOW + timedelta(minutes=1))
    assert outbox.status().last_error == "offline"
    assert outbox.pending()[0].attempts == 2


def test_pending_is_bounded_by_count_and_bytes_but_never_empty(store: Store) -> None:
    outbox = OutboxRepository(store)
    for _ in range(3):
        outbox.store_sealed(sealed(queued(store), chunks=1), NOW)
    assert len(outbox.pending(max_reports=2)) == 2
    assert len(outbox.pending(max_bytes=1)) == 1
    assert len(outbox.pending()) == 3


def test_purge_keeps_only_a_stub(store: Store) -> None:
    kept = queued(store, narrative="not yet old enough")
    old = queued(store, photos=2)
    outbox = OutboxRepository(store)
    for report in (kept, old):
        outbox.store_sealed(sealed(report, chunks=1), NOW)
    outbox.record_receipt(old.id, "{}", NOW - timedelta(days=8))
    outbox.record_receipt(kept.id, "{}", NOW)
    reports = ReportRepository(store)
    assert reports.search(CANARY.lower()) == [old.id]

    assert reports.purge_sent(NOW - timedelta(days=7)) == [old.id]
    assert reports.purge_sent(NOW - timedelta(days=7)) == []  # idempotent

    stub = reports.get(old.id)
    assert stub.row.state is ReportState.PURGED
    assert stub.row.gate == "laiza"
    assert stub.row.observed_at == old.content.observed_at
    assert stub.row.summary == ""
    assert stub.report is None
    assert set(stub.body) == {"gate", "observed_at"}
    assert reports.search(CANARY.lower()) == []
    assert AttachmentRepository(store).list(old.id) == []
    envelope = store.execute("SELECT envelope FROM outbox WHERE report_id = ?", (old.id,))
    assert envelope.fetchone()[0] is None
    assert store.execute(
        "SELECT count(*) FROM outbox_chunks WHERE report_id = ?", (old.id,)
    ).fetchone() == (0,)
    reports.reindex()
    assert reports.search(CANARY.lower()) == []
    assert reports.ids(ReportFilter(state=ReportState.SENT)) == [kept.id]


def _record(envelope_id: str, seq: int, **changes: object) -> EnvelopeRecord:
    values: dict[str, object] = {
        "envelope_id": envelope_id,
        "seq": seq,
        "device_id": "gw-device",
        "kind": "attachment_chunk",
        "size": 100,
        "received_at": "2025-03-01T06:00:00.000Z",
        "outcome": "stored",
    }
    values.update(changes)
    return EnvelopeRecord(**values)  # type: ignore[arg-type]


def _desk(store: Store) -> DeskRepository:
    desk = DeskRepository(store)
    desk.connect("http://127.0.0.1:1", "d" * 43, None, None, NOW)
    desk.save_devices([DeskDevice("gw-device", "laptop", b"p" * 32, True, False, None)], NOW)
    return desk


def _received(report_id_seq: int, chunks: list[tuple[str, bytes]]) -> ReceivedReport:
    report = Report.new(ReportContent.from_json(example()))
    photo = b"".join(data for _, data in chunks)
    refs = tuple(ChunkRef(eid, hashlib.sha256(d).hexdigest(), len(d)) for eid, d in chunks)
    attachment = AttachmentRef(
        1, "image/jpeg", len(photo), hashlib.sha256(photo).hexdigest(), 4, 3, refs
    )
    return ReceivedReport(
        _record(f"rep-{report_id_seq}", report_id_seq, kind="report"),
        report.to_json(),
        (attachment,),
    )


def test_desk_key_is_made_once(store: Store) -> None:
    desk = DeskRepository(store)
    assert desk.key() is None
    key = DeskKey("ab" * 16, "x25519", b"s" * 32, "gatewatch-newsroom-key:v1:x25519:AA", NOW)
    desk.save_key(key)
    with pytest.raises(DeskKeyExistsError):
        desk.save_key(key)
    assert desk.key() == key
    assert "ssss" not in repr(desk.key())


def test_desk_page_assembles_photos_whatever_the_order(store: Store) -> None:
    desk = _desk(store)
    received = _received(3, [("c1", b"first half "), ("c2", b"second half")])
    # The report comes first; its chunks on the next pages.
    assert desk.store_page([], [received], 3, NOW).reports == 1
    [report] = desk.reports()
    assert report.attachments[0].complete is False
    desk.store_page([_record("c1", 4, payload=b"first half ")], [], 4, NOW)
    result = desk.store_page([_record("c2", 5, payload=b"second half")], [], 5, NOW)
    assert result.photos_completed == 1
    assert desk.attachment_data(report.id, 1) == b"first half second half"
    assert desk.reports()[0].attachments[0].complete
    assert desk.reports()[0].device_label == "laptop"
    # Chunk payloads are not kept twice.
    assert store.execute(
        "SELECT count(*) FROM desk_envelopes WHERE payload IS NOT NULL"
    ).fetchone() == (0,)
    assert desk.server() is not None
    assert desk.server().cursor == 5


def test_desk_page_again_changes_nothing_and_cursor_never_moves_back(store: Store) -> None:
    desk = _desk(store)
    received = _received(1, [("c1", b"bytes")])
    chunk = _record("c1", 2, payload=b"bytes")
    first = desk.store_page([chunk], [received], 2, NOW)
    assert (first.reports, first.photos_completed) == (1, 1)
    again = desk.store_page([chunk], [received], 1, NOW)
    assert (again.reports, again.duplicates, again.refused) == (0, 2, 0)
    assert len(desk.reports()) == 1
    assert desk.server().cursor == 2  # type: ignore[union-attr]


def test_desk_refuses_a_second_envelope_for_one_report(store: Store) -> None:
    desk = _desk(store)
    received = _received(1, [("c1", b"bytes")])
    desk.store_page([], [received], 1, NOW)
    copy = ReceivedReport(
        _record("rep-other", 2, kind="report"), received.record, received.attachments
    )
    assert desk.store_page([], [copy], 2, NOW).refused == 1
    [refusal] = desk.refusals()
    assert (refusal.envelope_id, refusal.reason) == ("rep-other", "duplicate_report")


def test_desk_never_assembles_a_photo_wrong(store: Store) -> None:
    desk = _desk(store)
    wrong_bytes = _received(1, [("c1", b"expected")])
    refused_chunk = _received(2, [("c2", b"expected")])
    other_device = _received(3, [("c3", b"expected")])
    desk.store_page(
        [
            _record("c1", 4, payload=b"tampered"),
            _record("c2", 5, outcome="refused", reason="bad_signature"),
            _record("c3", 6, payload=b"expected", device_id="gw-other"),
        ],
        [wrong_bytes, refused_chunk, other_device],
        6,
        NOW,
    )
    problems = {r.record["id"]: r.attachments[0].problem for r in desk.reports()}
    assert all(problems.values())
    assert not any(r.attachments[0].complete for r in desk.reports())
    assert "bad_signature" in problems[refused_chunk.record["id"]]


def test_reconnecting_to_another_server_restarts_the_cursor(store: Store) -> None:
    desk = _desk(store)
    desk.store_page([], [], 9, NOW)
    desk.connect("http://127.0.0.1:1", "e" * 43, None, None, NOW)
    assert desk.server().cursor == 9  # type: ignore[union-attr]
    desk.connect("http://127.0.0.1:2", "e" * 43, None, None, NOW)
    assert desk.server().cursor == 0  # type: ignore[union-attr]


def test_a_known_device_key_and_label_are_never_replaced(store: Store) -> None:
    desk = _desk(store)
    renamed = desk.save_devices(
        [DeskDevice("gw-device", "renamed", b"q" * 32, True, True, None)], NOW
    )
    assert desk.device_key("gw-device") == b"p" * 32
    [device] = desk.devices()
    assert (device.label, device.revoked) == ("laptop", True)  # the label flagged instead
    assert renamed == [("gw-device", "laptop", "renamed")]


def test_the_record_is_kept_as_signed(store: Store) -> None:
    desk = _desk(store)
    received = _received(1, [("c1", b"bytes")])
    desk.store_page([], [received], 1, NOW)
    assert desk.reports()[0].record == json.loads(json.dumps(received.record))


def test_v4_keeps_a_v3_outbox_waiting_to_be_sealed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import schema
    from desktop.store.migrations import user_version

    data_dir = tmp_path / "store"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
    with create_store(data_dir, PASSPHRASE) as store:
        report = queued(store)
        assert user_version(store.conn) == 3
    monkeypatch.undo()
    with open_store(data_dir, PASSPHRASE) as store:
        assert user_version(store.conn) == len(schema.MIGRATIONS) >= 4
        outbox = OutboxRepository(store)
        assert outbox.unsealed_ids() == [report.id]
        assert outbox.pending_count() == 1
        assert IdentityRepository(store).get() is None
        assert DeskRepository(store).key() is None
