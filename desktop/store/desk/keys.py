"""Per-desk signing keys in the desk's store (schema `_v12_deskkeys`): this desk's own
Ed25519 key with the newsroom's endorsement of it, the endorsed key first seen for every
other desk id, and what refused review envelopes claimed about each report.

The private key lives only here, inside the encrypted store, like the newsroom key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import fixed_utc, parse_event_time
from desktop.store.database import Store


@dataclass(frozen=True)
class OwnDeskKey:
    private_key: bytes  # raw Ed25519 seed; secret
    endorsement: dict[str, str]  # `sync.payloads.endorsement.DeskEndorsement.to_json()`

    def __repr__(self) -> str:
        return f"OwnDeskKey(desk_id={self.endorsement.get('desk_id')!r})"


@dataclass(frozen=True)
class RefusedEvent:
    """What a refused review envelope claimed about one report, and why it was refused."""

    envelope_id: str
    report_id: str
    kind: str | None
    desk_label: str | None
    from_state: ReviewState | None
    to_state: ReviewState | None
    at: datetime  # when this desk refused it
    message: str


class DeskKeysRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    # -- this desk's key ---------------------------------------------------------------

    def own_key(self) -> OwnDeskKey | None:
        row = self._store.conn.execute(
            "SELECT private_key, endorsement FROM desk_signing_key WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        return OwnDeskKey(bytes(row[0]), json.loads(row[1]))

    def save_own_key(self, key: OwnDeskKey, public_key: bytes, now: datetime) -> None:
        """Keep this desk's key (a new endorsement for the same key replaces the old one)
        and pin it like any desk's."""
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT INTO desk_signing_key (id, private_key, endorsement, created_at)"
                " VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " private_key = excluded.private_key, endorsement = excluded.endorsement",
                (key.private_key, json.dumps(key.endorsement), fixed_utc(now)),
            )
            _pin(conn, key.endorsement["desk_id"], public_key, key.endorsement["desk_label"], now)

    # -- other desks' keys -------------------------------------------------------------

    def pinned_key(self, desk_id: str) -> bytes | None:
        row = self._store.conn.execute(
            "SELECT desk_key FROM desk_endorsements WHERE desk_id = ?", (desk_id,)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def pin(self, desk_id: str, desk_key: bytes, label: str, now: datetime) -> None:
        """Remember the endorsed key of a desk id seen for the first time, or its new label
        (the key of a known desk id never changes: the caller refused that)."""
        with self._store.transaction() as conn:
            _pin(conn, desk_id, desk_key, label, now)

    # -- refused events, for each report's history ---------------------------------------

    def record_refused(
        self, envelope_id: str, claimed: Iterable[Mapping[str, Any]], message: str, now: datetime
    ) -> None:
        rows = []
        for event in claimed:
            report_id = event.get("report_id")
            if not isinstance(report_id, str) or len(report_id) > 64:
                continue
            rows.append(
                (
                    envelope_id,
                    report_id,
                    _text(event.get("kind")),
                    _text(event.get("desk_label")),
                    _state(event.get("from_state")),
                    _state(event.get("to_state")),
                    fixed_utc(now),
                    message,
                )
            )
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM desk_refused_events WHERE envelope_id = ?", (envelope_id,))
            conn.executemany(
                "INSERT INTO desk_refused_events (envelope_id, report_id, kind, desk_label,"
                " from_state, to_state, at, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def refused_events(self, report_id: str) -> list[RefusedEvent]:
        rows = self._store.conn.execute(
            "SELECT envelope_id, report_id, kind, desk_label, from_state, to_state, at, message"
            " FROM desk_refused_events WHERE report_id = ? ORDER BY at, rowid",
            (report_id,),
        ).fetchall()
        return [
            RefusedEvent(
                r[0],
                r[1],
                r[2],
                r[3],
                None if r[4] is None else ReviewState(r[4]),
                None if r[5] is None else ReviewState(r[5]),
                parse_event_time(r[6]),
                r[7],
            )
            for r in rows
        ]


def _pin(conn: Any, desk_id: str, desk_key: bytes, label: str, now: datetime) -> None:
    conn.execute(
        "INSERT INTO desk_endorsements (desk_id, desk_key, desk_label, seen_at)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (desk_id) DO UPDATE SET desk_label ="
        " excluded.desk_label WHERE desk_endorsements.desk_key = excluded.desk_key",
        (desk_id, desk_key, label, fixed_utc(now)),
    )


def _text(value: object) -> str | None:
    return value[:200] if isinstance(value, str) else None


def _state(value: object) -> str | None:
    return value if value in {s.value for s in ReviewState} else None
