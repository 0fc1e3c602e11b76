"""More faults for tests/sync/faultproxy.py's proxy: slow trickle, stall, a response cut
half-way, and a duplicated response.

`ChaosProxy` is a `FaultProxy` whose connections may also get a `Chaos` fault (build them
with the class methods); the proxy's own faults (refuse, reset, cut_request,
drop_response, delay) work as before. Turns are counted as there: the n-th burst of client
bytes on a connection is its n-th request, the n-th burst of server bytes its n-th response.

- ``Chaos.trickle(piece, pause, limit)`` — relay both ways in pieces of ``piece`` bytes
  with ``pause`` s between them, for the first ``limit`` bytes of each direction.
- ``Chaos.stall(seconds, nth)`` — when the ``nth`` request begins, relay nothing for
  ``seconds``, then reset the client (a link that hangs, then dies).
- ``Chaos.cut_response(after_bytes, nth)`` — relay only the first ``after_bytes`` bytes of
  the ``nth`` response, then reset the client (a reply torn in the middle).
- ``Chaos.duplicate_response(nth)`` — collect the ``nth`` response whole (until the server
  is quiet for 50 ms), send it to the client twice, and carry on: the next request on that
  connection reads the copy as its answer (a broken middlebox or cache).
"""

from __future__ import annotations

import select
import socket
import time
from dataclasses import dataclass
from typing import Literal

from tests.sync.faultproxy import Fault, FaultProxy, _reset

ChaosKind = Literal["", "trickle", "stall", "cut_response", "duplicate_response"]


@dataclass(frozen=True)
class Chaos(Fault):
    """A `Fault` with one of the extra behaviours (``chaos``); ``kind`` stays "pass"."""

    chaos: ChaosKind = ""
    piece: int = 0
    pause: float = 0.0
    limit: int = 0

    @classmethod
    def trickle(cls, piece: int, pause: float, limit: int) -> Chaos:
        return cls(chaos="trickle", piece=piece, pause=pause, limit=limit)

    @classmethod
    def stall(cls, seconds: float, nth: int = 1) -> Chaos:
        return cls(chaos="stall", seconds=seconds, nth=nth)

    @classmethod
    def cut_response(cls, after_bytes: int, nth: int = 1) -> Chaos:
        return cls(chaos="cut_response", after_bytes=after_bytes, nth=nth)

    @classmethod
    def duplicate_response(cls, nth: int = 1) -> Chaos:
        return cls(chaos="duplicate_response", nth=nth)


class ChaosProxy(FaultProxy):
    """A `FaultProxy` that also applies `Chaos` faults."""

    def _relay(
        self, client: socket.socket, upstream: socket.socket, index: int, fault: Fault
    ) -> None:
        if not isinstance(fault, Chaos) or not fault.chaos:
            super()._relay(client, upstream, index, fault)
            return
        for sock in (client, upstream):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.settimeout(None)
        requests_seen = responses_seen = 0
        last: str | None = None
        sent = {"c": 0, "s": 0}
        budget = fault.after_bytes
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
                side = "c" if sock is client else "s"
                other = upstream if sock is client else client
                try:
                    if side == "c" and last != "c":
                        requests_seen += 1
                        if fault.chaos == "stall" and fault.nth == requests_seen:
                            self._fired(index, fault)
                            deadline = time.monotonic() + fault.seconds
                            while time.monotonic() < deadline and not self._stop.is_set():
                                time.sleep(0.05)
                            _reset(client)
                            return
                    if side == "s" and last != "s":
                        responses_seen += 1
                        hit = fault.nth == responses_seen
                        if hit and fault.chaos == "duplicate_response":
                            whole = data + self._rest_of_response(upstream)
                            self._fired(index, fault)
                            client.sendall(whole + whole)
                            last = side
                            continue
                    last = side
                    cutting = fault.chaos == "cut_response" and fault.nth == responses_seen
                    if cutting and side == "s":
                        client.sendall(data[:budget])
                        budget -= min(budget, len(data))
                        if budget == 0:
                            self._fired(index, fault)
                            time.sleep(0.05)
                            _reset(client)
                            return
                        continue
                    if fault.chaos == "trickle" and sent[side] < fault.limit:
                        if sent[side] == 0 and side == "c":
                            self._fired(index, fault)
                        for start in range(0, len(data), fault.piece):
                            other.sendall(data[start : start + fault.piece])
                            time.sleep(fault.pause)
                        sent[side] += len(data)
                        continue
                    other.sendall(data)
                except OSError:
                    return

    @staticmethod
    def _rest_of_response(upstream: socket.socket) -> bytes:
        """Whatever the server sends until it is quiet for 50 ms (at most 5 s)."""
        chunks: list[bytes] = []
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline:
            readable, _, _ = select.select([upstream], [], [], 0.05)
            if not readable:
                break
            data = upstream.recv(65536)
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks)
