"""What the store's health check and its backup cost with many reports.

Run with `.venv/bin/python -m bench.integrity_bench --reports 100000`. Builds a store with
bench/store_bench.py's builder, then times: the unlock alone, SQLCipher's page check
(``cipher_integrity_check``), SQLite's ``quick_check`` and full ``integrity_check``, the
whole `check_integrity`, and a backup (`write_backup`). The unlock must stay instant, so
the window runs the check on its worker right after the list shows.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.common import Result, record, result
from bench.store_bench import PASSPHRASE, fill, label
from desktop.store.backup import write_backup
from desktop.store.database import create_store, open_store
from desktop.store.integrity import check_integrity


def timed(action: object) -> float:
    assert callable(action)
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=100_000)
    args = parser.parse_args()
    results: list[Result] = []
    name = label(args.reports)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "store"
        with create_store(folder, PASSPHRASE) as store:
            fill(store, args.reports, seed=1)
        size = (folder / "store.db").stat().st_size
        print(f"{args.reports} reports: store.db {size / 2**20:.1f} MiB")
        unlock_s = timed(lambda: open_store(folder, PASSPHRASE).close())
        with open_store(folder, PASSPHRASE) as store:
            cipher_s = timed(lambda: store.execute("PRAGMA cipher_integrity_check").fetchall())
            quick_s = timed(lambda: store.execute("PRAGMA quick_check").fetchall())
            full_s = timed(lambda: store.execute("PRAGMA integrity_check").fetchall())
            check_s = timed(lambda: check_integrity(store))
            backup_s = timed(lambda: write_backup(store, Path(tmp) / "store.gwbackup"))
        for label_, seconds in (
            ("unlock (Argon2id + open)", unlock_s),
            ("cipher_integrity_check", cipher_s),
            ("quick_check", quick_s),
            ("integrity_check", full_s),
            ("check_integrity (cipher + quick)", check_s),
            ("backup", backup_s),
        ):
            print(f"{label_:<36} {seconds:8.2f} s")
        results.append(result(f"store.integrity_check_{name}", check_s, "s", 10.0))
        results.append(result(f"store.backup_{name}", backup_s, "s", 30.0))
    record(results)


if __name__ == "__main__":
    main()
