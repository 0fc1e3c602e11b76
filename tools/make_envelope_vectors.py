"""Write the envelope test vectors (format version 2) to tests/sync/vectors/envelope_<kem>.json.

The version 1 vectors (envelope_v1_<kem>.json) were written by this tool before version 2
and are kept as they are: the app still reads version 1.

Run: ``.venv/bin/python tools/make_envelope_vectors.py`` (from the repository root).

The keys are TEST KEYS derived from fixed labels with SHA-256/SHA-512, so every run writes
the same keys, headers and payloads. HPKE encapsulation is randomized, so the sealed bytes
change on every run; the tests check that each valid vector opens to the expected header
and payload and each invalid one is refused with the expected reason. Never use these keys
for anything real: they are published in this repository.
"""

from __future__ import annotations

import hashlib
import json
import sys
import uuid
from pathlib import Path
from typing import Any

from sync.envelope import (
    CarriedRange,
    ChainLink,
    ChainStart,
    DeviceSigningKey,
    EnvelopeHeader,
    EnvelopeKind,
    NewsroomKeyPair,
    bucket_for,
    envelope_hash,
    parse_header,
    seal,
    signed_message,
)
from sync.envelope.header import SUITES
from sync.envelope.padding import FRAME_OVERHEAD_V2, MIN_BUCKET

OUT = Path(__file__).resolve().parents[1] / "tests" / "sync" / "vectors"
WARNING = (
    "TEST VECTORS with TEST KEYS derived from public labels by "
    "tools/make_envelope_vectors.py. Never use these keys for anything real."
)
DEVICE_ID = "test-device-0001"
OTHER_DEVICE_ID = "test-device-0002"


def derive(label: str, size: int) -> bytes:
    """Deterministic test key material: SHA-512 of a public label, cut to ``size``."""
    return hashlib.sha512(f"gatewatch envelope test vector: {label}".encode()).digest()[:size]


def newsroom_key(kem: str, label: str) -> NewsroomKeyPair:
    size = 32 if kem == "x25519" else 96
    raw = derive(f"{label} {kem} x25519", 32)
    if kem != "x25519":
        raw = derive(f"{label} {kem} mlkem768 seed", 64) + raw
    assert len(raw) == size
    return NewsroomKeyPair.from_private_bytes(raw, kem)


