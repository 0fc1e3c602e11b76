"""Cut connections, lost replies, a killed server: every report arrives exactly once."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.domain.report import Report
from desktop.services import sync
from desktop.services.correspondent.demo import filler
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository
from desktop.store.identity import IdentityRepository
from desktop.store.outbox import OutboxRepository
from sync.client import ClientConfig, SyncClient
from sync.server.testing import init_server
from tests.e2e.conftest import (
    PASSPHRASE,
    World,
    fast_client,
    make_invite,
    queue_with_photos,
    server_stats,
)
from tests.sync.faultproxy import Fault, FaultProxy

PHOTO = ("image/jpeg", b"\xff\xd8\xff" + bytes(range(256)) * 1500, 64, 48)  # ~2 chunks


def queue_many(store: Store, count: int, photo_every: int = 3) -> list[Report]:
    return [
        queue_with_photos(store, Report.new(content), [PHOTO] if i % photo_every == 0 else [])
        for i, content in enumerate(filler(count))
    ]


def envelope_ids_at_the_desk(world: World) -> Counter[str]:
    rows = world.desk_store.execute("SELECT envelope_id FROM desk_envelopes").fetchall()
    return Counter(r[0] for r in rows)


def check_exactly_once(world: World, corr: Store, reports: list[Report]) -> None:
    expected = {r.id for r in reports}
    assert OutboxRepository(corr).pending_count() == 0
    sent_envelopes = (
        corr.execute("SELECT count(*) FROM outbox WHERE receipt IS NOT NULL").fetchone()[0]
        + corr.execute("SELECT count(*) FROM outbox_chunks").fetchone()[0]
    )
    assert world.stats()["envelopes"] == sent_envelopes
    world.connect_desk()
    pulled = world.pull()
    assert pulled.refused == 0
    assert set(envelope_ids_at_the_desk(world).values()) == {1}
    received = DeskRepository(world.desk_store).reports()
    assert sorted(r.id for r in received) == sorted(expected)
    assert all(a.complete for r in received for a in r.attachments)


def test_cuts_delays_and_lost_replies_deliver_exactly_once(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    corr = world.correspondent()
    reports = queue_many(corr, 12)
    with FaultProxy(world.url) as proxy:
        IdentityRepository(corr).set_connection(server_url=proxy.url)
        # Every one of these fires on any request (each request is more than 100 bytes).
        proxy.push(
            Fault.cut_request(after_bytes=100),  # cut in the headers: nothing reached the app
            Fault.drop_response(),  # answered, the reply lost
            Fault.drop_response(),  # again: for an upload, stored but no receipts
            Fault.cut_request(after_bytes=100, nth=2),  # the second request on a connection
            Fault.reset(nth=2),
            Fault.drop_response(nth=2),
            Fault.delay(1.5),  # slower than the read timeout: retried (keeps its connection)
        )
        world.sync_until_done(corr)
        assert len(proxy.applied) >= 5, proxy.applied  # the rest found no request
    check_exactly_once(world, corr, reports)


def test_random_faults_deliver_exactly_once(world_factory: Callable[..., World]) -> None:
    seed = int(os.environ.get("GATEWATCH_FAULT_SEED", "4417"))
    rng = random.Random(seed)  # noqa: S311 - reproducible faults, not secrets
    world = world_factory("x25519")
    corr = world.correspondent()
    reports = queue_many(corr, 20, photo_every=2)
    with FaultProxy(world.url) as proxy:
        IdentityRepository(corr).set_connection(server_url=proxy.url)
        faults = iter(range(25))

        def rule(index: int) -> Fault:
            if next(faults, None) is None:
                return Fault.passthrough()
            nth = rng.randint(1, 3)
            return rng.choice(
                [
                    Fault.cut_request(after_bytes=rng.randrange(0, 200_000), nth=nth),
                    Fault.reset(nth=nth),
                    Fault.drop_response(nth=nth),
                    Fault.drop_response(nth=nth),
                ]
            )

        proxy.rule = rule
        world.sync_until_done(corr, attempts=60)
    check_exactly_once(world, corr, reports)


# -- a server killed and restarted -------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync.server",
            "--data-dir",
            str(data_dir),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("the server did not start")


@pytest.fixture
def subprocess_server(tmp_path: Path) -> Iterator[dict[str, object]]:
    desk_store = create_store(tmp_path / "desk", PASSPHRASE)
    public = desk_connection.init_desk(desk_store, "x25519")
    server_dir = tmp_path / "server"
    init_server(server_dir, public)
    port = free_port()
    state: dict[str, object] = {
        "desk": desk_store,
        "dir": server_dir,
        "port": port,
        "process": start_server(server_dir, port),
    }
    yield state
    process = state["process"]
    assert isinstance(process, subprocess.Popen)
    process.terminate()
    process.wait(timeout=10)
    desk_store.close()


def test_a_server_killed_mid_batch_loses_nothing_and_doubles_nothing(
    tmp_path: Path, subprocess_server: dict[str, object]
) -> None:
    server_dir = subprocess_server["dir"]
    port = subprocess_server["port"]
    assert isinstance(server_dir, Path)
    assert isinstance(port, int)
    url = f"http://127.0.0.1:{port}"
    corr = create_store(tmp_path / "corr", PASSPHRASE)
    try:
        sync.enroll(corr, url, make_invite(server_dir), client_factory=fast_client)
        reports = queue_many(corr, 24, photo_every=1)  # 24 reports, 48 chunks, ~6 MiB

        def kill_soon(progress: sync.SyncProgress) -> None:
            process = subprocess_server["process"]
            assert isinstance(process, subprocess.Popen)
            if process.poll() is None:
                # A moment into the next request: the server dies in the middle of it.
                threading.Timer(0.01, process.send_signal, (signal.SIGKILL,)).start()

        def slow_client(config: ClientConfig) -> SyncClient:
            return fast_client(dataclasses.replace(config, retries=0))

        outcome = sync.sync_once(corr, client_factory=slow_client, progress=kill_soon)
        assert outcome.error is sync.SyncErrorKind.OFFLINE, outcome
        assert outcome.remaining > 0
        stored_before = server_stats(server_dir)["envelopes"]

        killed = subprocess_server["process"]
        assert isinstance(killed, subprocess.Popen)
        assert killed.wait(timeout=10) == -signal.SIGKILL
        subprocess_server["process"] = start_server(server_dir, port)
        for _ in range(10):
            if sync.sync_once(corr, client_factory=fast_client).done:
                break
        assert server_stats(server_dir)["envelopes"] == 24 * 3
        assert stored_before < 24 * 3

        desk_store = subprocess_server["desk"]
        assert isinstance(desk_store, Store)
        with ServerAdmin(server_dir) as token:
            desk_connection.connect(desk_store, url, token, client_factory=fast_client)
        pulled = desk.pull(desk_store, client_factory=fast_client)
        assert (pulled.reports, pulled.photos, pulled.refused) == (24, 24, 0)
        ids = [r.id for r in DeskRepository(desk_store).reports()]
        assert sorted(ids) == sorted(r.id for r in reports)
    finally:
        corr.close()


class ServerAdmin:
    """A desk token from the server's folder (the admin's `desk-token`)."""

    def __init__(self, server_dir: Path) -> None:
        self.server_dir = server_dir

    def __enter__(self) -> str:
        from sync.server.store import ServerStore

        with ServerStore.open(self.server_dir) as admin:
            return admin.tokens.create_desk_token("desk")[1]

    def __exit__(self, *exc: object) -> None:
        return None
