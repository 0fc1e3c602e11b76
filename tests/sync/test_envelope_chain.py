"""The chain block of format version 2: sealed inside the signature, checked on open."""

from __future__ import annotations

import uuid

import pytest

from sync.envelope import (
    BadSignature,
    CarriedRange,
    ChainLink,
    ChainStart,
    DeviceSigningKey,
    EnvelopeHeader,
    EnvelopeKind,
    MalformedEnvelope,
    NewsroomKeyPair,
    decode_chain,
    envelope_hash,
    open_envelope,
    seal,
    signed_message,
)
from sync.envelope.header import SUITES
from sync.envelope.padding import frame_v2

DEVICE = "laiza-laptop"
CHAIN = "0123456789abcdef0123456789abcdef"


@pytest.fixture(scope="module")
def newsroom() -> NewsroomKeyPair:
    return NewsroomKeyPair.generate("x25519")


@pytest.fixture(scope="module")
def device() -> DeviceSigningKey:
    return DeviceSigningKey.generate()


def first() -> ChainLink:
    return ChainLink(CHAIN, 1, bytes(32), 1_765_500_000, ChainStart.NEW)


def test_a_chain_of_envelopes_opens_with_each_link(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey
) -> None:
    previous = bytes(32)
    for seq in (1, 2, 3):
        link = ChainLink(
            CHAIN,
            seq,
            previous,
            1_765_500_000 + seq,
            ChainStart.NEW if seq == 1 else ChainStart.CONTINUES,
            carried=(CarriedRange(1, 2, 1_765_500_100),) if seq == 3 else (),
        )
        envelope = seal(
            b"report",
            kind=EnvelopeKind.REPORT,
            envelope_id=str(uuid.uuid4()),
            device_id=DEVICE,
            device_key=device,
            recipient=newsroom.public_key,
            chain=link,
        )
        opened = open_envelope(
            envelope,
            newsroom_private_key=newsroom,
            device_public_key_for=lambda _d: device.public_bytes(),
        )
        assert opened.chain == link
        assert opened.header.version == 2
        previous = envelope_hash(envelope)


def test_an_envelope_sealed_without_a_chain_opens_unchained(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey
) -> None:
    envelope = seal(
        b"x",
        kind=EnvelopeKind.REVIEW,
        envelope_id=str(uuid.uuid4()),
        device_id=DEVICE,
        device_key=device,
        recipient=newsroom.public_key,
    )
    opened = open_envelope(
        envelope,
        newsroom_private_key=newsroom,
        device_public_key_for=lambda _d: device.public_bytes(),
    )
    assert opened.chain is None
    assert opened.payload == b"x"


def test_a_chain_block_swapped_under_the_signature_is_refused(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey
) -> None:
    # The server or a courier cannot renumber an envelope: the block is signed.
    header = EnvelopeHeader(
        kind=EnvelopeKind.REPORT,
        envelope_id=str(uuid.uuid4()),
        device_id=DEVICE,
        recipient_key_id=newsroom.fingerprint,
        kem=newsroom.kem,
    ).encode()
    signed = first().encode()
    renumbered = ChainLink(CHAIN, 2, b"\x01" * 32, 1_765_500_000).encode()
    signature = device.sign(signed_message(header, b"p", signed))
    body = SUITES[newsroom.kem].encrypt(
        frame_v2(b"p", renumbered, signature), newsroom.public_key.hpke_key(), info=header
    )
    with pytest.raises(BadSignature):
        open_envelope(
            header + body,
            newsroom_private_key=newsroom,
            device_public_key_for=lambda _d: device.public_bytes(),
        )


@pytest.mark.parametrize(
    ("make", "rule"),
    [
        (lambda: ChainLink(CHAIN, 0, bytes(32), 0, ChainStart.NEW), "sequence number"),
        (lambda: ChainLink(CHAIN, 1, b"\x01" * 32, 0, ChainStart.NEW), "only number 1"),
        (lambda: ChainLink(CHAIN, 1, bytes(32), 0, ChainStart.CONTINUES), "only number 1"),
        (lambda: ChainLink(CHAIN, 2, bytes(32), 0), "only number 1"),
        (lambda: ChainLink(CHAIN, 2, b"\x01" * 32, 0, ChainStart.NEW), "only number 1"),
        (
            lambda: ChainLink(CHAIN, 2, b"\x01" * 32, 0, follows_chain="ab" * 16),
            "only the start",
        ),
        (lambda: ChainLink("00" * 16, 1, bytes(32), 0, ChainStart.NEW), "chain id"),
        (lambda: ChainLink("AB" * 16, 1, bytes(32), 0, ChainStart.NEW), "chain id"),
        (
            lambda: ChainLink(CHAIN, 1, bytes(32), 0, ChainStart.NEW, follows_seq=3),
            "needs the chain",
        ),
        (
            lambda: ChainLink(CHAIN, 5, b"\x01" * 32, 0, carried=(CarriedRange(2, 5, 0),)),
            "carried ranges",
        ),
        (
            lambda: ChainLink(
                CHAIN, 9, b"\x01" * 32, 0, carried=(CarriedRange(3, 4, 0), CarriedRange(4, 5, 0))
            ),
            "carried ranges",
        ),
        (
            lambda: ChainLink(
                CHAIN,
                99,
                b"\x01" * 32,
                0,
                carried=tuple(CarriedRange(n, n, 0) for n in range(1, 34)),
            ),
            "at most 32",
        ),
    ],
)
def test_a_link_that_breaks_a_rule_cannot_be_made(make: object, rule: str) -> None:
    with pytest.raises(ValueError, match=rule):
        make()  # type: ignore[operator]


def test_decoding_refuses_a_block_of_the_wrong_length_or_start() -> None:
    block = first().encode()
    assert decode_chain(block) == first()
    assert decode_chain(b"") is None
    with pytest.raises(MalformedEnvelope):
        decode_chain(block[:-1])
    with pytest.raises(MalformedEnvelope):
        decode_chain(block + bytes(24))  # a range the count does not announce
    bad_start = bytearray(block)
    bad_start[64] = 7
    with pytest.raises(MalformedEnvelope):
        decode_chain(bytes(bad_start))
