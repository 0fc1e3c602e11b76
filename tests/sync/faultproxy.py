"""A fault-injecting TCP proxy on 127.0.0.1 for tests: put it between a client and a server.

It relays bytes and, per TCP connection, applies one :class:`Fault`. It does not parse HTTP;
it counts **turns**: with HTTP/1.1 (no pipelining) a client sends a request, then the
server answers, so the n-th burst of client bytes on a connection is the n-th request and
the n-th burst of server bytes the n-th response (over TLS the handshake flights count as
turns too — the tests use it with plain HTTP). Every fault ends its connection, so a
client with keep-alive opens a new one afterwards, which takes the next fault.

API::

    from tests.sync.faultproxy import FaultProxy, Fault

    with FaultProxy("http://127.0.0.1:8443") as proxy:   # or FaultProxy(("127.0.0.1", 8443))
        client_url = proxy.url                            # "http://127.0.0.1:<proxy port>"
        proxy.push(Fault.drop_response(), Fault.cut_request(after_bytes=300))  # next conns
        proxy.rule = lambda index: Fault.delay(0.5)       # when the queue is empty (optional)
        proxy.down = True                                 # reset every new connection at once
        proxy.connections                                 # connections accepted so far
        proxy.applied                                     # [(connection index, Fault)] that fired

Faults (``nth`` counts from 1 on the connection):

- ``Fault.passthrough()`` — relay untouched (the default for a connection without a fault).
- ``Fault.refuse()`` — reset the connection as soon as it is accepted (nothing relayed).
- ``Fault.reset(nth=1)`` — reset the client when its ``nth`` request begins; nothing of it
  reaches the server.
- ``Fault.cut_request(after_bytes, nth=1)`` — relay only the first ``after_bytes`` bytes of
  the ``nth`` request, then reset the client and close the server side (the server sees a
  truncated request and stores nothing).
- ``Fault.drop_response(nth=1)`` — relay the ``nth`` request whole, wait for the server's
  first response bytes (so the server has finished and committed), throw the response away
  and reset the client: the client cannot tell whether its request landed.
- ``Fault.delay(seconds, nth=1, where="response")`` — hold the ``nth`` response (or request,
  ``where="request"``) for ``seconds`` before relaying it; the connection then carries on.
  A delay longer than the client's read timeout makes it time out after the server did the
  work. (Only this fault keeps the connection alive.)

Resets use ``SO_LINGER`` 0, so the client gets ``ECONNRESET`` at once. Threads are daemons;
:meth:`FaultProxy.close` stops accepting and closes every open relay.
"""

from __future__ import annotations

import contextlib
import select
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Literal
from urllib.parse import urlsplit

FaultKind = Literal["pass", "refuse", "reset", "cut_request", "drop_response", "delay"]


@dataclass(frozen=True)
class Fault:
    """One connection's fault; build with the class methods (see the module docstring)."""

    kind: FaultKind = "pass"
    nth: int = 1
    after_bytes: int = 0
    seconds: float = 0.0
    where: Literal["request", "response"] = "response"

    @classmethod
    def passthrough(cls) -> Fault:
        return cls("pass")

    @classmethod
    def refuse(cls) -> Fault:
        return cls("refuse")

    @classmethod
    def reset(cls, nth: int = 1) -> Fault:
        return cls("reset", nth=nth)

    @classmethod
    def cut_request(cls, after_bytes: int, nth: int = 1) -> Fault:
        return cls("cut_request", nth=nth, after_bytes=after_bytes)

    @classmethod
    def drop_response(cls, nth: int = 1) -> Fault:
        return cls("drop_response", nth=nth)

    @classmethod
    def delay(
        cls, seconds: float, nth: int = 1, where: Literal["request", "response"] = "response"
    ) -> Fault:
        return cls("delay", nth=nth, seconds=seconds, where=where)


