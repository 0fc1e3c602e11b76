"""Desk benchmark: pull + verify + decrypt + store of N reports, from a real server.

Run: ``.venv/bin/python -m bench.desk_bench [--reports 10000]``. Limit: 3 s for 10,000.

Setup (not timed): a desk store makes the newsroom key; a server on 127.0.0.1
(`sync.server.testing.running_server`, rate limit lifted) is initialised for it; a
correspondent store is enrolled with an invite, filled with N queued reports and synced
until its outbox is empty (sealing and upload are timed and printed, not recorded). Then
the desk connects, and ``desktop.services.desk.core.pull`` is timed (the server runs in its
own process): it fetches the pages,
verifies each device signature, opens each HPKE seal with the newsroom key, validates the
report and stores it in the desk's encrypted store.

`populate_quickly` (sealing straight to the server with `SyncClient.upload`, no
correspondent store) is what the memory benchmark uses for 100,000.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import random
import resource
import tempfile
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.common import record, result
from bench.memory_bench import peak_rss_mb

if TYPE_CHECKING:
    from desktop.services.desk.core import PullOutcome
    from desktop.store.database import Store
    from sync.server.config import ServerConfig

# The pull's worker processes import this module as their __main__ (spawn), as the app's
# import its small entry script: everything but the figures' bookkeeping is imported where
# it is used, so that a worker's start is the app's, not the bench's.
DEFAULT_KEM = "mlkem768x25519"  # sync.envelope's; checked in main()

PASSPHRASE = "benchmark passphrase, not a secret"
LIMIT_SECONDS_PER_10K = 3.0
PULL_RSS_LIMIT_MB = 300.0


def unlimited() -> ServerConfig:
    """The server's configuration with its rate limit lifted."""
    from sync.server.config import ServerConfig

    return ServerConfig(rate_burst=1e9, rate_per_second=1e9)


def new_desk(folder: Path, server_dir: Path, kem: str = DEFAULT_KEM) -> Store:
    """A desk store with a fresh newsroom key, and a server folder initialised for it."""
    from desktop.services.desk import connection as desk_connection
    from desktop.store.database import create_store
    from sync.server.testing import init_server

    store = create_store(folder, PASSPHRASE)
    init_server(server_dir, desk_connection.init_desk(store, kem))
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
    from bench.common import generated_content
    from desktop.domain.gazetteer import default_gazetteer
    from desktop.domain.report import Report
    from desktop.services import sync
    from desktop.store.database import create_store
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
    from bench.common import generated_content
    from desktop.domain.report import Report
    from sync.client import ClientConfig, SyncClient
    from sync.envelope import DeviceSigningKey, EnvelopeKind, NewsroomPublicKey, seal
    from sync.payloads.report import report_payload
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
                payload = report_payload(report.to_json(), [])
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


def timed_pull(
    desk_store: Store, server_dir: Path, url: str, pages: list[tuple[int, float]] | None = None
) -> tuple[float, PullOutcome]:
    """Connect, then time the pull; ``pages`` gets (reports stored, seconds) at each page."""
    from desktop.services.desk import connection as desk_connection
    from desktop.services.desk import core as desk

    desk_connection.connect(desk_store, url, desk_token(server_dir))
    started = time.perf_counter()

    def progress(outcome: PullOutcome) -> None:
        if pages is not None:
            pages.append((outcome.reports, time.perf_counter() - started))

    outcome = desk.pull(desk_store, progress=progress)
    return time.perf_counter() - started, outcome


QUICK_POPULATE_ABOVE = 20_000
"""Above this many reports the server is filled without a correspondent store (setup only:
the pull is the same)."""
GROWTH_LIMIT = 1.5
"""Time per report over the last tenth of a big pull ÷ over its first tenth (after the
first page, which starts the workers): a cost that grows with the desk shows here."""


def per_report_ms(pages: list[tuple[int, float]], first: int, last: int) -> float:
    """Milliseconds per report from the page that reached ``first`` reports to the one
    that reached ``last``."""
    start = next(p for p in pages if p[0] >= first)
    end = next(p for p in pages if p[0] >= last)
    return (end[1] - start[1]) * 1000 / (end[0] - start[0])


def reset_peak_rss() -> None:
    """Start VmHWM again from the current RSS (Linux; elsewhere the peak keeps the setup's)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


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
    from desktop.services.desk import core as desk
    from sync.envelope import DEFAULT_KEM as ENVELOPE_DEFAULT

    if ENVELOPE_DEFAULT != DEFAULT_KEM:
        raise RuntimeError("the bench's default KEM is not the envelope format's")
    pages: list[tuple[int, float]] = []
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
            if args.reports > QUICK_POPULATE_ABOVE:
                populate_quickly(root / "server", url, args.reports)
            else:
                populate_through_correspondent(root / "corr", root / "server", url, args.reports)
            reset_peak_rss()
            seconds, outcome = timed_pull(desk_store, root / "server", url, pages)
            peak_mb = peak_rss_mb()
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
    figures = [result(f"desk.pull_verify_decrypt_{label}", seconds, "s", limit)]
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS of the pulling process: {peak_mb:.0f} MB (largest child {worker_mb:.0f} MB)")
    if args.reports > QUICK_POPULATE_ABOVE:
        tenth = args.reports // 10
        early = per_report_ms(pages, pages[0][0], pages[0][0] + tenth)
        late = per_report_ms(pages, args.reports - tenth, args.reports)
        print(f"ms per report, first tenth (after the first page) {early:.3f}, last {late:.3f}")
        print("ms per report, per 1,000 at the start and at the end:")
        start = pages[0][0]
        for first in (
            start,
            start + 1000,
            start + 2000,
            *range(args.reports - 3000, args.reports, 1000),
        ):
            print(
                f"  {first:>7} to {first + 1000:<7} {per_report_ms(pages, first, first + 1000):.3f}"
            )
        figures += [
            result(f"desk.pull_peak_rss_{label}", peak_mb, "MB", PULL_RSS_LIMIT_MB),
            result(f"desk.pull_last_vs_first_tenth_{label}", late / early, "x", GROWTH_LIMIT),
        ]
    record(figures)


if __name__ == "__main__":
    main()
