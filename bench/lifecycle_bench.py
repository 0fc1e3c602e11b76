"""How long the guards and the edges of a store's and a server's life take: refusing a
keyfile with hostile KDF parameters, wiping a store with a big database, and starting,
asking and stopping the sync server (plain and TLS). The tests check what these do; the
times are figures here, each against a limit measured in the same run where one exists.

Run: ``.venv/bin/python -m bench.lifecycle_bench``. Merges its figures into
bench/results.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import requests

from bench.common import Result, record, result
from desktop.store.database import DB_NAME, KEYFILE_NAME
from desktop.store.errors import KeyfileCorruptError
from desktop.store.keyfile import create_keyfile, read_keyfile
from desktop.store.wipe import wipe_store
from sync.envelope import NewsroomKeyPair
from sync.server.store import ServerStore
from sync.server.testing import init_server, running_server, self_signed_cert

PASSPHRASE = "bench passphrase for the keyfile"


def median_of(action: Callable[[], object], repeat: int, prepare: Callable[[], object]) -> float:
    """Median wall time of `action()` over `repeat` runs, `prepare()` untimed before each."""
    timings = []
    for _ in range(repeat):
        prepare()
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def keyfile_figures(folder: Path, repeat: int) -> list[Result]:
    valid = folder / "valid.key"
    create_keyfile(valid, PASSPHRASE, bytes(32))
    doc = json.loads(valid.read_bytes())
    doc["kdf"].update(memory_cost=2**40, iterations=2**31, lanes=2**24)
    hostile = folder / "hostile.key"
    hostile.write_text(json.dumps(doc))

    def refuse() -> None:
        try:
            read_keyfile(hostile)
        except KeyfileCorruptError:
            return
        raise AssertionError("the hostile keyfile was accepted")

    parse = median_of(lambda: read_keyfile(valid), repeat, lambda: None)
    refused = median_of(refuse, repeat, lambda: None)
    print(f"keyfile: parse a valid one {parse * 1e6:.0f} µs, refuse a hostile one", end=" ")
    print(f"{refused * 1e6:.0f} µs")
    return [
        result("store.keyfile_refuse_hostile_s", refused, "s", 0.5),
        result("store.keyfile_refuse_hostile_vs_parse_valid", refused / parse, "x", 2.0),
    ]


def wipe_figures(folder: Path, repeat: int) -> list[Result]:
    data_dir = folder / "store"

    def make(db_bytes: int) -> Callable[[], None]:
        def prepare() -> None:
            data_dir.mkdir()
            (data_dir / KEYFILE_NAME).write_bytes(b"k" * 600)
            with open(data_dir / DB_NAME, "wb") as f:
                f.truncate(db_bytes)  # sparse: what matters is that the wipe never walks it

        return prepare

    small = median_of(lambda: wipe_store(data_dir), repeat, make(64 * 1024))
    big = median_of(lambda: wipe_store(data_dir), repeat, make(2 * 1024**3))
    print(f"wipe: 64 KiB database {small * 1e3:.2f} ms, 2 GiB database {big * 1e3:.2f} ms")
    return [
        result("store.wipe_2gib_s", big, "s", 1.0),
        result("store.wipe_2gib_vs_64kib", big / small, "x", 2.0),
    ]


def server_figures(folder: Path, repeat: int) -> list[Result]:
    data_dir = folder / "server"
    init_server(data_dir, NewsroomKeyPair.generate().public_key)
    with ServerStore.open(data_dir) as store:
        _, desk = store.tokens.create_desk_token(None)
    cert, key = self_signed_cert(folder)

    def start_ask_stop(tls: bool) -> None:
        with (
            running_server(
                data_dir, tls_cert=cert if tls else None, tls_key=key if tls else None
            ) as url,
            requests.Session() as http,
        ):
            http.trust_env = False
            response = http.get(
                f"{url}/v1/health",
                headers={"Authorization": f"Bearer {desk}"},
                verify=str(cert) if tls else True,
                timeout=30,
            )
            response.raise_for_status()

    plain = median_of(lambda: start_ask_stop(False), repeat, lambda: None)
    tls = median_of(lambda: start_ask_stop(True), repeat, lambda: None)
    print(f"server start, one request, stop: plain {plain:.3f} s, TLS {tls:.3f} s")
    # No baseline of the same run fits a server's start and stop: the limit is a budget.
    # With TLS the stop waits out the 1 s grace for a client gone without close_notify
    # (requests closes its sockets that way; see sync/server/testing.py).
    return [
        result("server.start_request_stop_s", plain, "s", 5.0),
        result("server.start_request_stop_tls_s", tls, "s", 5.0),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="runs per keyfile/wipe figure")
    parser.add_argument("--server-repeat", type=int, default=5, help="runs per server figure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gatewatch-lifecycle-") as tmp:
        folder = Path(tmp)
        figures = keyfile_figures(folder, args.repeat)
        figures += wipe_figures(folder, args.repeat)
        figures += server_figures(folder, args.server_repeat)
    record(figures)


if __name__ == "__main__":
    main()
