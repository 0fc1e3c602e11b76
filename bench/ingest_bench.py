"""Server ingest: envelopes per second sustained over 60 s with 4 concurrent clients.

Run: ``.venv/bin/python -m bench.ingest_bench [--seconds 60] [--clients 4]``.

The server runs in its own process (`sync.server.testing.running_server`, rate limit
lifted: the figure is the server's capacity, not the per-token limit). Each client is a
process with its own enrolled device that seals its envelopes (realistic ~1 KiB reports,
the default KEM) *before* the clock starts, then posts them in batches of 100 through
`SyncClient.upload` as fast as the server answers, for ``--seconds``. Every envelope is
checked to have its receipt. Recorded as the cost per envelope (ms, lower is better)
against 10 ms — a floor of 100 envelopes/s we set: 10,000
reports from every correspondent together in under 100 s.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
import uuid
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from bench.common import generated_content, record, result

PER_SECOND_PER_CLIENT = 1600  # envelopes sealed in advance per client per second of run
FLOOR_PER_SECOND = 100.0


def serve(data_dir: str, config_ready: Any, stop: Any) -> None:
    from sync.server.config import ServerConfig
    from sync.server.testing import running_server

    unlimited = ServerConfig(rate_burst=1e9, rate_per_second=1e9)
    with running_server(Path(data_dir), config=unlimited) as url:
        config_ready.put(url)
        stop.wait()


def client(
    url: str, token: str, device_id: str, count: int, seconds: float, barrier: Barrier, out: Any
) -> None:
    from desktop.domain.report import Report
    from desktop.services.sync import report_payload
    from sync.client import ClientConfig, SyncClient
    from sync.envelope import DeviceSigningKey, EnvelopeKind, NewsroomPublicKey, seal

    rng = random.Random(os.getpid())
    device = DeviceSigningKey.generate()
    with SyncClient(ClientConfig(base_url=url, token=token)) as enroller:
        answer = enroller.enroll(device.public_bytes(), "ingest")
    newsroom = NewsroomPublicKey.from_text(answer.newsroom_public_key)
    token = answer.device_token or token  # the invite is dead once enrolled
    with SyncClient(ClientConfig(base_url=url, token=token)) as sync_client:
        templates = [generated_content(rng, i) for i in range(200)]
        envelopes = []
        for i in range(count):
            eid = str(uuid.uuid4())
            payload = report_payload(Report.new(templates[i % 200]).to_json(), [])
            data = seal(
                payload,
                kind=EnvelopeKind.REPORT,
                envelope_id=eid,
                device_id=device_id,
                device_key=device,
                recipient=newsroom,
            )
            envelopes.append((eid, data))
        barrier.wait()
        started = time.perf_counter()
        sent = 0
        exhausted = False
        while time.perf_counter() - started < seconds:
            batch = envelopes[sent : sent + 100]
            if not batch:
                exhausted = True
                break
            results = sync_client.upload(batch)
            if not all(r.ok for r in results):
                raise RuntimeError("the server refused an envelope")
            sent += len(batch)
        out.put((sent, time.perf_counter() - started, exhausted))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    from sync.envelope import DEFAULT_KEM, NewsroomKeyPair
    from sync.server.store import ServerStore
    from sync.server.testing import init_server

    spawn = multiprocessing.get_context("spawn")
    per_client = int(args.seconds * PER_SECOND_PER_CLIENT) + 200
    with tempfile.TemporaryDirectory(prefix="gatewatch-ingest-") as tmp:
        server_dir = Path(tmp) / "server"
        init_server(server_dir, NewsroomKeyPair.generate(DEFAULT_KEM).public_key)
        invites = []
        with ServerStore.open(server_dir) as admin:
            for n in range(args.clients):
                device_id, token, _ = admin.tokens.create_invite(f"client {n}", 7)
                invites.append((device_id, token))
        ready, stop = spawn.Queue(), spawn.Event()
        server = spawn.Process(target=serve, args=(str(server_dir), ready, stop))
        server.start()
        url = ready.get(timeout=60)
        barrier = spawn.Barrier(args.clients + 1)
        out = spawn.Queue()
        clients = [
            spawn.Process(
                target=client,
                args=(url, token, device_id, per_client, args.seconds, barrier, out),
            )
            for device_id, token in invites
        ]
        started = time.perf_counter()
        for process in clients:
            process.start()
        barrier.wait(timeout=600)
        print(
            f"{args.clients} clients sealed {per_client} envelopes each in "
            f"{time.perf_counter() - started:.1f} s; posting for {args.seconds:g} s"
        )
        outcomes = [out.get(timeout=args.seconds + 600) for _ in clients]
        for process in clients:
            process.join(timeout=60)
        with ServerStore.open(server_dir) as admin:
            stored = admin.stats()["envelopes"]
        stop.set()
        server.join(timeout=30)
    sent = sum(o[0] for o in outcomes)
    elapsed = max(o[1] for o in outcomes)
    if any(o[2] for o in outcomes):
        print("warning: a client ran out of sealed envelopes before the time was up")
    if stored != sent:
        raise RuntimeError(f"{sent} envelopes acknowledged but {stored} stored")
    rate = sent / elapsed
    print(
        f"ingest: {sent} envelopes in {elapsed:.1f} s from {args.clients} clients = "
        f"{rate:.0f} envelopes/s sustained (server on 127.0.0.1, {os.cpu_count()} cores)"
    )
    record(
        [
            result(
                f"server.ingest_ms_per_envelope_{args.clients}_clients",
                1000.0 / rate,
                "ms",
                1000.0 / FLOOR_PER_SECOND,
            )
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
