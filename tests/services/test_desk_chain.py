"""The desk follows each device's envelope chain: it names holes, takes a late envelope as
filling its hole, and reports an envelope again, a number used twice and a broken link —
never storing one envelope twice."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.desk import core as desk
from desktop.services.desk.chain import describe_gap, device_gaps
from desktop.store.database import Store
from desktop.store.identity import IdentityRepository
from desktop.store.reports import ReportRepository
from sync.envelope import (
    ChainLink,
    DeviceSigningKey,
    EnvelopeKind,
    envelope_hash,
    open_envelope,
    seal,
)
from sync.payloads.report import report_payload
from tests.helpers.fake_desk import desk_store, newsroom
from tests.helpers.fake_server import NOW, FakeServer, enrolled, queue_report, server, store
from tests.helpers.reports import example

__all__ = ["desk_store", "enrolled", "newsroom", "server", "store"]


def _sent(server: FakeServer) -> list[tuple[str, bytes]]:
    """The envelopes on the server in upload order: (envelope id, bytes)."""
    return [(eid, v[2]) for eid, v in sorted(server.envelopes.items(), key=lambda i: i[1][0])]


def _link(server: FakeServer, data: bytes) -> ChainLink:
    opened = open_envelope(
        data,
        newsroom_private_key=server.newsroom,
        device_public_key_for=lambda d: server.devices.get(d),
    )
    assert opened.chain is not None
    return opened.chain


def _forge(store: Store, server: FakeServer, link: ChainLink, narrative: str) -> bytes:
    """A report envelope the device's own key signs with ``link``: only a copy of the
    device (or its key in other hands) can make one."""
    identity = IdentityRepository(store).get()
    assert identity is not None
    report = Report.new(ReportContent.from_json(example(narrative=narrative)))
    return seal(
        report_payload(report.to_json(), []),
        kind=EnvelopeKind.REPORT,
        envelope_id=str(uuid.uuid4()),
        device_id=identity.device_id,
        device_key=DeviceSigningKey.from_private_bytes(identity.signing_key),
        recipient=server.newsroom.public_key,
        chain=link,
    )


def _queue(store: Store, narrative: str) -> Report:
    """Queued and not sealed yet: the test seals it at a time it chooses."""
    report = Report.new(ReportContent.from_json(example(narrative=narrative)))
    ReportRepository(store).add(report, state=ReportState.QUEUED)
    return report


def _list(server: FakeServer, data: bytes, device_id: str) -> None:
    from sync.envelope import parse_header

    server.seq += 1
    eid = parse_header(data).envelope_id
    server.envelopes[eid] = (server.seq, device_id, data, "2025-03-01T06:00:00.000Z")


def test_a_withheld_envelope_is_named_and_fills_its_gap_when_it_comes_late(
    enrolled: Store, desk_store: Store, server: FakeServer
) -> None:
    for i in range(5):
        _queue(enrolled, f"report {i}")
        sync.seal_pending(enrolled, now=NOW + timedelta(days=i))
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    sent = _sent(server)
    assert [_link(server, d).seq for _, d in sent] == [1, 2, 3, 4, 5]
    # The server withholds numbers 3 and 4.
    held_back = {eid: server.envelopes.pop(eid) for eid, _ in sent[2:4]}
    desk.pull(desk_store, client_factory=server.client, now=NOW)

    [laptop] = device_gaps(desk_store)
    assert (laptop.missing, laptop.carried) == (2, 0)
    assert not laptop.alarming
    [gap] = laptop.gaps
    assert (gap.first, gap.last) == (3, 4)
    assert describe_gap(laptop.name, gap) == (
        "laptop 3: 2 envelopes missing since 2 Mar 2025 (numbers 3 to 4)"
    )

    for eid, (_, device_id, data, at) in held_back.items():  # they come after all
        server.seq += 1
        server.envelopes[eid] = (server.seq, device_id, data, at)
    outcome = desk.pull(desk_store, client_factory=server.client, now=NOW)
    assert outcome.reports == 2
    [laptop] = device_gaps(desk_store)
    assert (laptop.gaps, laptop.late) == ((), 2)
    assert not laptop.alarming


def test_the_same_envelope_again_is_reported_and_stored_once(
    enrolled: Store, desk_store: Store, server: FakeServer
) -> None:
    for i in range(2):
        queue_report(enrolled, f"report {i}")
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    desk.pull(desk_store, client_factory=server.client, now=NOW)
    # The server lists the first envelope again, as if it were new.
    eid, _ = _sent(server)[0]
    server.seq += 1
    _, device_id, body, at = server.envelopes[eid]
    server.envelopes[eid] = (server.seq, device_id, body, at)
    outcome = desk.pull(desk_store, client_factory=server.client, now=NOW)
    assert outcome.reports == 0
    assert len(desk.list_reports(desk_store)) == 2
    [laptop] = device_gaps(desk_store)
    assert (laptop.again, laptop.gaps) == (1, ())
    assert not laptop.alarming


def test_a_number_used_twice_or_a_broken_link_is_an_alarm(
    enrolled: Store, desk_store: Store, server: FakeServer
) -> None:
    for i in range(3):
        queue_report(enrolled, f"report {i}")
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    sent = _sent(server)
    device_id = server.envelopes[sent[0][0]][1]
    second = _link(server, sent[1][1])
    # Number 2 again, with other content: a copy of the device, or its key elsewhere.
    twin = _forge(enrolled, server, second, "another report under number 2")
    # Number 4 that does not follow number 3.
    third = _link(server, sent[2][1])
    broken = ChainLink(third.chain_id, 4, envelope_hash(b"not number 3"), third.sealed_at)
    _list(server, twin, device_id)
    _list(server, _forge(enrolled, server, broken, "a report after a forged link"), device_id)
    desk.pull(desk_store, client_factory=server.client, now=NOW)

    [laptop] = device_gaps(desk_store)
    assert laptop.alarming
    assert [(e.seq, e.kind) for e in laptop.conflicts] == [(2, "conflict")]
    assert [(e.seq, e.kind) for e in laptop.broken] == [(4, "broken")]
    assert laptop.gaps == ()


def test_a_reordered_chain_has_no_gap_once_every_envelope_is_in(
    enrolled: Store, desk_store: Store, server: FakeServer
) -> None:
    for i in range(4):
        queue_report(enrolled, f"report {i}")
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    # The server hands them over last first.
    for n, (eid, _) in enumerate(reversed(_sent(server))):
        _, device_id, body, at = server.envelopes[eid]
        server.envelopes[eid] = (100 + n, device_id, body, at)
    server.seq = 200
    desk.pull(desk_store, client_factory=server.client, now=NOW, page_size=1)
    [laptop] = device_gaps(desk_store)
    assert laptop.gaps == ()
    assert not laptop.alarming
    assert laptop.late == 3


@pytest.mark.parametrize("carried", [True, False])
def test_envelopes_a_later_one_says_were_carried_show_as_on_their_way(
    enrolled: Store, desk_store: Store, server: FakeServer, tmp_path: object, carried: bool
) -> None:
    from desktop.store.handcarry import HandcarryRepository

    first = _queue(enrolled, "carried away")
    sync.seal_pending(enrolled, now=NOW)
    if carried:
        HandcarryRepository(enrolled).mark_carried([first.id], NOW + timedelta(hours=1))
    _queue(enrolled, "sent later")
    sync.seal_pending(enrolled, now=NOW + timedelta(days=1))
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    sent = _sent(server)
    server.envelopes.pop(sent[0][0])  # the first is not on the server
    desk.pull(desk_store, client_factory=server.client, now=NOW)
    [laptop] = device_gaps(desk_store)
    [gap] = laptop.gaps
    assert (gap.first, gap.last) == (1, 1)
    if carried:
        assert gap.carried_at == int((NOW + timedelta(hours=1)).timestamp())
        assert (laptop.carried, laptop.missing) == (1, 0)
        assert "on the way by hand" in describe_gap(laptop.name, gap)
        assert "carried 1 Mar 2025" in describe_gap(laptop.name, gap)
    else:
        assert (laptop.carried, laptop.missing) == (0, 1)
