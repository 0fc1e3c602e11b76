"""Two server processes on one PostgreSQL, behind fault proxies: four correspondents upload
through either at random, two desks pull through either at random, connections are cut,
torn, stalled and duplicated — and every report reaches every desk exactly once, and the
server holds each report once.

Each server is ``gatewatch-server serve`` in its own process, on the same data folder (which
names the database), with the default limits: each process keeps its own rate limits.
Which proxy a request takes is chosen per client the services open. The seed is printed on
failure and GATEWATCH_SCALEOUT_SEED reruns it. One round in the normal run; under ``make
soak`` GATEWATCH_SCALEOUT_ROUNDS (default 4) rounds with more reports and faults.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.services import sync
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.desk import review as desk_review
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository
from sync.client import ClientConfig, SyncClient, SyncError
from sync.server.store import ServerStore
from tests.e2e.conftest import fast_client, make_invite
from tests.faults.chaosproxy import ChaosProxy
from tests.faults.common import (
    PASSPHRASE,
    chaos_rule,
    check_open_store,
    check_server_exactly_once,
    queue_reports,
)
from tests.sync import postgres

pytestmark = pytest.mark.skipif(not postgres.available(), reason="PostgreSQL is not installed")
ROOT = Path(__file__).resolve().parents[2]
KEY_PASSPHRASE = "handed over in person"


@pytest.fixture(scope="module")
def cluster() -> Iterator[postgres.Cluster]:
    with (
        tempfile.TemporaryDirectory(prefix="gatewatch-pg-") as folder,
        postgres.temporary_cluster(Path(folder) / "cluster") as running,
    ):
        yield running


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve(data_dir: Path, count: int) -> Iterator[list[str]]:
    """``count`` ``gatewatch-server serve`` processes on ``data_dir``; their URLs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HTTP", "HTTPS", "ALL_"))}
    env["PYTHONPATH"] = str(ROOT)
    procs: list[subprocess.Popen[str]] = []
    urls = []
    try:
        for _ in range(count):
            port = _free_port()
            command = ["--data-dir", str(data_dir), "serve", "--port", str(port)]
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "sync.server", *command],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for proc, url in zip(procs, urls, strict=True):
            deadline = time.monotonic() + 30
            while True:
                with (
                    contextlib.suppress(OSError),
                    socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=1),
                ):
                    break
                assert proc.poll() is None, proc.communicate()[1]
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.05)
        yield urls
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGINT)
        for proc in procs:
            try:
                proc.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()


def through_any(
    proxies: list[ChaosProxy], rng: random.Random
) -> Callable[[ClientConfig], SyncClient]:
    """The test-sized client, sent each time through one of ``proxies`` at random."""

    def factory(config: ClientConfig) -> SyncClient:
        return fast_client(dataclasses.replace(config, base_url=rng.choice(proxies).url))

    return factory


def scaleout_round(
    folder: Path, cluster: postgres.Cluster, seed: int, reports: int, faulty: int
) -> None:
    rng = random.Random(seed)  # noqa: S311 - reproducible faults, not secrets
    canary = secrets.token_hex(8)
    night = create_store(folder / "night", PASSPHRASE)
    day = create_store(folder / "day", PASSPHRASE)
    opened: list[Store] = [night, day]
    try:
        public = desk_connection.init_desk(night, "x25519")
        desk_review.export_newsroom_key(night, folder / "newsroom.key", KEY_PASSPHRASE)
        desk_review.import_newsroom_key(day, folder / "newsroom.key", KEY_PASSPHRASE)
        server_dir = folder / "server"
        ServerStore.create(server_dir, public, cluster.new_database()).close()
        with (
            serve(server_dir, 2) as urls,
            ChaosProxy(urls[0]) as first,
            ChaosProxy(urls[1]) as second,
        ):
            proxies = [first, second]
            expected: set[str] = set()
            correspondents = []
            for number in range(4):
                store = create_store(folder / f"corr{number}", PASSPHRASE)
                opened.append(store)
                sync.enroll(
                    store, rng.choice(urls), make_invite(server_dir), client_factory=fast_client
                )
                expected |= queue_reports(store, reports, canary, rng)
                correspondents.append(store)
            for store, label in ((night, "night"), (day, "day")):
                with ServerStore.open(server_dir) as admin:
                    _, token = admin.tokens.create_desk_token(label)
                desk_connection.connect(store, rng.choice(urls), token, client_factory=fast_client)
            for proxy in proxies:
                proxy.rule = chaos_rule(rng, faulty)
            factory = through_any(proxies, rng)

            waiting = set(range(len(correspondents)))
            behind = {"night": night, "day": day}
            for _ in range(600):
                if not waiting and not behind:
                    break
                if waiting and (not behind or rng.random() < 0.6):
                    number = rng.choice(sorted(waiting))
                    with contextlib.suppress(SyncError):
                        passed = sync.sync_once(
                            correspondents[number],
                            client_factory=factory,
                            max_reports=rng.randint(1, 4),
                        )
                        if passed.done:
                            waiting.discard(number)
                    continue
                name = rng.choice(sorted(behind))
                with contextlib.suppress(SyncError):
                    desk.pull(behind[name], client_factory=factory, page_size=5, max_pages=2)
                have = {r.id for r in DeskRepository(behind[name]).reports()}
                if not waiting and expected <= have:
                    del behind[name]
            else:
                raise AssertionError(f"not done: devices {waiting}, desks {sorted(behind)}")
            assert first.connections > 0  # both servers served
            assert second.connections > 0
            fired = len(first.applied) + len(second.applied)
            print(f"scale-out round: {fired} faults fired over two servers")

        for store in correspondents:
            check_server_exactly_once(store, server_dir)
            check_open_store(store)
        for store in (night, day):
            repo = DeskRepository(store)
            assert repo.refusals() == []
            received = sorted(r.id for r in repo.reports())
            assert received == sorted(expected)  # each once, none missing, none extra
            assert all(a.complete for r in repo.reports() for a in r.attachments)
            ids = [r[0] for r in store.execute("SELECT envelope_id FROM desk_envelopes")]
            assert len(ids) == len(set(ids))
    finally:
        for store in opened:
            store.close()


def run_rounds(
    tmp_path: Path, cluster: postgres.Cluster, rounds: int, reports: int, faulty: int
) -> None:
    first = int(os.environ.get("GATEWATCH_SCALEOUT_SEED") or secrets.randbelow(10**6))
    for number in range(rounds):
        seed = first + number
        try:
            scaleout_round(tmp_path / f"round{number}", cluster, seed, reports, faulty)
        except BaseException as error:
            error.add_note(f"scale-out seed {seed}: rerun with GATEWATCH_SCALEOUT_SEED={seed}")
            raise


def test_two_servers_on_postgresql_deliver_every_report_once_to_every_desk(
    tmp_path: Path, cluster: postgres.Cluster
) -> None:
    run_rounds(tmp_path, cluster, rounds=1, reports=4, faulty=20)


@pytest.mark.soak
@pytest.mark.timeout(3600)
def test_two_servers_on_postgresql_deliver_every_report_once_to_every_desk_long(
    tmp_path: Path, cluster: postgres.Cluster
) -> None:
    rounds = int(os.environ.get("GATEWATCH_SCALEOUT_ROUNDS") or 4)
    run_rounds(tmp_path, cluster, rounds=rounds, reports=12, faulty=120)
