"""The desk's review events and the states they decide (schema v5): this desk's identity,
recording events (moves set ``desk_reports.state``), the review outbox, and the review
envelopes a pull brought.

A report's state lives in ``desk_reports.state`` with ``state_key``, the order key of the
move that set it (`desktop.domain.desk.review`): recording a move updates the state only when
its key is greater, so applying the same events in any order gives the same states.
Events for a report not held yet are kept and applied when it arrives (`apply_held_events`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import (
    MARK_KINDS,
    EventKind,
    ReviewEvent,
    fixed_utc,
    parse_event_time,
)
from desktop.store.database import Store
from desktop.store.desk.marks import insert_mark

HELD_REASON = "held_clock_ahead"
"""``desk_envelopes.reason`` of a review envelope held for a time ahead of this desk's clock."""


@dataclass(frozen=True)
class DeskIdentity:
    desk_id: str
    label: str


class ReviewEvents:
    """Review events, states and the review outbox (a part of `ReviewRepository`)."""

    _store: Store

    # -- identity --------------------------------------------------------------------------

    def identity(self) -> DeskIdentity | None:
        row = self._store.conn.execute(
            "SELECT desk_id, label FROM desk_identity WHERE id = 1"
        ).fetchone()
        return None if row is None else DeskIdentity(row[0], row[1])

    def set_identity(self, identity: DeskIdentity) -> None:
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT INTO desk_identity (id, desk_id, label) VALUES (1, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET label = excluded.label",
                (identity.desk_id, identity.label),
            )

    # -- events and states -----------------------------------------------------------------

    def record_events(
        self, events: Sequence[ReviewEvent], *, envelope_id: str | None, now: datetime
    ) -> int:
        """Store new events (by event id) and apply moves to states; returns how many new."""
        added = 0
        with self._store.transaction() as conn:
            for event in events:
                added += _insert_event(conn, event, envelope_id, now)
        return added

    def state(self, report_id: str) -> ReviewState | None:
        row = self._store.conn.execute(
            "SELECT state FROM desk_reports WHERE id = ?", (report_id,)
        ).fetchone()
        return None if row is None else ReviewState(row[0])

    def history(self, report_id: str) -> list[ReviewEvent]:
        """Every event on the report, oldest first by the convergence order."""
        rows = self._store.conn.execute(
            "SELECT event_id, report_id, kind, desk_id, desk_label, at, to_state, from_state,"
            " note FROM desk_review_events WHERE report_id = ?",
            (report_id,),
        ).fetchall()
        events = [_event(row) for row in rows]
        return sorted(events, key=lambda e: e.order_key)

    def state_time(self, report_id: str) -> datetime | None:
        """When the move that set the report's current state was made (None: no move)."""
        row = self._store.conn.execute(
            "SELECT state_key FROM desk_reports WHERE id = ?", (report_id,)
        ).fetchone()
        if row is None or row[0] is None:
            return None
        return parse_event_time(str(row[0]).split("|", 1)[0])

    # -- review outbox ---------------------------------------------------------------------

    def record_and_queue(
        self, events: Sequence[ReviewEvent], envelope_id: str, body: bytes, now: datetime
    ) -> None:
        """This desk's own events and their sealed envelope, in one transaction."""
        with self._store.transaction() as conn:
            for event in events:
                _insert_event(conn, event, envelope_id, now)
            conn.execute(
                "INSERT INTO desk_review_outbox (envelope_id, body, created_at) VALUES (?, ?, ?)",
                (envelope_id, body, fixed_utc(now)),
            )

    def unsent_envelopes(self) -> list[tuple[str, bytes]]:
        rows = self._store.conn.execute(
            "SELECT envelope_id, body FROM desk_review_outbox WHERE sent_at IS NULL"
            " ORDER BY created_at, envelope_id"
        ).fetchall()
        return [(str(r[0]), bytes(r[1])) for r in rows]

    def mark_sent(self, envelope_ids: Sequence[str], now: datetime) -> None:
        with self._store.transaction() as conn:
            conn.executemany(
                "UPDATE desk_review_outbox SET sent_at = ?, body = x'' WHERE envelope_id = ?",
                [(fixed_utc(now), eid) for eid in envelope_ids],
            )

    def unsent_count(self) -> int:
        row = self._store.conn.execute(
            "SELECT count(*) FROM desk_review_outbox WHERE sent_at IS NULL"
        ).fetchone()
        return int(row[0])

    # -- pulled review envelopes -----------------------------------------------------------

    def pending_review_payloads(self) -> list[tuple[str, bytes]]:
        """Review envelopes pulled and verified but not applied yet (payload kept until then)."""
        rows = self._store.conn.execute(
            "SELECT envelope_id, payload FROM desk_envelopes WHERE kind = 'review'"
            " AND outcome = 'stored' AND payload IS NOT NULL ORDER BY seq"
        ).fetchall()
        return [(str(r[0]), bytes(r[1])) for r in rows]

    def apply_review_payload(
        self, envelope_id: str, events: Sequence[ReviewEvent], now: datetime
    ) -> int:
        """Record the events of one pulled review envelope and drop its payload, together
        (a hold on it ends)."""
        added = 0
        with self._store.transaction() as conn:
            for event in events:
                added += _insert_event(conn, event, envelope_id, now)
            conn.execute(
                "UPDATE desk_envelopes SET payload = NULL, reason = NULL, message = NULL"
                " WHERE envelope_id = ?",
                (envelope_id,),
            )
        return added

    def hold_review_payload(self, envelope_id: str, message: str) -> None:
        """Keep a review envelope unapplied, with why (its events are dated ahead of this
        desk's clock); it stays among `pending_review_payloads`, tried again each pull."""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE desk_envelopes SET reason = ?, message = ? WHERE envelope_id = ?",
                (HELD_REASON, message, envelope_id),
            )

    def held_reviews(self) -> list[tuple[str, str]]:
        """Review envelopes held, in server order: (envelope id, why)."""
        rows = self._store.conn.execute(
            "SELECT envelope_id, message FROM desk_envelopes WHERE kind = 'review'"
            " AND outcome = 'stored' AND payload IS NOT NULL AND reason = ? ORDER BY seq",
            (HELD_REASON,),
        ).fetchall()
        return [(str(r[0]), str(r[1] or "")) for r in rows]

    def refuse_review_payload(self, envelope_id: str, reason: str, message: str) -> None:
        """Mark a review envelope refused; its payload stays (a later version may read a
        newer review format), out of `pending_review_payloads`."""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE desk_envelopes SET outcome = 'refused', reason = ?, message = ?"
                " WHERE envelope_id = ?",
                (reason, message, envelope_id),
            )


