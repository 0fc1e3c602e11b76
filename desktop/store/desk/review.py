"""The desk's review tables (schema v5): identity, review events and states, the inbox
query, board rows, the review outbox and the exports audit.

A report's state lives in ``desk_reports.state`` with ``state_key``, the order key of the
move that set it (`desktop.domain.desk.review`): recording a move updates the state only when
its key is greater, so applying the same events in any order gives the same states.
Events for a report not held yet are kept and applied when it arrives (`apply_held_events`).
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from desktop.domain.desk.board import (
    UNKNOWN,
    BoardReport,
)
from desktop.domain.desk.review import (
    MARK_KINDS,
    EventKind,
    ReviewEvent,
    ReviewState,
    fixed_utc,
    parse_event_time,
)
from desktop.domain.report import blank_unclean_chars
from desktop.store.database import Store
from desktop.store.desk.device_trust import COUNTED_DEVICES, UNAPPROVED
from desktop.store.desk.keys import DeskKeysRepository
from desktop.store.desk.marks import MarksRepository, insert_mark
from desktop.store.search import search_condition

HELD_REASON = "held_clock_ahead"
"""``desk_envelopes.reason`` of a review envelope held for a time ahead of this desk's clock."""

GateMatcher = Callable[[str], Sequence[str]]
"""Ids of the crossings a text names (the gazetteer's `named`, any name in any language)."""


@dataclass(frozen=True)
class DeskIdentity:
    desk_id: str
    label: str


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


@dataclass(frozen=True)
class ExportRecord:
    export_id: str
    format: str
    filters: dict[str, Any]
    pseudonyms: bool
    reports: int
    at: datetime
    desk_label: str | None


@dataclass(frozen=True)
class AuditEntry:
    """One line of a report's audit trail."""

    at: datetime
    what: str  # "received", "move", "note", "assign", "tag", "untag", "export", "refused"
    desk_label: str | None = None
    from_state: ReviewState | None = None
    to_state: ReviewState | None = None
    note: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


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
_BOARD_COLUMNS = "id, state, device_id, record, observed_at"
_BOARD_STATES = "('new', 'needs_follow_up', 'verified', 'published')"
_CURRENT = (
    "NOT EXISTS (SELECT 1 FROM desk_reports AS later WHERE later.lineage_id = {t}.lineage_id"
    " AND later.revision > {t}.revision)"
)
"""A report no later revision of its lineage (a correction) has replaced, at this desk."""
_COUNTED = COUNTED_DEVICES  # only approved devices are sources on the board


