"""The newsroom server client: enroll, upload, missing, pull, devices, messages.

One :class:`SyncClient` talks to one server with one token over one ``requests`` session
(see :mod:`sync.transport` for pinning, proxies and the URL policy). It is **not**
thread-safe: use it from one worker thread (network calls run on their own thread:
docs/architecture.md, "How a change flows"), or one client per thread.

What every call does:

- sends JSON, reads the reply as a stream with a size cap (an oversized reply is refused
  without being read to the end) and validates it with the ``sync.messages`` classes;
- bounds its time: ``connect_timeout`` per connection, ``read_timeout`` per socket read, and
  ``call_timeout`` for one request including its retries (:meth:`SyncClient.upload` makes one
  request per batch);
- retries, with exponential backoff and jitter, only what is safe to repeat: uploads (the
  server is idempotent by envelope id; each request also carries an ``Idempotency-Key``,
  the same across retries of that request), ``missing``, GETs and desk messages (idempotent
  by message id). Enrolment is one-time: it is retried only when the connection could not
  be opened at all (nothing was sent) or on 429. A 429 waits for ``Retry-After`` (at most
  ``max_retry_after`` seconds); 502/503/504 count as "offline for now";
- raises exactly one of the typed :class:`SyncError` subclasses below, whose ``str()`` is a
  plain sentence telling the user what to do and never contains a token or report content.

Nothing here stores anything: what was sent and what is queued is the caller's business.
Imports nothing from ``desktop/``.

The package: :mod:`~sync.client.session` (the request loop, pinning and retries, and the
calls any token makes), :mod:`~sync.client.device` (the correspondent's calls),
:mod:`~sync.client.desk` (the desk's), :mod:`~sync.client.relay` (relayed bundles),
:mod:`~sync.client.errors` (the typed errors).
"""

from __future__ import annotations

from sync.client.desk import DeskCalls
from sync.client.device import DeviceCalls
from sync.client.errors import (
    AlreadyEnrolledError,
    BadResponseError,
    CertificateError,
    ConfigError,
    OfflineError,
    OverloadedError,
    PinMismatchError,
    RevokedError,
    ServerRefusedError,
    SyncError,
    UnauthorizedError,
)
from sync.client.relay import RelayCalls
from sync.client.session import PAGE_REPLY_BYTES, ClientConfig, normalize_proxy
from sync.wire import DEFAULT_PAGE_COUNT

__all__ = [
    "DEFAULT_PAGE_COUNT",
    "PAGE_REPLY_BYTES",
    "AlreadyEnrolledError",
    "BadResponseError",
    "CertificateError",
    "ClientConfig",
    "ConfigError",
    "OfflineError",
    "OverloadedError",
    "PinMismatchError",
    "RevokedError",
    "ServerRefusedError",
    "SyncClient",
    "SyncError",
    "UnauthorizedError",
    "normalize_proxy",
]


class SyncClient(DeviceCalls, DeskCalls, RelayCalls):
    """A client for one newsroom server and one token, with every call (the server refuses
    those the token's kind may not make). Use as a context manager or call :meth:`close`.
    Raises :class:`ConfigError` at construction for refused settings."""
