"""The gate every request passes before the API sees it (a pure ASGI middleware).

In this order, and before a byte of the body is read:

1. **Authenticate** the ``Authorization: Bearer`` token: unknown or malformed → 401; an
   expired invite → 401 ``invite_expired``.
2. **Rate-limit** per token (unauthenticated requests share one bucket) → 429 with
   ``Retry-After``.
3. Refuse a **revoked** device (403 ``device_revoked``, saying what to do) or desk token, and
   a token of the wrong kind for the route (403; an already enrolled device on
   ``/v1/enroll`` → 409).
4. **Size**: a ``Content-Length`` over the route's limit → 413 at once, before a slot is
   taken.
5. **Capacity**: an authenticated request takes one of ``max_active_requests`` slots (at
   most ``max_active_per_token`` per token) until it is answered; with none free → 503
   ``server_busy`` with ``Retry-After``. Requests refused above cost no slot, so clients
   without a token cannot use them up. Then the body is read from the stream and the read
   stops with 413 as soon as it passes the limit (chunked bodies included). Only then is
   the body handed to the API.
6. One **audit** row per request admitted, committed before the response's last byte is
   sent: token kind and id, method, route, status, sizes. A request refused above is only
   counted in memory (audit.py), so refusals cost the database nothing per request.

Every route needs a token; ``/openapi.json`` a desk token. A client without one learns
nothing about the software from the refusal (a generic 401).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import anyio
import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import protocol
from sync.payloads.bundle import MAX_RELAYED_BUNDLE
from sync.server.audit import RefusalCounter
from sync.server.config import ServerConfig
from sync.server.errors import ApiError
from sync.server.ratelimit import RateLimiter, retry_after_header
from sync.server.store import ServerStore, TokenKind, TokenRecord, token_hash

PRINCIPAL_SCOPE_KEY = "gatewatch.principal"
MAX_BUNDLE_REQUEST = protocol.base64_length(MAX_RELAYED_BUNDLE) + 4 * 1024
"""``POST /v1/bundles``: one relayed bundle, base64, in JSON (sync/server/bundles.py)."""
ANONYMOUS = "anonymous"
P = protocol.API_PREFIX
DEVICE: frozenset[TokenKind] = frozenset({"device"})
DESK: frozenset[TokenKind] = frozenset({"desk"})
ANY_TOKEN: frozenset[TokenKind] = frozenset({"device", "desk", "invite"})

REVOKED_DEVICE_MESSAGE = (
    "This device was revoked by the newsroom and can no longer send or receive. Reports "
    "still queued stay on this device. Contact your editor to enroll again with a new invite."
)


@dataclass(frozen=True)
class RouteRule:
    """Who may call a route (``None``: no token needed) and its request body limit."""

    allowed: frozenset[TokenKind] | None
    body_limit: int


def route_rules(config: ServerConfig) -> dict[tuple[str, str], RouteRule]:
    small, upload, message = (
        config.max_small_request,
        config.max_upload_request,
        config.max_message_request,
    )
    return {
        ("POST", f"{P}/enroll"): RouteRule(frozenset({"invite"}), small),
        ("POST", f"{P}/envelopes"): RouteRule(DEVICE, upload),
        ("POST", f"{P}/reviews"): RouteRule(DESK, upload),
        ("POST", f"{P}/relay"): RouteRule(DESK, upload),
        ("POST", f"{P}/envelopes/missing"): RouteRule(DEVICE, small),
        ("GET", f"{P}/envelopes"): RouteRule(DESK, small),
        ("GET", f"{P}/devices"): RouteRule(DESK, small),
        ("POST", f"{P}/messages"): RouteRule(DESK, message),
        ("GET", f"{P}/messages"): RouteRule(DEVICE, small),
        ("POST", f"{P}/opened"): RouteRule(DESK, message),
        ("GET", f"{P}/opened"): RouteRule(DEVICE, small),
        ("PUT", f"{P}/device/encryption-key"): RouteRule(DEVICE, small),
        ("PUT", f"{P}/desk-signing-key"): RouteRule(DESK, small),
        ("GET", f"{P}/desk-signing-key"): RouteRule(DEVICE | DESK, small),
        ("GET", f"{P}/release"): RouteRule(DEVICE | DESK, small),
        ("GET", f"{P}/health"): RouteRule(ANY_TOKEN, small),
        ("POST", f"{P}/envelopes/ack"): RouteRule(DESK, small),
        ("GET", "/openapi.json"): RouteRule(DESK, small),
        ("POST", f"{P}/bundles"): RouteRule(DEVICE, MAX_BUNDLE_REQUEST),
        ("GET", f"{P}/bundles"): RouteRule(DESK, small),
    }


def principal_of(scope: Scope) -> TokenRecord:
    """The authenticated token holder the gate put in the request scope."""
    record = scope.get(PRINCIPAL_SCOPE_KEY)
    if not isinstance(record, TokenRecord):  # pragma: no cover - the gate always sets it
        raise RuntimeError("request reached the API without passing the gate")
    return record


class Gate:
    """ASGI middleware: authenticate, rate-limit, size-limit, audit. See the module doc."""

    def __init__(
        self, app: ASGIApp, store: ServerStore, config: ServerConfig, counter: RefusalCounter
    ) -> None:
        self.app = app
        self.store = store
        self.audit_log = store.audit
        self.counter = counter
        self.config = config
        self.rules = route_rules(config)
        self.paths = {path for _, path in self.rules}
        self.limiter = RateLimiter(config.rate_burst, config.rate_per_second)
        self.active = 0  # requests holding a slot; the event loop is the only writer
        self.active_by_token: dict[str, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = str(scope["method"])
        path = str(scope["path"])
        outcome: dict[str, Any] = {
            "status": 0,
            "sent": 0,
            "received": 0,
            "who": None,
            "audited": False,
            "slot": None,  # the token whose slot this request holds
            "refused": False,
        }

        async def audit() -> None:
            outcome["audited"] = True
            who: TokenRecord | None = outcome["who"]
            route = path if path in self.paths else "other"
            if outcome["refused"] or who is None:
                # Refused: counted in memory, written as a count at most once a minute.
                self.counter.add(
                    token_kind=who.kind if who else ANONYMOUS,
                    method=method,
                    route=route,
                    status=outcome["status"],
                    request_bytes=outcome["received"],
                    response_bytes=outcome["sent"],
                )
                return
            # Shielded: a client that hangs up mid-response still leaves its audit row.
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(
                    lambda: self.audit_log.record(
                        token_kind=who.kind,
                        token_id=who.id,
                        method=method[:16],
                        route=route,
                        status=outcome["status"],
                        request_bytes=outcome["received"],
                        response_bytes=outcome["sent"],
                    )
                )

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                outcome["status"] = int(message["status"])
            elif message["type"] == "http.response.body":
                outcome["sent"] += len(message.get("body", b""))
                if not message.get("more_body", False) and not outcome["audited"]:
                    await audit()  # before the last byte: a client never outruns its row
            await send(message)

        try:
            try:
                body = await self._admit(scope, receive, method, path, outcome)
            except ApiError as refusal:
                outcome["refused"] = True
                await _send_error(counting_send, refusal)
                return
            await self.app(scope, _replay(body, receive), counting_send)
        finally:
            if outcome["slot"] is not None:
                self._release_slot(outcome["slot"])
            if not outcome["audited"]:
                await audit()

    async def _admit(
        self, scope: Scope, receive: Receive, method: str, path: str, outcome: dict[str, Any]
    ) -> bytes:
        rule = self.rules.get((method, path))
        limit = rule.body_limit if rule else self.config.max_small_request
        if rule is not None and rule.allowed is None:
            self._rate_limit(ANONYMOUS)
            _check_content_length(scope, limit)
        else:
            record = await self._authenticate(scope)
            outcome["who"] = record
            self._authorize(record, rule, path)
            scope[PRINCIPAL_SCOPE_KEY] = record
            _check_content_length(scope, limit)
            self._take_slot(outcome, f"{record.kind}:{record.id}")
        return await _read_body(receive, limit, outcome)

    async def _authenticate(self, scope: Scope) -> TokenRecord:
        token = _bearer_token(scope)
        digest = None if token is None else token_hash(token)
        if digest is None:
            self._rate_limit(ANONYMOUS)
            raise _unauthenticated()
        record = await anyio.to_thread.run_sync(self.store.tokens.lookup_token, digest)
        if record is None:
            self._rate_limit(ANONYMOUS)
            raise _unauthenticated()
        self._rate_limit(f"{record.kind}:{record.id}")
        return record

    def _authorize(self, record: TokenRecord, rule: RouteRule | None, path: str) -> None:
        if record.revoked and record.kind != "desk":
            raise ApiError(403, protocol.ERROR_DEVICE_REVOKED, REVOKED_DEVICE_MESSAGE)
        if record.revoked:
            raise ApiError(
                403,
                protocol.ERROR_TOKEN_REVOKED,
                "This desk token was revoked. Ask the server admin for a new one "
                "(gatewatch-server desk-token).",
            )
        if record.kind == "invite" and record.expired:
            raise ApiError(
                401,
                protocol.ERROR_INVITE_EXPIRED,
                "This invite has expired. Ask the newsroom admin for a new invite.",
            )
        if rule is None or rule.allowed is None or record.kind in rule.allowed:
            return
        if path == f"{P}/enroll" and record.kind == "device":
            raise ApiError(
                409,
                protocol.ERROR_ALREADY_ENROLLED,
                "This invite was already used to enroll a device; an invite works once. "
                "Ask the newsroom admin for a new invite to enroll another device.",
            )
        if record.kind == "invite":
            raise ApiError(
                403,
                protocol.ERROR_NOT_ENROLLED,
                "This token is an invite: enroll the device with it first.",
            )
        raise ApiError(
            403,
            protocol.ERROR_WRONG_TOKEN_KIND,
            "This route is for "
            + ("the newsroom desk" if rule.allowed == DESK else "enrolled devices")
            + f"; a {record.kind} token may not call it.",
        )

    def _take_slot(self, outcome: dict[str, Any], token: str) -> None:
        held = self.active_by_token.get(token, 0)
        if (
            self.active >= self.config.max_active_requests
            or held >= self.config.max_active_per_token
        ):
            raise ApiError(
                503,
                protocol.ERROR_SERVER_BUSY,
                "The server is handling as many requests as it can; try again shortly.",
                headers={"Retry-After": "1"},
            )
        self.active += 1
        self.active_by_token[token] = held + 1
        outcome["slot"] = token

    def _release_slot(self, token: str) -> None:
        self.active -= 1
        left = self.active_by_token[token] - 1
        if left:
            self.active_by_token[token] = left
        else:
            del self.active_by_token[token]  # bounded by the requests in flight

    def _rate_limit(self, key: str) -> None:
        wait = self.limiter.take(key)
        if wait > 0:
            raise ApiError(
                429,
                protocol.ERROR_RATE_LIMITED,
                "Too many requests with this token; wait and try again.",
                headers={"Retry-After": retry_after_header(wait)},
            )


def _unauthenticated() -> ApiError:
    return ApiError(
        401,
        protocol.ERROR_UNAUTHENTICATED,
        "Authentication required.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def _header(scope: Scope, name: bytes) -> list[bytes]:
    return [value for key, value in scope.get("headers", []) if key.lower() == name]


def _bearer_token(scope: Scope) -> str | None:
    values = _header(scope, b"authorization")
    if len(values) != 1 or len(values[0]) > 200:
        return None
    scheme, _, token = values[0].decode("latin-1").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip()


def _check_content_length(scope: Scope, limit: int) -> None:
    values = _header(scope, b"content-length")
    if not values:
        return
    text = values[0].decode("latin-1").strip()
    if len(values) > 1 or not text.isdigit() or len(text) > 20:
        raise ApiError(400, protocol.ERROR_BAD_REQUEST, "The Content-Length header is invalid.")
    if int(text) > limit:
        raise _too_large(limit)


def _too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        protocol.ERROR_TOO_LARGE,
        f"The request body is larger than this route's limit of {limit} bytes. "
        "Send fewer or smaller envelopes per request.",
    )


async def _read_body(receive: Receive, limit: int, outcome: dict[str, Any]) -> bytes:
    """Read the whole body from the stream, refusing with 413 the moment it passes ``limit``."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ApiError(400, protocol.ERROR_BAD_REQUEST, "The client went away.")
        chunk = message.get("body", b"")
        outcome["received"] += len(chunk)
        if outcome["received"] > limit:
            raise _too_large(limit)
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the app the already-read body, then defers to the server."""
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _send_error(send: Send, error: ApiError) -> None:
    payload = error.body_bytes()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        *((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in error.headers.items()),
    ]
    if error.status == 413:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


__all__ = ["Gate", "principal_of", "route_rules"]