def envelope_id(n: int) -> str:
    digest = bytearray(hashlib.sha256(f"envelope {n}".encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x40  # a version-4 style UUID
    digest[8] = (digest[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(digest)))


def payload_of(size: int) -> bytes:
    text = b'{"gate":"laiza","china_side":"closed","narrative":"fuel trucks wait"}'
    return (text * (size // len(text) + 1))[:size]


def flip(data: bytes, index: int) -> bytes:
    out = bytearray(data)
    out[index] ^= 0x01
    return bytes(out)


def build(kem: str) -> dict[str, Any]:
    newsroom = newsroom_key(kem, "newsroom")
    other_newsroom = newsroom_key(kem, "another newsroom")
    device = DeviceSigningKey.from_private_bytes(derive("device 0001 ed25519", 32))
    other = DeviceSigningKey.from_private_bytes(derive("device 0002 ed25519", 32))
    n = 0

    def make(payload: bytes, kind: str = "report", **over: Any) -> bytes:
        nonlocal n
        n += 1
        args: dict[str, Any] = {
            "kind": kind,
            "envelope_id": envelope_id(n if kem == "x25519" else 1000 + n),
            "device_id": DEVICE_ID,
            "device_key": device,
            "recipient": newsroom.public_key,
        }
        args.update(over)
        return seal(payload, **args)

    valid = []
    sizes = (0, 1, 300, MIN_BUCKET - FRAME_OVERHEAD_V2, MIN_BUCKET - FRAME_OVERHEAD_V2 + 1, 5000)
    kinds = ("report", "message", "review", "attachment_chunk", "report", "attachment_chunk")
    chain_id = derive("chain 0001", 16).hex()
    previous = bytes(32)
    for seq, (size, kind) in enumerate(zip(sizes, kinds, strict=True), start=1):
        payload = payload_of(size)
        # A chain of the first five; the last is unchained, as the desk seals.
        link = None
        if seq <= 5:
            link = ChainLink(
                chain_id=chain_id,
                seq=seq,
                previous=previous,
                sealed_at=1_765_500_000 + 60 * seq,
                start=ChainStart.RESTORED if seq == 1 else ChainStart.CONTINUES,
                follows_chain=derive("chain 0000", 16).hex() if seq == 1 else None,
                follows_seq=40 if seq == 1 else 0,
                carried=(CarriedRange(2, 3, 1_765_500_400),) if seq == 5 else (),
            )
        sealed = make(payload, kind, chain=link)
        previous = envelope_hash(sealed)
        header = parse_header(sealed)
        block = b"" if link is None else link.encode()
        valid.append(
            {
                "name": f"{kind}, {size}-byte payload",
                "kind": kind,
                "envelope_id": header.envelope_id,
                "device_id": header.device_id,
                "recipient_key_id": header.recipient_key_id,
                "kem": kem,
                "header_bytes": header.encode().hex(),
                "padded_size": bucket_for(size + FRAME_OVERHEAD_V2 + len(block)),
                "payload": payload.hex(),
                "chain_block": block.hex(),
                "chain": None if link is None else chain_json(link),
                "envelope": sealed.hex(),
            }
        )

    good = make(payload_of(200))
    header_size = len(parse_header(good).encode())
    # A body whose padding is not zero, sealed and signed correctly otherwise.
    bad_header = EnvelopeHeader(
        kind=EnvelopeKind.REPORT,
        envelope_id=envelope_id(9999),
        device_id=DEVICE_ID,
        recipient_key_id=newsroom.fingerprint,
        kem=newsroom.kem,
    ).encode()
    body = payload_of(10)
    signature = device.sign(signed_message(bad_header, body, b""))
    framed = len(body).to_bytes(4, "big") + body + b"\x00\x00" + signature
    framed += b"\x01" + bytes(MIN_BUCKET - len(framed) - 1)
    bad_padding = bad_header + SUITES[newsroom.kem].encrypt(
        framed, newsroom.public_key.hpke_key(), info=bad_header
    )
    # A chain block the device signed that breaks a rule (number 2 without a previous hash).
    broken_header = EnvelopeHeader(
        kind=EnvelopeKind.REPORT,
        envelope_id=envelope_id(9998),
        device_id=DEVICE_ID,
        recipient_key_id=newsroom.fingerprint,
        kem=newsroom.kem,
    ).encode()
    block = bytearray(ChainLink(chain_id, 2, b"\x01" * 32, 1_765_500_000).encode())
    block[24:56] = bytes(32)
    signature = device.sign(signed_message(broken_header, body, bytes(block)))
    framed = len(body).to_bytes(4, "big") + body + len(block).to_bytes(2, "big") + block
    framed += signature
    framed += bytes(MIN_BUCKET - len(framed))
    broken_chain = broken_header + SUITES[newsroom.kem].encrypt(
        framed, newsroom.public_key.hpke_key(), info=broken_header
    )
    # The kind byte changed in the cleartext header: HPKE info no longer matches.
    swapped_kind = bytearray(good)
    swapped_kind[7] = 2
    invalid = [
        ("body bit flipped", flip(good, len(good) - 1), "decryption_failed"),
        ("kind changed in the header", bytes(swapped_kind), "decryption_failed"),
        ("envelope id changed in the header", flip(good, 7 + 2 + 15), "decryption_failed"),
        (
            "replayed under the other registered device's id",
            good[: header_size - 1] + b"2" + good[header_size:],
            "decryption_failed",
        ),
        ("signed by another device's key", make(b"forged", device_key=other), "bad_signature"),
        (
            "sealed under another device id with that device's key but not registered",
            make(b"x", device_id="test-device-9999", device_key=other),
            "unknown_device",
        ),
        (
            "sealed to another newsroom key",
            make(b"x", recipient=other_newsroom.public_key),
            "wrong_recipient",
        ),
        ("non-zero padding", bad_padding, "bad_padding"),
        ("bad magic", b"XXXX" + good[4:], "malformed"),
        ("chain block breaks a rule", broken_chain, "malformed"),
        (
            "format version 1 header on a version 2 body",
            good[:4] + b"\x01" + good[5:],
            "decryption_failed",
        ),
        ("unknown format version", good[:4] + b"\x03" + good[5:], "unsupported_version"),
        ("unknown KEM code", good[:8] + b"\x09" + good[9:], "unsupported_kem"),
        ("truncated body", good[:-1], "malformed"),
        ("truncated header", good[:20], "malformed"),
        ("header length over 1 KiB", good[:5] + b"\x04\x01" + good[7:], "oversized"),
    ]
    return {
        "warning": WARNING,
        "generator": "tools/make_envelope_vectors.py",
        "kem": kem,
        "newsroom_private_key": newsroom.private_bytes().hex(),
        "newsroom_public_key": newsroom.public_bytes().hex(),
        "newsroom_fingerprint": newsroom.fingerprint,
        "devices": {
            DEVICE_ID: {
                "private_key": device.private_bytes().hex(),
                "public_key": device.public_bytes().hex(),
            },
            OTHER_DEVICE_ID: {
                "private_key": other.private_bytes().hex(),
                "public_key": other.public_bytes().hex(),
            },
        },
        "valid": valid,
        "invalid": [
            {"name": name, "envelope": data.hex(), "reason": reason}
            for name, data, reason in invalid
        ],
    }


def chain_json(link: ChainLink) -> dict[str, Any]:
    return {
        "chain_id": link.chain_id,
        "seq": link.seq,
        "previous": link.previous.hex(),
        "sealed_at": link.sealed_at,
        "start": int(link.start),
        "follows_chain": link.follows_chain,
        "follows_seq": link.follows_seq,
        "carried": [[c.first, c.last, c.carried_at] for c in link.carried],
    }


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for kem in ("mlkem768x25519", "x25519"):
        path = OUT / f"envelope_{kem}.json"
        path.write_text(json.dumps(build(kem), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
