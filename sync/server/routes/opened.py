"""``/v1/opened``: desks post signed opened lists for a device; the device reads its own.

The server checks only that the device exists; the device checks the desk's signature
(sync/payloads/opened.py), so a list the server made up is ignored there."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sync import protocol
from sync.server.errors import ApiError
from sync.server.routes.common import Config, Principal, Store, decode_field, responses

P = protocol.API_PREFIX
router = APIRouter()


@router.post(f"{P}/opened", responses=responses(404))
def post_opened(
    body: protocol.OpenedRequest, store: Store, who: Principal
) -> protocol.OpenedReceipt:
    """Keep a desk-signed opened list for one device (idempotent by its bytes)."""
    state = store.tokens.device_state(body.device_id)
    if state is None or state.kind != "device":
        raise ApiError(404, protocol.ERROR_UNKNOWN_DEVICE, "No enrolled device has this id.")
    data = decode_field(body.data, "body.data")
    return protocol.OpenedReceipt(seq=store.opened.put(int(who.id), body.device_id, data))


@router.get(f"{P}/opened", responses=responses())
def get_opened(
    store: Store,
    config: Config,
    who: Principal,
    after: Annotated[int, Query(ge=0, le=protocol.MAX_CURSOR)] = 0,
    limit: Annotated[int, Query(ge=1, le=protocol.MAX_PAGE_COUNT)] = protocol.DEFAULT_PAGE_COUNT,
) -> protocol.OpenedPage:
    """Opened lists for this device with ``seq > after``; those up to ``after`` are
    forgotten (the device has them)."""
    items, next_after, more = store.opened.page(
        who.id, after, min(limit, config.max_page_count), config.max_page_bytes
    )
    return protocol.OpenedPage(lists=items, next_after=next_after, more=more)
