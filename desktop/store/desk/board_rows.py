"""The rows behind the desk's gate status board: the reports that can bear on it, read
lazily in observation order, from devices that count and current revisions only.

Whether a report's device counts (approved, or revoked after the report was made) is the
``counts`` column the triggers of schema v17 keep; the walks go through indexes that hold
only counting reports, so the reports of a device no editor approved are never read."""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from desktop.domain.desk.board_report import BoardReport
from desktop.domain.desk.review import ReviewState
from desktop.store.database import Store
from desktop.store.desk.inbox import CURRENT, record_time

# The record whole: json.loads in Python is several times faster than nine json_extracts.
_BOARD_COLUMNS = "id, state, device_id, record, observed_at"
_BOARD_STATES = "('new', 'needs_follow_up', 'verified', 'published')"
_COUNTED_BY_GATE = "desk_reports INDEXED BY desk_reports_counted_by_gate"
"""Every walk by gate goes through the index of counting reports: the index over all
reports has the same columns and SQLite may take it, reading a pending device's flood."""


class BoardQueries:
    """The board's queries (a part of `ReviewRepository`)."""

    _store: Store

    # -- board -----------------------------------------------------------------------------

    def board_reports(
        self,
        gate: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        oldest_first: bool = False,
        mentioning: Iterable[str] | None = None,
    ) -> Iterator[BoardReport]:
        """The gate's reports that can bear on the board (not rejected), observed in
        [since, until], lazily, by observation time: the board reads only as many as it
        needs (the order follows desk_reports_counted_by_gate; only equal times are sorted).
        With `mentioning`, only those that say something other than unknown about one of
        these aspects (their rows in desk_report_aspects, looked up by report: the record
        of another is never read)."""
        order = "ASC" if oldest_first else "DESC"
        sql = (
            f"SELECT {_BOARD_COLUMNS} FROM {_COUNTED_BY_GATE} WHERE counts = 1 AND gate = ?"
            f" AND state IN {_BOARD_STATES} AND {CURRENT.format(t='desk_reports')}"
        )
        params: list[Any] = [gate]
        if since is not None:
            sql += " AND observed_at >= ?"
            params.append(record_time(since))
        if until is not None:
            sql += " AND observed_at <= ?"
            params.append(record_time(until))
        if mentioning is not None:
            aspects = sorted(mentioning)
            sql += (
                " AND EXISTS (SELECT 1 FROM desk_report_aspects AS a WHERE"
                f" a.report_id = desk_reports.id AND a.aspect IN ({', '.join('?' * len(aspects))}))"
            )
            params += aspects
        # Ties by id here, not in SQL: "ORDER BY observed_at, id" makes SQLite copy every
        # record through a sorter, ten times slower than walking desk_reports_counted_by_gate.
        sql += f" ORDER BY observed_at {order}"
        return self._board_rows(sql, params, descending=not oldest_first)

    def newest_board_time(self, gate: str, *, until: datetime) -> datetime | None:
        """The observation time of the gate's newest report that can bear on the board,
        observed at or before `until`."""
        row = self._store.conn.execute(
            f"SELECT max(observed_at) FROM {_COUNTED_BY_GATE} WHERE counts = 1 AND gate = ?"
            f" AND state IN {_BOARD_STATES} AND observed_at <= ?"
            f" AND {CURRENT.format(t='desk_reports')}",
            (gate, record_time(until)),
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
        desk_report_aspects' index of confirmed reports per aspect, merged; `per_aspect`
        stops each walk after that many reports (1: the value in force before a time)."""
        sql = (
            f"SELECT {', '.join('r.' + c for c in _BOARD_COLUMNS.split(', '))}"
            " FROM desk_report_aspects AS a JOIN desk_reports AS r ON r.id = a.report_id"
            " WHERE a.confirmed = 1 AND a.counts = 1 AND a.gate = ? AND a.aspect = ?"
            " AND a.observed_at < ? AND r.state IN ('verified', 'published')"
            f" AND {CURRENT.format(t='r')} ORDER BY a.observed_at DESC"
            + ("" if per_aspect is None else f" LIMIT {int(per_aspect)}")
        )
        walks = [
            self._board_rows(sql, [gate, aspect, record_time(before)], descending=True)
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
            f" AND counts = 1 AND {CURRENT.format(t='desk_reports')} ORDER BY observed_at, id"
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


# -- helpers -------------------------------------------------------------------------------


def _board_report(row: Sequence[Any]) -> BoardReport:
    return BoardReport.from_record(json.loads(row[3]), state=ReviewState(row[1]), device_id=row[2])


def _by_id(rows: list[Any], *, descending: bool) -> Iterator[BoardReport]:
    """Rows observed at the same second, in id order (the same on every desk)."""
    for row in sorted(rows, key=lambda r: str(r[0]), reverse=descending):
        yield _board_report(row)
