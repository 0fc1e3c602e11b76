"""``/v1/device/encryption-key`` (the key desks seal follow-up questions to) and
``/v1/desk-signing-key`` (the desks' key devices pin): each registered once."""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519
from fastapi import APIRouter

from sync import protocol
from sync.envelope import NewsroomPublicKey, check_ed25519_public
from sync.server.errors import ApiError
from sync.server.routes.common import Principal, Store, decode_field, require_kind, responses

P = protocol.API_PREFIX
router = APIRouter()


@router.put(f"{P}/device/encryption-key", responses=responses(409))
def put_encryption_key(
    body: protocol.EncryptionKeyRequest, store: Store, who: Principal
) -> protocol.EncryptionKeyResponse:
    """Register the key desks seal follow-up questions to (once; the same key again is
    a no-op). The device signs it with its enrolled key, so desks can check it."""
    require_kind(who.kind, "device")
    field = "body.encryption_key"
    try:
        key = NewsroomPublicKey.from_text(body.encryption_key)
        if key.to_text() != body.encryption_key:
            raise ValueError("not in the canonical text form")
    except ValueError as exc:  # low-order X25519 parts included: sealing to one fails
        raise ApiError(
            422, protocol.ERROR_BAD_ENCRYPTION_KEY, f"{field}: {exc}", field=field
        ) from None
    signature = decode_field(body.signature, "body.signature")
    signing_key = store.keys.device_public_key(who.id)
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
    if not store.keys.set_encryption_key(who.id, body.encryption_key, signature):
        raise ApiError(
            409,
            protocol.ERROR_KEY_CONFLICT,
            "This device already registered another encryption key; it cannot be "
            "replaced. Enroll again with a new invite to use a new key.",
        )
    return protocol.EncryptionKeyResponse(
        device_id=who.id, encryption_key=body.encryption_key, fingerprint=key.fingerprint
    )


@router.put(f"{P}/desk-signing-key", responses=responses(409))
def put_desk_signing_key(
    body: protocol.DeskSigningKeyRequest, store: Store, who: Principal
) -> protocol.DeskSigningKey:
    """Register the desks' Ed25519 signing key (derived from the newsroom key, the same
    at every desk): once; the same key again is a no-op, another one 409."""
    require_kind(who.kind, "desk")
    field = "body.public_key"
    try:
        raw = protocol.decode_base64(body.public_key)
        check_ed25519_public(raw)
    except ValueError as exc:
        raise ApiError(
            422, protocol.ERROR_INVALID_REQUEST, f"{field}: {exc}", field=field
        ) from None
    if not store.keys.set_desk_signing_key(raw):
        raise ApiError(
            409,
            protocol.ERROR_KEY_CONFLICT,
            "Another desk signing key is already registered: this desk holds a different "
            "newsroom key than the desks before it. Import the newsroom key they use.",
        )
    return protocol.DeskSigningKey(public_key=body.public_key)


@router.get(f"{P}/desk-signing-key", responses=responses())
def get_desk_signing_key(store: Store, who: Principal) -> protocol.DeskSigningKey:
    """The desks' signing key, which devices pin on first use; null until registered."""
    require_kind(who.kind, "device", "desk")
    raw = store.keys.desk_signing_key()
    return protocol.DeskSigningKey(public_key=None if raw is None else protocol.encode_base64(raw))
