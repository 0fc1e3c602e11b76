"""The envelope format (security invariant 5): seal, open, refuse with the right reason."""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.envelope import (
    ALL_REASONS,
    KEM_NAMES,
    MAX_ENVELOPE,
    MAX_PAYLOAD,
    BadPadding,
    BadSignature,
    DecryptionFailed,
    DeviceSigningKey,
    EnvelopeError,
    EnvelopeHeader,
    EnvelopeKind,
    MalformedEnvelope,
    NewsroomKeyPair,
    NewsroomPublicKey,
    OversizedEnvelope,
    UnknownDevice,
    UnsupportedKem,
    UnsupportedVersion,
    WrongRecipient,
    bucket_for,
    decode_chain,
    envelope_hash,
    is_bucket,
    open_envelope,
    parse_header,
    seal,
    signed_message,
)
from sync.envelope.header import AEAD_TAG_SIZE, ENC_LENGTHS, SUITES
from sync.envelope.padding import FRAME_OVERHEAD_V2, frame, frame_v2, unframe

VECTORS = Path(__file__).with_name("vectors")
KIB = 1024
MIB = 1024 * KIB
DEVICE = "device-0001"
OTHER = "device-0002"


@pytest.fixture(scope="module", params=KEM_NAMES)
def newsroom(request: pytest.FixtureRequest) -> NewsroomKeyPair:
    return NewsroomKeyPair.generate(request.param)


@pytest.fixture(scope="module")
def device() -> DeviceSigningKey:
    return DeviceSigningKey.generate()


@pytest.fixture(scope="module")
def other_device() -> DeviceSigningKey:
    return DeviceSigningKey.generate()


@pytest.fixture(scope="module")
def registry(
    device: DeviceSigningKey, other_device: DeviceSigningKey
) -> Callable[[str], bytes | None]:
    keys = {DEVICE: device.public_bytes(), OTHER: other_device.public_bytes()}
    return keys.get


def new_id() -> str:
    return str(uuid.uuid4())


def sealed(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey, payload: bytes = b"report", **over: Any
) -> bytes:
    args: dict[str, Any] = {
        "kind": "report",
        "envelope_id": new_id(),
        "device_id": DEVICE,
        "device_key": device,
        "recipient": newsroom.public_key,
    }
    args.update(over)
    return seal(payload, **args)


def header_end(envelope: bytes) -> int:
    return 7 + int.from_bytes(envelope[5:7], "big")


def padded_size(envelope: bytes, kem: str) -> int:
    body = len(envelope) - header_end(envelope)
    return body - ENC_LENGTHS[kem] - AEAD_TAG_SIZE  # type: ignore[index]


# --- round trips ---------------------------------------------------------------------------

EDGE_SIZES = [
    0,
    1,
    100,
    KIB - FRAME_OVERHEAD_V2,
    KIB - FRAME_OVERHEAD_V2 + 1,
    2 * KIB - FRAME_OVERHEAD_V2,
]
EDGE_SIZES += [2 * KIB - FRAME_OVERHEAD_V2 + 1, 5000, 64 * KIB - FRAME_OVERHEAD_V2, 64 * KIB]


@pytest.mark.parametrize("size", EDGE_SIZES)
def test_round_trip_at_bucket_edges(
    newsroom: NewsroomKeyPair,
    device: DeviceSigningKey,
    registry: Callable[[str], bytes | None],
    size: int,
) -> None:
    payload = bytes(i % 251 for i in range(size))
    eid = new_id()
    envelope = sealed(newsroom, device, payload, envelope_id=eid, kind="attachment_chunk")
    opened = open_envelope(envelope, newsroom_private_key=newsroom, device_public_key_for=registry)
    assert opened.payload == payload
    assert opened.header == EnvelopeHeader(
        kind=EnvelopeKind.ATTACHMENT_CHUNK,
        envelope_id=eid,
        device_id=DEVICE,
        recipient_key_id=newsroom.fingerprint,
        kem=newsroom.kem,
    )
    assert parse_header(envelope) == opened.header
    padded = padded_size(envelope, newsroom.kem)
    assert padded == bucket_for(size + FRAME_OVERHEAD_V2)
    assert is_bucket(padded)


