"""Which devices the desk counts as sources: approval, rejection and revocation, decided by
editors, never by the server.

A device the server lists is ``unapproved`` until an editor approves it, seeing its label,
its signing key's fingerprint and its enrolment time. The approval pins the label and the
fingerprint: a label or key the server offers later is flagged, not applied. A revocation
is final: envelopes the device sealed after its time are refused by every desk, whatever
the server still lists. These decisions are `DeviceEvent`\\ s, signed by the deciding
desk's own key like review events (a ``gatewatch-devices-2`` document in a review
envelope, `desktop.services.desk.signing`; earlier versions shared unsigned
``gatewatch-devices-1`` documents) so every desk holds the same ones; a device's state
follows from its events alone (`fold`), in any arrival order. The documents' formats are
in `sync/payloads/devices.py`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from desktop.domain.desk.review import DESK_ID_PATTERN, MAX_LABEL_CHARS, ReviewError
from desktop.domain.desk.review_events import fixed_utc, parse_event_time
from desktop.domain.ids import new_report_id
from desktop.domain.report import format_utc

_DEVICE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SURROGATE = re.compile("[\ud800-\udfff]")


class DeviceEventKind(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    REVOKE = "revoke"


class DeviceState(StrEnum):
    UNAPPROVED = "unapproved"
    APPROVED = "approved"
    REJECTED = "rejected"
    REVOKED = "revoked"


COUNTED_STATES = (DeviceState.APPROVED, DeviceState.REVOKED)
"""A revoked device's reports sealed before its revocation still count; later ones are
refused when pulled."""


def key_fingerprint(public_key: bytes) -> str:
    """A device signing key's fingerprint: SHA-256 of the raw key, first 16 bytes, hex."""
    return hashlib.sha256(public_key).hexdigest()[:32]


def spaced(fingerprint: str) -> str:
    """A fingerprint in groups of four, to read aloud and compare."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


@dataclass(frozen=True)
class DeviceEvent:
    """An editor's decision about one device, by one desk. ``label`` and ``public_key``
    (the raw Ed25519 key, not only its fingerprint: a desk that first heard of the device
    from a lying server takes the key the approving editor saw) are pinned;
    ``enrolled_at`` is as the server gave it."""

    event_id: str
    device_id: str
    kind: DeviceEventKind
    label: str
    public_key: bytes
    enrolled_at: str
    desk_id: str
    desk_label: str
    at: datetime

    def __post_init__(self) -> None:
        if not _UUID.fullmatch(self.event_id):
            raise ReviewError("a device event id is a lowercase UUID")
        if not _DEVICE_ID.fullmatch(self.device_id):
            raise ReviewError("a device id is 1 to 64 characters of A-Z a-z 0-9 . _ : -")
        if not DESK_ID_PATTERN.fullmatch(self.desk_id):
            raise ReviewError("a desk id is 'desk-' and 16 hex digits")
        if len(self.public_key) != 32:
            raise ReviewError("a device signing key is 32 bytes")
        for text in (self.label, self.desk_label):
            if not text.strip() or len(text) > MAX_LABEL_CHARS or _SURROGATE.search(text):
                raise ReviewError(f"a label has 1 to {MAX_LABEL_CHARS} characters")
        if len(self.enrolled_at) > 40:
            raise ReviewError("an enrolment time is at most 40 characters")
        if self.at.tzinfo is None:
            raise ReviewError("event times carry a time zone")

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.public_key)

    @property
    def order_key(self) -> str:
        return f"{fixed_utc(self.at)}|{self.desk_id}|{self.event_id}"

    @classmethod
    def make(
        cls,
        kind: DeviceEventKind,
        device_id: str,
        *,
        label: str,
        public_key: bytes,
        enrolled_at: str,
        desk_id: str,
        desk_label: str,
        at: datetime | None = None,
    ) -> DeviceEvent:
        moment = (at or datetime.now(UTC)).astimezone(UTC)
        return cls(
            new_report_id(moment), device_id, kind, label, public_key, enrolled_at,
            desk_id, desk_label, moment,
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "device_id": self.device_id,
            "kind": self.kind.value,
            "label": self.label,
            "public_key": base64.b64encode(self.public_key).decode("ascii"),
            "enrolled_at": self.enrolled_at,
            "desk_id": self.desk_id,
            "desk_label": self.desk_label,
            "at": format_utc(self.at),
        }

    @classmethod
    def from_json(cls, data: object) -> DeviceEvent:
        """Parse an event from another desk; `ReviewError` for anything malformed."""
        if not isinstance(data, dict) or set(data) != _KEYS:
            raise ReviewError("a device event has exactly the keys " + ", ".join(sorted(_KEYS)))
        if not all(isinstance(value, str) for value in data.values()):
            raise ReviewError("every device event field is text")
        try:
            kind = DeviceEventKind(data["kind"])
        except ValueError:
            raise ReviewError(f"unknown device event kind {data['kind']!r}") from None
        try:
            key = base64.b64decode(data["public_key"], validate=True)
        except (binascii.Error, ValueError):
            raise ReviewError("a device signing key is base64") from None
        return cls(
            data["event_id"], data["device_id"], kind, data["label"], key,
            data["enrolled_at"], data["desk_id"], data["desk_label"],
            parse_event_time(data["at"]),
        )  # fmt: skip


_KEYS = frozenset(
    {"event_id", "device_id", "kind", "label", "public_key", "enrolled_at"}
    | {"desk_id", "desk_label", "at"}
)


@dataclass(frozen=True)
class Decision:
    """What a device's events decide: its state, the label and key an approval pinned (the
    latest approval's; a revocation's without one), and when it was revoked (the earliest
    revocation)."""

    state: DeviceState
    label: str | None = None
    public_key: bytes | None = None
    revoked_at: datetime | None = None
    order_key: str = ""


def fold(events: Iterable[DeviceEvent]) -> Decision:
    """The decision a device's events give, the same in any order: a revocation wins over
    everything (the earliest one's time counts); otherwise the latest approval or
    rejection by the convergence order (time, desk id, event id)."""
    latest: DeviceEvent | None = None
    approval: DeviceEvent | None = None
    revoked: DeviceEvent | None = None
    for event in events:
        if event.kind is DeviceEventKind.REVOKE:
            if revoked is None or event.order_key < revoked.order_key:
                revoked = event
            continue
        if latest is None or event.order_key > latest.order_key:
            latest = event
        if event.kind is DeviceEventKind.APPROVE and (
            approval is None or event.order_key > approval.order_key
        ):
            approval = event
    pinned = approval or revoked
    label = None if pinned is None else pinned.label
    key = None if pinned is None else pinned.public_key
    if revoked is not None:
        return Decision(DeviceState.REVOKED, label, key, revoked.at, revoked.order_key)
    if latest is None:
        return Decision(DeviceState.UNAPPROVED)
    state = DeviceState.APPROVED if latest.kind is DeviceEventKind.APPROVE else DeviceState.REJECTED
    return Decision(state, label, key, None, latest.order_key)
