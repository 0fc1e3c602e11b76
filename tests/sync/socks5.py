"""A minimal SOCKS5 server on 127.0.0.1 for tests (RFC 1928): no authentication, CONNECT only.

Accepts IPv4, IPv6 and **domain-name** targets (ATYP 3) — the name is resolved here, at the
proxy, as Tor does for ``socks5h://`` clients — and relays bytes both ways until either side
closes. Every CONNECT is recorded in :attr:`Socks5Server.requests` as ``(host, port)``
exactly as the client sent it, so a test can prove the name reached the proxy unresolved.

::

    with Socks5Server() as socks:
        proxy = socks.url            # "socks5h://127.0.0.1:PORT"
        ...
        assert ("localhost", port) in socks.requests

Not for production: no auth, no limits beyond what a test needs.
"""

from __future__ import annotations

import contextlib
import ipaddress
import selectors
import socket
import struct
import threading
from types import TracebackType

_CONNECT = 1
_ATYP_IPV4, _ATYP_DOMAIN, _ATYP_IPV6 = 1, 3, 4
_REP_OK, _REP_FAILURE, _REP_HOST_UNREACHABLE, _REP_REFUSED, _REP_CMD, _REP_ATYP = 0, 1, 4, 5, 7, 8


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("client closed during the SOCKS handshake")
        data += chunk
    return data


def relay(a: socket.socket, b: socket.socket, stop: threading.Event) -> None:
    """Copy bytes both ways until one side closes (or ``stop`` is set).

    A selector, not ``select.select``: a test process holding a thousand sockets hands out
    descriptors above select's limit of 1024."""
    with selectors.DefaultSelector() as selector:
        selector.register(a, selectors.EVENT_READ, b)
        selector.register(b, selectors.EVENT_READ, a)
        while not stop.is_set():
            for key, _ in selector.select(0.2):
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                try:
                    data = sock.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                try:
                    key.data.sendall(data)
                except OSError:
                    return


class Socks5Server:
    """A threaded SOCKS5 server on ``127.0.0.1:port`` (port 0: the OS picks one).

    ``url`` is ``socks5h://127.0.0.1:PORT``; ``requests`` lists ``(host, port)`` per CONNECT;
    ``names`` maps names to the addresses the proxy connects to (an onion to 127.0.0.1);
    with ``only_names``, any other name is one the proxy cannot resolve (reply 4, "host
    unreachable", as Tor answers) and no lookup leaves the machine;
    :meth:`close` (or leaving the ``with`` block) stops it and closes every relay.
    """

    def __init__(
        self, port: int = 0, *, names: dict[str, str] | None = None, only_names: bool = False
    ) -> None:
        self._names = dict(names or {})  # name -> address, as Tor maps an onion to its service
        self._only_names = only_names
        self._listener = socket.create_server(("127.0.0.1", port))
        # Set here, not in the accept thread: a server closed at once would close the
        # socket before that thread ran.
        self._listener.settimeout(0.2)
        self.port: int = self._listener.getsockname()[1]
        self.url = f"socks5h://127.0.0.1:{self.port}"
        self.requests: list[tuple[str, int]] = []
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._accept_thread = threading.Thread(target=self._accept, name="socks5", daemon=True)
        self._accept_thread.start()

    def __enter__(self) -> Socks5Server:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        self._accept_thread.join(timeout=5)
        for thread in list(self._threads):
            thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            with self._lock:
                self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        try:
            client.settimeout(10)
            version, count = _recv_exact(client, 2)
            methods = _recv_exact(client, count)
            if version != 5 or 0 not in methods:
                client.sendall(b"\x05\xff")
                return
            client.sendall(b"\x05\x00")
            version, command, _, atyp = _recv_exact(client, 4)
            if atyp == _ATYP_IPV4:
                host = str(ipaddress.IPv4Address(_recv_exact(client, 4)))
            elif atyp == _ATYP_IPV6:
                host = str(ipaddress.IPv6Address(_recv_exact(client, 16)))
            elif atyp == _ATYP_DOMAIN:
                host = _recv_exact(client, _recv_exact(client, 1)[0]).decode("ascii")
            else:
                self._reply(client, _REP_ATYP)
                return
            (port,) = struct.unpack("!H", _recv_exact(client, 2))
            if version != 5 or command != _CONNECT:
                self._reply(client, _REP_CMD)
                return
            with self._lock:
                self.requests.append((host, port))
            if self._only_names and atyp == _ATYP_DOMAIN and host not in self._names:
                self._reply(client, _REP_HOST_UNREACHABLE)
                return
            try:
                upstream = socket.create_connection((self._names.get(host, host), port), timeout=10)
            except OSError:
                self._reply(client, _REP_REFUSED)
                return
            self._reply(client, _REP_OK)
            client.settimeout(None)
            upstream.settimeout(None)
            relay(client, upstream, self._stop)
        except (OSError, ValueError, UnicodeDecodeError):
            return
        finally:
            with contextlib.suppress(OSError):
                client.close()
            if upstream is not None:
                with contextlib.suppress(OSError):
                    upstream.close()

    @staticmethod
    def _reply(client: socket.socket, code: int) -> None:
        with contextlib.suppress(OSError):
            client.sendall(bytes([5, code, 0, _ATYP_IPV4]) + bytes(4) + b"\x00\x00")
