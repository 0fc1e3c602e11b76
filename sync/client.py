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
"""

from __future__ import annotations

import dataclasses
import email.utils
import hashlib
import itertools
import json
import random
import re
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, TypeVar

import requests
import urllib3.exceptions

from sync import messages
from sync import wire as protocol  # the API's limits and codes, as the server names them
from sync.envelope import DESK_SENDER_ID, NewsroomPublicKey
from sync.messages import (
    DeviceInfo,
    EnrollResponse,
    EnvelopePage,
    MessageError,
    MessagePage,
    MessageReceipt,
    OpenedPage,
    Release,
    UploadResult,
)
from sync.payloads.bundle import MAX_RELAYED_BUNDLE
from sync.transport import (
    PinNotAppliedError,
    TransportConfigError,
    check_base_url,
    check_onion_route,
    check_proxy,
    make_session,
    normalize_fingerprint,
)
from sync.wire import DEFAULT_PAGE_COUNT

__all__ = [
    "DEFAULT_PAGE_COUNT",
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
MAX_SERVER_MESSAGE = 300
"""Characters of a server's error message passed on to the user."""

_UUID = re.compile(protocol.UUID_RE)
_READ_CHUNK = 256 * KIB
_RETRY_STATUSES = frozenset({502, 503, 504})

OFFLINE_HINT = (
    "This device is offline for now; queued reports stay on this device and are sent at "
    "the next sync."
)


# --- Errors --------------------------------------------------------------------------------


class SyncError(Exception):
    """Any failure of a sync call. ``reason`` is a short stable code; ``str(e)`` plain words
    saying what to do. ``completed`` holds the upload results received before the failure
    (only :meth:`SyncClient.upload` fills it)."""

    default_reason = "sync_failed"

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason: str = reason or self.default_reason
        self.completed: list[UploadResult] = []


class OfflineError(SyncError):
    """The server cannot be reached: refused, timed out, DNS, proxy down, connection cut,
    or a gateway saying the server is unavailable (502/503/504). Nothing is lost: retry later.
    """

    default_reason = "offline"


class OverloadedError(OfflineError):
    """The server said it is at its limit of requests (503 ``server_busy``): busy, or a
    flood of requests against it. Nothing is lost: retry later."""

    default_reason = "overloaded"


class UnauthorizedError(SyncError):
    """401: the server does not know the token (unknown, expired invite)."""

    default_reason = protocol.ERROR_UNAUTHENTICATED


class RevokedError(SyncError):
    """403 ``device_revoked`` / ``token_revoked``: the newsroom revoked this device or token."""

    default_reason = protocol.ERROR_DEVICE_REVOKED


class PinMismatchError(SyncError):
    """The server's TLS certificate is not the pinned one (possible interception)."""

    default_reason = "pin_mismatch"


class CertificateError(SyncError):
    """Without a pin: the server's TLS certificate failed normal validation."""

    default_reason = "tls_unverified"


class ServerRefusedError(SyncError):
    """Any other refusal: ``status`` (HTTP), ``error`` (the server's code), ``field``."""

    default_reason = "refused"

    def __init__(self, message: str, *, status: int, error: str, field: str | None = None) -> None:
        super().__init__(message, error)
        self.status = status
        self.error = error
        self.field = field


class AlreadyEnrolledError(ServerRefusedError):
    """409 ``already_enrolled`` on enrolment: the invite's token was used already."""


class BadResponseError(SyncError):
    """The server's reply broke the protocol: not JSON, wrong shape, oversized, inconsistent."""

    default_reason = "bad_response"


class ConfigError(SyncError):
    """The settings are refused before anything is sent (plain http to the network, an onion
    address without Tor, a bad fingerprint, URL, proxy or token). ``reason``: insecure_url,
    onion_needs_tor, bad_url, bad_fingerprint, bad_proxy, bad_token."""

    default_reason = "bad_config"


# --- Configuration -------------------------------------------------------------------------


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


# --- The client ----------------------------------------------------------------------------


