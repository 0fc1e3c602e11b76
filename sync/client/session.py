"""The client's core: one server, one token, one ``requests`` session (pinning, proxy and
URL policy from :mod:`sync.transport`), and the request loop every call goes through —
JSON out, a size-capped streamed reply in, bounded time, retries with backoff and jitter
for what is safe to repeat, and a typed error (:mod:`sync.client.errors`) for anything
else. The calls themselves are in :mod:`sync.client.device`, :mod:`sync.client.desk` and
:mod:`sync.client.relay`; :class:`sync.client.SyncClient` has them all.
"""

from __future__ import annotations

import dataclasses
import email.utils
import hashlib
import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Self, TypeVar

import requests
import urllib3.exceptions

from sync import messages
from sync import wire as protocol  # the API's limits and codes, as the server names them
from sync.client.errors import (
    OFFLINE_HINT,
    RETRY_STATUSES,
    ConfigError,
    OfflineError,
    OverloadedError,
    SyncError,
    bad_response,
    error_for,
    oversized,
    transport_error,
)
from sync.messages import MessageError, Release
from sync.transport import (
    TransportConfigError,
    check_base_url,
    check_onion_route,
    check_proxy,
    make_session,
    normalize_fingerprint,
)

__all__ = [
    "DEVICES_REPLY_BYTES",
    "PAGE_REPLY_BYTES",
    "SMALL_REPLY_BYTES",
    "ClientConfig",
    "ClientSession",
    "check_page",
    "check_page_args",
    "normalize_proxy",
    "signing_key",
    "to_json",
]

KIB = 1024
MIB = 1024 * KIB
SMALL_REPLY_BYTES = 1 * MIB
"""Cap on every reply but pages and the device list (an upload's 100 results fit easily)."""
DEVICES_REPLY_BYTES = 8 * MIB
PAGE_REPLY_BYTES = (
    protocol.base64_length(max(protocol.MAX_PAGE_BYTES, protocol.MAX_ENVELOPE_BYTES))
    + protocol.MAX_PAGE_COUNT * KIB
    + 64 * KIB
)
"""Cap on a page of envelopes or messages: the page's bytes in base64 plus the JSON around."""
ERROR_REPLY_BYTES = 64 * KIB

_READ_CHUNK = 256 * KIB


@dataclass(frozen=True)
class ClientConfig:
    """How to reach one server.

    ``token``: the Bearer token (the invite token for :meth:`SyncClient.enroll`, the device
    or desk token after). ``tls_fingerprint``: hex SHA-256 of the server certificate's DER
    (from the invite); when set, https is required and pinned. ``proxy``: e.g.
    ``socks5h://127.0.0.1:9050`` (Tor; names resolve at the proxy).
    ``call_timeout`` bounds one request including retries and waits; ``max_retry_after``
    bounds a 429's wait; ``backoff_base``/``backoff_max`` shape the retry backoff.
    """

    base_url: str
    token: str | None = None
    tls_fingerprint: str | None = None
    proxy: str | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    retries: int = 4
    call_timeout: float = 300.0
    max_retry_after: float = 30.0
    backoff_base: float = 0.25
    backoff_max: float = 8.0


_M = TypeVar("_M")


@dataclass(frozen=True)
class _Reply:
    status: int
    body: bytes
    retry_after: float | None


