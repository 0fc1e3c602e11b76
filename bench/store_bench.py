"""Store benchmarks: durable encrypted save vs plain SQLite, unlock, search, file sizes.

Run with `make bench` (or `.venv/bin/python -m bench.store_bench --reports 10000`). The
plain-SQLite baseline runs the very same repository code, schema and pragmas (WAL,
synchronous=FULL, secure_delete=ON, temp_store=MEMORY) on an unkeyed connection of the
same SQLite build (SQLCipher without a key is plain SQLite 3 on disk; the standard sqlite3
here is too old for the schema), so the ratio measures encryption alone.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

from bench.common import Result, generated_content, median_seconds, record, result
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report
from desktop.store import schema
from desktop.store.database import SESSION_PRAGMAS, Store, create_store, open_store
from desktop.store.migrations import apply_migrations
from desktop.store.reports import ReportFilter, ReportRepository

PASSPHRASE = "benchmark passphrase, not a secret"


def plain_store(folder: Path) -> Store:
    folder.mkdir(parents=True)
    conn: Any = dbapi2.connect(str(folder / "plain.db"), isolation_level=None)
    # The encrypted store's own pragmas, so only encryption differs.
    for pragma in SESSION_PRAGMAS:
        conn.execute(f"PRAGMA {pragma}").fetchall()
    apply_migrations(conn, schema.MIGRATIONS)
    return Store(conn, folder)


def fill(store: Store, count: int, seed: int) -> None:
    rng = random.Random(seed)
    reports = ReportRepository(store, default_gazetteer())
    batch = 2000
    for start in range(0, count, batch):
        # One transaction per batch: filling is setup, not what is measured.
        reports.add_many(
            [Report.new(generated_content(rng, i)) for i in range(start, min(count, start + batch))]
        )


def durable_save_seconds(store: Store, repeat: int) -> float:
    rng = random.Random(7)
    reports = ReportRepository(store, default_gazetteer())
    contents = [generated_content(rng, 100_000 + i) for i in range(repeat)]
    iterator = iter(contents)
    return median_seconds(lambda: reports.add(Report.new(next(iterator))), repeat)


def sizes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted(folder.iterdir()) if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        encrypted_dir, plain_dir = root / "encrypted", root / "plain"

        encrypted = create_store(encrypted_dir, PASSPHRASE)
        plain = plain_store(plain_dir)
        enc_save = durable_save_seconds(encrypted, args.repeat)
        plain_save = durable_save_seconds(plain, args.repeat)
        print(
            f"durable save of one report: encrypted {enc_save * 1000:.2f} ms, "
            f"plain SQLite {plain_save * 1000:.2f} ms"
        )
        results.append(result("store.save_encrypted_vs_plain", enc_save / plain_save, "x", 2.0))

        start = time.perf_counter()
        fill(encrypted, args.reports, seed=1)
        print(f"filled {args.reports} reports in {time.perf_counter() - start:.1f} s")
        fill(plain, args.reports, seed=1)
        encrypted.close()
        plain.close()
        print(f"encrypted store files with {args.reports} reports: {sizes(encrypted_dir)}")
        print(f"plain SQLite files with the same reports:    {sizes(plain_dir)}")

        def unlock() -> None:
            with open_store(encrypted_dir, PASSPHRASE) as store:
                reports = ReportRepository(store, default_gazetteer())
                ids = reports.ids(ReportFilter())
                reports.rows(ids[:50])

        unlock_s = median_seconds(unlock, 5)
        results.append(result(f"store.unlock_to_list_{args.reports}", unlock_s, "s", 1.0))

        with open_store(encrypted_dir, PASSPHRASE) as store:
            reports = ReportRepository(store, default_gazetteer())
            enc_search = median_seconds(lambda: reports.search("barbed wire"), 21)
            hits = len(reports.search("barbed wire"))
        plain_conn = plain_store_reopen(plain_dir)
        plain_reports = ReportRepository(plain_conn, default_gazetteer())
        plain_search = median_seconds(lambda: plain_reports.search("barbed wire"), 21)
        plain_conn.close()
        print(
            f"search 'barbed wire' ({hits} hits): encrypted {enc_search * 1000:.1f} ms, "
            f"plain {plain_search * 1000:.1f} ms"
        )
        results.append(result(f"store.search_median_{args.reports}", enc_search, "s", 0.050))
        results.append(
            result("store.search_encrypted_vs_plain", enc_search / plain_search, "x", 2.0)
        )
    record(results)


def plain_store_reopen(folder: Path) -> Store:
    conn: Any = dbapi2.connect(str(folder / "plain.db"), isolation_level=None)
    for pragma in SESSION_PRAGMAS:
        conn.execute(f"PRAGMA {pragma}").fetchall()
    return Store(conn, folder)


if __name__ == "__main__":
    main()
