"""``/v1/enroll`` (an invite becomes a device) and ``/v1/devices`` (the desks' list)."""

from __future__ import annotations

from fastapi import APIRouter

from sync import protocol
from sync.envelope import check_ed25519_public
from sync.server.errors import ApiError
from sync.server.records import new_token, token_hash
from sync.server.routes.common import Principal, Store, responses

P = protocol.API_PREFIX
router = APIRouter()


@router.post(f"{P}/enroll", responses=responses(409))
def enroll(body: protocol.EnrollRequest, store: Store, who: Principal) -> protocol.EnrollResponse:
    """Register this device's Ed25519 signing key with the invite token (once)."""
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
    if not store.tokens.enroll(who.id, raw, body.label, token_hash(device_token)):
        raise ApiError(
            409, protocol.ERROR_ALREADY_ENROLLED, "This invite was already used to enroll."
        )
    return protocol.EnrollResponse(
        device_id=who.id,
        newsroom_public_key=store.newsroom_key.to_text(),
        newsroom_fingerprint=store.newsroom_key.fingerprint,
        device_token=device_token,
    )


@router.get(f"{P}/devices", responses=responses())
def devices(store: Store) -> protocol.DeviceList:
    """Every device with its signing key (the desk verifies signatures with them)."""
    return protocol.DeviceList(
        devices=[
            protocol.DeviceInfo(
                device_id=d.device_id,
                label=d.label,
                public_key=None if d.public_key is None else protocol.encode_base64(d.public_key),
                enrolled=d.enrolled,
                revoked=d.revoked,
                created_at=d.created_at,
                enrolled_at=d.enrolled_at,
                encryption_key=d.encryption_key,
                encryption_key_signature=None
                if d.encryption_key_signature is None
                else protocol.encode_base64(d.encryption_key_signature),
            )
            for d in store.tokens.devices()
        ]
    )