# -- helpers -------------------------------------------------------------------------------


def _insert_event(conn: Any, event: ReviewEvent, envelope_id: str | None, now: datetime) -> int:
    if event.kind in MARK_KINDS:
        return insert_mark(conn, event, envelope_id, now)
    cursor = conn.execute(
        "INSERT INTO desk_review_events (event_id, report_id, kind, from_state, to_state,"
        " note, desk_id, desk_label, at, envelope_id, recorded_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
        (
            event.event_id,
            event.report_id,
            event.kind.value,
            None if event.from_state is None else event.from_state.value,
            None if event.to_state is None else event.to_state.value,
            event.note,
            event.desk_id,
            event.desk_label,
            fixed_utc(event.at),
            envelope_id,
            fixed_utc(now),
        ),
    )
    if cursor.rowcount != 1:
        return 0
    if event.kind is EventKind.MOVE and event.to_state is not None:
        conn.execute(
            "UPDATE desk_reports SET state = ?, state_key = ?"
            " WHERE id = ? AND (state_key IS NULL OR state_key < ?)",
            (event.to_state.value, event.order_key, event.report_id, event.order_key),
        )
    return 1


def apply_held_events(conn: Any, report_ids: Sequence[str] | None = None) -> None:
    """Inside a transaction: reports with no state yet (those of `report_ids`, or all) take
    their latest move's (the order of `ReviewEvent.order_key`: ``at`` is fixed-width)."""
    if report_ids is None:
        held = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT report_id FROM desk_review_events WHERE kind = 'move'"
            )
        ]
    else:  # a pull's page: look up only the reports it brought
        held = []
        for start in range(0, len(report_ids), 500):
            chunk = list(report_ids[start : start + 500])
            held += [
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT report_id FROM desk_review_events WHERE kind = 'move'"
                    f" AND report_id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            ]
    conn.executemany(
        "UPDATE desk_reports SET (state, state_key) = (SELECT e.to_state,"
        " e.at || '|' || e.desk_id || '|' || e.event_id FROM desk_review_events AS e"
        " WHERE e.report_id = desk_reports.id AND e.kind = 'move'"
        " ORDER BY e.at DESC, e.desk_id DESC, e.event_id DESC LIMIT 1)"
        " WHERE id = ? AND state_key IS NULL",
        [(report_id,) for report_id in held],
    )


def _event(row: Sequence[Any]) -> ReviewEvent:
    return ReviewEvent(
        event_id=row[0],
        report_id=row[1],
        kind=EventKind(row[2]),
        desk_id=row[3],
        desk_label=row[4] or "",
        at=parse_event_time(row[5]),
        to_state=None if row[6] is None else ReviewState(row[6]),
        from_state=None if row[7] is None else ReviewState(row[7]),
        note=row[8] or "",
    )
