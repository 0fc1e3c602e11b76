"""The FastAPI application: the ``/v1`` routes, behind the gate (gate.py).

By the time a route runs, the gate has authenticated the token, checked its kind, applied
the rate limit and read the body within the route's size limit. Routes validate the body
(pydantic, 422 naming the field), check envelopes with ``parse_header`` (no key: the
server has none that opens a body), and store ciphertext.

Every error is JSON ``{"error", "message", "field"?}`` and never echoes submitted content.
Route functions are plain ``def``: FastAPI runs them in worker threads, so the database
never blocks the event loop.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib import metadata
from typing import Annotated, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync import protocol
from sync.envelope import (
    DESK_SENDER_ID,
    EnvelopeError,
    EnvelopeKind,
    NewsroomPublicKey,
    OversizedEnvelope,
    check_ed25519_public,
    parse_header,
)
from sync.server.audit import RefusalCounter
from sync.server.bundles import router as bundles_router
from sync.server.config import ServerConfig
from sync.server.errors import ApiError
from sync.server.gate import Gate, principal_of
from sync.server.housekeeping import Housekeeper
from sync.server.releases import router as release_router
from sync.server.retention import Retention
from sync.server.store import Candidate, Conflict, ServerStore, new_token, token_hash


def server_version() -> str:
    """The installed gatewatch package version, or "unknown" (e.g. a frozen build)."""
    try:
        return metadata.version("gatewatch")
    except metadata.PackageNotFoundError:  # pragma: no cover - depends on installation
        return "unknown"


_bearer = HTTPBearer(auto_error=False, description="Device, invite or desk token")
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": protocol.ErrorBody, "description": text}
    for status, text in {
        400: "Unparseable body or header",
        401: "No valid token",
        403: "Revoked, or the wrong kind of token for this route",
        413: "Request body over the route's limit",
        422: "Body or query failed validation (the field is named)",
        429: "Rate limited (see Retry-After)",
    }.items()
}


def _responses(*extra: int) -> dict[int | str, dict[str, Any]]:
    out = dict(_ERRORS)
    for status in extra:
        out[status] = {"model": protocol.ErrorBody}
    return out


def create_app(store: ServerStore, config: ServerConfig | None = None) -> FastAPI:
    """The ASGI application for ``store``. The caller owns and closes the store."""
    config = config or ServerConfig()
    app = FastAPI(
        title="Gatewatch newsroom server",
        version=server_version(),
        description="Stores sealed envelopes from correspondents' devices for the desk. "
        "Ciphertext only. See docs/server.md.",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(_bearer)],
    )
    counter = RefusalCounter()
    app.state.housekeeper = Housekeeper(
        store,
        counter,
        flush_seconds=config.flush_seconds,
        sweep_seconds=config.sweep_seconds,
        vacuum_seconds=config.vacuum_seconds,
    )
    retention = Retention(store)
    app.add_middleware(Gate, store=store, config=config, counter=counter)
    _install_error_handlers(app)
    app.include_router(release_router(store), responses=_responses())
    app.include_router(bundles_router(store), responses=_responses(422))
    fingerprint = store.newsroom_key.fingerprint
    P = protocol.API_PREFIX

    @app.post(f"{P}/enroll", responses=_responses(409))
    def enroll(body: protocol.EnrollRequest, request: Request) -> protocol.EnrollResponse:
        """Register this device's Ed25519 signing key with the invite token (once)."""
        who = principal_of(request.scope)
        field = "body.device_public_key"
        try:
            raw = protocol.decode_base64(body.device_public_key)
            check_ed25519_public(raw)
        except ValueError as exc:
            raise ApiError(
                422, protocol.ERROR_INVALID_REQUEST, f"{field}: {exc}", field=field
            ) from None
        # The invite is exchanged for a fresh device token: a leaked invite message stops
        # being a credential the moment the device enrolls.
        device_token = new_token()
        if not store.enroll(who.id, raw, body.label, token_hash(device_token)):
            raise ApiError(
                409, protocol.ERROR_ALREADY_ENROLLED, "This invite was already used to enroll."
            )
        return protocol.EnrollResponse(
            device_id=who.id,
            newsroom_public_key=store.newsroom_key.to_text(),
            newsroom_fingerprint=fingerprint,
            device_token=device_token,
        )

    @app.post(f"{P}/envelopes", responses=_responses())
    def upload(body: protocol.UploadRequest, request: Request) -> protocol.UploadResponse:
        """Store a batch of sealed envelopes; one result per envelope, in order.

        Idempotent by envelope id: the same bytes again return the same receipt. A result
        with ``ok: false`` carries ``error`` (a reason code), ``status`` and ``message``.
        """
        return _store_batch(body, principal_of(request.scope).id, protocol.DEVICE_UPLOAD_KINDS)

    @app.post(f"{P}/reviews", responses=_responses())
    def upload_reviews(body: protocol.UploadRequest) -> protocol.UploadResponse:
        """Store a batch of review envelopes from a desk (kind review, desk sender id only).

        Desks share review moves and notes through here; every desk pulls them with the
        reports. Same results and idempotency as ``POST /v1/envelopes``.
        """
        return _store_batch(body, DESK_SENDER_ID, protocol.DESK_UPLOAD_KINDS)

    @app.post(f"{P}/relay", responses=_responses())
    def relay(body: protocol.UploadRequest) -> protocol.UploadResponse:
        """Store device envelopes a desk received by hand, each under the device its sealed
        header names (enrolled, not revoked). The desk verified every signature; the server
        checks what it can without a key. The device's own upload of the same bytes then
        returns the same receipt. Same results and idempotency as ``POST /v1/envelopes``.
        """
        by_device: dict[str, list[protocol.EnvelopeUpload]] = {}
        results: dict[str, protocol.UploadResult] = {}
        for item in body.envelopes:
            try:
                device_id = parse_header(protocol.decode_base64(item.data)).device_id
            except (EnvelopeError, ValueError):
                device_id = ""  # refused with its reason by _store_batch below
            state = store.device_state(device_id) if device_id else None
            if device_id and (
                state is None
                or state.kind != "device"
                or state.revoked
                or device_id == DESK_SENDER_ID
            ):
                results[item.envelope_id] = _refusal(
                    item.envelope_id,
                    403,
                    protocol.REFUSAL_WRONG_DEVICE,
                    "The envelope names no enrolled, unrevoked device of this server.",
                )
                continue
            by_device.setdefault(device_id, []).append(item)
        for device_id, items in by_device.items():
            stored = _store_batch(
                protocol.UploadRequest(envelopes=items), device_id, protocol.DEVICE_UPLOAD_KINDS
            )
            results.update((r.envelope_id, r) for r in stored.results)
        return protocol.UploadResponse(results=[results[i.envelope_id] for i in body.envelopes])

    def _store_batch(
        body: protocol.UploadRequest, device_id: str, kinds: frozenset[EnvelopeKind]
    ) -> protocol.UploadResponse:
        datas = _decode_batch(body, config.max_batch_bytes)
        results: list[protocol.UploadResult | None] = [None] * len(datas)
        candidates: list[Candidate] = []
        positions: list[int] = []
        for i, (item, data) in enumerate(zip(body.envelopes, datas, strict=True)):
            checked = _check_envelope(item.envelope_id, data, device_id, fingerprint, kinds)
            if isinstance(checked, Candidate):
                candidates.append(checked)
                positions.append(i)
            else:
                results[i] = checked
        stored = store.store_envelopes(device_id, candidates) if candidates else []
        for i, outcome in zip(positions, stored, strict=True):
            results[i] = (
                _refusal(
                    outcome.envelope_id,
                    409,
                    protocol.REFUSAL_CONFLICT,
                    "Another envelope is already stored under this envelope id; nothing was "
                    "stored. Seal the report again under a new id.",
                )
                if isinstance(outcome, Conflict)
                else protocol.UploadResult(
                    envelope_id=outcome.envelope_id, ok=True, receipt=outcome
                )
            )
        return protocol.UploadResponse(results=[r for r in results if r is not None])

    @app.post(f"{P}/envelopes/missing", responses=_responses())
    def missing(body: protocol.MissingRequest, request: Request) -> protocol.MissingResponse:
        """Which of these envelope ids this device has not stored yet (resume after a cut)."""
        device_id = principal_of(request.scope).id
        return protocol.MissingResponse(
            missing=store.missing_envelopes(device_id, body.envelope_ids)
        )

    @app.get(f"{P}/envelopes", responses=_responses())
    def pull(
        after: Annotated[int, Query(ge=0, le=protocol.MAX_CURSOR)] = 0,
        limit: Annotated[
            int, Query(ge=1, le=protocol.MAX_PAGE_COUNT)
        ] = protocol.DEFAULT_PAGE_COUNT,
    ) -> protocol.EnvelopePage:
        """Envelopes with ``seq > after``, ascending, one bounded page; then ``next_after``."""
        items, next_after, more = store.envelope_page(
            after, min(limit, config.max_page_count), config.max_page_bytes
        )
        return protocol.EnvelopePage(envelopes=items, next_after=next_after, more=more)

    @app.post(f"{P}/envelopes/ack", responses=_responses())
    def acknowledge(body: protocol.AckRequest, request: Request) -> protocol.AckResponse:
        """This desk has stored every envelope up to ``through``: once every desk due an
        envelope has said so, the server deletes its bytes and keeps only the receipt."""
        desk_id = int(principal_of(request.scope).id)
        cursor, _ = retention.acknowledge(desk_id, body.through)
        return protocol.AckResponse(acknowledged=cursor)

    @app.get(f"{P}/devices", responses=_responses())
    def devices() -> protocol.DeviceList:
        """Every device with its signing key (the desk verifies signatures with them)."""
        return protocol.DeviceList(
            devices=[
                protocol.DeviceInfo(
                    device_id=d.device_id,
                    label=d.label,
                    public_key=None
                    if d.public_key is None
                    else protocol.encode_base64(d.public_key),
                    enrolled=d.enrolled,
                    revoked=d.revoked,
                    created_at=d.created_at,
                    enrolled_at=d.enrolled_at,
                    encryption_key=d.encryption_key,
                    encryption_key_signature=None
                    if d.encryption_key_signature is None
                    else protocol.encode_base64(d.encryption_key_signature),
                )
                for d in store.devices()
            ]
        )

    @app.post(f"{P}/messages", responses=_responses(404, 409))
    def post_message(body: protocol.MessageRequest, request: Request) -> protocol.MessageReceipt:
        """Queue an opaque sealed message for one device (idempotent by ``message_id``)."""
        desk_id = int(principal_of(request.scope).id)
        state = store.device_state(body.device_id)
        if state is None:
            raise ApiError(404, protocol.ERROR_UNKNOWN_DEVICE, "No device has this id.")
        if state.revoked:
            raise ApiError(
                409, protocol.ERROR_DEVICE_REVOKED, "This device is revoked; it gets no messages."
            )
        if state.kind != "device":
            raise ApiError(409, protocol.ERROR_NOT_ENROLLED, "This device has not enrolled yet.")
        data = _decode_field(body.data, "body.data")
        outcome = store.put_message(desk_id, body.device_id, body.message_id, data)
        if isinstance(outcome, Conflict):
            raise ApiError(
                409,
                protocol.ERROR_CONFLICT,
                "Another message is already stored under this message id; nothing was stored.",
            )
        return outcome

    @app.get(f"{P}/messages", responses=_responses())
    def get_messages(
        request: Request,
        after: Annotated[int, Query(ge=0, le=protocol.MAX_CURSOR)] = 0,
        limit: Annotated[
            int, Query(ge=1, le=protocol.MAX_PAGE_COUNT)
        ] = protocol.DEFAULT_PAGE_COUNT,
    ) -> protocol.MessagePage:
        """Messages waiting for this device with ``seq > after``, one bounded page."""
        device_id = principal_of(request.scope).id
        retention.messages_received(device_id, after)  # asking after them: it has them
        items, next_after, more = store.message_page(
            device_id, after, min(limit, config.max_page_count), config.max_page_bytes
        )
        return protocol.MessagePage(messages=items, next_after=next_after, more=more)

    @app.put(f"{P}/device/encryption-key", responses=_responses(409))
    def put_encryption_key(
        body: protocol.EncryptionKeyRequest, request: Request
    ) -> protocol.EncryptionKeyResponse:
        """Register the key desks seal follow-up questions to (once; the same key again is
        a no-op). The device signs it with its enrolled key, so desks can check it."""
        who = principal_of(request.scope)
        _require_kind(who.kind, "device")
        field = "body.encryption_key"
        try:
            key = NewsroomPublicKey.from_text(body.encryption_key)
            if key.to_text() != body.encryption_key:
                raise ValueError("not in the canonical text form")
        except ValueError as exc:  # low-order X25519 parts included: sealing to one fails
            raise ApiError(
                422, protocol.ERROR_BAD_ENCRYPTION_KEY, f"{field}: {exc}", field=field
            ) from None
        signature = _decode_field(body.signature, "body.signature")
        signing_key = store.device_public_key(who.id)
        try:
            if signing_key is None or len(signature) != 64:
                raise InvalidSignature
            ed25519.Ed25519PublicKey.from_public_bytes(signing_key).verify(
                signature, protocol.encryption_key_statement(who.id, body.encryption_key)
            )
        except InvalidSignature:
            raise ApiError(
                422,
                protocol.ERROR_INVALID_REQUEST,
                "body.signature: not this device's signature of this key.",
                field="body.signature",
            ) from None
        if not store.set_encryption_key(who.id, body.encryption_key, signature):
            raise ApiError(
                409,
                protocol.ERROR_KEY_CONFLICT,
                "This device already registered another encryption key; it cannot be "
                "replaced. Enroll again with a new invite to use a new key.",
            )
        return protocol.EncryptionKeyResponse(
            device_id=who.id, encryption_key=body.encryption_key, fingerprint=key.fingerprint
        )

    @app.put(f"{P}/desk-signing-key", responses=_responses(409))
    def put_desk_signing_key(
        body: protocol.DeskSigningKeyRequest, request: Request
    ) -> protocol.DeskSigningKey:
        """Register the desks' Ed25519 signing key (derived from the newsroom key, the same
        at every desk): once; the same key again is a no-op, another one 409."""
        _require_kind(principal_of(request.scope).kind, "desk")
        field = "body.public_key"
        try:
            raw = protocol.decode_base64(body.public_key)
            check_ed25519_public(raw)
        except ValueError as exc:
            raise ApiError(
                422, protocol.ERROR_INVALID_REQUEST, f"{field}: {exc}", field=field
            ) from None
        if not store.set_desk_signing_key(raw):
            raise ApiError(
                409,
                protocol.ERROR_KEY_CONFLICT,
                "Another desk signing key is already registered: this desk holds a different "
                "newsroom key than the desks before it. Import the newsroom key they use.",
            )
        return protocol.DeskSigningKey(public_key=body.public_key)

    @app.get(f"{P}/desk-signing-key", responses=_responses())
    def get_desk_signing_key(request: Request) -> protocol.DeskSigningKey:
        """The desks' signing key, which devices pin on first use; null until registered."""
        _require_kind(principal_of(request.scope).kind, "device", "desk")
        raw = store.desk_signing_key()
        return protocol.DeskSigningKey(
            public_key=None if raw is None else protocol.encode_base64(raw)
        )

    @app.get(f"{P}/health", responses=_responses())
    def health() -> protocol.Health:
        """Liveness, for any valid token."""
        return protocol.Health(status="ok", version=server_version(), api=protocol.API_VERSION)

    return app


