"""For tests about what the desk does with sources: the devices an editor approved (the
board counts only those; tests/e2e/test_device_approval.py shows the approval itself)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from desktop.domain.desk.device_trust import DeviceEvent, DeviceEventKind, DeviceState
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.device_trust import DeviceTrustRepository

EDITOR_DESK = "desk-" + "0" * 16


def approve_devices(store: Store, device_ids: Iterable[str]) -> None:
    """Record an editor's approval of each device (its label and key as the desk holds
    them; a device the desk holds no key for gets a stand-in one). Already approved
    devices are left as they are."""
    known = {d.device_id: d for d in DeskRepository(store).devices()}
    trust = DeviceTrustRepository(store)
    approved = {s.device_id for s in trust.statuses() if s.state is DeviceState.APPROVED}
    events = []
    for device_id in dict.fromkeys(device_ids):
        if device_id in approved:
            continue
        device = known.get(device_id)
        events.append(
            DeviceEvent.make(
                DeviceEventKind.APPROVE,
                device_id,
                label=(device.label if device else None) or device_id,
                public_key=(device.public_key if device else None) or b"\x01" * 32,
                enrolled_at="",
                desk_id=EDITOR_DESK,
                desk_label="Editor",
                at=datetime(2024, 1, 1, tzinfo=UTC),
            )
        )
    if events:
        trust.record(events, None, datetime.now(UTC))
