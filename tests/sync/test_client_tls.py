"""TLS pinning: a real TLS server on 127.0.0.1, reached directly and through a real SOCKS5
proxy (tests/sync/socks5.py) with the name resolved at the proxy."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from requests.adapters import HTTPAdapter

from sync.client import (
    CertificateError,
    ClientConfig,
    OfflineError,
    PinMismatchError,
    SyncClient,
)
from sync.envelope import DeviceSigningKey, NewsroomKeyPair
from sync.server.config import ServerConfig
from sync.server.store import ServerStore
from sync.server.testing import init_server, running_server, self_signed_cert
from sync.transport import PinnedAdapter, make_session
from tests.helpers.servers import free_port
from tests.sync.socks5 import Socks5Server


class TlsServer:
    def __init__(self, url: str, data_dir: Path, fingerprint: str) -> None:
        self.url = url
        self.data_dir = data_dir
        self.fingerprint = fingerprint
        self.port = int(urlsplit(url).port or 0)

    @property
    def localhost_url(self) -> str:
        return f"https://localhost:{self.port}"

    def audit_rows(self) -> int:
        with ServerStore.open(self.data_dir) as store:
            return store.stats()["audit_rows"]

    def invite(self) -> str:
        with ServerStore.open(self.data_dir) as store:
            _, token, _ = store.create_invite(None, 7)
        return token


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsServer]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = self_signed_cert(folder)
    der = x509.load_pem_x509_certificate(cert.read_bytes()).public_bytes(Encoding.DER)
    data_dir = folder / "server"
    init_server(data_dir, NewsroomKeyPair.generate("x25519").public_key)
    config = ServerConfig(rate_burst=10_000, rate_per_second=10_000)
    with running_server(data_dir, config=config, tls_cert=cert, tls_key=key) as url:
        yield TlsServer(url, data_dir, hashlib.sha256(der).hexdigest())


@pytest.fixture
def socks() -> Iterator[Socks5Server]:
    with Socks5Server() as server:
        yield server


WRONG = "00" * 32


def client(url: str, **kw: Any) -> SyncClient:
    kw.setdefault("retries", 0)
    kw.setdefault("connect_timeout", 3.0)
    kw.setdefault("read_timeout", 5.0)
    return SyncClient(ClientConfig(base_url=url, **kw))


def test_right_pin_works_directly(tls_server: TlsServer) -> None:
    token = tls_server.invite()
    with client(tls_server.url, token=token, tls_fingerprint=tls_server.fingerprint) as c:
        assert c.health()["status"] == "ok"
        c.enroll(DeviceSigningKey.generate().public_bytes())


def test_pin_accepts_colons_and_upper_case(tls_server: TlsServer) -> None:
    spaced = ":".join(tls_server.fingerprint[i : i + 2] for i in range(0, 64, 2)).upper()
    with client(tls_server.url, token=tls_server.invite(), tls_fingerprint=spaced) as c:
        assert c.health()["status"] == "ok"


def test_wrong_pin_is_refused_directly_and_nothing_reaches_the_server(
    tls_server: TlsServer,
) -> None:
    before = tls_server.audit_rows()
    with (
        client(tls_server.url, tls_fingerprint=WRONG, retries=3) as c,
        pytest.raises(PinMismatchError) as caught,
    ):
        c.upload([(str(uuid.uuid4()), b"x")])
    assert "not the one in the invite" in str(caught.value)
    assert tls_server.audit_rows() == before


def test_right_pin_works_through_socks_with_the_name_resolved_at_the_proxy(
    tls_server: TlsServer, socks: Socks5Server
) -> None:
    with client(
        tls_server.localhost_url,
        token=tls_server.invite(),
        tls_fingerprint=tls_server.fingerprint,
        proxy=socks.url,
    ) as c:
        assert c.health()["status"] == "ok"
    assert ("localhost", tls_server.port) in socks.requests


def test_wrong_pin_is_refused_through_socks(tls_server: TlsServer, socks: Socks5Server) -> None:
    before = tls_server.audit_rows()
    with (
        client(tls_server.localhost_url, tls_fingerprint=WRONG, proxy=socks.url) as c,
        pytest.raises(PinMismatchError),
    ):
        c.health()
    assert ("localhost", tls_server.port) in socks.requests  # it did go through the proxy
    assert tls_server.audit_rows() == before


def test_without_a_pin_a_self_signed_certificate_fails_validation(tls_server: TlsServer) -> None:
    with client(tls_server.url) as c, pytest.raises(CertificateError):
        c.health()


def test_proxy_down_is_offline(tls_server: TlsServer) -> None:
    proxy = f"socks5h://127.0.0.1:{free_port()}"
    with (
        client(tls_server.localhost_url, tls_fingerprint=tls_server.fingerprint, proxy=proxy) as c,
        pytest.raises(OfflineError) as caught,
    ):
        c.health()
    assert "proxy" in str(caught.value)


# --- Why the adapter overrides proxy_manager_for, and its guard ----------------------------


class NaivePinnedAdapter(HTTPAdapter):
    """The common recipe: the pin only in init_poolmanager. Not enough behind a proxy."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["assert_fingerprint"] = WRONG
        kwargs["cert_reqs"] = "CERT_NONE"
        super().init_poolmanager(*args, **kwargs)


def test_the_naive_recipe_skips_the_pin_behind_a_proxy(
    tls_server: TlsServer, socks: Socks5Server
) -> None:
    """Documents the urllib3/requests pitfall the transport guards against: the wrong pin
    is caught directly but silently ignored through the SOCKS proxy."""
    with requests.Session() as session:
        session.trust_env = False
        session.verify = False
        session.mount("https://", NaivePinnedAdapter())
        with pytest.raises(requests.exceptions.SSLError, match="Fingerprints did not match"):
            session.get(tls_server.url + "/v1/health", timeout=5)
        with pytest.warns(Warning, match="Unverified HTTPS request"):
            response = session.get(
                tls_server.localhost_url + "/v1/health",
                timeout=5,
                proxies={"https": socks.url},
            )
        response.close()
    assert response.status_code == 401  # reached the server: the pin was never checked


def test_the_adapter_refuses_to_send_on_a_pool_without_the_pin(
    tls_server: TlsServer, socks: Socks5Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were the proxy override lost (a refactor, a requests change), the guard still
    refuses before a byte of the request is sent."""
    monkeypatch.setattr(PinnedAdapter, "proxy_manager_for", HTTPAdapter.proxy_manager_for)
    before = tls_server.audit_rows()
    with (
        client(tls_server.localhost_url, tls_fingerprint=WRONG, proxy=socks.url) as c,
        pytest.raises(PinMismatchError) as caught,
    ):
        c.health()
    assert caught.value.reason == "pin_not_applied"
    assert tls_server.audit_rows() == before


def test_session_settings() -> None:
    session = make_session("ab" * 32, "socks5h://127.0.0.1:9050")
    try:
        assert session.trust_env is False
        assert session.verify is False  # the pin replaces chain validation
        assert session.proxies == {
            "http": "socks5h://127.0.0.1:9050",
            "https": "socks5h://127.0.0.1:9050",
        }
        adapter = session.get_adapter("https://example.onion")
        assert isinstance(adapter, PinnedAdapter)
        assert adapter.fingerprint == "ab" * 32
    finally:
        session.close()
    unpinned = make_session(None, None)
    assert unpinned.verify is True
    unpinned.close()
