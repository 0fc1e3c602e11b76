"""atheris harness: the envelope parser and opener on arbitrary bytes.

``python -m fuzz.envelope_fuzz -max_total_time=60 fuzz/corpus/envelope`` (make soak).
Any input may only raise `sync.envelope.EnvelopeError`; anything else is a finding. The
seeds are real envelopes (both KEMs), so mutations reach the HPKE open and the signature
check, not only the framing.
"""

from __future__ import annotations

import contextlib
import sys
import uuid
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from sync.envelope import (
        CarriedRange,
        ChainLink,
        DeviceSigningKey,
        EnvelopeError,
        NewsroomKeyPair,
        open_envelope,
        parse_header,
        seal,
    )

DEVICE = DeviceSigningKey.generate()
NEWSROOM = [NewsroomKeyPair.generate("x25519"), NewsroomKeyPair.generate("mlkem768x25519")]
REGISTRY = {"gw-fuzz": DEVICE.public_bytes()}.get


# Unchained, and a chained link that lists a carried range (the chain block's parser).
CHAIN = ChainLink("f0" * 16, 3, b"\x01" * 32, 0, carried=(CarriedRange(1, 2, 0),))


def seeds() -> list[bytes]:
    return [
        seal(
            b'{"format": "report"}' * n,
            kind="report",
            envelope_id=str(uuid.uuid4()),
            device_id="gw-fuzz",
            device_key=DEVICE,
            recipient=pair.public_key,
            chain=chain,
        )
        for pair in NEWSROOM
        for n in (0, 1, 40)
        for chain in (None, CHAIN)
    ]


def test_one(data: bytes) -> None:
    with contextlib.suppress(EnvelopeError):
        parse_header(data)
    with contextlib.suppress(EnvelopeError):
        open_envelope(data, newsroom_private_key=NEWSROOM, device_public_key_for=REGISTRY)


def main() -> None:
    corpus = [a for a in sys.argv[1:] if not a.startswith("-")]
    for folder in corpus:
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        for i, seed in enumerate(seeds()):
            (path / f"seed-{i}").write_bytes(seed)
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
