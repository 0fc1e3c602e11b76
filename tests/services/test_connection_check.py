"""*Test connection* names the step that failed — proxy, name, TCP, TLS pin, token — each
against a real local server, a real SOCKS5 proxy or a port where nothing listens; and a
local Tor is found only where a SOCKS5 proxy really answers."""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from desktop.services.connection_check import check_connection, detect_tor, socks5_greets
from sync.envelope import NewsroomKeyPair
from sync.server.config import ServerConfig
from sync.server.store import ServerStore, new_token
from sync.server.testing import init_server, running_server, self_signed_cert
from tests.sync.socks5 import Socks5Server

NAME = "newsroom.example"


@dataclass
class Newsroom:
    url: str
    port: int
    pin: str
    token: str
    data_dir: Path


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsroom]:
    folder = tmp_path_factory.mktemp("check")
    cert, key = self_signed_cert(folder)
    der = x509.load_pem_x509_certificate(cert.read_bytes()).public_bytes(Encoding.DER)
    init_server(folder / "server", NewsroomKeyPair.generate("x25519").public_key)
    with ServerStore.open(folder / "server") as admin:
        _, token = admin.create_desk_token("desk")
    config = ServerConfig(rate_burst=10_000, rate_per_second=10_000)
    with running_server(folder / "server", config=config, tls_cert=cert, tls_key=key) as url:
        port = int(urlsplit(url).port or 0)
        yield Newsroom(url, port, hashlib.sha256(der).hexdigest(), token, folder / "server")


@pytest.fixture
def tor() -> Iterator[Socks5Server]:
    """A SOCKS5 proxy that knows the newsroom's name and no other, as Tor knows an onion."""
    with Socks5Server(names={NAME: "127.0.0.1"}, only_names=True) as proxy:
        yield proxy


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_every_step_passes_directly(newsroom: Newsroom) -> None:
    result = check_connection(newsroom.url, token=newsroom.token, tls_fingerprint=newsroom.pin)
    assert (result.failed, result.passed) == (None, ("name", "tcp", "tls", "token"))


def test_every_step_passes_through_the_proxy_which_resolves_the_name(
    newsroom: Newsroom, tor: Socks5Server
) -> None:
    result = check_connection(
        f"https://{NAME}:{newsroom.port}",
        token=newsroom.token,
        tls_fingerprint=newsroom.pin,
        proxy=tor.url,
    )
    assert (result.failed, result.passed) == (None, ("proxy", "name", "tcp", "tls", "token"))
    assert (NAME, newsroom.port) in tor.requests  # the name went to the proxy unresolved


def test_a_name_the_proxy_cannot_resolve(newsroom: Newsroom, tor: Socks5Server) -> None:
    result = check_connection(
        f"https://nowhere.example:{newsroom.port}",
        token=newsroom.token,
        tls_fingerprint=newsroom.pin,
        proxy=tor.url,
    )
    assert (result.failed, result.passed) == ("name", ("proxy",))


def test_a_proxy_that_is_not_there_or_not_socks(newsroom: Newsroom) -> None:
    for proxy in (
        f"socks5h://127.0.0.1:{closed_port()}",
        f"socks5h://127.0.0.1:{newsroom.port}",  # a port that answers, but not SOCKS
    ):
        result = check_connection(
            newsroom.url, token=newsroom.token, tls_fingerprint=newsroom.pin, proxy=proxy
        )
        assert (result.failed, result.passed) == ("proxy", ())


def test_a_port_where_nothing_listens(newsroom: Newsroom, tor: Socks5Server) -> None:
    port = closed_port()
    direct = check_connection(f"https://127.0.0.1:{port}", token=newsroom.token)
    assert (direct.failed, direct.passed) == ("tcp", ("name",))
    proxied = check_connection(f"https://{NAME}:{port}", token=newsroom.token, proxy=tor.url)
    assert (proxied.failed, proxied.passed) == ("tcp", ("proxy",))


def test_a_certificate_that_is_not_the_pinned_one(newsroom: Newsroom) -> None:
    result = check_connection(newsroom.url, token=newsroom.token, tls_fingerprint="ab" * 32)
    assert (result.failed, result.passed) == ("tls", ("name", "tcp"))
    unpinned = check_connection(newsroom.url, token=newsroom.token)  # self-signed: invalid
    assert unpinned.failed == "tls"


def test_a_token_the_server_does_not_know(newsroom: Newsroom) -> None:
    result = check_connection(newsroom.url, token=new_token(), tls_fingerprint=newsroom.pin)
    assert (result.failed, result.passed) == ("token", ("name", "tcp", "tls"))


def test_tor_is_found_only_where_socks5_answers(newsroom: Newsroom, tmp_path: Path) -> None:
    with Socks5Server() as proxy:
        assert socks5_greets("127.0.0.1", proxy.port)
        found = detect_tor([closed_port(), newsroom.port, proxy.port])
        assert found == f"socks5h://127.0.0.1:{proxy.port}"
    assert detect_tor([closed_port(), newsroom.port]) is None  # an open port is not Tor
