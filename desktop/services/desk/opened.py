"""What arrived, told by the desk: at the end of a pull, the report envelopes stored since
it last told, one signed opened list per device and up to `sync.opened.MAX_IDS` ids
(`POST /v1/opened`). The device's check of them is `desktop/services/opened.py`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from desktop.domain.report import format_utc
from desktop.services.desk import review as desk_review
from desktop.services.desk.signing import desk_signer
from desktop.store.database import Store
from desktop.store.opened import OpenedRepository
from sync import wire
from sync.client import ServerRefusedError, SyncError
from sync.payloads.opened import MAX_IDS, sign_opened

__all__ = ["tell_opened"]

UNTOLD_PER_PULL = 20 * MAX_IDS


class DeskOpenedClient(Protocol):
    def post_opened(self, device_id: str, data: bytes) -> int: ...


def tell_opened(
    store: Store, client: DeskOpenedClient, *, now: datetime | None = None
) -> list[str]:
    """Post signed opened lists for the report envelopes not yet told; problems as text
    (a server without the route keeps them untold, silently, for a later pull)."""
    repository = OpenedRepository(store)
    untold = repository.untold(UNTOLD_PER_PULL)
    if not untold:
        return []
    moment = now or datetime.now(UTC)
    signer = desk_signer(store, desk_review.desk_identity(store), now=moment)
    if signer is None:
        return []
    key, endorsement = signer
    told: list[str] = []
    try:
        for device_id, ids in untold.items():
            for start in range(0, len(ids), MAX_IDS):
                part = ids[start : start + MAX_IDS]
                data = sign_opened(
                    device_id, part, format_utc(moment), endorsement=endorsement, desk_key=key
                )
                try:
                    client.post_opened(device_id, data)
                except ServerRefusedError as error:
                    if error.error == wire.ERROR_UNKNOWN_DEVICE:
                        pass  # a device this server never enrolled (carried in): none to tell
                    elif error.status == 404:  # a server without the route: tell it later
                        return []
                    else:
                        return [str(error)]
                except SyncError as error:
                    return [str(error)]
                told.extend(part)
    finally:
        # One commit for every list told, however the telling ended, not one per list.
        if told:
            repository.mark_told(told, moment)
    return []