class SyncClient:
    """A client for one newsroom server and one token. Use as a context manager or call
    :meth:`close`. Raises :class:`ConfigError` at construction for refused settings."""

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

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- API

    def health(self) -> dict[str, object]:
        """``GET /v1/health``: ``{"status": "ok", "version", "api"}``. Any token."""
        reply = self._call("GET", "/v1/health", idempotent=True, cap=SMALL_REPLY_BYTES)
        return dataclasses.asdict(self._parse(messages.Health, reply))

    def enroll(self, device_public_key: bytes, label: str | None = None) -> EnrollResponse:
        """``POST /v1/enroll`` with the invite token: register the device's Ed25519 key.

        Checks that the returned newsroom key has the returned fingerprint and that the
        device id and device token are well formed (:class:`BadResponseError`); the caller
        must still compare that fingerprint with the invite's, and keep ``device_token``
        (the invite token is dead once it is issued). Not retried once the request may have
        reached the server: after an :class:`OfflineError` the caller may call again; if the
        first attempt had landed, the invite is spent and the server answers
        :class:`UnauthorizedError` (``already_enrolled`` from servers that kept invites).
        """
        if len(device_public_key) != 32:
            raise ValueError("an Ed25519 public key is 32 bytes")
        body: dict[str, Any] = {"device_public_key": protocol.encode_base64(device_public_key)}
        if label is not None:
            body["label"] = label
        try:
            reply = self._call(
                "POST", "/v1/enroll", body=_json(body), idempotent=False, cap=SMALL_REPLY_BYTES
            )
        except UnauthorizedError as error:
            if error.reason != protocol.ERROR_UNAUTHENTICATED:
                raise
            raise UnauthorizedError(
                "The server does not know this invite: it was already used to enroll a device "
                "(an invite works once; see the devices list), revoked, or is for another "
                "server. Ask the newsroom admin for a new invite.",
                error.reason,
            ) from None
        response = self._parse(EnrollResponse, reply)
        try:
            key = NewsroomPublicKey.from_text(response.newsroom_public_key)
        except ValueError:
            raise _bad_response("the newsroom key it sent is not a key") from None
        if key.fingerprint != response.newsroom_fingerprint:
            raise _bad_response("the newsroom key does not have the fingerprint it claims")
        if not re.fullmatch(protocol.DEVICE_ID_RE, response.device_id):
            raise _bad_response("the device id it sent is not a device id")
        if response.device_id == DESK_SENDER_ID:  # the desks' sender id is never a device's
            raise _bad_response("the device id it sent is the desks' own")
        if response.device_token is not None and not protocol.TOKEN_PATTERN.fullmatch(
            response.device_token
        ):
            raise _bad_response("the device token it sent is not a token")
        return response

    def upload(
        self,
        envelopes: Sequence[tuple[str, bytes]],
        *,
        on_batch: Callable[[list[UploadResult]], None] | None = None,
        route: str = "/v1/envelopes",
    ) -> list[UploadResult]:
        """``POST /v1/envelopes`` (a desk's reviews: ``route="/v1/reviews"``) in batches
        within the protocol's limits (100 envelopes, 36 MiB). Returns one
        :class:`UploadResult` per envelope, in the given order.

        Envelopes the server would refuse anyway are not sent and get a local result with
        ``ok=False``: an id that is not a canonical UUID (``malformed``, 422), an empty or
        over-32-MiB envelope (``malformed`` 422 / ``oversized`` 413). ``on_batch`` is
        called with each batch's results as soon as they arrive (store receipts there). On a
        failure the error's ``completed`` holds the results of the batches done before it.
        Safe to call again with the same envelopes: the server returns the same receipts.
        """
        results: dict[int, UploadResult] = {}
        batch: list[int] = []
        batch_bytes = 0

        def flush() -> None:
            nonlocal batch, batch_bytes
            if not batch:
                return
            try:
                got = self._upload_batch([envelopes[i] for i in batch], route)
            except SyncError as exc:
                exc.completed = [results[i] for i in sorted(results)]
                raise
            for index, item in zip(batch, got, strict=True):
                results[index] = item
            if on_batch is not None:
                on_batch(got)
            batch, batch_bytes = [], 0

        for index, (envelope_id, data) in enumerate(envelopes):
            local = _local_refusal(envelope_id, data)
            if local is not None:
                results[index] = local
                continue
            if batch and (
                len(batch) >= protocol.MAX_BATCH_COUNT
                or batch_bytes + len(data) > protocol.MAX_BATCH_BYTES
            ):
                flush()
            batch.append(index)
            batch_bytes += len(data)
        flush()
        return [results[i] for i in range(len(envelopes))]

    def _upload_batch(self, batch: list[tuple[str, bytes]], route: str) -> list[UploadResult]:
        body = _json(
            {
                "envelopes": [
                    {"envelope_id": eid, "data": protocol.encode_base64(data)}
                    for eid, data in batch
                ]
            }
        )
        reply = self._call(
            "POST",
            route,
            body=body,
            idempotent=True,
            cap=SMALL_REPLY_BYTES,
            idempotency_key=str(uuid.uuid4()),
        )
        got = self._parse(messages.UploadResponse, reply).results
        if [r.envelope_id for r in got] != [eid for eid, _ in batch]:
            raise _bad_response("its upload results do not match the envelopes sent")
        for (_, data), item in zip(batch, got, strict=True):
            if item.ok and (
                item.receipt is None or item.receipt.sha256 != hashlib.sha256(data).hexdigest()
            ):
                raise _bad_response("a receipt does not match the envelope sent")
        return got

    def missing(self, envelope_ids: Sequence[str]) -> list[str]:
        """``POST /v1/envelopes/missing``: the given ids this device has not stored yet, in
        the given order (asked in chunks of 1000). Raises ``ValueError`` for an id that is
        not a canonical UUID."""
        for eid in envelope_ids:
            if not _UUID.fullmatch(eid):
                raise ValueError("envelope ids are canonical lowercase UUIDs")
        out: list[str] = []
        for start in range(0, len(envelope_ids), protocol.MAX_MISSING_IDS):
            chunk = list(envelope_ids[start : start + protocol.MAX_MISSING_IDS])
            reply = self._call(
                "POST",
                "/v1/envelopes/missing",
                body=_json({"envelope_ids": chunk}),
                idempotent=True,
                cap=SMALL_REPLY_BYTES,
            )
            got = self._parse(messages.MissingResponse, reply).missing
            if not set(got) <= set(chunk):
                raise _bad_response("it listed ids that were not asked about")
            out.extend(got)
        return out

    def pull(self, after: int, limit: int = DEFAULT_PAGE_COUNT) -> EnvelopePage:
        """``GET /v1/envelopes`` (desk token): the page of envelopes with ``seq > after``.
        Ask again with ``after=page.next_after`` while ``page.more``. Each envelope's data
        is checked against its size and SHA-256; ``data`` stays base64 (decode with
        :func:`sync.protocol.decode_base64`)."""
        _check_page_args(after, limit)
        reply = self._call(
            "GET",
            "/v1/envelopes",
            params={"after": after, "limit": limit},
            idempotent=True,
            cap=PAGE_REPLY_BYTES,
        )
        page = self._parse(EnvelopePage, reply)
        _check_page(after, limit, page.next_after, page.envelopes)
        return page

    def acknowledge(self, through: int) -> int:
        """``POST /v1/envelopes/ack`` (desk token): every envelope up to ``through`` is
        stored at this desk, so the server may delete its bytes once every desk due it has
        said so. Idempotent; returns the desk's acknowledgement cursor on the server."""
        _check_page_args(through, 1)
        body = _json({"through": through})
        reply = self._call(
            "POST", "/v1/envelopes/ack", body=body, idempotent=True, cap=SMALL_REPLY_BYTES
        )
        return self._parse(messages.AckResponse, reply).acknowledged

    def devices(self) -> list[DeviceInfo]:
        """``GET /v1/devices`` (desk token): every device the server knows."""
        reply = self._call("GET", "/v1/devices", idempotent=True, cap=DEVICES_REPLY_BYTES)
        return self._parse(messages.DeviceList, reply).devices

    def post_message(self, device_id: str, message_id: str, data: bytes) -> MessageReceipt:
        """``POST /v1/messages`` (desk token): queue an opaque sealed message for a device.
        Idempotent by ``message_id`` (a UUID the desk chooses), so it is retried."""
        if not _UUID.fullmatch(message_id):
            raise ValueError("a message id is a canonical lowercase UUID")
        if not data or len(data) > protocol.MAX_ENVELOPE_BYTES:
            raise ValueError("a message is 1 byte to 32 MiB")
        body = _json(
            {"device_id": device_id, "message_id": message_id, "data": protocol.encode_base64(data)}
        )
        reply = self._call(
            "POST", "/v1/messages", body=body, idempotent=True, cap=SMALL_REPLY_BYTES
        )
        receipt = self._parse(MessageReceipt, reply)
        if (
            receipt.message_id != message_id
            or receipt.device_id != device_id
            or receipt.sha256 != hashlib.sha256(data).hexdigest()
        ):
            raise _bad_response("the message receipt does not match the message sent")
        return receipt

    def messages(self, after: int, limit: int = DEFAULT_PAGE_COUNT) -> MessagePage:
        """``GET /v1/messages`` (device token): this device's messages with ``seq > after``,
        paged like :meth:`pull`, each checked against its size and SHA-256."""
        _check_page_args(after, limit)
        reply = self._call(
            "GET",
            "/v1/messages",
            params={"after": after, "limit": limit},
            idempotent=True,
            cap=PAGE_REPLY_BYTES,
        )
        page = self._parse(MessagePage, reply)
        _check_page(after, limit, page.next_after, page.messages)
        return page

    def post_opened(self, device_id: str, data: bytes) -> int:
        """``POST /v1/opened`` (desk token): keep a desk-signed opened list for a device.
        Idempotent by the list's bytes, so retried; returns its number on the server."""
        if not data or len(data) > protocol.MAX_ENVELOPE_BYTES:
            raise ValueError("an opened list is 1 byte to 32 MiB")
        body = _json({"device_id": device_id, "data": protocol.encode_base64(data)})
        reply = self._call("POST", "/v1/opened", body=body, idempotent=True, cap=SMALL_REPLY_BYTES)
        return self._parse(messages.OpenedReceipt, reply).seq

    def opened(self, after: int, limit: int = DEFAULT_PAGE_COUNT) -> OpenedPage:
        """``GET /v1/opened`` (device token): opened lists for this device past ``after``;
        the server forgets those up to ``after``. Each list is checked by the caller."""
        _check_page_args(after, limit)
        reply = self._call(
            "GET",
            "/v1/opened",
            params={"after": after, "limit": limit},
            idempotent=True,
            cap=PAGE_REPLY_BYTES,
        )
        page = self._parse(OpenedPage, reply)
        if len(page.lists) > limit:
            raise _bad_response("it sent a page longer than asked")
        seqs = [after, *(item.seq for item in page.lists)]
        if any(b <= a for a, b in itertools.pairwise(seqs)) or page.next_after < seqs[-1]:
            raise _bad_response("its page is out of order")
        return page

    def register_encryption_key(self, encryption_key: str, signature: bytes) -> str:
        """``PUT /v1/device/encryption-key`` (device token): register the public key desks
        seal follow-up questions to, signed by the device (see
        :func:`sync.protocol.encryption_key_statement`). Idempotent for the same key, so
        retried; another key already registered is a ``ServerRefusedError``
        (``key_conflict``, 409). Returns the key's fingerprint as the server computed it."""
        body = _json(
            {"encryption_key": encryption_key, "signature": protocol.encode_base64(signature)}
        )
        reply = self._call(
            "PUT", "/v1/device/encryption-key", body=body, idempotent=True, cap=SMALL_REPLY_BYTES
        )
        answer = self._parse(messages.EncryptionKeyResponse, reply)
        if answer.encryption_key != encryption_key:
            raise _bad_response("the server confirmed another encryption key")
        return answer.fingerprint

    def relay_bundle(self, data: bytes) -> int:
        """``POST /v1/bundles`` (device token): hand over a bundle this device cannot
        open, for the desks; return its number. Idempotent (the same bytes keep their
        number), so retried."""
        if not data or len(data) > MAX_RELAYED_BUNDLE:
            raise ValueError("a relayed bundle is 1 byte to 64 MiB")
        body = _json({"data": protocol.encode_base64(data)})
        reply = self._call("POST", "/v1/bundles", body=body, idempotent=True, cap=SMALL_REPLY_BYTES)
        receipt = self._parse(messages.BundleReceipt, reply)
        if receipt.size != len(data) or receipt.seq < 1:
            raise _bad_response("the bundle receipt does not match the bundle sent")
        return receipt.seq

    def relayed_bundle(self, after: int) -> tuple[int, bytes] | None:
        """``GET /v1/bundles`` (desk token): the next relayed bundle after ``after`` as
        ``(seq, bytes)``, or None when there is none."""
        _check_page_args(after, 1)
        reply = self._call(
            "GET",
            "/v1/bundles",
            params={"after": after},
            idempotent=True,
            cap=protocol.base64_length(MAX_RELAYED_BUNDLE) + 64 * KIB,
        )
        page = self._parse(messages.BundlePage, reply)
        if not page.bundles:
            return None
        [bundle] = page.bundles[:1]
        if bundle.seq <= after or len(page.bundles) > 1:
            raise _bad_response("the relayed bundle page is out of order")
        try:
            return bundle.seq, protocol.decode_base64(bundle.data)
        except ValueError:
            raise _bad_response("a relayed bundle is not valid base64") from None

    def desk_signing_key(self) -> bytes | None:
        """``GET /v1/desk-signing-key`` (device or desk token): the desks' Ed25519 public
        key (32 bytes), or None until a desk registered it."""
        reply = self._call("GET", "/v1/desk-signing-key", idempotent=True, cap=SMALL_REPLY_BYTES)
        return _signing_key(self._parse(messages.DeskSigningKey, reply))

    def release(self) -> Release:
        """``GET /v1/release`` (device or desk token): the latest signed release manifest,
        unchecked (sync/release.py verifies it against the pinned key)."""
        reply = self._call("GET", "/v1/release", idempotent=True, cap=SMALL_REPLY_BYTES)
        return self._parse(Release, reply)

    def register_desk_signing_key(self, public_key: bytes) -> None:
        """``PUT /v1/desk-signing-key`` (desk token): register the desks' signing key.
        Idempotent for the same key; another one is ``ServerRefusedError``
        (``key_conflict``, 409)."""
        if len(public_key) != 32:
            raise ValueError("an Ed25519 public key is 32 bytes")
        body = _json({"public_key": protocol.encode_base64(public_key)})
        reply = self._call(
            "PUT", "/v1/desk-signing-key", body=body, idempotent=True, cap=SMALL_REPLY_BYTES
        )
        if _signing_key(self._parse(messages.DeskSigningKey, reply)) != public_key:
            raise _bad_response("the server confirmed another desk signing key")

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
                failure = _error_for(reply)
                if reply.status == 429 or isinstance(failure, OverloadedError):
                    retryable = True  # refused before anything was done: safe for all
                    if reply.retry_after is not None:
                        wait = min(reply.retry_after, config.max_retry_after)
                else:
                    retryable = reply.status in _RETRY_STATUSES and idempotent
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
            raise _transport_error(exc, proxied=config.proxy is not None) from exc
        try:
            status = response.status_code
            limit = cap if status == 200 else ERROR_REPLY_BYTES
            data = _read_capped(response, limit, deadline)
            retry_after = _retry_after(response.headers.get("Retry-After"))
            self.server_date = _http_date(response.headers.get("Date")) or self.server_date
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            response.close()
            raise _transport_error(exc, proxied=config.proxy is not None) from exc
        except SyncError:
            response.close()
            raise
        response.raw.release_conn()
        return _Reply(status, data, retry_after)

    def _parse(self, model: type[_M], reply: bytes) -> _M:
        try:
            return messages.parse(model, reply)
        except MessageError:
            raise _bad_response("its reply does not have the expected form") from None


