"""The device numbers what it seals: one chain through reports and their photo chunks, each
link naming the envelope before it, no number given twice by two sealers, and no numbers
kept once their envelopes are receipted."""

from __future__ import annotations

import itertools
from datetime import timedelta

from desktop.services import sync
from desktop.services.chain import ChainSealer
from desktop.store.chain import DeviceChainRepository, advance
from desktop.store.database import Store
from desktop.store.identity import IdentityRepository
from sync.envelope import (
    ChainStart,
    DeviceSigningKey,
    EnvelopeKind,
    NewsroomPublicKey,
    envelope_hash,
    open_envelope,
)
from tests.helpers.fake_server import (
    NOW,
    FakeServer,
    enrolled,
    newsroom,
    queue_report,
    server,
    store,
)

__all__ = ["enrolled", "newsroom", "server", "store"]


def _chain(server: FakeServer) -> list[tuple[int, bytes, bytes, str]]:
    """(number, previous hash, hash, kind) of every envelope on the server, by number."""
    found = []
    for _, device_id, data, _ in server.envelopes.values():
        opened = open_envelope(
            data,
            newsroom_private_key=server.newsroom,
            device_public_key_for=lambda d: server.devices.get(d),
        )
        assert opened.chain is not None
        assert opened.header.device_id == device_id
        found.append(
            (opened.chain.seq, opened.chain.previous, envelope_hash(data), opened.header.kind)
        )
    return sorted(found)


def test_reports_and_their_photo_chunks_form_one_chain(enrolled: Store, server: FakeServer) -> None:
    queue_report(enrolled, "with photos", photos=[b"\xff\xd8 one photo", b"\xff\xd8 another"])
    queue_report(enrolled, "no photos")
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    chain = _chain(server)
    assert [seq for seq, *_ in chain] == list(range(1, len(chain) + 1))
    assert chain[0][1] == bytes(32)
    for (_, _, before, _), (_, previous, _, _) in itertools.pairwise(chain):
        assert previous == before
    kinds = [kind for *_, kind in chain]
    assert kinds.count(EnvelopeKind.REPORT) == 2
    assert kinds[-1] == EnvelopeKind.REPORT
    assert kinds.index(EnvelopeKind.REPORT) > kinds.index(EnvelopeKind.ATTACHMENT_CHUNK)


def test_a_sealer_overtaken_by_another_keeps_nothing(enrolled: Store) -> None:
    identity = IdentityRepository(enrolled).get()
    assert identity is not None
    identity_key = NewsroomPublicKey.from_text(identity.newsroom_key)
    device_id = identity.device_id
    key = DeviceSigningKey.from_private_bytes(identity.signing_key)

    def one(sealer: ChainSealer, envelope_id: str) -> None:
        sealer.seal(
            b"x",
            envelope_id=envelope_id,
            kind=EnvelopeKind.MESSAGE,
            device_id=device_id,
            device_key=key,
            recipient=identity_key,
        )

    first, second = ChainSealer(enrolled, NOW), ChainSealer(enrolled, NOW)
    one(first, "00000000-0000-4000-8000-000000000001")
    one(second, "00000000-0000-4000-8000-000000000002")
    with enrolled.transaction() as conn:
        assert advance(conn, first.step)
    with enrolled.transaction() as conn:
        assert not advance(conn, second.step)  # number 1 is taken
    state = DeviceChainRepository(enrolled).state()
    assert (state.last_seq, state.restored) == (1, False)
    third = ChainSealer(enrolled, NOW)
    one(third, "00000000-0000-4000-8000-000000000003")
    assert third.step.numbered == (("00000000-0000-4000-8000-000000000003", 2),)
    assert third.step.last_hash != state.last_hash


def test_the_first_envelope_starts_a_new_chain_and_receipted_numbers_are_forgotten(
    enrolled: Store, server: FakeServer
) -> None:
    queue_report(enrolled, "first")
    sync.sync_once(enrolled, client_factory=server.client, now=NOW)
    [(seq, previous, _, _)] = _chain(server)
    assert (seq, previous) == (1, bytes(32))
    [data] = [v[2] for v in server.envelopes.values()]
    opened = open_envelope(
        data, newsroom_private_key=server.newsroom, device_public_key_for=server.devices.get
    )
    assert opened.chain is not None
    assert opened.chain.start == ChainStart.NEW
    assert opened.chain.follows_chain is None
    # Receipted: the next sealing forgets its number (a seized laptop lists nothing sealed).
    queue_report(enrolled, "second")
    sync.sync_once(enrolled, client_factory=server.client, now=NOW + timedelta(minutes=1))
    queue_report(enrolled, "third")
    ids = [r[0] for r in enrolled.execute("SELECT envelope_id FROM device_chain_log").fetchall()]
    receipted = {
        r[0]
        for r in enrolled.execute(
            "SELECT envelope_id FROM outbox WHERE receipt IS NOT NULL"
        ).fetchall()
    }
    assert receipted
    assert not set(ids) & receipted


def test_a_full_photo_chunk_with_the_largest_chain_block_keeps_the_chunk_bucket() -> None:
    from desktop.services.photo_chunks import CHUNK_PADDED, CHUNK_SIZE
    from sync.envelope import CarriedRange, ChainLink, NewsroomKeyPair, parse_header, seal
    from sync.envelope.header import AEAD_TAG_SIZE, ENC_LENGTHS

    newsroom = NewsroomKeyPair.generate("x25519")
    ranges = tuple(CarriedRange(2 * n + 1, 2 * n + 1, 0) for n in range(32))
    link = ChainLink("ab" * 16, 100, b"\x01" * 32, 0, carried=ranges)
    envelope = seal(
        bytes(CHUNK_SIZE),
        kind=EnvelopeKind.ATTACHMENT_CHUNK,
        envelope_id="00000000-0000-4000-8000-000000000009",
        device_id="gw-0001",
        device_key=DeviceSigningKey.generate(),
        recipient=newsroom.public_key,
        min_padded=CHUNK_PADDED,
        chain=link,
    )
    header = parse_header(envelope)
    body = len(envelope) - len(header.encode())
    assert body - ENC_LENGTHS["x25519"] - AEAD_TAG_SIZE == CHUNK_PADDED
