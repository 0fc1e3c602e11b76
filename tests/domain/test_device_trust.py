"""Device decisions converge: the same events in any order give the same state."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.desk.device_trust import (
    DeviceEvent,
    DeviceEventKind,
    DeviceState,
    fold,
)
from desktop.domain.desk.review import ReviewError

T0 = datetime(2026, 11, 1, tzinfo=UTC)
KEY = bytes(range(32))


def event(
    kind: DeviceEventKind, minutes: int, desk: str = "a", label: str = "laptop"
) -> DeviceEvent:
    return DeviceEvent.make(
        kind,
        "gw-" + "1" * 20,
        label=label,
        public_key=KEY,
        enrolled_at="2026-10-01T00:00:00Z",
        desk_id="desk-" + desk * 16,
        desk_label="Night desk",
        at=T0 + timedelta(minutes=minutes),
    )


def test_any_order_gives_one_state_and_a_revocation_is_final() -> None:
    approve = event(DeviceEventKind.APPROVE, 1, label="Laiza laptop")
    reject = event(DeviceEventKind.REJECT, 2, desk="b")
    revoke_late = event(DeviceEventKind.REVOKE, 9)
    revoke_early = event(DeviceEventKind.REVOKE, 5, desk="b")
    approve_again = event(DeviceEventKind.APPROVE, 20)
    for order in itertools.permutations([approve, reject]):
        assert fold(order).state is DeviceState.REJECTED
    every = [approve, reject, revoke_late, revoke_early, approve_again]
    decisions = {fold(order) for order in itertools.permutations(every)}
    assert len(decisions) == 1
    (decision,) = decisions
    assert decision.state is DeviceState.REVOKED
    assert decision.revoked_at == revoke_early.at
    assert fold([]).state is DeviceState.UNAPPROVED
    assert fold([approve]).label == "Laiza laptop"


def test_a_device_event_round_trips_and_bad_ones_are_refused() -> None:
    # The document around the events (gatewatch-devices-1/2) is sync/payloads/devices.py's.
    approve = event(DeviceEventKind.APPROVE, 1)
    assert DeviceEvent.from_json(approve.to_json()) == approve
    for bad in (
        {**approve.to_json(), "kind": "promote"},
        {**approve.to_json(), "public_key": "AAAA"},
        {**approve.to_json(), "public_key": "not base64!"},
        {**approve.to_json(), "label": ""},
        {**approve.to_json(), "extra": "x"},
    ):
        with pytest.raises(ReviewError):
            DeviceEvent.from_json(bad)
