"""``/v1/messages``: desks queue sealed messages for one device; the device pulls its own."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sync import protocol
from sync.server.errors import ApiError
from sync.server.records import Conflict
from sync.server.routes.common import Config, Principal, Store, decode_field, responses

P = protocol.API_PREFIX
router = APIRouter()


@router.post(f"{P}/messages", responses=responses(404, 409))
def post_message(
    body: protocol.MessageRequest, store: Store, who: Principal
) -> protocol.MessageReceipt:
    """Queue an opaque sealed message for one device (idempotent by ``message_id``)."""
    state = store.tokens.device_state(body.device_id)
    if state is None:
        raise ApiError(404, protocol.ERROR_UNKNOWN_DEVICE, "No device has this id.")
    if state.revoked:
        raise ApiError(
            409, protocol.ERROR_DEVICE_REVOKED, "This device is revoked; it gets no messages."
        )
    if state.kind != "device":
        raise ApiError(409, protocol.ERROR_NOT_ENROLLED, "This device has not enrolled yet.")
    data = decode_field(body.data, "body.data")
    outcome = store.messages.put(int(who.id), body.device_id, body.message_id, data)
    if isinstance(outcome, Conflict):
        raise ApiError(
            409,
            protocol.ERROR_CONFLICT,
            "Another message is already stored under this message id; nothing was stored.",
        )
    return outcome


@router.get(f"{P}/messages", responses=responses())
def get_messages(
    store: Store,
    config: Config,
    who: Principal,
    after: Annotated[int, Query(ge=0, le=protocol.MAX_CURSOR)] = 0,
    limit: Annotated[int, Query(ge=1, le=protocol.MAX_PAGE_COUNT)] = protocol.DEFAULT_PAGE_COUNT,
) -> protocol.MessagePage:
    """Messages waiting for this device with ``seq > after``, one bounded page."""
    store.retention.messages_received(who.id, after)  # asking after them: it has them
    items, next_after, more = store.messages.page(
        who.id, after, min(limit, config.max_page_count), config.max_page_bytes
    )
    return protocol.MessagePage(messages=items, next_after=next_after, more=more)
