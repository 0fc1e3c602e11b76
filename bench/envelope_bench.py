"""Seal (and open) throughput of the envelope, for both KEMs, on a 2 KiB report payload.

Run: ``.venv/bin/python -m bench.envelope_bench [--seconds 2]``. Prints figures only; it
writes nothing (bench/results.json is left to the store benchmark).
"""

from __future__ import annotations

import argparse
import os
import time
import uuid
from collections.abc import Callable
from functools import partial

from sync.envelope import (
    KEM_NAMES,
    DeviceSigningKey,
    NewsroomKeyPair,
    NewsroomPublicKey,
    open_envelope,
    seal,
)

PAYLOAD_SIZE = 2 * 1024
DEVICE_ID = "bench-device"


def rate(action: Callable[[], object], seconds: float) -> float:
    """Calls per second of ``action()`` over at least ``seconds`` (after a warm-up)."""
    for _ in range(20):
        action()
    count = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(50):
            action()
        count += 50
    return count / elapsed


def sealer(payload: bytes, device: DeviceSigningKey, recipient: NewsroomPublicKey) -> bytes:
    return seal(
        payload,
        kind="report",
        envelope_id=str(uuid.uuid4()),
        device_id=DEVICE_ID,
        device_key=device,
        recipient=recipient,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0, help="time per figure")
    args = parser.parse_args()
    payload = os.urandom(PAYLOAD_SIZE)
    device = DeviceSigningKey.generate()
    registry = {DEVICE_ID: device.public_bytes()}.get
    print(f"payload {PAYLOAD_SIZE} bytes, one thread, {args.seconds:g} s per figure")
    for kem in KEM_NAMES:
        newsroom = NewsroomKeyPair.generate(kem)
        sample = sealer(payload, device, newsroom.public_key)
        seals = rate(partial(sealer, payload, device, newsroom.public_key), args.seconds)
        opens = rate(
            partial(
                open_envelope, sample, newsroom_private_key=newsroom, device_public_key_for=registry
            ),
            args.seconds,
        )
        print(
            f"{kem:<16} seal {seals:>8.0f} reports/s   open {opens:>8.0f} reports/s   "
            f"envelope {len(sample)} bytes"
        )


if __name__ == "__main__":
    main()
