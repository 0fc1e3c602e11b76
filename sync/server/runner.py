"""Running the app under uvicorn: one configuration for ``serve`` and for tests.

No access log (it would record client addresses and query strings; the audit log in the
database records what the newsroom needs, without contents), no ``Server`` header, no
proxy-header trust, no websockets, HTTP/1.1 by h11 under the connection guard
(connections.py: deadlines for slow or silent clients, caps with eviction), and no
uvicorn concurrency limit: it counts idle connections, so held sockets would refuse every
real request. The gate bounds the requests the application works on instead.
"""

from __future__ import annotations

import asyncio
import hashlib
import socket
from pathlib import Path
from typing import Any

import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from sync.server.app import create_app
from sync.server.config import ServerConfig
from sync.server.connections import ConnectionGuard, ConnectionLimits, guarded_protocol
from sync.server.housekeeping import Housekeeper
from sync.server.store import ServerStore

GRACEFUL_SHUTDOWN_SECONDS = 5


class GatewatchServer(uvicorn.Server):
    """uvicorn's server, plus: the app's housekeeper runs while it serves (housekeeping.py),
    and connections still open when shutdown ends are aborted.

    uvicorn waits for open connections (at most ``timeout_graceful_shutdown``, or until a
    second Ctrl+C), then returns without closing those still open: a TLS connection whose
    client left without ``close_notify`` stays in asyncio's SSL shutdown for 30 s. Aborting
    them closes their sockets at once instead of leaking them.
    """

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        housekeeper = self._housekeeper()
        if housekeeper is not None:
            housekeeper.start()

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        await super().shutdown(sockets)
        housekeeper = self._housekeeper()
        if housekeeper is not None:  # the last refusal counts are written here
            await asyncio.to_thread(housekeeper.stop)
        for connection in list(self.server_state.connections):
            transport = getattr(connection, "transport", None)
            if isinstance(transport, asyncio.BaseTransport) and hasattr(transport, "abort"):
                transport.abort()
        await asyncio.sleep(0)  # let connection_lost run

    def _housekeeper(self) -> Housekeeper | None:
        state = getattr(self.config.app, "state", None)
        found = getattr(state, "housekeeper", None)
        return found if isinstance(found, Housekeeper) else None


def uvicorn_config(
    store: ServerStore,
    *,
    host: str,
    port: int,
    config: ServerConfig | None = None,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    log_level: str = "info",
    guard: ConnectionGuard | None = None,
) -> uvicorn.Config:
    """The uvicorn configuration serving ``store``; TLS when both cert and key are given.

    ``guard`` holds the server's connections; by default one with :class:`ConnectionLimits`
    whose connection cap is lowered to what this process's open-file limit allows.
    """
    if (tls_cert is None) != (tls_key is None):
        raise ValueError("TLS needs both a certificate and its key")
    options: dict[str, Any] = {}
    if tls_cert is not None and tls_key is not None:
        options = {"ssl_certfile": str(tls_cert), "ssl_keyfile": str(tls_key)}
    if guard is None:
        guard = ConnectionGuard(ConnectionLimits(max_connections=connection_capacity()))
    return uvicorn.Config(
        create_app(store, config),
        host=host,
        port=port,
        http=guarded_protocol(guard),
        ws="none",
        lifespan="off",
        interface="asgi3",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        timeout_keep_alive=15,
        # A TLS connection the client closed without close_notify lingers in asyncio's SSL
        # shutdown for up to 30 s; do not let that hold a stop longer than this.
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
        log_level=log_level,
        **options,
    )


def connection_capacity(default: int = ConnectionLimits.max_connections) -> int:
    """How many client connections this process can hold: ``default``, or fewer when the
    open-file limit (raised to its hard limit first, where allowed) leaves less room."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows: no such limit to raise
        return default
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        wanted = hard if hard != resource.RLIM_INFINITY else max(soft, default * 2)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):  # pragma: no cover - a limit we may not raise
            pass
    # Room for the database, its journal, the listening socket and the worker threads.
    return max(16, min(default, soft - 64))


def certificate_sha256(cert_file: Path) -> str:
    """SHA-256 (64 lowercase hex) of the first certificate in a PEM file, in DER form.

    This is what a client pins (urllib3's ``assert_fingerprint``). Raises ``ValueError``
    when the file holds no PEM certificate, ``OSError`` when it cannot be read.
    """
    data = cert_file.read_bytes()
    cert = x509.load_pem_x509_certificate(data)
    return hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest()
