"""The correspondent's sync service against an in-memory server that can fail on cue.

The real server and the real client are exercised end to end in tests/e2e; here each
failure is placed exactly: a reply lost after the server stored the batch, a refusal of one
envelope, a revoked token, a cut in the middle of a photo.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import timedelta

import pytest

from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.sync import EnrollmentError, SyncErrorKind
from desktop.store.database import Store
from desktop.store.identity import AlreadyEnrolledError, IdentityRepository
from desktop.store.outbox import OutboxRepository
from desktop.store.reports import ReportRepository
from sync.client import (
    ClientConfig,
    OfflineError,
    PinMismatchError,
    RevokedError,
    SyncError,
    UnauthorizedError,
)
from sync.envelope import NewsroomKeyPair, open_envelope, parse_header
from sync.payloads.report import report_payload
from sync.wire import Invite, encode_invite
from tests.helpers.fake_server import (
    NOW,
    TOKEN,
    URL,
    FakeClient,
    FakeServer,
    enrolled,
    newsroom,
    queue_report,
    server,
    store,
)
from tests.helpers.reports import example

__all__ = ["enrolled", "newsroom", "server", "store"]  # fixtures


def opened_payloads(server: FakeServer, kind: str) -> list[bytes]:
    found = []
    for _, device, data, _ in sorted(server.envelopes.values()):
        if str(parse_header(data).kind) == kind:
            key = server.devices[device]
            found.append(
                open_envelope(
                    data,
                    newsroom_private_key=server.newsroom,
                    device_public_key_for=lambda _, k=key: k,
                ).payload
            )
    return found


# -- enrolment ---------------------------------------------------------------------------


def test_enroll_stores_the_identity(store: Store, server: FakeServer) -> None:
    identity = sync.enroll(
        store,
        URL,
        server.invite(),
        "laptop 3",
        proxy="socks5h://127.0.0.1:9050",
        client_factory=server.client,
        now=NOW,
    )
    assert identity == IdentityRepository(store).get()
    assert identity.device_id == "gw-00000000000000000001"
    assert identity.token == TOKEN
    assert identity.newsroom_fingerprint == server.newsroom.fingerprint
    assert identity.proxy == "socks5h://127.0.0.1:9050"
    assert server.devices[identity.device_id] is not None
    assert server.configs[0] == ClientConfig(
        base_url=URL, token=TOKEN, proxy="socks5h://127.0.0.1:9050"
    )
    with pytest.raises(AlreadyEnrolledError):
        sync.enroll(store, URL, server.invite(token="B" * 43), client_factory=server.client)
    assert len(server.configs) == 1  # refused before any network call


def test_enroll_refuses_another_newsroom_key_and_stores_nothing(
    store: Store, server: FakeServer
) -> None:
    server.handed_key = NewsroomKeyPair.generate("x25519").public_key.to_text()
    with pytest.raises(EnrollmentError) as info:
        sync.enroll(store, URL, server.invite(), client_factory=server.client)
    assert info.value.reason == "fingerprint_mismatch"
    assert server.newsroom.fingerprint in str(info.value)
    assert IdentityRepository(store).get() is None


@pytest.mark.parametrize("invite", ["", "gwinvite1:!!!", "hello", "gwinvite1:" + "A" * 3000])
def test_enroll_refuses_a_bad_invite(store: Store, server: FakeServer, invite: str) -> None:
    with pytest.raises(EnrollmentError) as info:
        sync.enroll(store, URL, invite, client_factory=server.client)
    assert info.value.reason == "invalid_invite"
    assert server.configs == []


def test_enroll_takes_the_server_from_the_invite_or_asks(store: Store, server: FakeServer) -> None:
    with pytest.raises(EnrollmentError) as info:
        sync.enroll(store, None, server.invite(), client_factory=server.client)
    assert info.value.reason == "no_server"
    with_url = encode_invite(Invite(TOKEN, server.newsroom.fingerprint, server_url=URL))
    assert sync.enroll(store, None, with_url, client_factory=server.client).server_url == URL


def test_enroll_offline_stores_nothing(store: Store, server: FakeServer) -> None:
    server.faults.append("before")
    with pytest.raises(OfflineError):
        sync.enroll(store, URL, server.invite(), client_factory=server.client)
    assert IdentityRepository(store).get() is None


# -- sealing -----------------------------------------------------------------------------


def test_queueing_seals_at_once_when_enrolled(enrolled: Store, server: FakeServer) -> None:
    report = queue_report(enrolled)
    outbox = OutboxRepository(enrolled)
    assert outbox.unsealed_ids() == []
    [pending] = outbox.pending()
    header = parse_header(pending.envelope)
    assert header.device_id == "gw-00000000000000000001"
    assert header.recipient_key_id == server.newsroom.fingerprint
    assert pending.report_id == report.id
    assert report.id not in pending.envelope_id  # envelope ids are random, not report ids


def test_reports_queued_before_enrolment_are_sealed_at_the_first_sync(
    store: Store, server: FakeServer
) -> None:
    report = queue_report(store)
    assert OutboxRepository(store).unsealed_ids() == [report.id]
    outcome = sync.sync_once(store, client_factory=server.client, now=NOW)
    assert outcome.error is SyncErrorKind.NOT_ENROLLED
    assert outcome.remaining == 1
    assert "enrol" in str(outcome.message)
    sync.enroll(store, URL, server.invite(), client_factory=server.client)
    outcome = sync.sync_once(store, client_factory=server.client, now=NOW)
    assert (outcome.sent, outcome.remaining, outcome.error) == (1, 0, None)
    assert outcome.done


def test_the_payload_is_the_report_record_and_photos_travel_in_chunks(
    enrolled: Store, server: FakeServer
) -> None:
    big = b"\xff\xd8\xff" + bytes(range(256)) * 2100  # > 2 chunks
    small = b"\xff\xd8\xff small"
    report = queue_report(enrolled, photos=[big, small])
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)

    [payload] = opened_payloads(server, "report")
    document = json.loads(payload)
    assert payload == report_payload(document["report"], document["attachments"])
    assert document["format"] == "gatewatch-report/1"
    assert document["report"] == report.to_json()
    first, second = document["attachments"]
    assert (first["position"], first["size"], len(first["chunks"])) == (1, len(big), 3)
    assert first["sha256"] == hashlib.sha256(big).hexdigest()
    assert len(second["chunks"]) == 1
    chunks = {
        parse_header(data).envelope_id: open_envelope(
            data,
            newsroom_private_key=server.newsroom,
            device_public_key_for=lambda _, k=server.devices[device]: k,
        ).payload
        for _, device, data, _ in server.envelopes.values()
        if parse_header(data).kind == "attachment_chunk"
    }
    assert len(chunks) == 4  # three and one: a power of two already, no filler
    assert b"".join(chunks[c["envelope_id"]] for c in first["chunks"]) == big
    assert all(len(d) <= sync.CHUNK_SIZE for d in chunks.values())
    assert ReportRepository(enrolled).get(report.id).row.state is ReportState.SENT


# -- sending -----------------------------------------------------------------------------


def test_a_reply_lost_after_the_server_stored_is_neither_lost_nor_doubled(
    enrolled: Store, server: FakeServer
) -> None:
    reports = [queue_report(enrolled, f"report {i}") for i in range(3)]
    server.faults.append("after")
    outcome = sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    assert outcome.error is SyncErrorKind.OFFLINE
    assert outcome.remaining == 3
    assert "cut" in str(outcome.message)
    assert len(server.envelopes) == 3  # stored, but the receipts never came back
    assert OutboxRepository(enrolled).status().last_error == "connection_cut"

    outcome = sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    assert (outcome.sent, outcome.remaining) == (3, 0)
    assert len(server.envelopes) == 3
    states = {ReportRepository(enrolled).get(r.id).row.state for r in reports}
    assert states == {ReportState.SENT}


def test_photos_resume_with_the_missing_chunks_only(enrolled: Store, server: FakeServer) -> None:
    photo = b"\xff\xd8\xff" + bytes(range(256)) * 12_000  # 12 chunks, about 3 MiB
    queue_report(enrolled, photos=[photo])
    # Calls: missing, the first upload (2 MiB of chunks), the second upload: cut.
    server.faults += [lambda: None, lambda: None, "before"]
    outcome = sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    assert outcome.error is SyncErrorKind.OFFLINE
    stored_first = set(server.envelopes)
    assert 0 < len(stored_first) < 12

    server.uploads.clear()
    outcome = sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    assert outcome.done
    sent_again = {eid for batch in server.uploads for eid in batch}
    assert not sent_again & stored_first  # only what was missing went out again
    assert len(server.envelopes) == 17  # 12 chunks and 4 fillers (16), and the report


def test_a_refused_envelope_stays_queued_with_its_reason(
    enrolled: Store, server: FakeServer
) -> None:
    refused = queue_report(enrolled, "refused one")
    fine = queue_report(enrolled, "fine one")
    envelope_id = OutboxRepository(enrolled).pending()[0].envelope_id
    server.refuse[envelope_id] = "kind_not_allowed"
    outcome = sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    assert outcome.error is SyncErrorKind.REFUSED
    assert outcome.refused == ((refused.id, "kind_not_allowed"),)
    assert (outcome.sent, outcome.remaining) == (1, 1)
    assert "kind_not_allowed" in str(outcome.message)
    assert ReportRepository(enrolled).get(fine.id).row.state is ReportState.SENT
    assert ReportRepository(enrolled).get(refused.id).row.state is ReportState.QUEUED
    assert OutboxRepository(enrolled).status().last_error == "kind_not_allowed"


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (RevokedError("This device was revoked.", "device_revoked"), SyncErrorKind.REVOKED),
        (UnauthorizedError("Unknown token."), SyncErrorKind.UNAUTHORIZED),
        (PinMismatchError("Not the pinned certificate."), SyncErrorKind.PIN_MISMATCH),
        (SyncError("Odd reply.", "bad_response"), SyncErrorKind.FAILED),
    ],
)
def test_each_failure_has_its_kind_and_message(
    enrolled: Store, server: FakeServer, error: SyncError, kind: SyncErrorKind
) -> None:
    queue_report(enrolled)

    def fail() -> None:
        raise error

    server.faults.append(fail)
    outcome = sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    assert (outcome.error, outcome.message, outcome.remaining) == (kind, str(error), 1)
    assert not outcome.done


def test_a_refused_setting_is_a_failure_not_a_crash(enrolled: Store, server: FakeServer) -> None:
    from sync.client import ConfigError

    queue_report(enrolled)

    def factory(config: ClientConfig) -> FakeClient:
        raise ConfigError("The proxy address is not valid.", "bad_proxy")

    outcome = sync.sync_once(enrolled, client_factory=factory, now=NOW)
    assert outcome.error is SyncErrorKind.FAILED
    assert outcome.remaining == 1


def test_progress_and_the_limit_per_call(enrolled: Store, server: FakeServer) -> None:
    for i in range(3):
        queue_report(enrolled, f"report {i}", photos=[b"\xff\xd8\xff" + bytes([i])])
    seen: list[sync.SyncProgress] = []
    outcome = sync.sync_once(
        enrolled, client_factory=server.client, now=NOW, progress=seen.append, max_reports=2
    )
    assert (outcome.sent, outcome.remaining, outcome.more) == (2, 1, True)
    assert seen[-1].envelopes_done == seen[-1].envelopes_total == 4
    assert seen[-1].reports_done == seen[-1].reports_total == 2
    assert seen[-1].bytes_done == seen[-1].bytes_total
    outcome = sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    assert (outcome.sent, outcome.remaining, outcome.more) == (1, 0, False)


def test_an_empty_outbox_makes_no_connection(enrolled: Store, server: FakeServer) -> None:
    configs = len(server.configs)
    assert sync.sync_once(enrolled, client_factory=server.client, now=NOW).done
    assert len(server.configs) == configs


def test_status_for_the_status_bar(store: Store, server: FakeServer) -> None:
    status = sync.sync_status(store)
    assert (status.enrolled, status.waiting, status.last_success_at) == (False, 0, None)
    sync.enroll(store, URL, server.invite(), client_factory=server.client)
    queue_report(store)
    assert sync.sync_status(store).waiting == 1
    sync.sync_once(store, client_factory=server.client, now=NOW)
    status = sync.sync_status(store)
    assert (status.enrolled, status.waiting, status.last_success_at) == (True, 0, NOW)
    assert status.device_id == "gw-00000000000000000001"


# -- retention ---------------------------------------------------------------------------


def test_retention_purges_after_the_set_days(enrolled: Store, server: FakeServer) -> None:
    report = queue_report(enrolled, "CANARY-retention", photos=[b"\xff\xd8\xff photo"])
    assert sync.retention_days(enrolled) == 7
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    assert sync.purge_expired(enrolled, now=NOW + timedelta(days=6)) == 0
    assert sync.purge_expired(enrolled, now=NOW + timedelta(days=7)) == 1
    stored = ReportRepository(enrolled).get(report.id)
    assert stored.row.state is ReportState.PURGED
    assert "CANARY" not in json.dumps(stored.body)


def test_retention_zero_purges_right_after_the_receipt(enrolled: Store, server: FakeServer) -> None:
    sync.set_retention_days(enrolled, 0)
    report = queue_report(enrolled)
    outcome = sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    assert (outcome.sent, outcome.purged) == (1, 1)
    assert ReportRepository(enrolled).get(report.id).row.state is ReportState.PURGED


@pytest.mark.parametrize("days", [-1, 3651, True, 1.5])
def test_retention_setting_is_checked(store: Store, days: object) -> None:
    with pytest.raises(ValueError, match="retention"):
        sync.set_retention_days(store, days)  # type: ignore[arg-type]


def test_set_proxy(enrolled: Store) -> None:
    sync.set_proxy(enrolled, "socks5h://127.0.0.1:9050")
    assert IdentityRepository(enrolled).get().proxy == "socks5h://127.0.0.1:9050"  # type: ignore[union-attr]
    sync.set_proxy(enrolled, None)
    assert IdentityRepository(enrolled).get().proxy is None  # type: ignore[union-attr]


def test_each_envelope_id_is_a_fresh_uuid4(enrolled: Store) -> None:
    queue_report(enrolled, photos=[b"\xff\xd8\xff"])
    [pending] = OutboxRepository(enrolled).pending()
    for envelope_id in [pending.envelope_id, *(c.envelope_id for c in pending.chunks)]:
        assert uuid.UUID(envelope_id).version == 4


def test_a_report_add_path_is_sealed_by_seal_pending(enrolled: Store) -> None:
    report = Report.new(ReportContent.from_json(example()))
    ReportRepository(enrolled).add(report)
    assert OutboxRepository(enrolled).unsealed_ids() == [report.id]
    assert sync.seal_pending(enrolled, now=NOW) == 1
    assert sync.seal_pending(enrolled, now=NOW) == 0


def test_memory_per_call_is_bounded_by_bytes(
    enrolled: Store, server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        queue_report(enrolled, f"report {i}", photos=[b"\xff\xd8\xff" + bytes(300_000)])
    monkeypatch.setattr(sync, "PLAN_BYTES", 1)  # one revision per call, however large
    outcome = sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    assert (outcome.sent, outcome.remaining, outcome.more) == (1, 2, True)
