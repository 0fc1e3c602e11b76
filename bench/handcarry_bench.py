"""Hand-carry benchmark: a bundle of N reports imported at the desk, beside the network pull.

Run: ``.venv/bin/python -m bench.handcarry_bench [--reports 10000]``. Limit: 3 s for
10,000 (the desk pull's).

Setup (not timed): a desk store makes the newsroom key, a second desk store holds the same
key; a server on 127.0.0.1 (its own process, rate limit lifted) is initialised for it; a
correspondent store with N queued reports exports them to a bundle file (export timed and
printed), then syncs them to the server. Timed: ``desk.pull`` of the reports into the
second desk, then (with the device list copied to the first, untimed)
``desk_handcarry.import_bundle`` of the file into the first (open, verify, store; that desk
has no server, so nothing is relayed).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import generated_content, record, result
from bench.desk_bench import PASSPHRASE, invite, new_desk, serve, timed_pull
from desktop.domain.report import Report
from desktop.services import handcarry
from desktop.services.desk import handcarry as desk_handcarry
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository
from sync.envelope import DEFAULT_KEM

LIMIT_SECONDS_PER_10K = 3.0


def export_reports(folder: Path, server_dir: Path, url: str, count: int, out: Path) -> None:
    """A correspondent with ``count`` queued reports: export them, then sync them."""
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
        sync.seal_pending(corr, limit=count)
        started = time.perf_counter()
        exported = handcarry.export_bundle(corr, out)
        print(
            f"export of {exported.reports}: {time.perf_counter() - started:.2f} s, "
            f"{exported.size / 2**20:.1f} MiB"
        )
        for _ in range(count // 50 + 10):
            if sync.sync_once(corr, max_reports=1000).done:
                break


def twin_desk(folder: Path, desk_store: Store) -> Store:
    """A second desk store holding the same newsroom key."""
    twin = create_store(folder, PASSPHRASE)
    for key in DeskRepository(desk_store).keys():  # noqa: SIM118 (not a dict)
        DeskRepository(twin).save_key(key)
    return twin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--kem", default=DEFAULT_KEM)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gatewatch-handcarry-bench-") as tmp:
        root = Path(tmp)
        carried = new_desk(root / "desk", root / "server", args.kem)
        pulled = twin_desk(root / "twin", carried)
        spawn = multiprocessing.get_context("spawn")
        ready, stop = spawn.Queue(), spawn.Event()
        server = spawn.Process(target=serve, args=(str(root / "server"), ready, stop))
        server.start()
        try:
            url = ready.get(timeout=60)
            bundle = root / "bundle.bin"
            export_reports(root / "corr", root / "server", url, args.reports, bundle)
            pull_s, outcome = timed_pull(pulled, root / "server", url)
            # The carrying desk knows the device as a connected desk would (not timed).
            DeskRepository(carried).save_devices(
                DeskRepository(pulled).devices(), datetime.now(UTC)
            )
            started = time.perf_counter()
            done = desk_handcarry.import_bundle(carried, bundle)
            import_s = time.perf_counter() - started
        finally:
            stop.set()
            server.join(timeout=30)
        carried.close()
        pulled.close()
    if (done.reports, done.refused, outcome.reports) != (args.reports, 0, args.reports):
        raise RuntimeError(f"not every report was stored: {done}, {outcome}")
    print(
        f"bundle import of {args.reports} ({args.kem}): {import_s:.2f} s "
        f"({args.reports / import_s:.0f}/s); network pull: {pull_s:.2f} s "
        f"({args.reports / pull_s:.0f}/s)"
    )
    limit = LIMIT_SECONDS_PER_10K * args.reports / 10_000
    label = f"{args.reports // 1000}k" if args.reports % 1000 == 0 else str(args.reports)
    record(
        [
            result(f"handcarry.bundle_import_{label}", import_s, "s", limit),
            result(f"handcarry.beside_pull_{label}", pull_s, "s", limit),
        ]
    )


if __name__ == "__main__":
    main()
