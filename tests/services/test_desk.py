"""The editor desk: key, connection, pull (verify, open, store, refuse), list."""

from __future__ import annotations

import dataclasses
import itertools
import json
import multiprocessing
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from desktop.services import sync
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.desk import open as desk_open
from desktop.store.database import Store
from desktop.store.desk.core import DeskKeyExistsError, DeskRepository
from sync.client import OfflineError
from sync.envelope import DeviceSigningKey, NewsroomKeyPair, seal
from sync.messages import EnvelopePage, StoredEnvelope
from sync.payloads.report import report_payload
from tests.helpers.fake_desk import DESK_TOKEN, desk_store, newsroom
from tests.helpers.fake_server import (
    NOW,
    URL,
    FakeClient,
    FakeServer,
    enrolled,
    queue_report,
    server,
    store,
)

__all__ = ["desk_store", "enrolled", "newsroom", "server", "store"]  # fixtures


def test_init_makes_one_key_that_stays_inside(store: Store) -> None:
    public = desk_connection.init_desk(store)
    assert public.kem == "mlkem768x25519"
    assert desk_connection.newsroom_public_key(store) == public
    with pytest.raises(DeskKeyExistsError):
        desk_connection.init_desk(store)
    assert desk_connection.newsroom_public_key(store) == public


def test_pull_needs_a_key_and_a_server(store: Store, server: FakeServer) -> None:
    with pytest.raises(desk.DeskNotReadyError, match="desk init"):
        desk.pull(store, client_factory=server.client)
    desk_connection.init_desk(store, "x25519")
    with pytest.raises(desk.DeskNotReadyError, match="desk connect"):
        desk.pull(store, client_factory=server.client)


def test_connect_checks_the_token_first(store: Store, server: FakeServer) -> None:
    server.faults.append("before")
    with pytest.raises(OfflineError):
        desk_connection.connect(store, URL, DESK_TOKEN, client_factory=server.client)
    assert DeskRepository(store).server() is None


def test_pull_stores_every_report_and_photo_as_sent(
    enrolled: Store, desk_store: Store, server: FakeServer
) -> None:
    photo = b"\xff\xd8\xff" + bytes(range(256)) * 2500
    sent = [queue_report(enrolled, f"report {i}", photos=[photo]) for i in range(3)]
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)

    outcome = desk.pull(desk_store, client_factory=server.client, page_size=4)
    assert (outcome.reports, outcome.refused, outcome.photos) == (3, 0, 3)
    assert outcome.pages == 4  # 3 reports + 9 chunks and 3 fillers, in pages of 4
    assert outcome.cursor == 15
    reports = {r.id: r for r in desk.list_reports(desk_store)}
    for report in sent:
        got = reports[report.id]
        assert got.record == report.to_json()
        assert got.device_id == "gw-00000000000000000001"
        assert got.device_label == "laptop 3"
        assert DeskRepository(desk_store).attachment_data(report.id, 1) == photo
        full = desk.report_json(got)
        assert {k: full[k] for k in report.to_json()} == report.to_json()
        assert full["photos"][0]["complete"] is True

    again = desk.pull(desk_store, client_factory=server.client)
    assert (again.envelopes, again.reports) == (0, 0)
    assert again.cursor == 15


def test_a_cut_mid_pull_keeps_the_pages_stored(
    enrolled: Store, desk_store: Store, server: FakeServer, opening: Opening
) -> None:
    for i in range(7):
        queue_report(enrolled, f"report {i}")
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    # The signing key, devices() and two pages get through; the third page is cut.
    server.faults += [lambda: None, lambda: None, lambda: None, lambda: None, "before"]
    with pytest.raises(OfflineError):
        desk.pull(desk_store, client_factory=server.client, page_size=2)
    assert DeskRepository(desk_store).server().cursor == 4  # type: ignore[union-attr]
    assert len(desk.list_reports(desk_store)) == 4
    outcome = desk.pull(desk_store, client_factory=server.client, page_size=2)
    assert (outcome.reports, outcome.cursor) == (3, 7)
    assert len(desk.list_reports(desk_store)) == 7
    # In the workers' mode the second page of each pull was opened in the workers.
    assert len(opening.in_parent) == (4 if opening.mode == "worker processes" else 7)