def _require_kind(kind: str, *allowed: str) -> None:
    """A second check of the token kind behind the gate's route rules."""
    if kind not in allowed:
        raise ApiError(
            403, protocol.ERROR_WRONG_TOKEN_KIND, f"A {kind} token may not call this route."
        )


def _decode_field(text: str, field: str) -> bytes:
    try:
        return protocol.decode_base64(text)
    except ValueError as exc:
        raise ApiError(
            422, protocol.ERROR_INVALID_REQUEST, f"{field}: {exc}", field=field
        ) from None


def _decode_batch(body: protocol.UploadRequest, max_bytes: int) -> list[bytes]:
    datas: list[bytes] = []
    total = 0
    for i, item in enumerate(body.envelopes):
        data = _decode_field(item.data, f"body.envelopes.{i}.data")
        total += len(data)
        if total > max_bytes:
            raise ApiError(
                413,
                protocol.ERROR_TOO_LARGE,
                f"The envelopes in this batch are over {max_bytes} bytes together: send "
                "fewer per request.",
            )
        datas.append(data)
    return datas


def _refusal(envelope_id: str, status: int, code: str, message: str) -> protocol.UploadResult:
    return protocol.UploadResult(
        envelope_id=envelope_id, ok=False, error=code, status=status, message=message
    )


