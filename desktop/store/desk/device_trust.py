"""The desk's device decisions (schema ``_v13_approval_devices``): every approval,
rejection and revocation event (``desk_device_events``), and what they decide per device
(``desk_device_trust``), kept up to date as events arrive, for the inbox to join on. Which
reports count as sources on the board (from an approved device, or made before its
device's revocation) follows in ``desk_reports.counts``, kept by schema v17's triggers.

An approval pins the device's label and signing key in ``desk_devices`` itself, so every
place that names a device shows the approved label, and envelopes are verified against
the approved key; what the server offers since is kept in ``offered_label`` and flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.domain.desk.device_trust import (
    COUNTED_STATES,
    DeviceEvent,
    DeviceEventKind,
    DeviceState,
    fold,
    key_fingerprint,
)
from desktop.domain.desk.review_events import fixed_utc, parse_event_time
from desktop.store.database import Store

UNAPPROVED = (
    "{t}.device_id NOT IN (SELECT device_id FROM desk_device_trust WHERE state IN ("
    + ", ".join(f"'{s.value}'" for s in COUNTED_STATES)
    + "))"
)
"""SQL: a report from a device no editor approved (or one rejected): the waiting queue."""


@dataclass(frozen=True)
class DeviceStatus:
    """A device as the desk sees it: the server's listing beside the editors' decision."""

    device_id: str
    state: DeviceState
    label: str | None  # pinned by approval, else as first seen
    offered_label: str | None  # what the server lists now
    public_key: bytes | None
    enrolled_at: str | None
    revoked_at: datetime | None
    reports: int
    listed: bool  # the server lists it (a device known only from events is not)

    @property
    def fingerprint(self) -> str | None:
        return None if self.public_key is None else key_fingerprint(self.public_key)


class DeviceTrustRepository:
    """The device decision tables of one open store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def record(
        self,
        events: Sequence[DeviceEvent],
        envelope_id: str | None,
        now: datetime,
        *,
        outbox_body: bytes | None = None,
    ) -> int:
        """Record events (this desk's own with their sealed envelope ``outbox_body``, or a
        pulled envelope's, whose payload is dropped) and decide their devices again, in one
        transaction; returns how many events were new."""
        added = 0
        with self._store.transaction() as conn:
            for e in events:
                cursor = conn.execute(
                    "INSERT INTO desk_device_events (event_id, device_id, kind, label, public_key,"
                    " enrolled_at, desk_id, desk_label, at, envelope_id, recorded_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                    (e.event_id, e.device_id, e.kind.value, e.label, e.public_key,
                     e.enrolled_at, e.desk_id, e.desk_label, fixed_utc(e.at), envelope_id,
                     fixed_utc(now)),
                )  # fmt: skip
                added += int(cursor.rowcount) == 1
            for device_id in sorted({e.device_id for e in events}):
                _decide(conn, device_id)
            if outbox_body is not None and envelope_id is not None:
                conn.execute(
                    "INSERT INTO desk_review_outbox (envelope_id, body, created_at)"
                    " VALUES (?, ?, ?)",
                    (envelope_id, outbox_body, fixed_utc(now)),
                )
            elif envelope_id is not None:
                conn.execute(
                    "UPDATE desk_envelopes SET payload = NULL, reason = NULL, message = NULL"
                    " WHERE envelope_id = ?",
                    (envelope_id,),
                )
        return added

    def events(self, device_id: str) -> list[DeviceEvent]:
        rows = self._store.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM desk_device_events WHERE device_id = ? ORDER BY at",
            (device_id,),
        ).fetchall()
        return [_event(r) for r in rows]

    def statuses(self) -> list[DeviceStatus]:
        """Every device the server listed or an event named, unapproved ones first."""
        rows = self._store.conn.execute(
            "SELECT ids.device_id, t.state, coalesce(t.label, d.label), d.offered_label,"
            " coalesce(t.public_key, d.public_key), d.enrolled_at, t.revoked_at,"
            " (SELECT count(*) FROM desk_reports AS r WHERE r.device_id = ids.device_id),"
            " d.device_id IS NOT NULL"
            " FROM (SELECT device_id FROM desk_devices UNION SELECT device_id FROM"
            " desk_device_trust) AS ids"
            " LEFT JOIN desk_devices AS d ON d.device_id = ids.device_id"
            " LEFT JOIN desk_device_trust AS t ON t.device_id = ids.device_id"
        ).fetchall()
        found = [
            DeviceStatus(
                device_id=r[0],
                state=DeviceState(r[1] or DeviceState.UNAPPROVED.value),
                label=r[2],
                offered_label=r[3],
                public_key=None if r[4] is None else bytes(r[4]),
                enrolled_at=r[5],
                revoked_at=None if r[6] is None else parse_event_time(r[6]),
                reports=int(r[7]),
                listed=bool(r[8]),
            )
            for r in rows
        ]
        order = list(DeviceState)
        return sorted(found, key=lambda s: (order.index(s.state), s.label or "", s.device_id))

    def status(self, device_id: str) -> DeviceStatus | None:
        return next((s for s in self.statuses() if s.device_id == device_id), None)

    def revocations(self) -> dict[str, datetime]:
        """Revoked devices and their revocation times."""
        rows = self._store.conn.execute(
            "SELECT device_id, revoked_at FROM desk_device_trust WHERE state = 'revoked'"
        ).fetchall()
        return {str(r[0]): parse_event_time(r[1]) for r in rows}

    def revoked_refusals(self) -> dict[str, tuple[int, int]]:
        """Per device, how many of its reports and of its answers were refused for its
        revocation."""
        rows = self._store.conn.execute(
            "SELECT device_id, sum(kind != 'message'), sum(kind = 'message') FROM desk_envelopes"
            " WHERE outcome = 'refused' AND reason = 'device_revoked' GROUP BY device_id"
        ).fetchall()
        return {str(r[0]): (int(r[1]), int(r[2])) for r in rows}

    def refused_review_payloads(self) -> list[tuple[bytes, str]]:
        """Review envelopes refused for their signature or form, with their payload (kept:
        what they claimed is shown) and the reason's message, in server order."""
        rows = self._store.conn.execute(
            "SELECT payload, message FROM desk_envelopes WHERE kind = 'review'"
            " AND outcome = 'refused' AND payload IS NOT NULL"
            " AND reason IN ('bad_desk_signature', 'invalid_review') ORDER BY seq"
        ).fetchall()
        return [(bytes(r[0]), str(r[1] or "")) for r in rows]

    def unapproved_count(self) -> int:
        """Reports waiting for their device's approval."""
        row = self._store.conn.execute(
            f"SELECT count(*) FROM desk_reports AS r WHERE {UNAPPROVED.format(t='r')}"
        ).fetchone()
        return int(row[0])


