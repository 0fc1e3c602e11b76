"""Assignments, tags and merged duplicates at the desk (schema v11): the events, and what
they converge to.

An assignment or tag event is kept once by event id in ``desk_review_marks``; recording one
updates ``desk_assignments`` (per report) or ``desk_report_tags`` (per report and tag) only
when its order key is greater than the one that set the current value, so applying the
same events in any order gives the same assignments and tags on every desk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.desk.review_events import EventKind, ReviewEvent, fixed_utc, parse_event_time
from desktop.store.database import Store


@dataclass(frozen=True)
class Assignment:
    report_id: str
    assignee_id: str | None
    assignee_label: str | None


def insert_mark(conn: Any, event: ReviewEvent, envelope_id: str | None, now: datetime) -> int:
    """Inside a transaction: store one assignment or tag event; 1 if it was new."""
    cursor = conn.execute(
        "INSERT INTO desk_review_marks (event_id, report_id, kind, value, value_label, note,"
        " desk_id, desk_label, at, envelope_id, recorded_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
        (
            event.event_id,
            event.report_id,
            event.kind.value,
            event.value,
            event.value_label,
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
    key = event.order_key
    if event.kind is EventKind.ASSIGN:
        conn.execute(
            "INSERT INTO desk_assignments (report_id, assignee_id, assignee_label, mark_key)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (report_id) DO UPDATE SET"
            " assignee_id = excluded.assignee_id, assignee_label = excluded.assignee_label,"
            " mark_key = excluded.mark_key WHERE excluded.mark_key > desk_assignments.mark_key",
            (event.report_id, event.value or None, event.value_label or None, key),
        )
    elif event.kind is EventKind.LINK:
        conn.execute(
            "INSERT INTO desk_report_links (report_id, lead_id, mark_key) VALUES (?, ?, ?)"
            " ON CONFLICT (report_id) DO UPDATE SET lead_id = excluded.lead_id,"
            " mark_key = excluded.mark_key WHERE excluded.mark_key > desk_report_links.mark_key",
            (event.report_id, event.value or None, key),
        )
    else:
        conn.execute(
            "INSERT INTO desk_report_tags (report_id, tag, present, mark_key)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (report_id, tag) DO UPDATE SET"
            " present = excluded.present, mark_key = excluded.mark_key"
            " WHERE excluded.mark_key > desk_report_tags.mark_key",
            (event.report_id, event.value, int(event.kind is EventKind.TAG), key),
        )
    return 1


class MarksRepository:
    """Assignment and tag queries over one open desk store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def marks(self, report_id: str) -> list[ReviewEvent]:
        """Every assignment and tag event on the report, in the convergence order."""
        rows = self._store.conn.execute(
            "SELECT event_id, report_id, kind, value, value_label, note, desk_id, desk_label,"
            " at FROM desk_review_marks WHERE report_id = ?",
            (report_id,),
        ).fetchall()
        events = [
            ReviewEvent(
                event_id=r[0],
                report_id=r[1],
                kind=EventKind(r[2]),
                value=r[3],
                value_label=r[4] or "",
                note=r[5] or "",
                desk_id=r[6],
                desk_label=r[7] or "",
                at=parse_event_time(r[8]),
            )
            for r in rows
        ]
        return sorted(events, key=lambda e: e.order_key)

    def assignment(self, report_id: str) -> Assignment:
        row = self._store.conn.execute(
            "SELECT assignee_id, assignee_label FROM desk_assignments WHERE report_id = ?",
            (report_id,),
        ).fetchone()
        return Assignment(report_id, None, None) if row is None else Assignment(report_id, *row)

    def assignments(self, report_ids: Sequence[str]) -> dict[str, Assignment]:
        found: dict[str, Assignment] = {}
        for start in range(0, len(report_ids), 500):
            chunk = list(report_ids[start : start + 500])
            for row in self._store.conn.execute(
                "SELECT report_id, assignee_id, assignee_label FROM desk_assignments"
                f" WHERE report_id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                found[row[0]] = Assignment(*row)
        return {rid: found.get(rid, Assignment(rid, None, None)) for rid in report_ids}

    def assignment_time(self, report_id: str) -> datetime | None:
        """When the assignment in force was made (None: never assigned)."""
        return _key_time(
            self._store.conn.execute(
                "SELECT mark_key FROM desk_assignments WHERE report_id = ?", (report_id,)
            ).fetchone()
        )

    def tag_time(self, report_id: str, tag: str) -> datetime | None:
        """When the tag was last put on or taken off the report (None: never)."""
        return _key_time(
            self._store.conn.execute(
                "SELECT mark_key FROM desk_report_tags WHERE report_id = ? AND tag = ?",
                (report_id, tag),
            ).fetchone()
        )

    def links(self) -> dict[str, str]:
        """Every merged report and the lead it is linked to."""
        rows = self._store.conn.execute(
            "SELECT report_id, lead_id FROM desk_report_links WHERE lead_id IS NOT NULL"
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def link_time(self, report_id: str) -> datetime | None:
        return _key_time(
            self._store.conn.execute(
                "SELECT mark_key FROM desk_report_links WHERE report_id = ?", (report_id,)
            ).fetchone()
        )

    def tags(self, report_id: str) -> list[str]:
        return self.tags_of([report_id])[report_id]

    def tags_of(self, report_ids: Sequence[str]) -> dict[str, list[str]]:
        """Each report's tags (sorted)."""
        found: dict[str, list[str]] = {rid: [] for rid in report_ids}
        for start in range(0, len(report_ids), 500):
            chunk = list(report_ids[start : start + 500])
            for report_id, tag in self._store.conn.execute(
                "SELECT report_id, tag FROM desk_report_tags WHERE present = 1"
                f" AND report_id IN ({','.join('?' * len(chunk))}) ORDER BY tag",
                chunk,
            ):
                found[report_id].append(tag)
        return found

    def tags_in_use(self) -> list[str]:
        rows = self._store.conn.execute(
            "SELECT DISTINCT tag FROM desk_report_tags WHERE present = 1 ORDER BY tag"
        ).fetchall()
        return [r[0] for r in rows]

    def known_desks(self) -> list[tuple[str, str]]:
        """Every desk this desk has seen an event from (and itself): (desk id, its latest
        label), by label. An editor assigns reports to these."""
        rows = self._store.conn.execute(
            "SELECT desk_id, desk_label, at FROM desk_review_events"
            " UNION ALL SELECT desk_id, desk_label, at FROM desk_review_marks"
            " UNION ALL SELECT value, value_label, at FROM desk_review_marks"
            " WHERE kind = 'assign' AND value != ''"
        ).fetchall()
        latest: dict[str, tuple[str, str]] = {}
        for desk_id, label, at in rows:
            if label and (desk_id not in latest or at > latest[desk_id][1]):
                latest[desk_id] = (label, at)
        me = self._store.conn.execute(
            "SELECT desk_id, label FROM desk_identity WHERE id = 1"
        ).fetchone()
        if me is not None:
            latest[me[0]] = (me[1], "~")
        return sorted(((d, v[0]) for d, v in latest.items()), key=lambda d: (d[1], d[0]))


def _key_time(row: Sequence[Any] | None) -> datetime | None:
    return None if row is None else parse_event_time(str(row[0]).split("|", 1)[0])
