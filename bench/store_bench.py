"""Store benchmarks: durable encrypted save vs plain SQLite, unlock, search, file sizes.

Run with `make bench` (or `.venv/bin/python -m bench.store_bench --reports 10000`). The
plain-SQLite baseline runs the very same repository code, schema and pragmas (WAL,
synchronous=FULL, secure_delete=ON, temp_store=MEMORY) on an unkeyed connection of the
same SQLite build (SQLCipher without a key is plain SQLite 3 on disk; the standard sqlite3
here is too old for the schema), so the ratio measures encryption alone.

The 100,000 reports are written once, through the real repository code in batches of
5,000 (one transaction each); the plain copy is made from the encrypted store with
SQLCipher's ``sqlcipher_export`` into an unkeyed database, so both hold the very same rows,
indexes and full-text index. Filling takes about 50 s for 100,000 on 2 cores.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

from bench.common import Result, generated_content, median_seconds, record, result
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report
from desktop.services.correspondent.capture import SEARCH_LIMIT
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
    """``count`` queued reports through the repository, 5,000 per transaction.

    2,000 distinct generated contents are validated once and reused with a numbered
    narrative each (validation is not what is measured), so every row's text differs.
    """
    rng = random.Random(seed)
    reports = ReportRepository(store, default_gazetteer())
    templates = [generated_content(rng, i) for i in range(min(count, 2000))]
    batch = 5000
    for start in range(0, count, batch):
        reports.add_many(
            [
                Report.new(
                    dataclasses.replace(
                        templates[i % len(templates)],
                        narrative=f"{templates[i % len(templates)].narrative} [{i}]",
                    )
                )
                for i in range(start, min(count, start + batch))
            ]
        )


def export_plain(encrypted: Store, folder: Path) -> None:
    """Copy every table and index of ``encrypted`` into an unkeyed ``folder/plain.db``."""
    folder.mkdir(parents=True)
    target = folder / "plain.db"
    encrypted.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
    encrypted.execute("SELECT sqlcipher_export('plain')").fetchall()
    encrypted.execute("DETACH DATABASE plain")


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
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        encrypted_dir, plain_dir = root / "encrypted", root / "plain"
        copy_dir = root / "plain-copy"

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
        plain.close()
        export_plain(encrypted, copy_dir)
        encrypted.close()
        print(f"encrypted store files with {args.reports} reports: {sizes(encrypted_dir)}")
        print(f"plain SQLite files with the same reports:    {sizes(copy_dir)}")

        def unlock() -> None:
            with open_store(encrypted_dir, PASSPHRASE) as store:
                reports = ReportRepository(store, default_gazetteer())
                ids = reports.ids(ReportFilter())
                reports.rows(ids[:50])

        unlock_s = median_seconds(unlock, 5)
        results.append(result(f"store.unlock_to_list_{label(args.reports)}", unlock_s, "s", 1.0))

        # The list's first page (top 500, as `search` defaults), a rare term, Burmese, a
        # one-letter term and a crossing's name (its reports through the gazetteer) with
        # every id, and every matching id (what the window's list asks for: up to 100,000).
        queries = [
            ("barbed wire", 500),
            ("[4242]", 500),
            ("ဆီဈေး", 500),
            ("a", SEARCH_LIMIT),
            ("Laiza", SEARCH_LIMIT),
            ("barbed wire", SEARCH_LIMIT),
        ]
        enc: dict[tuple[str, int], float] = {}
        hits: dict[tuple[str, int], int] = {}
        with open_store(encrypted_dir, PASSPHRASE) as store:
            reports = ReportRepository(store, default_gazetteer())
            for text, limit in queries:
                reports.search(text, limit=limit)  # warm the page cache, as a window would
                enc[text, limit] = median_seconds(partial(reports.search, text, limit=limit), 21)
                hits[text, limit] = len(reports.search(text, limit=limit))
        plain_conn = plain_store_reopen(copy_dir)
        plain_reports = ReportRepository(plain_conn, default_gazetteer())
        plain: dict[tuple[str, int], float] = {}
        for text, limit in queries:
            plain_reports.search(text, limit=limit)
            plain[text, limit] = median_seconds(
                partial(plain_reports.search, text, limit=limit), 21
            )
        plain_conn.close()
        for text, limit in queries:
            print(
                f"search {text!r} limit {limit} ({hits[text, limit]} hits): encrypted "
                f"{enc[text, limit] * 1000:.1f} ms, plain {plain[text, limit] * 1000:.1f} ms"
            )
        first = queries[0]
        results.append(result(f"store.search_median_{label(args.reports)}", enc[first], "s", 0.050))
        results.append(
            result("store.search_encrypted_vs_plain", enc[first] / plain[first], "x", 2.0)
        )
        every = queries[-1]
        results.append(
            result(f"store.search_all_ids_median_{label(args.reports)}", enc[every], "s", 0.050)
        )
        results.append(
            result("store.search_all_ids_encrypted_vs_plain", enc[every] / plain[every], "x", 2.0)
        )
    record(results)


def label(count: int) -> str:
    return f"{count // 1000}k" if count % 1000 == 0 else str(count)


def plain_store_reopen(folder: Path) -> Store:
    conn: Any = dbapi2.connect(str(folder / "plain.db"), isolation_level=None)
    for pragma in SESSION_PRAGMAS:
        conn.execute(f"PRAGMA {pragma}").fetchall()
    return Store(conn, folder)


if __name__ == "__main__":
    main()
