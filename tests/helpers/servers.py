"""Talking to a real server on 127.0.0.1 in tests."""

import hashlib
import io
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from sync.envelope import NewsroomKeyPair
from sync.server.cli import main as server_main
from sync.server.config import ServerConfig
from sync.server.store import ServerStore
from sync.server.testing import init_server, running_server, self_signed_cert
from sync.wire import Invite, encode_invite

GENEROUS = ServerConfig(rate_burst=100_000, rate_per_second=100_000)  # never rate-limits


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_server_cli(*argv: str) -> tuple[int, str]:
    """`gatewatch-server` in-process: its exit code and what it printed."""
    out = io.StringIO()
    code = server_main(list(argv), out=out)
    return code, out.getvalue()


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["error"] == code
    assert body["message"]
    return body


def invite(server_dir: Path, fingerprint: str | None = None) -> str:
    """A fresh invite for a laptop, for the server's newsroom key unless told another."""
    with ServerStore.open(server_dir) as admin:
        _, token, _ = admin.tokens.create_invite("laptop", 7)
        fp = fingerprint or admin.newsroom_key.fingerprint
    return encode_invite(Invite(token, fp))


def desk_token(server_dir: Path) -> str:
    with ServerStore.open(server_dir) as admin:
        return admin.tokens.create_desk_token("desk")[1]


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
        _, token = admin.tokens.create_desk_token("desk")
    config = ServerConfig(rate_burst=10_000, rate_per_second=10_000)
    with running_server(folder / "server", config=config, tls_cert=cert, tls_key=key) as url:
        port = int(urlsplit(url).port or 0)
        yield Newsroom(url, port, hashlib.sha256(der).hexdigest(), token, folder / "server")
