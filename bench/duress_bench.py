"""What an unlock costs with the store's passphrase and with the duress passphrase.

Run with `.venv/bin/python -m bench.duress_bench --reports 10000`. One store is filled
(bench/store_bench.py's builder) with a duress passphrase and a decoy; each round copies
it and times `open_store` with the real passphrase on one copy and with the duress
passphrase on the other (which destroys that copy's key and opens the decoy). Both paths
are padded in `open_store` to the key derivation's time plus a share of it: the figures
show they take as long.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import Result, record, result
from bench.store_bench import PASSPHRASE, fill, label
from desktop.store import duress
from desktop.store.database import create_store, open_store

DURESS = "kettle window orange tide, not a secret"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "model"
        with create_store(model, PASSPHRASE) as store:
            fill(store, args.reports, seed=1)
        duress.set_duress(model, PASSPHRASE, DURESS, ["Rice is dear."])
        real: list[float] = []
        decoy: list[float] = []
        for index in range(args.rounds):
            for passphrase, timings in ((PASSPHRASE, real), (DURESS, decoy)):
                copy = Path(tmp) / f"copy{index}-{len(timings)}-{passphrase[:3]}"
                shutil.copytree(model, copy)
                start = time.perf_counter()
                open_store(copy, passphrase).close()
                timings.append(time.perf_counter() - start)
                shutil.rmtree(copy)
    real_s, decoy_s = statistics.median(real), statistics.median(decoy)
    # Paired: each round's two unlocks ran back to back, under the same machine load.
    paired = statistics.median(d - r for r, d in zip(real, decoy, strict=True))
    print(f"duress minus real, paired by round: median {paired * 1000:+.0f} ms")
    print(f"real passphrase:   median {real_s:.3f} s  {[round(t, 3) for t in real]}")
    print(f"duress passphrase: median {decoy_s:.3f} s  {[round(t, 3) for t in decoy]}")
    name = label(args.reports)
    results: list[Result] = [
        result(f"store.unlock_real_{name}", real_s, "s", 2.0),
        result(f"store.unlock_duress_{name}", decoy_s, "s", 2.0),
        result("store.unlock_duress_minus_real_paired", abs(paired) / real_s, "x", 0.05),
    ]
    record(results)


if __name__ == "__main__":
    main()