def test_default_kem_is_the_hybrid() -> None:
    assert NewsroomKeyPair.generate().kem == "mlkem768x25519"


@pytest.mark.parametrize("kind", list(EnvelopeKind))
def test_every_kind_round_trips(
    newsroom: NewsroomKeyPair,
    device: DeviceSigningKey,
    registry: Callable[[str], bytes | None],
    kind: EnvelopeKind,
) -> None:
    envelope = sealed(newsroom, device, b"x", kind=kind.value)
    opened = open_envelope(envelope, newsroom_private_key=newsroom, device_public_key_for=registry)
    assert opened.header.kind is kind


def test_seal_is_randomized(newsroom: NewsroomKeyPair, device: DeviceSigningKey) -> None:
    eid = new_id()
    assert sealed(newsroom, device, envelope_id=eid) != sealed(newsroom, device, envelope_id=eid)


def test_open_picks_the_named_key_among_several(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey, registry: Callable[[str], bytes | None]
) -> None:
    old = NewsroomKeyPair.generate("x25519")
    envelope = sealed(newsroom, device, b"rotated")
    opened = open_envelope(
        envelope, newsroom_private_key=[old, newsroom], device_public_key_for=registry
    )
    assert opened.payload == b"rotated"


def test_raw_public_key_bytes_are_accepted_as_recipient(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey, registry: Callable[[str], bytes | None]
) -> None:
    envelope = sealed(newsroom, device, recipient=newsroom.public_bytes())
    opened = open_envelope(envelope, newsroom_private_key=newsroom, device_public_key_for=registry)
    assert opened.payload == b"report"


# --- keys ------------------------------------------------------------------------------------


def test_newsroom_keys_export_and_import(newsroom: NewsroomKeyPair) -> None:
    again = NewsroomKeyPair.from_private_bytes(newsroom.private_bytes())
    assert again.kem == newsroom.kem
    assert again.public_bytes() == newsroom.public_bytes()
    public = NewsroomPublicKey.from_raw(newsroom.public_bytes())
    assert public == newsroom.public_key
    assert NewsroomPublicKey.from_text(public.to_text()) == public
    assert len(newsroom.fingerprint) == 32
    assert newsroom.fingerprint == public.fingerprint_raw.hex()
    assert newsroom.private_bytes().hex() not in repr(newsroom)


@pytest.mark.parametrize(
    "text",
    ["", "gatewatch-newsroom-key:v1:x25519", "gatewatch-newsroom-key:v1:rsa:AAAA", "x:v1:x25519:A"],
)
def test_bad_public_key_text_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        NewsroomPublicKey.from_text(text)


def test_bad_raw_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="bytes"):
        NewsroomPublicKey.from_raw(bytes(33))
    with pytest.raises(ValueError, match="bytes"):
        NewsroomKeyPair.from_private_bytes(bytes(95))
    with pytest.raises(ValueError, match="KEM"):
        NewsroomKeyPair.generate("rsa")


def test_device_keys_export_and_import(device: DeviceSigningKey) -> None:
    again = DeviceSigningKey.from_private_bytes(device.private_bytes())
    assert again.public_bytes() == device.public_bytes()
    assert len(device.public_bytes()) == 32


# --- padding ---------------------------------------------------------------------------------


