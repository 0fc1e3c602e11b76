"""Run a real server on 127.0.0.1 for tests: ``running_server(data_dir)``.

Used by the server, client and end-to-end tests. The socket is bound before the server
starts (port 0: the OS picks a free port), so there is no race for the port; the server runs
in a background thread and is shut down cleanly (in-flight requests finish) on exit.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import uvicorn

from sync.envelope import NewsroomPublicKey
from sync.server.config import ServerConfig
from sync.server.runner import uvicorn_config
from sync.server.store import ServerStore

STARTUP_TIMEOUT = 10.0


def init_server(data_dir: Path, newsroom_key: NewsroomPublicKey) -> None:
    """What ``gatewatch-server init`` does: create the database for ``newsroom_key``."""
    ServerStore.create(data_dir, newsroom_key).close()


@contextlib.contextmanager
def running_server(
    data_dir: Path,
    *,
    config: ServerConfig | None = None,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
) -> Iterator[str]:
    """Serve the initialized server in ``data_dir``; yield its base URL.

    ``http://127.0.0.1:PORT`` (``https://`` with TLS). Raises RuntimeError if it does not
    start within 10 s. The store is closed after the server stops.
    """
    store = ServerStore.open(data_dir)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
        server = uvicorn.Server(
            uvicorn_config(
                store,
                host="127.0.0.1",
                port=port,
                config=config,
                tls_cert=tls_cert,
                tls_key=tls_key,
                log_level="warning",
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
            thread.join(timeout=STARTUP_TIMEOUT)
    finally:
        sock.close()
        store.close()