# --- helpers -------------------------------------------------------------------------------


def _signing_key(reply: messages.DeskSigningKey) -> bytes | None:
    if reply.public_key is None:
        return None
    try:
        raw = protocol.decode_base64(reply.public_key)
    except ValueError:
        raise _bad_response("its desk signing key is not base64") from None
    if len(raw) != 32:
        raise _bad_response("its desk signing key is not 32 bytes")
    return raw


def _json(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _local_refusal(envelope_id: str, data: bytes) -> UploadResult | None:
    if not isinstance(envelope_id, str) or not _UUID.fullmatch(envelope_id):
        return UploadResult(
            envelope_id=str(envelope_id),
            ok=False,
            error="malformed",
            status=422,
            message="The envelope id is not a canonical UUID; the envelope was not sent.",
        )
    if not data:
        return UploadResult(
            envelope_id=envelope_id,
            ok=False,
            error="malformed",
            status=422,
            message="The envelope is empty; it was not sent.",
        )
    if len(data) > protocol.MAX_ENVELOPE_BYTES:
        return UploadResult(
            envelope_id=envelope_id,
            ok=False,
            error="oversized",
            status=413,
            message="The envelope is over 32 MiB; it was not sent.",
        )
    return None


def _check_page_args(after: int, limit: int) -> None:
    if not 0 <= after <= protocol.MAX_CURSOR:
        raise ValueError("after is a cursor from 0 up")
    if not 1 <= limit <= protocol.MAX_PAGE_COUNT:
        raise ValueError(f"limit is 1 to {protocol.MAX_PAGE_COUNT}")


def _check_page(
    after: int,
    limit: int,
    next_after: int,
    items: Sequence[messages.StoredEnvelope] | Sequence[messages.StoredMessage],
) -> None:
    """Seqs ascending past ``after``, ``next_after`` the last one, data matching size/hash."""
    if len(items) > limit:
        raise _bad_response("it sent a page longer than asked")
    previous = after
    for item in items:
        if item.seq <= previous:
            raise _bad_response("its page is out of order")
        previous = item.seq
        try:
            data = protocol.decode_base64(item.data)
        except ValueError:
            raise _bad_response("an item's data is not base64") from None
        if len(data) != item.size or hashlib.sha256(data).hexdigest() != item.sha256:
            raise _bad_response("an item's data does not match its size and hash")
    if next_after != previous:
        raise _bad_response("its page cursor does not match the page")


def _read_capped(response: requests.Response, cap: int, deadline: float) -> bytes:
    """The body, read in chunks; refuse a compressed one, one over ``cap``, or one still
    arriving at ``deadline``."""
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise _bad_response("it sent a compressed reply that was not asked for")
    declared = response.headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > cap:
        raise _oversized()
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = response.raw.read(_READ_CHUNK, decode_content=False)
        if not chunk:
            break
        total += len(chunk)
        if total > cap:
            raise _oversized()
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


def _clean(text: str) -> str:
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", text).strip()
    return text[:MAX_SERVER_MESSAGE]


def normalize_proxy(proxy: str | None) -> str | None:
    """The proxy as every connection uses it (``socks5://`` becomes ``socks5h://``: names
    are resolved by the proxy); None stays None. Raises :class:`ConfigError` (bad_proxy)."""
    if proxy is None or not proxy.strip():
        return None
    try:
        return check_proxy(proxy)
    except TransportConfigError as exc:
        raise ConfigError(str(exc), exc.reason) from None


def _error_for(reply: _Reply) -> SyncError:
    """The typed error for a non-200 reply."""
    code, server_message, field = "", "", None
    try:
        body = messages.parse(messages.ErrorBody, reply.body)
        code, server_message, field = body.error, _clean(body.message), body.field
    except MessageError:
        pass
    status = reply.status
    if status == 401:
        if code == protocol.ERROR_INVITE_EXPIRED:
            return UnauthorizedError(
                "The invite has expired. Ask the newsroom admin for a new invite.", code
            )
        return UnauthorizedError(
            "The server does not accept this device's token (unknown or expired). Ask the "
            "newsroom admin for a new invite; queued reports stay on this device.",
            code or protocol.ERROR_UNAUTHENTICATED,
        )
    if status == 403 and code == protocol.ERROR_DEVICE_REVOKED:
        return RevokedError(
            "This device was revoked by the newsroom; ask the newsroom admin for a new "
            "invite. Queued reports stay on this device.",
            code,
        )
    if status == 403 and code == protocol.ERROR_TOKEN_REVOKED:
        return RevokedError(
            "This desk token was revoked by the newsroom; ask the newsroom admin for a new "
            "desk token.",
            code,
        )
    if status == 503 and code == protocol.ERROR_SERVER_BUSY:
        return OverloadedError(
            "The newsroom server is overloaded or under attack and refused the request for "
            "now. Queued reports stay on this device and are sent at the next sync."
        )
    if status in _RETRY_STATUSES:
        return OfflineError(
            f"The newsroom server is not available right now (HTTP {status}). {OFFLINE_HINT}",
            "server_unavailable",
        )
    if status == 409 and code == protocol.ERROR_ALREADY_ENROLLED:
        return AlreadyEnrolledError(
            "This invite was already used to enroll a device. If this device's enrolment "
            "was cut off, it may have gone through: ask the newsroom admin to check the "
            "devices list, and for a new invite if needed.",
            status=status,
            error=code,
        )
    error = code or f"http_{status}"
    detail = f": {server_message}" if server_message else "."
    if status == 429:
        text = f"The server is busy with this token's requests; try again in a minute{detail}"
    elif status == 413:
        text = f"The server refused the request as too large{detail}"
    else:
        text = f"The server refused the request (HTTP {status}, {error}){detail}"
    return ServerRefusedError(text, status=status, error=error, field=field)


def _bad_response(what: str) -> BadResponseError:
    return BadResponseError(
        f"The server's reply is not valid: {what}. Check the server address, or ask the "
        "newsroom admin whether the server and this app are up to date.",
    )


def _oversized() -> BadResponseError:
    return BadResponseError(
        "The server's reply is larger than this app accepts; it was refused. Ask the newsroom "
        "admin to check the server.",
        "oversized_response",
    )


def _transport_error(exc: BaseException, *, proxied: bool) -> SyncError:
    """Map a requests/urllib3/socket exception to a typed error (never echoing a token)."""
    text = str(exc)
    if isinstance(exc, PinNotAppliedError):
        return PinMismatchError(
            "The connection could not be pinned to the newsroom's certificate, so nothing "
            "was sent. Update the app or report this to the newsroom admin.",
            "pin_not_applied",
        )
    if "Fingerprints did not match" in text:
        return PinMismatchError(
            "The server's TLS certificate is not the one in the invite: someone may be "
            "intercepting the connection, or the newsroom changed its certificate. Nothing "
            "was sent. Do not continue on this network; ask the newsroom admin."
        )
    if isinstance(exc, requests.exceptions.SSLError) and "CERTIFICATE_VERIFY_FAILED" in text:
        return CertificateError(
            "The server's TLS certificate could not be verified. Use the address and invite "
            "from the newsroom admin (the invite pins the certificate)."
        )
    if isinstance(exc, requests.exceptions.ConnectTimeout) or _never_connected(exc):
        where = "the proxy (is Tor running?) or the server" if proxied else "the server"
        return OfflineError(f"Could not connect to {where}. {OFFLINE_HINT}", "not_connected")
    if isinstance(exc, requests.exceptions.Timeout | urllib3.exceptions.TimeoutError):
        return OfflineError(f"The server did not answer in time. {OFFLINE_HINT}", "timeout")
    return OfflineError(f"The connection to the server was cut. {OFFLINE_HINT}", "connection_cut")


def _never_connected(exc: BaseException) -> bool:
    """Whether the failure happened before a connection existed (so nothing was sent)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(
            current,
            urllib3.exceptions.NewConnectionError
            | urllib3.exceptions.NameResolutionError
            | urllib3.exceptions.ConnectTimeoutError,
        ):
            return True
        if isinstance(current, urllib3.exceptions.MaxRetryError):
            current = current.reason
            continue
        args = getattr(current, "args", ())
        nested = args[0] if args and isinstance(args[0], BaseException) else None
        current = nested or current.__cause__ or current.__context__
    return False
