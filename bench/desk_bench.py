"""Desk benchmark: pull + verify + decrypt + store of N reports, from a real server.

Run: ``.venv/bin/python -m bench.desk_bench [--reports 10000]``. Limit: 3 s for 10,000.

Setup (not timed): a desk store makes the newsroom key; a server on 127.0.0.1
(`sync.server.testing.running_server`, rate limit lifted) is initialised for it; a
correspondent store is enrolled with an invite, filled with N queued reports and synced
until its outbox is empty (sealing and upload are timed and printed, not recorded). Then
the desk connects, and ``desktop.services.desk.pull`` is timed (the server runs in its
own process): it fetches the pages,
verifies each device signature, opens each HPKE seal with the newsroom key, validates the
report and stores it in the desk's encrypted store.

`populate_quickly` (sealing straight to the server with `SyncClient.upload`, no
correspondent store) is what the memory benchmark uses for 100,000.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import tempfile
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.common import generated_content, record, result
from desktop.domain.report import Report
from desktop.services import desk
from desktop.store.database import Store, create_store
from sync.envelope import DEFAULT_KEM

if TYPE_CHECKING:
    from sync.server.config import ServerConfig

# The pull's worker processes import this module as their __main__ (spawn), as the app's
# import its small entry script: the server, the sync client and the correspondent's
# services are imported where they are used, so that a worker's start is not the bench's.

PASSPHRASE = "benchmark passphrase, not a secret"
LIMIT_SECONDS_PER_10K = 3.0


def unlimited() -> ServerConfig:
    """The server's configuration with its rate limit lifted."""
    from sync.server.config import ServerConfig

    return ServerConfig(rate_burst=1e9, rate_per_second=1e9)


def new_desk(folder: Path, server_dir: Path, kem: str = DEFAULT_KEM) -> Store:
    """A desk store with a fresh newsroom key, and a server folder initialised for it."""
    from sync.server.testing import init_server

    store = create_store(folder, PASSPHRASE)
    init_server(server_dir, desk.init_desk(store, kem))
    return store


def invite(server_dir: Path) -> str:
    from sync.protocol import Invite, encode_invite
    from sync.server.store import ServerStore

    with ServerStore.open(server_dir) as admin:
        _, token, _ = admin.tokens.create_invite("bench", 7)
        return encode_invite(Invite(token, admin.newsroom_key.fingerprint))


def desk_token(server_dir: Path) -> str:
    from sync.server.store import ServerStore

    with ServerStore.open(server_dir) as admin:
        return admin.tokens.create_desk_token("bench desk")[1]


def populate_through_correspondent(folder: Path, server_dir: Path, url: str, count: int) -> None:
    """An enrolled correspondent store with ``count`` queued reports, synced until done."""
    from desktop.domain.gazetteer import default_gazetteer
    from desktop.services import sync
    from desktop.store.reports import ReportRepository

    rng = random.Random(11)
    with create_store(folder, PASSPHRASE) as corr:
        sync.enroll(corr, url, invite(server_dir))
        reports = ReportRepository(corr, default_gazetteer())
        for start in range(0, count, 5000):
            batch = range(start, min(count, start + 5000))
            reports.add_many([Report.new(generated_content(rng, i)) for i in batch])
        started = time.perf_counter()
        sealed = sync.seal_pending(corr, limit=count)
        seal_s = time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(count // 50 + 10):
            outcome = sync.sync_once(corr, max_reports=1000)
            if outcome.done:
                break
        else:
            raise RuntimeError(f"the outbox did not empty: {outcome}")
        print(
            f"correspondent: sealed {sealed} in {seal_s:.1f} s, "
            f"synced in {time.perf_counter() - started:.1f} s"
        )


def populate_quickly(server_dir: Path, url: str, count: int) -> None:
    """Enrol a device and upload ``count`` sealed report envelopes straight to the server."""
    from desktop.services import sync
    from sync.client import ClientConfig, SyncClient
    from sync.envelope import DeviceSigningKey, EnvelopeKind, NewsroomPublicKey, seal
    from sync.server.store import ServerStore

    rng = random.Random(12)
    with ServerStore.open(server_dir) as admin:
        device_id, token, _ = admin.tokens.create_invite("bench", 7)
        newsroom: NewsroomPublicKey = admin.newsroom_key
    device = DeviceSigningKey.generate()
    with SyncClient(ClientConfig(base_url=url, token=token)) as enroller:
        token = enroller.enroll(device.public_bytes(), "bench").device_token or token
    with SyncClient(ClientConfig(base_url=url, token=token)) as client:  # the device's own
        templates = [generated_content(rng, i) for i in range(2000)]
        for start in range(0, count, 2000):
            envelopes = []
            for i in range(start, min(count, start + 2000)):
                report = Report.new(templates[i % len(templates)])
                payload = sync.report_payload(report.to_json(), [])
                eid = str(uuid.uuid4())
                data = seal(
                    payload,
                    kind=EnvelopeKind.REPORT,
                    envelope_id=eid,
                    device_id=device_id,
                    device_key=device,
                    recipient=newsroom,
                )
                envelopes.append((eid, data))
            if not all(r.ok for r in client.upload(envelopes)):
                raise RuntimeError("the server refused an envelope")


def timed_pull(desk_store: Store, server_dir: Path, url: str) -> tuple[float, desk.PullOutcome]:
    desk.connect(desk_store, url, desk_token(server_dir))
    started = time.perf_counter()
    outcome = desk.pull(desk_store)
    return time.perf_counter() - started, outcome


def serve(data_dir: str, ready: Any, stop: Any) -> None:
    from sync.server.testing import running_server

    with running_server(Path(data_dir), config=unlimited()) as url:
        ready.put(url)
        stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--kem", default=DEFAULT_KEM)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gatewatch-desk-bench-") as tmp:
        root = Path(tmp)
        desk_store = new_desk(root / "desk", root / "server", args.kem)
        # The server in a process of its own, as a newsroom's is: in this process its
        # request handling would compete with the pull for the GIL.
        spawn = multiprocessing.get_context("spawn")
        ready, stop = spawn.Queue(), spawn.Event()
        server = spawn.Process(target=serve, args=(str(root / "server"), ready, stop))
        server.start()
        try:
            url = ready.get(timeout=60)
            populate_through_correspondent(root / "corr", root / "server", url, args.reports)
            seconds, outcome = timed_pull(desk_store, root / "server", url)
        finally:
            stop.set()
            server.join(timeout=30)
        stored = len(desk.list_reports(desk_store))
        desk_store.close()
    if (outcome.reports, outcome.refused, stored) != (args.reports, 0, args.reports):
        raise RuntimeError(f"the pull did not store every report: {outcome}, {stored} listed")
    print(
        f"desk pull of {args.reports} ({args.kem}): {seconds:.2f} s, "
        f"{args.reports / seconds:.0f} reports/s, {outcome.pages} pages; "
        f"{json.dumps(outcome.__dict__)}"
    )
    limit = LIMIT_SECONDS_PER_10K * args.reports / 10_000
    label = f"{args.reports // 1000}k" if args.reports % 1000 == 0 else str(args.reports)
    record([result(f"desk.pull_verify_decrypt_{label}", seconds, "s", limit)])


if __name__ == "__main__":
    main()
