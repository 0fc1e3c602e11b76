"""The desk's inbox over ``desk_reports``: which reports a filter shows and in what order,
their rows, the counts by state."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from desktop.domain.desk.board_report import UNKNOWN
from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import parse_event_time
from desktop.domain.report import blank_unclean_chars
from desktop.store.database import Store
from desktop.store.desk.device_trust import UNAPPROVED
from desktop.store.search import search_condition

GateMatcher = Callable[[str], Sequence[str]]
"""Ids of the crossings a text names (the gazetteer's `named`, any name in any language)."""


@dataclass(frozen=True)
class InboxFilter:
    """What the inbox shows; every field narrows, None/empty means any."""

    gates: frozenset[str] = frozenset()
    states: frozenset[ReviewState] = frozenset()
    since: date | None = None
    until: date | None = None
    source_categories: frozenset[str] = frozenset()
    reliabilities: frozenset[str] = frozenset()
    devices: frozenset[str] = frozenset()
    text: str = ""
    oldest_first: bool = False
    mine: bool = False  # assigned to this desk
    unassigned: bool = False
    waiting_answer: bool = False  # a follow-up question asked here and not answered yet
    tags: frozenset[str] = frozenset()  # every one of them
    unapproved: bool = False  # from devices no editor approved: the queue waiting for one
    report_ids: frozenset[str] = frozenset()  # these reports only (those behind a board flag)


@dataclass(frozen=True)
class InboxRow:
    """One line of the inbox (what the list shows without parsing the whole record)."""

    report_id: str
    gate: str | None
    new_crossing: str | None
    observed_at: datetime
    received_at: str
    state: ReviewState
    china_side: str
    myanmar_side: str
    device_id: str
    device_label: str | None
    source_category: str | None
    reliability: str | None
    narrative: str
    assignee: str | None = None  # the label of the desk it is assigned to
    tags: tuple[str, ...] = ()


_INBOX_COLUMNS = (
    "r.id, r.gate, json_extract(r.record, '$.new_crossing.name'), r.observed_at,"
    " r.received_at, r.state, json_extract(r.record, '$.china_side'),"
    " json_extract(r.record, '$.myanmar_side'), r.device_id, d.label, r.source_category,"
    " r.reliability, substr(json_extract(r.record, '$.narrative'), 1, 300),"
    " (SELECT a.assignee_label FROM desk_assignments AS a WHERE a.report_id = r.id),"
    " (SELECT group_concat(t.tag, char(31)) FROM (SELECT tag FROM desk_report_tags"
    " WHERE report_id = r.id AND present = 1 ORDER BY tag) AS t)"
)
# The record whole: json.loads in Python is several times faster than nine json_extracts.
CURRENT = (
    "NOT EXISTS (SELECT 1 FROM desk_reports AS later WHERE later.lineage_id = {t}.lineage_id"
    " AND later.revision > {t}.revision)"
)
"""A report no later revision of its lineage (a correction) has replaced, at this desk."""


class InboxQueries:
    """The inbox's queries (a part of `ReviewRepository`)."""

    _store: Store
    _gates_named: GateMatcher | None

    # -- inbox -----------------------------------------------------------------------------

    def inbox_ids(self, where: InboxFilter) -> list[str]:
        """Ids of the reports the filter shows, by observation time (newest first)."""
        sql, params = _inbox_where(where, self._gates_named)
        order = "ASC" if where.oldest_first else "DESC"
        # Ties are ordered here, not in SQL: an id term after the index's observed_at made
        # SQLite sort through a temporary B-tree, 2 s instead of 0.2 s for 100,000 reports.
        # Read row by row, sorting only each run of equal times: with 100,000 reports a
        # fetchall and a sort of (time, id) pairs held ~30 MB of temporaries at once.
        cursor = self._store.conn.execute(
            f"SELECT r.id, r.observed_at FROM desk_reports AS r WHERE {sql}"
            f" ORDER BY r.observed_at {order}",
            params,
        )
        ids: list[str] = []
        run: list[str] = []
        run_at: object = None
        for report_id, observed_at in cursor:
            if observed_at != run_at:
                ids += sorted(run, reverse=not where.oldest_first)
                run = []
                run_at = observed_at
            run.append(report_id)
        ids += sorted(run, reverse=not where.oldest_first)
        return ids

    def latest_revisions(self, report_ids: Sequence[str]) -> dict[str, str]:
        """For each report held, the id of its lineage's latest revision at this desk
        (its own id when no correction replaced it)."""
        found: dict[str, str] = {}
        for start in range(0, len(report_ids), 500):
            chunk = list(report_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for report_id, latest in self._store.conn.execute(
                "SELECT r.id, (SELECT l.id FROM desk_reports AS l WHERE l.lineage_id ="
                " r.lineage_id ORDER BY l.revision DESC LIMIT 1)"
                f" FROM desk_reports AS r WHERE r.id IN ({marks})",
                chunk,
            ):
                found[report_id] = latest
        return found

    def inbox_rows(self, report_ids: Sequence[str]) -> list[InboxRow]:
        """The rows for these ids, in the order given (ids not held are left out)."""
        if not report_ids:
            return []
        conn = self._store.conn
        found: dict[str, InboxRow] = {}
        for start in range(0, len(report_ids), 500):
            chunk = list(report_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(
                f"SELECT {_INBOX_COLUMNS} FROM desk_reports AS r"
                " LEFT JOIN desk_devices AS d ON d.device_id = r.device_id"
                f" WHERE r.id IN ({marks})",
                chunk,
            ):
                found[row[0]] = InboxRow(
                    report_id=row[0],
                    gate=row[1],
                    new_crossing=row[2],
                    observed_at=parse_event_time(row[3]),
                    received_at=row[4],
                    state=ReviewState(row[5]),
                    china_side=row[6] or UNKNOWN,
                    myanmar_side=row[7] or UNKNOWN,
                    device_id=row[8],
                    device_label=row[9],
                    source_category=row[10],
                    reliability=row[11],
                    narrative=row[12] or "",
                    assignee=row[13],
                    tags=tuple(row[14].split("\x1f")) if row[14] else (),
                )
        return [found[i] for i in report_ids if i in found]

    def device_labels(self) -> list[tuple[str, str | None]]:
        rows = self._store.conn.execute(
            "SELECT device_id, label FROM desk_devices ORDER BY coalesce(label, device_id)"
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def counts_by_state(self, *, since: datetime | None = None) -> dict[ReviewState, int]:
        """How many current revisions are in each review state (observed since `since`)."""
        sql = f"SELECT state, count(*) FROM desk_reports WHERE {CURRENT.format(t='desk_reports')}"
        params: list[Any] = []
        if since is not None:
            sql += " AND observed_at >= ?"
            params.append(record_time(since))
        rows = self._store.conn.execute(sql + " GROUP BY state", params).fetchall()
        return {ReviewState(state): int(count) for state, count in rows}

    def report_count(self) -> int:
        return int(self._store.conn.execute("SELECT count(*) FROM desk_reports").fetchone()[0])


# -- helpers -------------------------------------------------------------------------------


def record_time(moment: datetime) -> str:
    """A time in the form desk_reports.observed_at holds (the record's, to the second)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _inbox_where(where: InboxFilter, gates_named: GateMatcher | None) -> tuple[str, list[Any]]:
    clauses: list[str] = ["1"]
    params: list[Any] = []

    def any_of(column: str, values: Sequence[str]) -> None:
        clauses.append(f"{column} IN ({','.join('?' * len(values))})")
        params.extend(values)

    if where.report_ids:
        any_of("r.id", sorted(where.report_ids))
    if where.gates:
        any_of("r.gate", sorted(where.gates))
    if where.states:
        any_of("r.state", sorted(s.value for s in where.states))
    if where.source_categories:
        any_of("r.source_category", sorted(where.source_categories))
    if where.reliabilities:
        any_of("r.reliability", sorted(where.reliabilities))
    if where.devices:
        any_of("r.device_id", sorted(where.devices))
    if where.mine:
        clauses.append(
            "r.id IN (SELECT report_id FROM desk_assignments WHERE assignee_id ="
            " (SELECT desk_id FROM desk_identity WHERE id = 1))"
        )
    if where.unassigned:
        clauses.append(
            "r.id NOT IN (SELECT report_id FROM desk_assignments WHERE assignee_id IS NOT NULL)"
        )
    if where.unapproved:
        clauses.append(UNAPPROVED.format(t="r"))
    if where.waiting_answer:
        clauses.append("r.id IN (SELECT report_id FROM desk_followups WHERE answer_text IS NULL)")
    for tag in sorted(where.tags):
        clauses.append(
            "r.id IN (SELECT report_id FROM desk_report_tags WHERE tag = ? AND present = 1)"
        )
        params.append(tag)
    if where.since is not None:
        clauses.append("r.observed_at >= ?")
        params.append(record_time(datetime.combine(where.since, time(0), UTC)))
    if where.until is not None:
        clauses.append("r.observed_at < ?")
        params.append(record_time(datetime.combine(where.until, time(0), UTC) + timedelta(1)))
    # The correspondent's search rules (desktop.store.search), on the desk's index.
    found = search_condition(
        blank_unclean_chars(where.text),
        "r.id",
        "SELECT report_id FROM desk_reports_fts WHERE desk_reports_fts MATCH ?",
        "SELECT id FROM desk_reports WHERE gate IN ({gates})",
        gates_named,
    )
    if found is not None:
        clauses.append(found[0])
        params.extend(found[1])
    if where.text.strip():
        clauses.append(CURRENT.format(t="r"))  # a corrected revision is not a result
    return " AND ".join(clauses), params
