"""*Test connection* names the step that failed — proxy, name, TCP, TLS pin, token — each
against a real local server, a real SOCKS5 proxy or a port where nothing listens; and a
local Tor is found only where a SOCKS5 proxy really answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services.connection_check import check_connection, detect_tor, socks5_greets
from sync.server.store import new_token
from tests.helpers.servers import NAME, Newsroom, newsroom
from tests.helpers.servers import free_port as closed_port
from tests.sync.socks5 import Socks5Server

__all__ = ["newsroom"]  # a fixture


@pytest.fixture
def tor() -> Iterator[Socks5Server]:
    """A SOCKS5 proxy that knows the newsroom's name and no other, as Tor knows an onion."""
    with Socks5Server(names={NAME: "127.0.0.1"}, only_names=True) as proxy:
        yield proxy


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