_EVENT_COLUMNS = (
    "event_id, device_id, kind, label, public_key, enrolled_at, desk_id, desk_label, at"
)


def _event(row: Sequence[Any]) -> DeviceEvent:
    return DeviceEvent(
        row[0], row[1], DeviceEventKind(row[2]), row[3], bytes(row[4]), row[5], row[6],
        row[7], parse_event_time(row[8]),
    )  # fmt: skip


def _decide(conn: Any, device_id: str) -> None:
    """Inside a transaction: the device's state from all its events; an approval's label
    and key become the device's own at this desk (the server's label is kept aside)."""
    rows = conn.execute(
        f"SELECT {_EVENT_COLUMNS} FROM desk_device_events WHERE device_id = ?", (device_id,)
    ).fetchall()
    decision = fold(_event(r) for r in rows)
    revoked = None if decision.revoked_at is None else fixed_utc(decision.revoked_at)
    conn.execute(
        "INSERT INTO desk_device_trust (device_id, state, label, public_key, revoked_at, origin)"
        " VALUES (?, ?, ?, ?, ?, 'event') ON CONFLICT (device_id) DO UPDATE"
        " SET state = excluded.state, label = excluded.label, public_key = excluded.public_key,"
        " revoked_at = excluded.revoked_at, origin = 'event'",
        (device_id, decision.state.value, decision.label, decision.public_key, revoked),
    )
    if decision.label is not None and decision.public_key is not None:
        conn.execute(
            "INSERT INTO desk_devices (device_id, label, public_key, enrolled, revoked,"
            " updated_at) VALUES (?, ?, ?, 0, 0, ?) ON CONFLICT (device_id) DO UPDATE"
            " SET label = excluded.label, public_key = excluded.public_key",
            (device_id, decision.label, decision.public_key, fixed_utc(datetime.now(UTC))),
        )
