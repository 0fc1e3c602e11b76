"""Run a real server on 127.0.0.1 for tests: ``running_server(data_dir)``, and a
self-signed certificate for it (``self_signed_cert``).

Used by the server, client and end-to-end tests. The socket is bound before the server
starts (port 0: the OS picks a free port), so there is no race for the port; the server runs
in a background thread and is shut down cleanly (in-flight requests finish) on exit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.envelope import NewsroomPublicKey
from sync.server.config import ServerConfig
from sync.server.connections import ConnectionGuard
from sync.server.runner import GatewatchServer, uvicorn_config
from sync.server.store import DB_NAME, URL_NAME, ServerStore

STARTUP_TIMEOUT = 10.0


_database_factory: Callable[[], str] | None = None


@contextlib.contextmanager
def databases_from(factory: Callable[[], str]) -> Iterator[None]:
    """While inside, :func:`init_server` without a ``database`` puts each new server in
    ``factory()`` (a fresh ``postgresql://`` database) instead of SQLite: how the server
    tests run against both engines without each test knowing."""
    global _database_factory
    previous, _database_factory = _database_factory, factory
    try:
        yield
    finally:
        _database_factory = previous


def init_server(
    data_dir: Path, newsroom_key: NewsroomPublicKey, database: str | None = None
) -> None:
    """What ``gatewatch-server init`` does: create the database for ``newsroom_key``
    (SQLite in ``data_dir``, or ``database``; see :func:`databases_from`)."""
    fresh = not (data_dir / DB_NAME).exists() and not (data_dir / URL_NAME).exists()
    if database is None and _database_factory is not None and fresh:
        database = _database_factory()
    ServerStore.create(data_dir, newsroom_key, database).close()


@contextlib.contextmanager
def running_server(
    data_dir: Path,
    *,
    config: ServerConfig | None = None,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    guard: ConnectionGuard | None = None,
) -> Iterator[str]:
    """Serve the initialized server in ``data_dir``; yield its base URL.

    ``http://127.0.0.1:PORT`` (``https://`` with TLS). Raises RuntimeError if it does not
    start within 10 s. On exit the server stops taking requests and finishes those in
    flight (connections still open after 1 s are dropped); then the store is closed.
    """
    store = ServerStore.open(data_dir)
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose proto says TCP,
    # and without it every response waits ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
        server = GatewatchServer(
            uvicorn_config(
                store,
                host="127.0.0.1",
                port=port,
                config=config,
                tls_cert=tls_cert,
                tls_key=tls_key,
                log_level="warning",
                guard=guard,
            )
        )
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="gatewatch-test-server"
        )
        thread.start()
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while not server.started:
                if not thread.is_alive() or time.monotonic() > deadline:
                    raise RuntimeError("the test server did not start")
                time.sleep(0.01)
            scheme = "https" if tls_cert is not None else "http"
            yield f"{scheme}://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=1.0)
            if thread.is_alive():  # e.g. a TLS client that left without close_notify
                server.force_exit = True
                thread.join(timeout=STARTUP_TIMEOUT)
    finally:
        sock.close()
        store.close()


def self_signed_cert(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path