def _check_envelope(
    envelope_id: str,
    data: bytes,
    device_id: str,
    fingerprint: str,
    kinds: frozenset[EnvelopeKind],
) -> Candidate | protocol.UploadResult:
    """Every check that needs no database: framing, id, device, recipient, kind."""
    try:
        header = parse_header(data)
    except EnvelopeError as exc:
        status = 413 if isinstance(exc, OversizedEnvelope) else 422
        return _refusal(envelope_id, status, exc.reason, exc.message)
    if header.envelope_id != envelope_id:
        return _refusal(
            envelope_id,
            422,
            protocol.REFUSAL_ID_MISMATCH,
            "The envelope_id field differs from the id in the envelope's header.",
        )
    if header.device_id != device_id:
        return _refusal(
            envelope_id,
            403,
            protocol.REFUSAL_WRONG_DEVICE,
            "The envelope names another device than this token's; a device uploads only "
            "envelopes it sealed itself.",
        )
    if header.recipient_key_id != fingerprint:
        return _refusal(
            envelope_id,
            422,
            protocol.REFUSAL_WRONG_RECIPIENT,
            f"The envelope is sealed to newsroom key {header.recipient_key_id}, but this "
            f"server serves newsroom key {fingerprint}: the desk could not open it. Check "
            "the server address, or enroll again with a new invite.",
        )
    if header.kind not in kinds:
        who = "A desk" if device_id == DESK_SENDER_ID else "A device"
        return _refusal(
            envelope_id,
            422,
            protocol.REFUSAL_KIND_NOT_ALLOWED,
            f"{who} may not upload envelopes of kind {header.kind} here.",
        )
    return Candidate(header=header, data=data, sha256=hashlib.sha256(data).hexdigest())