def test_stored_pages_are_acknowledged_while_the_pull_goes_on(
    enrolled: Store, desk_store: Store, server: FakeServer, opening: Opening
) -> None:
    # The server erases what the desk has stored as the pull goes, not all at its end
    # (a 100,000-report backlog's erasure would hold the pull up at the end).
    for i in range(7):
        queue_report(enrolled, f"report {i}")
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    calls: list[tuple[str, int]] = []

    class Recording(FakeClient):
        def pull(self, after: int, limit: int = 100) -> EnvelopePage:
            calls.append(("pull", after))
            return super().pull(after, limit)

        def acknowledge(self, through: int) -> int:
            calls.append(("ack", through))
            return super().acknowledge(through)

    outcome = desk.pull(
        desk_store, client_factory=lambda config: Recording(server, config), page_size=1
    )
    acks = [n for kind, n in calls if kind == "ack"]
    assert acks == sorted(acks)
    assert acks[-1] == outcome.cursor == server.acknowledged == 7
    last_pull = max(i for i, (kind, _) in enumerate(calls) if kind == "pull")
    first_ack = calls.index(("ack", acks[0]))
    assert first_ack < last_pull


def test_a_server_that_lists_an_envelope_twice_gets_it_opened_once(
    enrolled: Store,
    desk_store: Store,
    server: FakeServer,
    opening: Opening,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for i in range(4):
        queue_report(enrolled, f"report {i}")
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    # The server lists the first envelope again on the second page.
    real_pull = FakeClient.pull
    listed: list[StoredEnvelope] = []

    def pull_listing_one_twice(self: FakeClient, after: int, limit: int = 100) -> EnvelopePage:
        page = real_pull(self, after, limit)
        if listed and page.envelopes:
            return dataclasses.replace(page, envelopes=[listed[0], *page.envelopes])
        listed.extend(page.envelopes)
        return page

    monkeypatch.setattr(FakeClient, "pull", pull_listing_one_twice)
    outcome = desk.pull(desk_store, client_factory=server.client, page_size=2)
    assert outcome.envelopes == 4
    assert (outcome.reports, outcome.refused) == (4, 0)


def test_the_next_pages_are_opened_while_a_page_is_still_being_opened(
    enrolled: Store, desk_store: Store, server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A page's opening waits here until the page after it has started opening: a pull
    # that opened one page at a time would leave the other core idle, and this one fails.
    sent = [queue_report(enrolled, f"report {i}") for i in range(4)]
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    started: dict[str, threading.Event] = {}
    overlapped: list[bool] = []
    real = desk_open._open_chunk

    def one_after_another(pairs: Any, chunk: list[desk_open.Sealed], keys: Any) -> Any:
        ids = [sealed.base.envelope_id for sealed in chunk]
        for envelope_id in ids:
            started.setdefault(envelope_id, threading.Event()).set()
        follower = next_ids.get(ids[-1])
        if follower is not None:
            overlapped.append(started.setdefault(follower, threading.Event()).wait(30))
        return real(pairs, chunk, keys)

    listed = sorted(server.envelopes.items(), key=lambda item: item[1][0])
    next_ids = {a[0]: b[0] for a, b in itertools.pairwise(listed)}
    monkeypatch.setattr(desk_open, "_open_chunk", one_after_another)
    outcome = desk.pull(desk_store, client_factory=server.client, page_size=1)
    assert overlapped == [True, True, True]
    assert (outcome.reports, outcome.pages, outcome.cursor) == (4, 4, 4)
    assert sorted(r.id for r in desk.list_reports(desk_store)) == sorted(r.id for r in sent)


def _inject(server: FakeServer, data: bytes, device_id: str) -> str:
    from sync.envelope import parse_header

    eid = parse_header(data).envelope_id
    server.seq += 1
    server.envelopes[eid] = (server.seq, device_id, data, "2025-03-01T06:00:00.000Z")
    return eid


@dataclass
class Opening:
    """How a test's pull opens its pages; `in_parent` lists the envelope ids this process
    opened itself (a worker process runs its own copy of the code)."""

    mode: str
    in_parent: list[str] = field(default_factory=list)


@pytest.fixture(params=["threads", "worker processes"])
def opening(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Opening:
    """Pull in threads, or (as a backlog is) in worker processes from the second page of 2
    or more envelopes on."""
    chosen = Opening(str(request.param))
    real = desk_open._open_chunk

    def recorded(pairs: Any, chunk: list[desk_open.Sealed], keys: Any) -> Any:
        chosen.in_parent.extend(sealed.base.envelope_id for sealed in chunk)
        return real(pairs, chunk, keys)

    monkeypatch.setattr(desk_open, "_open_chunk", recorded)
    if chosen.mode == "worker processes":
        monkeypatch.setattr(desk, "PROCESS_POOL_MIN_PAGE", 2)

        def no_fallback(self: object, error: BaseException) -> None:
            raise AssertionError(f"the worker processes failed: {error!r}")

        monkeypatch.setattr(desk_open.PageOpener, "_abandon_processes", no_fallback)
    return chosen


def test_bad_envelopes_are_refused_with_their_reason_and_never_stop_the_pull(
    enrolled: Store,
    desk_store: Store,
    server: FakeServer,
    newsroom: NewsroomKeyPair,
    opening: Opening,
) -> None:
    device_id = "gw-00000000000000000001"
    good = queue_report(enrolled, "the good one")
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    impostor = DeviceSigningKey.generate()
    other_newsroom = NewsroomKeyPair.generate("x25519")

    def sealed(payload: bytes, **changes: object) -> bytes:
        args: dict[str, object] = {
            "kind": "report",
            "envelope_id": str(uuid.uuid4()),
            "device_id": device_id,
            "device_key": impostor,
            "recipient": newsroom.public_key,
        }
        args.update(changes)
        return seal(payload, **args)  # type: ignore[arg-type]

    real_key = DeviceSigningKey.from_private_bytes(sync_key(enrolled))
    document = json.loads(
        report_payload(good.to_json() | {"narrative": "forged"}, [])  # type: ignore[operator]
    )
    forged = _inject(server, sealed(json.dumps(document).encode()), device_id)
    wrong = _inject(server, sealed(b"{}", recipient=other_newsroom.public_key), device_id)
    not_json = _inject(server, sealed(b"not json", device_key=real_key), device_id)
    invalid = _inject(
        server,
        sealed(report_payload({"id": "x"}, []), device_key=real_key),
        device_id,
    )
    review = _inject(server, sealed(b"{}", kind="review", device_key=real_key), device_id)
    unknown = _inject(server, sealed(b"{}", device_id="gw-nobody"), "gw-nobody")
    # The server lists an envelope under another device than its sealed header names.
    lying = _inject(server, sealed(b"{}", device_key=real_key), "gw-nobody-else")

    workers: list[int] = []
    outcome = desk.pull(
        desk_store,
        client_factory=server.client,
        page_size=3,
        progress=lambda _: workers.append(len(multiprocessing.active_children())),
    )
    assert (outcome.reports, outcome.refused, outcome.pages) == (1, 7, 3)
    server_row = DeskRepository(desk_store).server()
    assert server_row is not None
    assert outcome.cursor == server_row.cursor == 8
    # The first page is opened here while the workers start; the rest in the workers.
    if opening.mode == "worker processes":
        assert all(workers)
        assert len(opening.in_parent) == 3
    else:
        assert not any(workers)
        assert len(opening.in_parent) == 8
    reasons = {r.envelope_id: r.reason for r in DeskRepository(desk_store).refusals()}
    assert reasons == {
        forged: "bad_signature",
        wrong: "wrong_recipient",
        not_json: "invalid_report",
        invalid: "invalid_report",
        review: "kind_not_allowed",
        unknown: "unknown_device",
        lying: "header_mismatch",
    }
    assert [r.id for r in desk.list_reports(desk_store)] == [good.id]
    assert all(r.message for r in DeskRepository(desk_store).refusals())


def sync_key(store: Store) -> bytes:
    from desktop.store.identity import IdentityRepository

    identity = IdentityRepository(store).get()
    assert identity is not None
    return identity.signing_key


def test_the_time_rule_is_the_devices(
    enrolled: Store, desk_store: Store, server: FakeServer, newsroom: NewsroomKeyPair
) -> None:
    # A device whose clock runs days ahead validated its report against its own clock:
    # the desk keeps what the device signed rather than hide it from the editor.
    from datetime import timedelta

    from desktop.domain.report import Report, ReportContent
    from tests.helpers.reports import example

    ahead = datetime.now(UTC) + timedelta(days=3)
    content = ReportContent.from_json(example(observed_at=ahead.isoformat()), now=ahead)
    report = Report.new(content)
    data = seal(
        report_payload(report.to_json(), []),
        kind="report",
        envelope_id=str(uuid.uuid4()),
        device_id="gw-00000000000000000001",
        device_key=DeviceSigningKey.from_private_bytes(sync_key(enrolled)),
        recipient=newsroom.public_key,
    )
    _inject(server, data, "gw-00000000000000000001")
    assert desk.pull(desk_store, client_factory=server.client).reports == 1
    assert desk.list_reports(desk_store)[0].record == report.to_json()


def test_max_pages_bounds_the_pull(enrolled: Store, desk_store: Store, server: FakeServer) -> None:
    for i in range(5):
        queue_report(enrolled, f"report {i}")
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    none = desk.pull(desk_store, client_factory=server.client, page_size=2, max_pages=0)
    assert (none.pages, none.envelopes, none.cursor) == (0, 0, 0)
    two = desk.pull(desk_store, client_factory=server.client, page_size=2, max_pages=2)
    assert (two.pages, two.reports, two.cursor) == (2, 4, 4)
    rest = desk.pull(desk_store, client_factory=server.client, page_size=2)
    assert (rest.pages, rest.reports, rest.cursor) == (1, 1, 5)