class ClientSession:
    """One server and one token: the request loop, and the calls any token may make. Use as
    a context manager or call :meth:`close`. Raises :class:`ConfigError` at construction for
    refused settings."""

    def __init__(self, config: ClientConfig) -> None:
        try:
            fingerprint = (
                normalize_fingerprint(config.tls_fingerprint)
                if config.tls_fingerprint is not None
                else None
            )
            self._base = check_base_url(config.base_url, pinned=fingerprint is not None)
            proxy = check_proxy(config.proxy) if config.proxy is not None else None
            check_onion_route(self._base, proxy)
        except TransportConfigError as exc:
            raise ConfigError(str(exc), exc.reason) from None
        if config.token is not None and not protocol.TOKEN_PATTERN.fullmatch(config.token):
            raise ConfigError(
                "The token is not a Gatewatch token (43 characters): copy it again.",
                "bad_token",
            )
        if config.retries < 0 or min(config.connect_timeout, config.read_timeout) <= 0:
            raise ValueError("retries must be >= 0 and timeouts positive")
        self.config = config
        self.server_date: datetime | None = None
        """The ``Date`` of the last reply (UTC, to the second): the server's clock, which a
        desk compares with its own."""
        self._session = make_session(fingerprint, proxy)
        self._random = random.SystemRandom()

    # --- lifecycle

    def close(self) -> None:
        """Close pooled connections. The client must not be used afterwards."""
        self._session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- calls any token may make

    def health(self) -> dict[str, object]:
        """``GET /v1/health``: ``{"status": "ok", "version", "api"}``. Any token."""
        reply = self._call("GET", "/v1/health", idempotent=True, cap=SMALL_REPLY_BYTES)
        return dataclasses.asdict(self._parse(messages.Health, reply))

    def desk_signing_key(self) -> bytes | None:
        """``GET /v1/desk-signing-key`` (device or desk token): the desks' Ed25519 public
        key (32 bytes), or None until a desk registered it."""
        reply = self._call("GET", "/v1/desk-signing-key", idempotent=True, cap=SMALL_REPLY_BYTES)
        return signing_key(self._parse(messages.DeskSigningKey, reply))

    def release(self) -> Release:
        """``GET /v1/release`` (device or desk token): the latest signed release manifest,
        unchecked (sync/release.py verifies it against the pinned key)."""
        reply = self._call("GET", "/v1/release", idempotent=True, cap=SMALL_REPLY_BYTES)
        return self._parse(Release, reply)

    # --- the request loop

    def _call(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        params: dict[str, int] | None = None,
        idempotent: bool,
        cap: int,
        idempotency_key: str | None = None,
    ) -> bytes:
        """One API request with retries; the 200 reply's body, or a typed error."""
        config = self.config
        deadline = time.monotonic() + config.call_timeout
        headers: dict[str, str] = {}
        if config.token is not None:
            headers["Authorization"] = f"Bearer {config.token}"
        if body is not None:
            headers["Content-Type"] = "application/json"
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        attempt = 0
        while True:
            wait: float | None = None
            try:
                reply = self._send(method, path, body, params, headers, cap, deadline)
            except SyncError as error:
                retryable = isinstance(error, OfflineError) and (
                    idempotent or error.reason == "not_connected"
                )
                failure: SyncError = error
            else:
                if reply.status == 200:
                    return reply.body
                failure = error_for(reply.status, reply.body)
                if reply.status == 429 or isinstance(failure, OverloadedError):
                    retryable = True  # refused before anything was done: safe for all
                    if reply.retry_after is not None:
                        wait = min(reply.retry_after, config.max_retry_after)
                else:
                    retryable = reply.status in RETRY_STATUSES and idempotent
            attempt += 1
            if not retryable or attempt > config.retries:
                raise failure
            if wait is None:
                ceiling = min(config.backoff_max, config.backoff_base * 2 ** (attempt - 1))
                wait = ceiling / 2 + self._random.uniform(0, ceiling / 2)
            if time.monotonic() + wait >= deadline:
                raise failure
            time.sleep(wait)

    def _send(
        self,
        method: str,
        path: str,
        body: bytes | None,
        params: dict[str, int] | None,
        headers: dict[str, str],
        cap: int,
        deadline: float,
    ) -> _Reply:
        config = self.config
        try:
            response = self._session.request(
                method,
                self._base + path,
                data=body,
                params=params,
                headers=headers,
                timeout=(config.connect_timeout, config.read_timeout),
                stream=True,
                allow_redirects=False,
            )
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            raise transport_error(exc, proxied=config.proxy is not None) from exc
        try:
            status = response.status_code
            limit = cap if status == 200 else ERROR_REPLY_BYTES
            data = _read_capped(response, limit, deadline)
            retry_after = _retry_after(response.headers.get("Retry-After"))
            self.server_date = _http_date(response.headers.get("Date")) or self.server_date
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            response.close()
            raise transport_error(exc, proxied=config.proxy is not None) from exc
        except SyncError:
            response.close()
            raise
        response.raw.release_conn()
        return _Reply(status, data, retry_after)

    def _parse(self, model: type[_M], reply: bytes) -> _M:
        try:
            return messages.parse(model, reply)
        except MessageError:
            raise bad_response("its reply does not have the expected form") from None