def _json_error(error: ApiError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers or None)


_STATUS_CODES = {
    400: protocol.ERROR_BAD_REQUEST,
    404: protocol.ERROR_NOT_FOUND,
    405: protocol.ERROR_METHOD_NOT_ALLOWED,
    413: protocol.ERROR_TOO_LARGE,
}
_STATUS_MESSAGES = {
    400: "The request body could not be parsed as JSON: it may be nested too deeply, hold a "
    "number too large, or not be UTF-8.",
    404: "There is no such route; see /openapi.json.",
    405: "This route does not take this method; see /openapi.json.",
}


def _install_error_handlers(app: FastAPI) -> None:
    async def api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return _json_error(exc)

    async def validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = exc.errors()
        first = errors[0] if errors else {}
        loc = [str(part) for part in first.get("loc", ("body",))]
        if first.get("type") == "json_invalid":
            return _json_error(
                ApiError(
                    400,
                    protocol.ERROR_INVALID_REQUEST,
                    "body: the request body is not valid JSON.",
                    field="body",
                )
            )
        field = ".".join(loc)
        # pydantic's message (never the input: "input" and "ctx" are dropped), bounded.
        message = str(first.get("msg", "invalid value"))[:160]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return _json_error(
            ApiError(422, protocol.ERROR_INVALID_REQUEST, f"{field}: {message}{more}", field=field)
        )

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        status = exc.status_code
        code = _STATUS_CODES.get(status, protocol.ERROR_BAD_REQUEST if status < 500 else "error")
        message = _STATUS_MESSAGES.get(status, "The request was refused.")
        field = "body" if status == 400 else None
        return _json_error(ApiError(status, code, message, field=field, headers=exc.headers))

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _json_error(
            ApiError(
                500,
                protocol.ERROR_INTERNAL,
                "The server failed on this request; nothing partial was stored. Try again "
                "later and tell the admin if it persists.",
            )
        )

    handlers: dict[type[Exception], Callable[[Request, Exception], Any]] = {
        ApiError: api_error,
        RequestValidationError: validation_error,
        StarletteHTTPException: http_error,
        Exception: unexpected,
    }
    for kind, handler in handlers.items():
        app.add_exception_handler(kind, handler)
