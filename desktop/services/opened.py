"""What arrived, on the device: it believes only what a desk signed.

The desk tells each device which of its reports it has stored
(`desktop/services/desk/opened.py`). The device, at each sync (after the questions,
`desktop.services.followup_sync.sync_followups`), reads its lists (`GET /v1/opened`),
checks each against the newsroom signing key it pinned from its invite (the endorsement)
and the endorsed desk key (the signature), and that it names this device; then marks
those outbox envelopes *with the newsroom*. A list that does not hold is skipped: the
server cannot move a report past *sent*.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from desktop.store.database import Store
from desktop.store.opened import OpenedRepository
from sync import wire
from sync.client import ServerRefusedError
from sync.messages import OpenedPage
from sync.payloads.opened import open_opened

__all__ = ["receive_opened"]

MAX_PAGES = 20


class DeviceOpenedClient(Protocol):
    def opened(self, after: int, limit: int = ...) -> OpenedPage: ...


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
