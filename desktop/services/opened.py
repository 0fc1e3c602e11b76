"""What arrived: the desk tells each device which of its reports it has stored, and the
device believes only what a desk signed.

- Desk, at the end of a pull: the report envelopes stored since it last told, one signed
  opened list per device and up to `sync.payloads.opened.MAX_IDS` ids (`POST /v1/opened`).
- Device, at each sync (after the questions, `followups.sync_followups`): reads its lists
  (`GET /v1/opened`), checks each against the newsroom signing key it pinned from its
  invite (the endorsement) and the endorsed desk key (the signature), and that it names
  this device; then marks those outbox envelopes *with the newsroom*. A list that does not
  hold is skipped: the server cannot move a report past *sent*.
"""

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
from sync.messages import OpenedPage
from sync.payloads.opened import MAX_IDS, open_opened, sign_opened

__all__ = ["receive_opened", "tell_opened"]

MAX_PAGES = 20
UNTOLD_PER_PULL = 20 * MAX_IDS


class DeskOpenedClient(Protocol):
    def post_opened(self, device_id: str, data: bytes) -> int: ...


class DeviceOpenedClient(Protocol):
    def opened(self, after: int, limit: int = ...) -> OpenedPage: ...


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
            repository.mark_told(part, moment)
    return []


def receive_opened(
    store: Store,
    client: DeviceOpenedClient,
    *,
    device_id: str,
    pinned_key: bytes,
    now: datetime | None = None,
) -> int:
    """Read this device's opened lists and mark what a desk signed; the number of reports
    newly *with the newsroom*. A server without the route gives nothing."""
    repository = OpenedRepository(store)
    after = repository.cursor()
    marked = 0
    moment = now or datetime.now(UTC)
    for _ in range(MAX_PAGES):
        try:
            page = client.opened(after)
        except ServerRefusedError as error:
            if error.status == 404:
                return marked
            raise
        ids: list[str] = []
        for item in page.lists:
            try:
                opened = open_opened(
                    wire.decode_base64(item.data),
                    device_id=device_id,
                    newsroom_signing_keys=[pinned_key],
                )
            except ValueError:  # DeskSignatureError too: forged, or not for this device
                continue
            ids.extend(opened.envelope_ids)
        marked += repository.mark_opened(ids, page.next_after, moment)
        after = page.next_after
        if not page.more:
            break
    return marked