# --- helpers -------------------------------------------------------------------------------


def signing_key(reply: messages.DeskSigningKey) -> bytes | None:
    if reply.public_key is None:
        return None
    try:
        raw = protocol.decode_base64(reply.public_key)
    except ValueError:
        raise bad_response("its desk signing key is not base64") from None
    if len(raw) != 32:
        raise bad_response("its desk signing key is not 32 bytes")
    return raw


def to_json(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def normalize_proxy(proxy: str | None) -> str | None:
    """The proxy as every connection uses it (``socks5://`` becomes ``socks5h://``: names
    are resolved by the proxy); None stays None. Raises :class:`ConfigError` (bad_proxy)."""
    if proxy is None or not proxy.strip():
        return None
    try:
        return check_proxy(proxy)
    except TransportConfigError as exc:
        raise ConfigError(str(exc), exc.reason) from None


def check_page_args(after: int, limit: int) -> None:
    if not 0 <= after <= protocol.MAX_CURSOR:
        raise ValueError("after is a cursor from 0 up")
    if not 1 <= limit <= protocol.MAX_PAGE_COUNT:
        raise ValueError(f"limit is 1 to {protocol.MAX_PAGE_COUNT}")


def check_page(
    after: int,
    limit: int,
    next_after: int,
    items: Sequence[messages.StoredEnvelope] | Sequence[messages.StoredMessage],
) -> list[bytes]:
    """Seqs ascending past ``after``, ``next_after`` the last one, data matching size/hash;
    returns each item's data, decoded."""
    if len(items) > limit:
        raise bad_response("it sent a page longer than asked")
    previous = after
    decoded: list[bytes] = []
    for item in items:
        if item.seq <= previous:
            raise bad_response("its page is out of order")
        previous = item.seq
        try:
            data = protocol.decode_base64(item.data)
        except ValueError:
            raise bad_response("an item's data is not base64") from None
        if len(data) != item.size or hashlib.sha256(data).hexdigest() != item.sha256:
            raise bad_response("an item's data does not match its size and hash")
        decoded.append(data)
    if next_after != previous:
        raise bad_response("its page cursor does not match the page")
    return decoded


def _read_capped(response: requests.Response, cap: int, deadline: float) -> bytes:
    """The body, read in chunks; refuse a compressed one, one over ``cap``, or one still
    arriving at ``deadline``."""
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise bad_response("it sent a compressed reply that was not asked for")
    declared = response.headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > cap:
        raise oversized()
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = response.raw.read(_READ_CHUNK, decode_content=False)
        if not chunk:
            break
        total += len(chunk)
        if total > cap:
            raise oversized()
        if time.monotonic() > deadline:
            raise OfflineError(f"The server is answering too slowly. {OFFLINE_HINT}", "timeout")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(min(int(value), 24 * 3600))
    return None  # an HTTP date or garbage: use the normal backoff


def _http_date(value: str | None) -> datetime | None:
    """An HTTP ``Date`` header as an aware UTC time; None when absent or not a date."""
    if value is None or len(value) > 64:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment.astimezone(UTC) if moment.tzinfo is not None else None