def _reset(sock: socket.socket) -> None:
    """Close with an RST instead of a FIN."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()


class FaultProxy:
    """A threaded TCP proxy from ``127.0.0.1:port`` to ``target`` applying :class:`Fault`s.

    ``target`` is a URL (``http://127.0.0.1:8443``; its scheme is reused in :attr:`url`) or a
    ``(host, port)`` pair. Faults come from :meth:`push` (one per new connection, in order),
    then from :attr:`rule` (``rule(connection_index) -> Fault``) if set, else pass through.
    """

    def __init__(self, target: str | tuple[str, int], *, port: int = 0) -> None:
        if isinstance(target, str):
            parts = urlsplit(target)
            if parts.hostname is None or parts.port is None:
                raise ValueError("the target URL needs a host and a port")
            self.target: tuple[str, int] = (parts.hostname, parts.port)
            scheme = parts.scheme or "http"
        else:
            self.target = target
            scheme = "http"
        self._listener = socket.create_server(("127.0.0.1", port))
        self.port: int = self._listener.getsockname()[1]
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self.rule: Callable[[int], Fault] | None = None
        self.down = False
        self.connections = 0
        self.applied: list[tuple[int, Fault]] = []
        self._queue: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._open: set[socket.socket] = set()
        self._accept_thread = threading.Thread(target=self._accept, name="faultproxy", daemon=True)
        self._accept_thread.start()

    # --- public

    def push(self, *faults: Fault) -> None:
        """Queue faults for the next new connections, one each, in order."""
        with self._lock:
            self._queue.extend(faults)

    def pending(self) -> int:
        """Queued faults not yet given to a connection."""
        with self._lock:
            return len(self._queue)

    def close(self) -> None:
        """Stop accepting, close every relay, join the threads."""
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        self._accept_thread.join(timeout=5)
        with self._lock:
            open_sockets = list(self._open)
        for sock in open_sockets:
            with contextlib.suppress(OSError):
                sock.close()
        for thread in list(self._threads):
            thread.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- internals

    def _next_fault(self, index: int) -> Fault:
        with self._lock:
            if self.down:
                return Fault.refuse()
            if self._queue:
                return self._queue.popleft()
        if self.rule is not None:
            return self.rule(index)
        return Fault.passthrough()

    def _fired(self, index: int, fault: Fault) -> None:
        with self._lock:
            self.applied.append((index, fault))

    def _accept(self) -> None:
        self._listener.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                index = self.connections
                self.connections += 1
            thread = threading.Thread(
                target=self._serve, args=(client, index), name=f"faultproxy-{index}", daemon=True
            )
            with self._lock:
                self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket, index: int) -> None:
        fault = self._next_fault(index)
        if fault.kind == "refuse":
            self._fired(index, fault)
            _reset(client)
            return
        try:
            upstream = socket.create_connection(self.target, timeout=10)
        except OSError:
            _reset(client)
            return
        with self._lock:
            self._open.update((client, upstream))
        try:
            self._relay(client, upstream, index, fault)
        finally:
            with self._lock:
                self._open.discard(client)
                self._open.discard(upstream)
            with contextlib.suppress(OSError):
                client.close()
            with contextlib.suppress(OSError):
                upstream.close()

    def _relay(
        self, client: socket.socket, upstream: socket.socket, index: int, fault: Fault
    ) -> None:
        requests_seen = responses_seen = 0
        last: str | None = None
        budget = fault.after_bytes
        for sock in (client, upstream):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.settimeout(None)
        while not self._stop.is_set():
            try:
                readable, _, _ = select.select([client, upstream], [], [], 0.2)
            except (OSError, ValueError):
                return
            for sock in readable:
                try:
                    data = sock.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                try:
                    if sock is client:
                        if last != "c":
                            requests_seen += 1
                            last = "c"
                            hit = fault.nth == requests_seen
                            if hit and fault.kind == "reset":
                                self._fired(index, fault)
                                _reset(client)
                                return
                            if hit and fault.kind == "delay" and fault.where == "request":
                                self._fired(index, fault)
                                time.sleep(fault.seconds)
                        if fault.kind == "cut_request" and fault.nth == requests_seen:
                            upstream.sendall(data[:budget])
                            budget -= min(budget, len(data))
                            if budget == 0:
                                self._fired(index, fault)
                                time.sleep(0.05)  # let the partial bytes reach the server
                                _reset(client)
                                return
                            continue
                        upstream.sendall(data)
                    else:
                        if last != "s":
                            responses_seen += 1
                            last = "s"
                            hit = fault.nth == responses_seen
                            if hit and fault.kind == "drop_response":
                                self._fired(index, fault)
                                _reset(client)
                                return
                            if hit and fault.kind == "delay" and fault.where == "response":
                                self._fired(index, fault)
                                time.sleep(fault.seconds)
                        client.sendall(data)
                except OSError:
                    return
