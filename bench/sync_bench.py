"""Sync benchmark: the time to send N queued reports to a server on 127.0.0.1 with
:class:`sync.client.SyncClient`, next to seal-only time and a raw batched POST of the
same bytes, measured in one run. Also seal throughput for both KEMs.

Run: ``.venv/bin/python -m bench.sync_bench [--reports 10000]``.

(a) seal-only: seal N realistic ~1 KiB JSON reports with the default KEM;
(b) raw POST: plain ``requests`` posting the same envelopes to ``/v1/envelopes`` in the
    same batches of 100, the JSON bodies built *before* the clock starts (the network and
    server cost alone, no client logic at all);
(c) ``SyncClient.upload`` of the same envelopes (batching, base64 and JSON, Idempotency-Key,
    capped read, reply validation and receipt checks);
(d) one POST per report through ``SyncClient.upload``.
Each of (b), (c), (d) runs against a fresh copy of the same server folder (one enrolled
device, no envelopes), so none profits from the server's idempotency.

Recorded: ``sync.upload_vs_seal_plus_raw_N`` = (c) / ((a) + (b)), limit 2.0.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import requests

from bench.common import generated_content, record, result
from sync import protocol
from sync.client import ClientConfig, SyncClient
from sync.envelope import DEFAULT_KEM, KEM_NAMES, DeviceSigningKey, NewsroomKeyPair, seal
from sync.server.config import ServerConfig
from sync.server.store import ServerStore
from sync.server.testing import init_server, running_server

BATCH = protocol.MAX_BATCH_COUNT
UNLIMITED = ServerConfig(rate_burst=1e9, rate_per_second=1e9)


def payloads(count: int) -> list[bytes]:
    rng = random.Random(4)
    return [
        json.dumps(generated_content(rng, i).to_json(), ensure_ascii=False).encode()
        for i in range(count)
    ]


def seal_all(
    items: list[bytes], device: DeviceSigningKey, device_id: str, newsroom: NewsroomKeyPair
) -> list[tuple[str, bytes]]:
    out = []
    for payload in items:
        eid = str(uuid.uuid4())
        data = seal(
            payload,
            kind="report",
            envelope_id=eid,
            device_id=device_id,
            device_key=device,
            recipient=newsroom.public_key,
        )
        out.append((eid, data))
    return out


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def template_server(
    folder: Path, newsroom: NewsroomKeyPair, device: DeviceSigningKey
) -> tuple[str, str]:
    """A server folder with one enrolled device; returns (device_id, token)."""
    init_server(folder, newsroom.public_key)
    with ServerStore.open(folder) as store:
        device_id, token, _ = store.tokens.create_invite("bench", 7)
        store.tokens.enroll(device_id, device.public_bytes(), "bench")
    return device_id, token


def run_on_fresh_server(
    template: Path, work: Path, name: str, action: Callable[[str], object]
) -> float:
    """Copy the template folder, serve it, time ``action(url)``, check every envelope landed."""
    folder = work / name
    shutil.copytree(template, folder)
    with running_server(folder, config=UNLIMITED) as url:
        seconds = timed(lambda: action(url))
    with ServerStore.open(folder) as store:
        stored = store.stats()["envelopes"]
    return seconds if stored else float("nan")


def raw_post(url: str, token: str, bodies: list[bytes]) -> None:
    with requests.Session() as http:
        http.trust_env = False
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        for body in bodies:
            response = http.post(f"{url}/v1/envelopes", data=body, headers=headers, timeout=60)
            response.raise_for_status()
            response.json()


def client_upload(url: str, token: str, envelopes: list[tuple[str, bytes]]) -> None:
    with SyncClient(ClientConfig(base_url=url, token=token)) as client:
        results = client.upload(envelopes)
    if not all(r.ok for r in results):
        raise RuntimeError("an envelope was refused")


def client_one_by_one(url: str, token: str, envelopes: list[tuple[str, bytes]]) -> None:
    with SyncClient(ClientConfig(base_url=url, token=token)) as client:
        for envelope in envelopes:
            (got,) = client.upload([envelope])
            if not got.ok:
                raise RuntimeError("an envelope was refused")


def seal_rate(kem: str, items: list[bytes]) -> float:
    newsroom = NewsroomKeyPair.generate(kem)
    device = DeviceSigningKey.generate()
    seal_all(items[:50], device, "gw-bench", newsroom)  # warm-up
    seconds = timed(lambda: seal_all(items, device, "gw-bench", newsroom))
    return len(items) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    args = parser.parse_args()
    count = args.reports
    items = payloads(count)
    sizes = sorted(len(p) for p in items)
    print(
        f"{count} reports, JSON payload median {sizes[len(sizes) // 2]} bytes "
        f"(min {sizes[0]}, max {sizes[-1]}); default KEM {DEFAULT_KEM}; 127.0.0.1, one thread"
    )

    for kem in KEM_NAMES:
        sample = items[: min(count, 2000)]
        print(f"seal throughput {kem:<18} {seal_rate(kem, sample):>8.0f} reports/s")

    newsroom = NewsroomKeyPair.generate(DEFAULT_KEM)
    device = DeviceSigningKey.generate()
    with tempfile.TemporaryDirectory(prefix="gatewatch-sync-bench-") as tmp:
        work = Path(tmp)
        template = work / "template"
        device_id, token = template_server(template, newsroom, device)

        envelopes: list[tuple[str, bytes]] = []

        def do_seal() -> None:
            envelopes.extend(seal_all(items, device, device_id, newsroom))

        seal_s = timed(do_seal)
        total_bytes = sum(len(d) for _, d in envelopes)
        bodies = [
            json.dumps(
                {
                    "envelopes": [
                        {"envelope_id": eid, "data": protocol.encode_base64(data)}
                        for eid, data in envelopes[i : i + BATCH]
                    ]
                },
                separators=(",", ":"),
            ).encode()
            for i in range(0, len(envelopes), BATCH)
        ]
        raw_s = run_on_fresh_server(template, work, "raw", lambda url: raw_post(url, token, bodies))
        client_s = run_on_fresh_server(
            template, work, "client", lambda url: client_upload(url, token, envelopes)
        )
        single_s = run_on_fresh_server(
            template, work, "single", lambda url: client_one_by_one(url, token, envelopes)
        )

    print(f"envelopes: {total_bytes / count:.0f} bytes each, {total_bytes / 2**20:.1f} MiB in all")
    print(f"(a) seal only                       {seal_s:8.2f} s  ({count / seal_s:.0f} reports/s)")
    print(f"(b) raw batched POST, same bytes    {raw_s:8.2f} s  ({len(bodies)} requests)")
    print(f"(c) SyncClient.upload               {client_s:8.2f} s")
    print(
        f"(d) SyncClient, one POST per report {single_s:8.2f} s  ({single_s / client_s:.1f}x (c))"
    )
    print(f"{f'sync {count} end to end (a)+(c)':<36}{seal_s + client_s:8.2f} s")
    ratio = client_s / (seal_s + raw_s)
    print(f"ratio (c) / ((a)+(b)) = {ratio:.2f} (limit 2.0); (c) / (b) = {client_s / raw_s:.2f}")
    record([result(f"sync.upload_vs_seal_plus_raw_{count}", ratio, "x", 2.0)])


if __name__ == "__main__":
    main()
