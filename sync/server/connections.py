"""Connection discipline for the server's HTTP/1.1 protocol (uvicorn's h11 protocol).

uvicorn alone lets one client hold a connection for ever: a socket that sends nothing, or a
request trickled a byte at a time (every byte resets its keep-alive timer); and its
``limit_concurrency`` counts idle connections, so a few dozen held sockets answer every real
request with 503. Here, per connection:

- a request must start within ``idle_seconds`` of the connection opening or of the last
  response;
- its headers must all arrive within ``header_seconds`` of its first byte, and its body at
  no less than ``min_body_rate`` bytes/s after them, plus ``body_grace_seconds`` (sized for
  a slow Tor circuit carrying the largest batch);
- a response the client stops reading is dropped after ``write_stall_seconds``.

And across connections: at most ``max_connections``, ``max_per_address`` from one client
address. At a cap, a new connection evicts the one that has waited longest *without a
request in the application* (silent, idle or still sending headers); connections whose
request the application is handling are never evicted. Held sockets can then only shorten
one another's lives, never lock real clients out. Behind an onion service every client is
127.0.0.1, so there it is the eviction, not the per-address cap, that keeps the door open.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


@dataclass(frozen=True)
class ConnectionLimits:
    """Deadlines and caps applied to every connection (see the module doc)."""

    idle_seconds: float = 10.0
    header_seconds: float = 20.0
    body_grace_seconds: float = 20.0
    min_body_rate: float = 8 * 1024
    write_stall_seconds: float = 60.0
    max_connections: int = 2048
    max_per_address: int = 1024

    def __post_init__(self) -> None:
        if min(self.idle_seconds, self.header_seconds, self.write_stall_seconds) <= 0:
            raise ValueError("connection deadlines must be positive")
        if self.min_body_rate <= 0 or self.body_grace_seconds < 0:
            raise ValueError("the body deadline needs a positive rate and a grace >= 0")
        if self.max_connections < 1 or self.max_per_address < 1:
            raise ValueError("connection caps must be at least 1")


class ConnectionGuard:
    """The connections of one server and which of them may be evicted, oldest first.

    Runs on the event loop only (no locks). A connection is *waiting* from when it opens,
    or its last response ends, until its request's headers are complete.
    """

    def __init__(self, limits: ConnectionLimits) -> None:
        self.limits = limits
        self._all: set[GuardedH11Protocol] = set()
        self._per_address: dict[str, set[GuardedH11Protocol]] = {}
        self._waiting: OrderedDict[GuardedH11Protocol, None] = OrderedDict()
        self.evicted = 0
        self.refused = 0
        self.timed_out = 0

    def __len__(self) -> int:
        return len(self._all)

    def admit(self, connection: GuardedH11Protocol) -> bool:
        """Register a new connection, evicting a waiting one at a cap; False: refuse it."""
        address = connection.address
        peers = self._per_address.get(address, set())
        if len(peers) >= self.limits.max_per_address and not self._evict(peers):
            self.refused += 1
            return False
        if len(self._all) >= self.limits.max_connections and not self._evict(None):
            self.refused += 1
            return False
        self._all.add(connection)
        self._per_address.setdefault(address, set()).add(connection)
        self.mark_waiting(connection)
        return True

    def mark_waiting(self, connection: GuardedH11Protocol) -> None:
        self._waiting.pop(connection, None)
        self._waiting[connection] = None

    def mark_busy(self, connection: GuardedH11Protocol) -> None:
        self._waiting.pop(connection, None)

    def forget(self, connection: GuardedH11Protocol) -> None:
        self._all.discard(connection)
        self._waiting.pop(connection, None)
        peers = self._per_address.get(connection.address)
        if peers is not None:
            peers.discard(connection)
            if not peers:
                del self._per_address[connection.address]

    def _evict(self, among: set[GuardedH11Protocol] | None) -> bool:
        for candidate in self._waiting:
            if among is None or candidate in among:
                self.evicted += 1
                candidate.drop()
                return True
        return False


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol under a :class:`ConnectionGuard` (set by the server runner)."""

    guard: ConnectionGuard  # one per server: see `guarded_protocol`

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.address = ""
        self._deadline: asyncio.TimerHandle | None = None
        self._write_stall: asyncio.TimerHandle | None = None
        self._in_request = False  # the first byte of a request has arrived
        self._body_deadline_set = False
        self._dropped = False

    # -- asyncio.Protocol ---------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.address = self.client[0] if self.client else ""
        if not self.guard.admit(self):
            self.drop()
            return
        self._arm(self.guard.limits.idle_seconds)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        self._cancel_write_stall()
        self.guard.forget(self)
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._dropped:
            return
        if not self._in_request:
            self._in_request = True
            self._body_deadline_set = False
            self._arm(self.guard.limits.header_seconds)
        super().data_received(data)
        self._follow_request()

    def pause_writing(self) -> None:
        super().pause_writing()
        if self._write_stall is None:
            self._write_stall = self.loop.call_later(
                self.guard.limits.write_stall_seconds, self._expire
            )

    def resume_writing(self) -> None:
        super().resume_writing()
        if not self._dropped:  # a graceful drop's abort timer stays
            self._cancel_write_stall()

    # -- uvicorn hooks --------------------------------------------------------------------

    def on_response_complete(self) -> None:
        if self.conn.their_state is h11.SEND_BODY:
            # Answered (refused) before its body was read: the rest of the body is not
            # wanted, and reading it would let a refused client trickle it for ever.
            self.drop(graceful=True)
        self._in_request = False
        self._body_deadline_set = False
        if not self._dropped:
            self.guard.mark_waiting(self)
            self._arm(self.guard.limits.idle_seconds)
        super().on_response_complete()  # may handle a pipelined request at once
        self._follow_request()

    # -- internals ------------------------------------------------------------------------

    def _follow_request(self) -> None:
        """Move the deadline on as the request's headers, then its body, complete."""
        if self._dropped:
            return
        state = self.conn.their_state
        if state is h11.SEND_BODY:
            self.guard.mark_busy(self)
            if not self._body_deadline_set:
                self._body_deadline_set = True
                self._arm(self._body_seconds())
        elif state is not h11.IDLE:  # headers and body in (an upgrade or CONNECT request too)
            self.guard.mark_busy(self)
            self._disarm()

    def _body_seconds(self) -> float:
        limits = self.guard.limits
        length = 0
        for name, value in self.headers or ():
            if name == b"content-length" and value.isdigit():
                length = int(value)
        # A chunked body states no length: it gets the grace alone, then the gate's size
        # limit and this deadline bound it.
        return limits.body_grace_seconds + length / limits.min_body_rate

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._expire)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _cancel_write_stall(self) -> None:
        if self._write_stall is not None:
            self._write_stall.cancel()
            self._write_stall = None

    def _expire(self) -> None:
        self.guard.timed_out += 1
        self.drop()

    def drop(self, *, graceful: bool = False) -> None:
        """Close the connection: at once (too slow, or evicted), or ``graceful`` after
        what was written is sent, but no later than the write-stall deadline."""
        if self._dropped:
            return
        self._dropped = True
        self._disarm()
        self._cancel_write_stall()
        self.guard.forget(self)
        if graceful:
            self.transport.close()
            self._write_stall = self.loop.call_later(
                self.guard.limits.write_stall_seconds, self.transport.abort
            )
        else:
            self.transport.abort()


def guarded_protocol(guard: ConnectionGuard) -> type[GuardedH11Protocol]:
    """A protocol class bound to ``guard`` (one guard per server)."""
    return type("ServerH11Protocol", (GuardedH11Protocol,), {"guard": guard})
