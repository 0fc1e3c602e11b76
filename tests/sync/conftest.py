"""Fixtures for the newsroom server tests: a real uvicorn server on 127.0.0.1 and helpers.

Names start with ``server_`` or ``srv`` so they never shadow the envelope tests' fixtures.
"""

from __future__ import annotations

import base64
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.envelope import DeviceSigningKey, NewsroomKeyPair, NewsroomPublicKey, seal
from sync.server.config import ServerConfig
from sync.server.store import ServerStore
from sync.server.testing import databases_from, init_server, running_server
from tests.sync import postgres


@dataclass
class Device:
    device_id: str
    token: str
    key: DeviceSigningKey

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class Srv:
    """A running server: its URL, folder and newsroom key pair, and a requests session."""

    url: str
    data_dir: Path
    newsroom: NewsroomKeyPair
    http: requests.Session

    def admin(self) -> ServerStore:
        return ServerStore.open(self.data_dir)

    def invite(self, label: str | None = None, valid_days: int = 7) -> tuple[str, str]:
        with self.admin() as store:
            device_id, token, _ = store.tokens.create_invite(label, valid_days)
        return device_id, token

    def desk(self) -> dict[str, str]:
        with self.admin() as store:
            _, token = store.tokens.create_desk_token("desk")
        return {"Authorization": f"Bearer {token}"}

    def enroll(self, label: str | None = None) -> Device:
        device_id, token = self.invite(label)
        key = DeviceSigningKey.generate()
        response = self.http.post(
            f"{self.url}/v1/enroll",
            json={"device_public_key": b64(key.public_bytes())},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 200, response.text
        return Device(device_id, response.json()["device_token"], key)

    def upload(self, device: Device, *envelopes: tuple[str, bytes]) -> requests.Response:
        body = {"envelopes": [{"envelope_id": eid, "data": b64(data)} for eid, data in envelopes]}
        return self.http.post(f"{self.url}/v1/envelopes", json=body, headers=device.auth)

    def stats(self) -> dict[str, int]:
        with self.admin() as store:
            return store.stats()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def sealed(
    device: Device,
    recipient: NewsroomPublicKey,
    payload: bytes = b"report",
    *,
    kind: str = "report",
    device_id: str | None = None,
    envelope_id: str | None = None,
) -> tuple[str, bytes]:
    eid = envelope_id or str(uuid.uuid4())
    data = seal(
        payload,
        kind=kind,
        envelope_id=eid,
        device_id=device_id or device.device_id,
        device_key=device.key,
        recipient=recipient,
    )
    return eid, data


@pytest.fixture(scope="session")
def server_postgres() -> Iterator[postgres.Cluster]:
    """One throwaway PostgreSQL cluster for the whole run; each server gets its own
    database in it. Outside pytest's temporary tree, whose folders pytest keeps private
    to the user running the tests (the cluster runs as another one when that is root)."""
    if not postgres.available():
        pytest.skip("PostgreSQL is not installed (initdb, pg_ctl, psql)")
    with (
        tempfile.TemporaryDirectory(prefix="gatewatch-pg-") as folder,
        postgres.temporary_cluster(Path(folder) / "cluster") as cluster,
    ):
        yield cluster


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server_backend(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run the module's servers on each engine: SQLite (a file in the data folder), then
    PostgreSQL (a fresh database per server, through ``init_server``)."""
    if request.param == "sqlite":
        yield "sqlite"
        return
    cluster: postgres.Cluster = request.getfixturevalue("server_postgres")
    with databases_from(cluster.new_database):
        yield "postgresql"


@pytest.fixture(scope="session")
def server_newsroom() -> NewsroomKeyPair:
    return NewsroomKeyPair.generate("x25519")


def _start(data_dir: Path, newsroom: NewsroomKeyPair, config: ServerConfig | None) -> Iterator[Srv]:
    init_server(data_dir, newsroom.public_key)
    with running_server(data_dir, config=config) as url, requests.Session() as http:
        http.trust_env = False
        # A connection per request: the server drops a connection idle for 10 s, and a
        # request sent on one just as it is dropped (a slow, loaded machine) is reset.
        http.headers["Connection"] = "close"
        yield Srv(url, data_dir, newsroom, http)


@pytest.fixture(scope="module")
def srv(
    tmp_path_factory: pytest.TempPathFactory, server_newsroom: NewsroomKeyPair, server_backend: str
) -> Iterator[Srv]:
    """One server per test module (generous rate limit); tests enroll their own devices."""
    config = ServerConfig(rate_burst=10_000, rate_per_second=10_000)
    yield from _start(tmp_path_factory.mktemp("server"), server_newsroom, config)


@pytest.fixture
def server_factory(
    tmp_path: Path, server_newsroom: NewsroomKeyPair, server_backend: str
) -> Iterator[Any]:
    """Start a server with a custom :class:`ServerConfig`, stopped at the end of the test."""
    stack: list[Iterator[Srv]] = []

    def start(config: ServerConfig, newsroom: NewsroomKeyPair | None = None) -> Srv:
        gen = _start(tmp_path / f"server{len(stack)}", newsroom or server_newsroom, config)
        stack.append(gen)
        return next(gen)

    yield start
    for gen in reversed(stack):
        for _ in gen:  # runs the generator's cleanup
            pass