def test_buckets() -> None:
    assert bucket_for(0) == KIB
    assert bucket_for(KIB) == KIB
    assert bucket_for(KIB + 1) == 2 * KIB
    assert bucket_for(16 * MIB) == 16 * MIB
    assert bucket_for(16 * MIB + 1) == 17 * MIB
    assert bucket_for(31 * MIB) == 31 * MIB
    with pytest.raises(OversizedEnvelope):
        bucket_for(31 * MIB + 1)
    assert [s for s in range(0, 20 * KIB) if is_bucket(s)] == [KIB * 2**k for k in range(5)]
    assert is_bucket(17 * MIB)
    assert not is_bucket(17 * MIB + 1)
    assert not is_bucket(32 * MIB)


@given(st.binary(max_size=5000))
def test_padded_sizes_only_take_bucket_values(payload: bytes) -> None:
    framed = frame(payload, bytes(64))
    assert is_bucket(len(framed))
    assert unframe(framed) == (payload, bytes(64))


def test_unframe_refuses_bad_padding() -> None:
    framed = bytearray(frame(b"abc", bytes(64)))
    framed[-1] = 1
    with pytest.raises(BadPadding):
        unframe(bytes(framed))
    with pytest.raises(BadPadding):
        unframe(bytes(KIB - 1))
    with pytest.raises(BadPadding):
        unframe((KIB).to_bytes(4, "big") + bytes(KIB - 4))


def test_payload_over_the_limit_is_refused_before_sealing(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey
) -> None:
    with pytest.raises(OversizedEnvelope) as info:
        sealed(newsroom, device, bytes(MAX_PAYLOAD + 1))
    assert info.value.reason == "oversized"


def test_largest_payload_fits_the_envelope_limit(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey
) -> None:
    longest = "d" * 64
    envelope = sealed(newsroom, device, bytes(MAX_PAYLOAD), device_id=longest)
    assert len(envelope) <= MAX_ENVELOPE
    assert padded_size(envelope, newsroom.kem) == 31 * MIB
    opened = open_envelope(
        envelope,
        newsroom_private_key=newsroom,
        device_public_key_for={longest: device.public_bytes()}.get,
    )
    assert len(opened.payload) == MAX_PAYLOAD


# --- tampering -------------------------------------------------------------------------------


def edit_header(envelope: bytes, header: EnvelopeHeader) -> bytes:
    return header.encode() + envelope[header_end(envelope) :]


@pytest.mark.parametrize(
    "change",
    [
        {"kind": EnvelopeKind.MESSAGE},
        {"envelope_id": "00000000-0000-4000-8000-000000000000"},
        {"device_id": OTHER},
    ],
    ids=["kind", "envelope_id", "device_id"],
)
def test_edited_header_is_refused(
    newsroom: NewsroomKeyPair,
    device: DeviceSigningKey,
    registry: Callable[[str], bytes | None],
    change: dict[str, Any],
) -> None:
    envelope = sealed(newsroom, device)
    header = parse_header(envelope)
    fields = {
        "kind": header.kind,
        "envelope_id": header.envelope_id,
        "device_id": header.device_id,
        "recipient_key_id": header.recipient_key_id,
        "kem": header.kem,
    }
    edited = edit_header(envelope, EnvelopeHeader(**(fields | change)))
    assert parse_header(edited) != header
    with pytest.raises(DecryptionFailed) as info:
        open_envelope(edited, newsroom_private_key=newsroom, device_public_key_for=registry)
    assert info.value.reason == "decryption_failed"


def test_header_swapped_between_envelopes_is_refused(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey, registry: Callable[[str], bytes | None]
) -> None:
    a = sealed(newsroom, device, b"a")
    b = sealed(newsroom, device, b"b")
    swapped = a[: header_end(a)] + b[header_end(b) :]
    with pytest.raises(DecryptionFailed):
        open_envelope(swapped, newsroom_private_key=newsroom, device_public_key_for=registry)


