"""What needs an editor's attention at the desk: the queries behind the attention view.

Only current revisions count (a correction replaced the others), and only reports an
editor has still to judge (new or needing follow-up).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.desk.review_events import parse_event_time
from desktop.store.database import Store

_OPEN = (
    "r.state IN ('new', 'needs_follow_up') AND NOT EXISTS (SELECT 1 FROM desk_reports AS l"
    " WHERE l.lineage_id = r.lineage_id AND l.revision > r.revision)"
)


@dataclass(frozen=True)
class Waiting:
    report_id: str
    at: datetime  # when it arrived (an answer, the report)


class AttentionRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def answers_to_read(self) -> list[Waiting]:
        """Reports a correspondent answered after the report's last move, newest first."""
        rows = self._store.conn.execute(
            "SELECT f.report_id, max(f.answer_received_at), r.state_key FROM desk_followups AS f"
            f" JOIN desk_reports AS r ON r.id = f.report_id WHERE f.answer_text IS NOT NULL"
            f" AND f.answer_received_at IS NOT NULL AND {_OPEN} GROUP BY f.report_id"
        ).fetchall()
        found = []
        for report_id, answered, state_key in rows:
            at = parse_event_time(answered)
            moved = None if state_key is None else parse_event_time(state_key.split("|", 1)[0])
            if moved is None or moved < at:
                found.append(Waiting(report_id, at))
        return sorted(found, key=lambda w: (w.at, w.report_id), reverse=True)

    def assigned_to_me(self) -> list[Waiting]:
        """Reports assigned to this desk, still to judge, newest first."""
        rows = self._store.conn.execute(
            "SELECT r.id, r.observed_at FROM desk_reports AS r JOIN desk_assignments AS a"
            " ON a.report_id = r.id WHERE a.assignee_id = (SELECT desk_id FROM desk_identity"
            f" WHERE id = 1) AND {_OPEN} ORDER BY r.observed_at DESC, r.id DESC"
        ).fetchall()
        return [Waiting(r[0], parse_event_time(r[1])) for r in rows]

    def new_reports(self, limit: int) -> tuple[list[Waiting], int]:
        """The newest `limit` reports nobody has moved yet, and how many there are."""
        rows = self._store.conn.execute(
            "SELECT r.id, r.observed_at FROM desk_reports AS r WHERE r.state = 'new'"
            f" AND {_OPEN} ORDER BY r.observed_at DESC LIMIT ?",
            (limit,),
        ).fetchall()
        count = self._store.conn.execute(
            f"SELECT count(*) FROM desk_reports AS r WHERE r.state = 'new' AND {_OPEN}"
        ).fetchone()[0]
        return [Waiting(r[0], parse_event_time(r[1])) for r in rows], int(count)

    def new_among(self, report_ids: list[str]) -> int:
        """How many of these reports are new (not moved yet)."""
        count = 0
        for start in range(0, len(report_ids), 500):
            chunk = report_ids[start : start + 500]
            count += self._store.conn.execute(
                "SELECT count(*) FROM desk_reports WHERE state = 'new'"
                f" AND id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchone()[0]
        return count