class ReviewRepository:
    """Review, inbox and board queries over one open desk store."""

    def __init__(self, store: Store, gates_named: GateMatcher | None = None) -> None:
        self._store = store
        self._gates_named = gates_named

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

    def audit_trail(self, report_id: str) -> list[AuditEntry]:
        """Received, every move and note, every export that included it, every review event
        refused (what it claimed and why); oldest first. Each desk goes by its latest label
        in every row (an event keeps the label its desk had then; a desk renamed since would
        otherwise show under two names)."""
        conn = self._store.conn
        marks = MarksRepository(self._store)
        labels = dict(marks.known_desks())
        me = conn.execute("SELECT desk_id FROM desk_identity WHERE id = 1").fetchone()
        entries: list[AuditEntry] = []
        row = conn.execute(
            "SELECT e.pulled_at, e.received_at, e.device_id FROM desk_reports r"
            " JOIN desk_envelopes e ON e.envelope_id = r.envelope_id WHERE r.id = ?",
            (report_id,),
        ).fetchone()
        if row is not None:
            entries.append(
                AuditEntry(
                    parse_event_time(row[0]),
                    "received",
                    detail={"server_received_at": row[1], "device_id": row[2]},
                )
            )
        for event in self.history(report_id):
            entries.append(
                AuditEntry(
                    event.at,
                    event.kind.value,
                    labels.get(event.desk_id) or event.desk_label,
                    event.from_state,
                    event.to_state,
                    event.note,
                )
            )
        for mark in marks.marks(report_id):
            entries.append(
                AuditEntry(
                    mark.at,
                    mark.kind.value,
                    labels.get(mark.desk_id) or mark.desk_label,
                    note=mark.note,
                    detail={"value": mark.value, "value_label": mark.value_label},
                )
            )
        for refused in DeskKeysRepository(self._store).refused_events(report_id):
            entries.append(
                AuditEntry(
                    refused.at,
                    "refused",
                    refused.desk_label,
                    refused.from_state,
                    refused.to_state,
                    refused.message,
                    detail={"envelope_id": refused.envelope_id, "kind": refused.kind},
                )
            )
        for export in self.exports_of(report_id):
            entries.append(
                AuditEntry(
                    export.at,
                    "export",
                    (labels.get(me[0]) if me else None) or export.desk_label,  # made here
                    detail={
                        "export_id": export.export_id,
                        "format": export.format,
                        "pseudonyms": export.pseudonyms,
                        "reports": export.reports,
                    },
                )
            )
        return sorted(entries, key=lambda e: e.at)

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

    def state_time(self, report_id: str) -> datetime | None:
        """When the move that set the report's current state was made (None: no move)."""
        row = self._store.conn.execute(
            "SELECT state_key FROM desk_reports WHERE id = ?", (report_id,)
        ).fetchone()
        if row is None or row[0] is None:
            return None
        return parse_event_time(str(row[0]).split("|", 1)[0])

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
        sql = f"SELECT state, count(*) FROM desk_reports WHERE {_CURRENT.format(t='desk_reports')}"
        params: list[Any] = []
        if since is not None:
            sql += " AND observed_at >= ?"
            params.append(_record_time(since))
        rows = self._store.conn.execute(sql + " GROUP BY state", params).fetchall()
        return {ReviewState(state): int(count) for state, count in rows}

    def report_count(self) -> int:
        return int(self._store.conn.execute("SELECT count(*) FROM desk_reports").fetchone()[0])

    # -- board -----------------------------------------------------------------------------

    def board_reports(
        self,
        gate: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        oldest_first: bool = False,
    ) -> Iterator[BoardReport]:
        """The gate's reports that can bear on the board (not rejected), observed in
        [since, until], lazily, by observation time: the board reads only as many as it
        needs (the order follows desk_reports_by_gate; only equal times are sorted)."""
        order = "ASC" if oldest_first else "DESC"
        sql = (
            f"SELECT {_BOARD_COLUMNS} FROM desk_reports WHERE gate = ? AND state IN {_BOARD_STATES}"
            f" AND {_CURRENT.format(t='desk_reports')} AND {_COUNTED.format(t='desk_reports')}"
        )
        params: list[Any] = [gate]
        if since is not None:
            sql += " AND observed_at >= ?"
            params.append(_record_time(since))
        if until is not None:
            sql += " AND observed_at <= ?"
            params.append(_record_time(until))
        # Ties by id here, not in SQL: "ORDER BY observed_at, id" makes SQLite copy every
        # record through a sorter, ten times slower than walking desk_reports_by_gate.
        sql += f" ORDER BY observed_at {order}"
        return self._board_rows(sql, params, descending=not oldest_first)

    def newest_board_time(self, gate: str, *, until: datetime) -> datetime | None:
        """The observation time of the gate's newest report that can bear on the board,
        observed at or before `until`."""
        row = self._store.conn.execute(
            f"SELECT max(observed_at) FROM desk_reports WHERE gate = ?"
            f" AND state IN {_BOARD_STATES} AND observed_at <= ?"
            f" AND {_CURRENT.format(t='desk_reports')} AND {_COUNTED.format(t='desk_reports')}",
            (gate, _record_time(until)),
        ).fetchone()
        return None if row[0] is None else datetime.fromisoformat(row[0])

    def confirmed_board_reports(
        self,
        gate: str,
        *,
        before: datetime,
        aspects: Iterable[str],
        per_aspect: int | None = None,
    ) -> Iterator[BoardReport]:
        """The gate's verified or published reports observed before `before` that say
        something other than unknown about one of `aspects` (board aspect names such as
        ``china_side`` or ``traffic.civilians``), newest first, lazily: one walk of
        desk_report_aspects per aspect, merged; `per_aspect` stops each walk after that
        many reports (1: the value in force before a time)."""
        sql = (
            f"SELECT {', '.join('r.' + c for c in _BOARD_COLUMNS.split(', '))}"
            " FROM desk_report_aspects AS a JOIN desk_reports AS r ON r.id = a.report_id"
            " WHERE a.gate = ? AND a.aspect = ? AND a.observed_at < ?"
            f" AND r.state IN ('verified', 'published') AND {_CURRENT.format(t='r')}"
            f" AND {_COUNTED.format(t='r')} ORDER BY a.observed_at DESC"
            + ("" if per_aspect is None else f" LIMIT {int(per_aspect)}")
        )
        walks = [
            self._board_rows(sql, [gate, aspect, _record_time(before)], descending=True)
            for aspect in sorted(aspects)
        ]
        merged = heapq.merge(*walks, key=lambda r: (r.observed_at, r.report_id), reverse=True)
        last: str | None = None
        for report in merged:
            if report.report_id != last:  # a report about two aspects comes once per walk
                yield report
            last = report.report_id

    def new_crossing_reports(self) -> Iterator[tuple[BoardReport, dict[str, Any]]]:
        """The verified or published reports about a crossing not in the gazetteer that
        give its coordinates (current revisions), oldest first, each with its record's
        ``new_crossing`` object."""
        rows = self._store.conn.execute(
            f"SELECT {_BOARD_COLUMNS} FROM desk_reports WHERE gate IS NULL"
            " AND state IN ('verified', 'published')"
            " AND json_extract(record, '$.new_crossing.lat') IS NOT NULL"
            f" AND {_CURRENT.format(t='desk_reports')} AND {_COUNTED.format(t='desk_reports')}"
            " ORDER BY observed_at, id"
        )
        for row in rows:
            yield _board_report(row), dict(json.loads(row[3])["new_crossing"])

    def _board_rows(
        self, sql: str, params: list[Any], *, descending: bool
    ) -> Iterator[BoardReport]:
        cursor = self._store.conn.execute(sql, params)
        try:
            tied: list[Any] = []
            while rows := cursor.fetchmany(200):
                for row in rows:
                    if tied and row[4] != tied[0][4]:
                        yield from _by_id(tied, descending=descending)
                        tied = []
                    tied.append(row)
            yield from _by_id(tied, descending=descending)
        finally:
            cursor.close()

    # -- exports ---------------------------------------------------------------------------

    def record_export(self, export: ExportRecord, report_ids: Sequence[str]) -> None:
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT INTO desk_exports (export_id, format, filters, pseudonyms, reports, at,"
                " desk_label) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    export.export_id,
                    export.format,
                    json.dumps(export.filters, sort_keys=True),
                    int(export.pseudonyms),
                    export.reports,
                    fixed_utc(export.at),
                    export.desk_label,
                ),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO desk_export_items (export_id, report_id) VALUES (?, ?)",
                [(export.export_id, rid) for rid in report_ids],
            )

    def exports_of(self, report_id: str) -> list[ExportRecord]:
        rows = self._store.conn.execute(
            "SELECT x.export_id, x.format, x.filters, x.pseudonyms, x.reports, x.at,"
            " x.desk_label FROM desk_export_items i JOIN desk_exports x"
            " ON x.export_id = i.export_id WHERE i.report_id = ? ORDER BY x.at",
            (report_id,),
        ).fetchall()
        return [_export(r) for r in rows]

    def latest_export_time(self, export_format: str) -> datetime | None:
        """When the newest export in `export_format` (``"pdf"``, …) was made, if any."""
        row = self._store.conn.execute(
            "SELECT max(at) FROM desk_exports WHERE format = ?", (export_format,)
        ).fetchone()
        return None if row[0] is None else parse_event_time(row[0])

    def exports(self) -> list[ExportRecord]:
        rows = self._store.conn.execute(
            "SELECT export_id, format, filters, pseudonyms, reports, at, desk_label"
            " FROM desk_exports ORDER BY at DESC"
        ).fetchall()
        return [_export(r) for r in rows]


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


def _export(row: Sequence[Any]) -> ExportRecord:
    return ExportRecord(
        export_id=row[0],
        format=row[1],
        filters=json.loads(row[2]),
        pseudonyms=bool(row[3]),
        reports=int(row[4]),
        at=parse_event_time(row[5]),
        desk_label=row[6],
    )


def _board_report(row: Sequence[Any]) -> BoardReport:
    return BoardReport.from_record(json.loads(row[3]), state=ReviewState(row[1]), device_id=row[2])


def _by_id(rows: list[Any], *, descending: bool) -> Iterator[BoardReport]:
    """Rows observed at the same second, in id order (the same on every desk)."""
    for row in sorted(rows, key=lambda r: str(r[0]), reverse=descending):
        yield _board_report(row)


def _record_time(moment: datetime) -> str:
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
        params.append(_record_time(datetime.combine(where.since, time(0), UTC)))
    if where.until is not None:
        clauses.append("r.observed_at < ?")
        params.append(_record_time(datetime.combine(where.until, time(0), UTC) + timedelta(1)))
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
        clauses.append(_CURRENT.format(t="r"))  # a corrected revision is not a result
    return " AND ".join(clauses), params