def test_every_flipped_bit_is_refused(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey, registry: Callable[[str], bytes | None]
) -> None:
    envelope = sealed(newsroom, device, b"flip me")
    step = max(1, len(envelope) // 300)
    for index in [
        *range(0, header_end(envelope)),
        *range(header_end(envelope), len(envelope), step),
    ]:
        for bit in (0, 7):
            data = bytearray(envelope)
            data[index] ^= 1 << bit
            with pytest.raises(EnvelopeError):
                open_envelope(
                    bytes(data), newsroom_private_key=newsroom, device_public_key_for=registry
                )


def test_body_resealed_with_another_device_key_is_refused(
    newsroom: NewsroomKeyPair,
    other_device: DeviceSigningKey,
    registry: Callable[[str], bytes | None],
) -> None:
    # An attacker holds the newsroom public key (everyone does) and a device key, and claims
    # to be DEVICE: the header is well-formed and the seal is good, the signature is not.
    forged = sealed(newsroom, other_device, b"forged", device_id=DEVICE)
    with pytest.raises(BadSignature) as info:
        open_envelope(forged, newsroom_private_key=newsroom, device_public_key_for=registry)
    assert info.value.reason == "bad_signature"


def test_signature_covers_the_header_not_only_the_payload(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey, registry: Callable[[str], bytes | None]
) -> None:
    # An attacker re-seals a signed payload (learned somehow) under a new header: the
    # signature was made over the old header bytes, so it does not verify.
    original = EnvelopeHeader(
        kind=EnvelopeKind.REPORT,
        envelope_id=new_id(),
        device_id=DEVICE,
        recipient_key_id=newsroom.fingerprint,
        kem=newsroom.kem,
    )
    signature = device.sign(signed_message(original.encode(), b"payload", b""))
    replayed = EnvelopeHeader(
        kind=EnvelopeKind.REPORT,
        envelope_id=new_id(),
        device_id=DEVICE,
        recipient_key_id=newsroom.fingerprint,
        kem=newsroom.kem,
    ).encode()
    body = SUITES[newsroom.kem].encrypt(
        frame_v2(b"payload", b"", signature), newsroom.public_key.hpke_key(), info=replayed
    )
    with pytest.raises(BadSignature):
        open_envelope(
            replayed + body, newsroom_private_key=newsroom, device_public_key_for=registry
        )


def test_replay_under_another_device_id_is_refused(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey, registry: Callable[[str], bytes | None]
) -> None:
    envelope = sealed(newsroom, device, device_id=DEVICE)
    header = parse_header(envelope)
    replayed = edit_header(
        envelope,
        EnvelopeHeader(
            kind=header.kind,
            envelope_id=header.envelope_id,
            device_id=OTHER,
            recipient_key_id=header.recipient_key_id,
            kem=header.kem,
        ),
    )
    assert parse_header(replayed).device_id == OTHER
    with pytest.raises(DecryptionFailed):
        open_envelope(replayed, newsroom_private_key=newsroom, device_public_key_for=registry)


def test_unknown_device_is_refused(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey, registry: Callable[[str], bytes | None]
) -> None:
    envelope = sealed(newsroom, device, device_id="never-enrolled")
    with pytest.raises(UnknownDevice) as info:
        open_envelope(envelope, newsroom_private_key=newsroom, device_public_key_for=registry)
    assert info.value.reason == "unknown_device"


def test_wrong_newsroom_key_is_refused_with_wrong_recipient(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey, registry: Callable[[str], bytes | None]
) -> None:
    envelope = sealed(newsroom, device)
    for kem in KEM_NAMES:
        other = NewsroomKeyPair.generate(kem)
        with pytest.raises(WrongRecipient) as info:
            open_envelope(envelope, newsroom_private_key=other, device_public_key_for=registry)
        assert info.value.reason == "wrong_recipient"
        assert newsroom.fingerprint in str(info.value)
    with pytest.raises(WrongRecipient):
        open_envelope(envelope, newsroom_private_key=[], device_public_key_for=registry)


def test_bad_padding_inside_a_good_seal_is_refused(
    newsroom: NewsroomKeyPair, device: DeviceSigningKey, registry: Callable[[str], bytes | None]
) -> None:
    header = EnvelopeHeader(
        kind=EnvelopeKind.REPORT,
        envelope_id=new_id(),
        device_id=DEVICE,
        recipient_key_id=newsroom.fingerprint,
        kem=newsroom.kem,
    ).encode()
    framed = bytearray(frame(b"p", device.sign(signed_message(header, b"p"))))
    framed[-1] = 0xFF
    body = SUITES[newsroom.kem].encrypt(bytes(framed), newsroom.public_key.hpke_key(), info=header)
    with pytest.raises(BadPadding) as info:
        open_envelope(header + body, newsroom_private_key=newsroom, device_public_key_for=registry)
    assert info.value.reason == "bad_padding"


# --- framing and limits, before any cryptography ------------------------------------------


class NoCrypto:
    """A stand-in key and registry that fail the test if anyone reaches for them."""

    fingerprint = "0" * 32

    def __call__(self, device_id: str) -> bytes | None:
        raise AssertionError("the device registry was consulted")


@pytest.mark.parametrize(
    ("make", "error", "reason"),
    [
        (lambda e: b"", MalformedEnvelope, "malformed"),
        (lambda e: e[:6], MalformedEnvelope, "malformed"),
        (lambda e: e[:30], MalformedEnvelope, "malformed"),
        (lambda e: e[:-1], MalformedEnvelope, "malformed"),
        (lambda e: e + b"\0", MalformedEnvelope, "malformed"),
        (lambda e: b"GWEX" + e[4:], MalformedEnvelope, "malformed"),
        (lambda e: bytes(len(e)), MalformedEnvelope, "malformed"),
        (lambda e: e[:4] + b"\x03" + e[5:], UnsupportedVersion, "unsupported_version"),
        (lambda e: e[:4] + b"\x00" + e[5:], UnsupportedVersion, "unsupported_version"),
        (lambda e: e[:8] + b"\x07" + e[9:], UnsupportedKem, "unsupported_kem"),
        (lambda e: e[:7] + b"\x09" + e[8:], MalformedEnvelope, "malformed"),
        (lambda e: e[:5] + b"\x04\x01" + e[7:], OversizedEnvelope, "oversized"),
        (lambda e: e[:5] + b"\xff\xff" + e[7:], OversizedEnvelope, "oversized"),
        (lambda e: e[:5] + b"\x00\x05" + e[7:], MalformedEnvelope, "malformed"),
        (lambda e: e + bytes(MAX_ENVELOPE), OversizedEnvelope, "oversized"),
        (lambda e: e[:41] + b"\x00" + e[42:], MalformedEnvelope, "malformed"),
        (lambda e: e[:42] + b"\xff" + e[43:], MalformedEnvelope, "malformed"),
    ],
    ids=[
        "empty",
        "cut-prefix",
        "cut-header",
        "cut-body",
        "extra-byte",
        "magic",
        "zeros",
        "version-3",
        "version-0",
        "kem-code",
        "kind-code",
        "header-1025",
        "header-65535",
        "header-length-short",
        "envelope-over-32MiB",
        "device-id-length-0",
        "device-id-byte",
    ],
)
def test_bad_framing_is_refused_before_crypto(
    newsroom: NewsroomKeyPair,
    device: DeviceSigningKey,
    make: Callable[[bytes], bytes],
    error: type[EnvelopeError],
    reason: str,
) -> None:
    envelope = make(sealed(newsroom, device))
    with pytest.raises(error) as info:
        parse_header(envelope)
    assert info.value.reason == reason
    assert info.type is error
    with pytest.raises(error):
        open_envelope(
            envelope,
            newsroom_private_key=NoCrypto(),  # type: ignore[arg-type]
            device_public_key_for=NoCrypto(),
        )


def test_errors_carry_reason_and_message() -> None:
    assert len(set(ALL_REASONS)) == len(ALL_REASONS)
    with pytest.raises(EnvelopeError) as info:
        parse_header(b"nope")
    assert info.value.reason in ALL_REASONS
    assert "cut" in info.value.message


def test_seal_refuses_bad_arguments(newsroom: NewsroomKeyPair, device: DeviceSigningKey) -> None:
    with pytest.raises(ValueError, match="UUID"):
        sealed(newsroom, device, envelope_id="not-a-uuid")
    with pytest.raises(ValueError, match="canonical"):
        sealed(newsroom, device, envelope_id=new_id().upper())
    with pytest.raises(ValueError, match="device id"):
        sealed(newsroom, device, device_id="bad id\n")
    with pytest.raises(ValueError, match="device id"):
        sealed(newsroom, device, device_id="x" * 65)
    with pytest.raises(ValueError, match="EnvelopeKind"):
        sealed(newsroom, device, kind="diary")
    for bad in ("0" * 31, "A" * 32, " 0" * 16, "0" * 33):
        with pytest.raises(ValueError, match="recipient_key_id"):
            EnvelopeHeader(EnvelopeKind.REPORT, new_id(), DEVICE, bad, newsroom.kem)


# --- random input --------------------------------------------------------------------------

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes_only_raise_envelope_errors(data: bytes) -> None:
    newsroom = NewsroomKeyPair.from_private_bytes(bytes(range(32)))
    with pytest.raises(EnvelopeError):
        parse_header(data)
    with pytest.raises(EnvelopeError):
        open_envelope(data, newsroom_private_key=newsroom, device_public_key_for=lambda d: None)


@pytest.fixture(scope="module")
def fuzz_target() -> tuple[NewsroomKeyPair, DeviceSigningKey, bytes]:
    newsroom = NewsroomKeyPair.generate("x25519")
    device = DeviceSigningKey.generate()
    return newsroom, device, sealed(newsroom, device, b"target")


@FUZZ
@given(data=st.data())
def test_mutated_envelopes_only_raise_envelope_errors(
    fuzz_target: tuple[NewsroomKeyPair, DeviceSigningKey, bytes], data: st.DataObject
) -> None:
    newsroom, device, envelope = fuzz_target
    mutated = bytearray(envelope)
    edits = data.draw(
        st.lists(
            st.tuples(st.integers(0, len(envelope) - 1), st.integers(0, 255)),
            min_size=1,
            max_size=8,
        )
    )
    for index, value in edits:
        mutated[index] = value
    cut = data.draw(st.integers(0, len(envelope)))
    candidate = bytes(mutated[:cut]) if data.draw(st.booleans()) else bytes(mutated)
    if candidate == envelope:
        return
    with pytest.raises(EnvelopeError):
        open_envelope(
            candidate,
            newsroom_private_key=newsroom,
            device_public_key_for=lambda d: device.public_bytes(),
        )


# --- committed vectors ---------------------------------------------------------------------


def load_vectors() -> list[dict[str, Any]]:
    files = sorted(VECTORS.glob("envelope_*.json"))
    expected = {f"envelope_{kem}.json" for kem in KEM_NAMES}
    expected |= {f"envelope_v1_{kem}.json" for kem in KEM_NAMES}  # still read
    assert {f.name for f in files} == expected
    return [{**json.loads(f.read_text(encoding="utf-8")), "file": f.name} for f in files]


@pytest.mark.parametrize("vectors", load_vectors(), ids=lambda v: v["file"])
def test_committed_vectors(vectors: dict[str, Any]) -> None:
    assert "TEST KEYS" in vectors["warning"]
    newsroom = NewsroomKeyPair.from_private_bytes(bytes.fromhex(vectors["newsroom_private_key"]))
    assert newsroom.kem == vectors["kem"]
    assert newsroom.public_bytes().hex() == vectors["newsroom_public_key"]
    assert newsroom.fingerprint == vectors["newsroom_fingerprint"]
    devices = {d: bytes.fromhex(k["public_key"]) for d, k in vectors["devices"].items()}
    for d, k in vectors["devices"].items():
        private = DeviceSigningKey.from_private_bytes(bytes.fromhex(k["private_key"]))
        assert private.public_bytes() == devices[d]
    assert len(vectors["valid"]) >= 5
    for v in vectors["valid"]:
        envelope = bytes.fromhex(v["envelope"])
        opened = open_envelope(
            envelope, newsroom_private_key=newsroom, device_public_key_for=devices.get
        )
        assert opened.payload == bytes.fromhex(v["payload"]), v["name"]
        assert opened.header.encode().hex() == v["header_bytes"]
        assert envelope.startswith(bytes.fromhex(v["header_bytes"]))
        assert (opened.header.kind, opened.header.envelope_id) == (v["kind"], v["envelope_id"])
        assert (opened.header.device_id, opened.header.kem) == (v["device_id"], v["kem"])
        assert opened.header.recipient_key_id == v["recipient_key_id"]
        assert padded_size(envelope, v["kem"]) == v["padded_size"]
        if vectors["file"].startswith("envelope_v1_"):
            assert "chain" not in v
            assert envelope[4] == 1
            assert opened.chain is None
        else:
            assert envelope[4] == 2
            block = bytes.fromhex(v["chain_block"])
            assert (opened.chain is None) == (v["chain"] is None) == (block == b"")
            if opened.chain is not None:
                assert opened.chain.encode() == block
                assert decode_chain(block) == opened.chain
                link = v["chain"]
                assert opened.chain.chain_id == link["chain_id"]
                assert (opened.chain.seq, opened.chain.sealed_at) == (
                    link["seq"],
                    link["sealed_at"],
                )
                assert opened.chain.previous.hex() == link["previous"]
                assert int(opened.chain.start) == link["start"]
                assert opened.chain.follows_chain == link["follows_chain"]
                assert opened.chain.follows_seq == link["follows_seq"]
                carried = [[c.first, c.last, c.carried_at] for c in opened.chain.carried]
                assert carried == link["carried"]
        flipped = bytearray(envelope)
        flipped[len(envelope) // 2 + 3] ^= 0x80
        with pytest.raises(EnvelopeError):
            open_envelope(
                bytes(flipped), newsroom_private_key=newsroom, device_public_key_for=devices.get
            )
    reasons = set()
    for v in vectors["invalid"]:
        with pytest.raises(EnvelopeError) as info:
            open_envelope(
                bytes.fromhex(v["envelope"]),
                newsroom_private_key=newsroom,
                device_public_key_for=devices.get,
            )
        assert info.value.reason == v["reason"], v["name"]
        reasons.add(v["reason"])
    assert reasons == set(ALL_REASONS)
    if not vectors["file"].startswith("envelope_v1_"):
        # each chained vector names the one before it
        chained = [v for v in vectors["valid"] if v["chain"] is not None]
        for before, after in itertools.pairwise(chained):
            assert (
                after["chain"]["previous"] == envelope_hash(bytes.fromhex(before["envelope"])).hex()
            )


def test_every_desk_derives_the_same_signing_key_and_other_newsrooms_do_not() -> None:
    from sync.envelope import derive_desk_signing_key

    newsroom = NewsroomKeyPair.generate("x25519")
    again = NewsroomKeyPair.from_private_bytes(newsroom.private_bytes(), "x25519")
    other = NewsroomKeyPair.generate("x25519")
    mine = derive_desk_signing_key(newsroom).public_bytes()
    assert derive_desk_signing_key(again).public_bytes() == mine
    assert derive_desk_signing_key(other).public_bytes() != mine
    assert mine not in (newsroom.public_bytes(), newsroom.private_bytes())
