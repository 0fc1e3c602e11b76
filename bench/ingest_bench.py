"""Server ingest: envelopes per second sustained over 60 s with 4 concurrent clients, on
SQLite (one server process) and on PostgreSQL (one and two server processes).

Run: ``.venv/bin/python -m bench.ingest_bench [--seconds 60] [--clients 4]
[--database all|sqlite|postgresql]``.

Each server runs in its own process (`sync.server.testing.running_server`, rate limit
lifted: the figure is the server's capacity, not the per-token limit); with two, the clients
are shared between them. PostgreSQL is a throwaway cluster on a Unix socket
(tests/sync/postgres.py, ``fsync`` off like any test cluster: the figure is the server's
work, not the disk's), skipped with a note when PostgreSQL is not installed. Each client is a
process with its own enrolled device that seals its envelopes (realistic ~1 KiB reports,
the default KEM) *before* the clock starts, then posts them in batches of 100 through
`SyncClient.upload` as fast as the server answers, for ``--seconds``. Every envelope is
checked to have its receipt. Recorded as the cost per envelope (ms, lower is better)
against 10 ms — a floor of 100 envelopes/s we set: 10,000
reports from every correspondent together in under 100 s.
"""

from __future__ import annotations

import argparse
import contextlib
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
    from sync.client import ClientConfig, SyncClient
    from sync.envelope import DeviceSigningKey, EnvelopeKind, NewsroomPublicKey, seal
    from sync.payloads.report import report_payload

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


def measure(seconds: float, clients: int, database: str | None, servers: int) -> tuple[float, bool]:
    """Envelopes per second stored; and whether a client ran out of sealed envelopes."""
    from sync.envelope import DEFAULT_KEM, NewsroomKeyPair
    from sync.server.store import ServerStore

    spawn = multiprocessing.get_context("spawn")
    per_client = int(seconds * PER_SECOND_PER_CLIENT) + 200
    with tempfile.TemporaryDirectory(prefix="gatewatch-ingest-") as tmp:
        server_dir = Path(tmp) / "server"
        ServerStore.create(
            server_dir, NewsroomKeyPair.generate(DEFAULT_KEM).public_key, database
        ).close()
        invites = []
        with ServerStore.open(server_dir) as admin:
            for n in range(clients):
                device_id, token, _ = admin.tokens.create_invite(f"client {n}", 7)
                invites.append((device_id, token))
        ready, stop = spawn.Queue(), spawn.Event()
        processes = [
            spawn.Process(target=serve, args=(str(server_dir), ready, stop)) for _ in range(servers)
        ]
        for process in processes:
            process.start()
        urls = [ready.get(timeout=60) for _ in processes]
        barrier = spawn.Barrier(clients + 1)
        out = spawn.Queue()
        client_processes = [
            spawn.Process(
                target=client,
                args=(urls[n % servers], token, device_id, per_client, seconds, barrier, out),
            )
            for n, (device_id, token) in enumerate(invites)
        ]
        started = time.perf_counter()
        for process in client_processes:
            process.start()
        barrier.wait(timeout=600)
        print(
            f"{clients} clients sealed {per_client} envelopes each in "
            f"{time.perf_counter() - started:.1f} s; posting for {seconds:g} s"
        )
        outcomes = [out.get(timeout=seconds + 600) for _ in client_processes]
        for process in client_processes:
            process.join(timeout=60)
        with ServerStore.open(server_dir) as admin:
            stored = admin.stats()["envelopes"]
        stop.set()
        for process in processes:
            process.join(timeout=30)
    sent = sum(o[0] for o in outcomes)
    if stored != sent:
        raise RuntimeError(f"{sent} envelopes acknowledged but {stored} stored")
    return sent / max(o[1] for o in outcomes), any(o[2] for o in outcomes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--database", choices=("all", "sqlite", "postgresql"), default="all")
    args = parser.parse_args()
    from tests.sync import postgres

    runs: list[tuple[str, str, int]] = []  # (figure suffix, engine, server processes)
    if args.database in ("all", "sqlite"):
        runs.append(("", "sqlite", 1))
    if args.database in ("all", "postgresql"):
        if postgres.available():
            runs += [("_postgresql", "postgresql", 1), ("_postgresql_2_processes", "postgresql", 2)]
        else:
            print("PostgreSQL is not installed (initdb, pg_ctl): its figures are skipped")
    results = []
    with contextlib.ExitStack() as stack:
        cluster = None
        for suffix, engine, servers in runs:
            if engine == "postgresql" and cluster is None:
                folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="gatewatch-pg-"))
                cluster = stack.enter_context(postgres.temporary_cluster(Path(folder) / "pg"))
            database = None if cluster is None or engine == "sqlite" else cluster.new_database()
            rate, exhausted = measure(args.seconds, args.clients, database, servers)
            if exhausted:
                print("warning: a client ran out of sealed envelopes before the time was up")
            print(
                f"ingest on {engine}, {servers} server process(es): {rate:.0f} envelopes/s "
                f"sustained from {args.clients} clients (127.0.0.1, {os.cpu_count()} cores)"
            )
            results.append(
                result(
                    f"server.ingest_ms_per_envelope_{args.clients}_clients{suffix}",
                    1000.0 / rate,
                    "ms",
                    1000.0 / FLOOR_PER_SECOND,
                )
            )
    record(results)


if __name__ == "__main__":
    sys.exit(main())
