"""``/v1/envelopes`` (device uploads, what is missing, the desks' pull and acknowledgement),
``/v1/reviews`` (desk uploads) and ``/v1/relay`` (device envelopes a desk carried).

Envelopes are checked with ``parse_header`` (no key: the server has none that opens a
body) and stored as the ciphertext received.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Query, Response

from sync import protocol
from sync.envelope import (
    DESK_SENDER_ID,
    EnvelopeError,
    EnvelopeKind,
    OversizedEnvelope,
    parse_header,
)
from sync.server.errors import ApiError
from sync.server.records import Candidate, Conflict
from sync.server.routes.common import Config, Principal, Store, decode_field, responses
from sync.server.store import ServerStore

P = protocol.API_PREFIX
router = APIRouter()


@router.post(f"{P}/envelopes", responses=responses())
def upload(
    body: protocol.UploadRequest, store: Store, config: Config, who: Principal
) -> protocol.UploadResponse:
    """Store a batch of sealed envelopes; one result per envelope, in order.

    Idempotent by envelope id: the same bytes again return the same receipt. A result
    with ``ok: false`` carries ``error`` (a reason code), ``status`` and ``message``.
    """
    return store_batch(store, body, who.id, protocol.DEVICE_UPLOAD_KINDS, config.max_batch_bytes)


@router.post(f"{P}/reviews", responses=responses())
def upload_reviews(
    body: protocol.UploadRequest, store: Store, config: Config
) -> protocol.UploadResponse:
    """Store a batch of review envelopes from a desk (kind review, desk sender id only).

    Desks share review moves and notes through here; every desk pulls them with the
    reports. Same results and idempotency as ``POST /v1/envelopes``.
    """
    return store_batch(
        store, body, DESK_SENDER_ID, protocol.DESK_UPLOAD_KINDS, config.max_batch_bytes
    )


@router.post(f"{P}/relay", responses=responses())
def relay(body: protocol.UploadRequest, store: Store, config: Config) -> protocol.UploadResponse:
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
            device_id = ""  # refused with its reason by store_batch below
        state = store.tokens.device_state(device_id) if device_id else None
        if device_id and (
            state is None or state.kind != "device" or state.revoked or device_id == DESK_SENDER_ID
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
        stored = store_batch(
            store,
            protocol.UploadRequest(envelopes=items),
            device_id,
            protocol.DEVICE_UPLOAD_KINDS,
            config.max_batch_bytes,
        )
        results.update((r.envelope_id, r) for r in stored.results)
    return protocol.UploadResponse(results=[results[i.envelope_id] for i in body.envelopes])


@router.post(f"{P}/envelopes/missing", responses=responses())
def missing(
    body: protocol.MissingRequest, store: Store, who: Principal
) -> protocol.MissingResponse:
    """Which of these envelope ids this device has not stored yet (resume after a cut)."""
    return protocol.MissingResponse(missing=store.envelopes.missing(who.id, body.envelope_ids))


@router.get(f"{P}/envelopes", responses=responses(), response_model=protocol.EnvelopePage)
def pull(
    store: Store,
    config: Config,
    after: Annotated[int, Query(ge=0, le=protocol.MAX_CURSOR)] = 0,
    limit: Annotated[int, Query(ge=1, le=protocol.MAX_PAGE_COUNT)] = protocol.DEFAULT_PAGE_COUNT,
) -> Response:
    """Envelopes with ``seq > after``, ascending, one bounded page; then ``next_after``."""
    # Written directly (page_json.py), not through a pydantic model per envelope; the
    # OpenAPI document still names protocol.EnvelopePage.
    body = store.envelopes.page_json(
        after, min(limit, config.max_page_count), config.max_page_bytes
    )
    return Response(body, media_type="application/json")


@router.post(f"{P}/envelopes/ack", responses=responses())
def acknowledge(body: protocol.AckRequest, store: Store, who: Principal) -> protocol.AckResponse:
    """This desk has stored every envelope up to ``through``: once every desk due an
    envelope has said so, the server deletes its bytes and keeps only the receipt."""
    cursor, _ = store.retention.acknowledge(int(who.id), body.through)
    return protocol.AckResponse(acknowledged=cursor)


def store_batch(
    store: ServerStore,
    body: protocol.UploadRequest,
    device_id: str,
    kinds: frozenset[EnvelopeKind],
    max_batch_bytes: int,
) -> protocol.UploadResponse:
    """Check every envelope of a batch and store those that pass, in one transaction."""
    datas = _decode_batch(body, max_batch_bytes)
    fingerprint = store.newsroom_key.fingerprint
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
    stored = store.envelopes.store(device_id, candidates) if candidates else []
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
            else protocol.UploadResult(envelope_id=outcome.envelope_id, ok=True, receipt=outcome)
        )
    return protocol.UploadResponse(results=[r for r in results if r is not None])


def _decode_batch(body: protocol.UploadRequest, max_bytes: int) -> list[bytes]:
    datas: list[bytes] = []
    total = 0
    for i, item in enumerate(body.envelopes):
        data = decode_field(item.data, f"body.envelopes.{i}.data")
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
