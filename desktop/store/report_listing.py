"""Reading reports: one revision whole, the ids a list shows in display order, its rows a
page at a time, full-text search, and keeping the search index in step with its rules."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.domain.errors import ReportValidationError
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import Report, ReportContent, blank_unclean_chars, format_utc
from desktop.domain.report_state import ReportState
from desktop.domain.search_text import FORM_VERSION
from desktop.store.database import Store
from desktop.store.report_states import ReportNotFoundError
from desktop.store.search import (
    SEARCH_FORM_SETTING,
    record_search_form,
    reindex_desk,
    reindex_reports,
    search_condition,
)
from desktop.store.settings import SettingsRepository


@dataclass(frozen=True)
class ReportRow:
    """What a list shows of one revision, without parsing its body."""

    id: str
    lineage_id: str
    revision: int
    state: ReportState
    gate: str | None
    observed_at: datetime | None
    updated_at: datetime
    summary: str
    china_side: str | None = None
    myanmar_side: str | None = None
    new_crossing_name: str | None = None  # when the crossing is not in the gazetteer
    carried_at: datetime | None = None  # waiting, last left on a hand-carried bundle then
    opened_at: datetime | None = None  # a desk signed that it has stored the report then


@dataclass(frozen=True)
class StoredReport:
    """One revision as stored. `report` is None for a draft that is not complete yet, and
    for a revision an older version stored under rules that have since tightened."""

    row: ReportRow
    replaces: str | None
    created_at: datetime
    body: Mapping[str, Any]
    report: Report | None


@dataclass(frozen=True)
class ReportFilter:
    """Which revisions a list shows. Superseded revisions are hidden unless asked for."""

    state: ReportState | None = None
    gate: str | None = None
    include_superseded: bool = False


class ReportListing:
    """Reading reports (a part of `ReportRepository`)."""

    _store: Store
    _gazetteer: Gazetteer | None
    _known_gate: Callable[[str], bool] | None

    def draft_saved_since(self, moment: datetime) -> str | None:
        """The draft saved last at or after `moment` (the one a lock saved), or None."""
        row = self._store.conn.execute(
            "SELECT id FROM reports WHERE state = ? AND updated_at >= ?"
            " ORDER BY updated_at DESC LIMIT 1",
            (ReportState.DRAFT.value, format_utc(moment)),
        ).fetchone()
        return None if row is None else str(row[0])

    def get(self, report_id: str) -> StoredReport:
        """The stored revision (see StoredReport for when `report` is None).

        Raises `ReportNotFoundError`.
        """
        cursor = self._store.conn.execute(
            f"SELECT {_ROW_COLUMNS}, replaces, created_at, body FROM reports WHERE id = ?",
            (report_id,),
        )
        row = cursor.fetchone()
        if row is None:
            raise ReportNotFoundError(report_id)
        summary_row = _row(row)
        replaces, created_at, body = row[_ROW_WIDTH:]
        created_at, body = parse_time(created_at), json.loads(body)
        content: ReportContent | None = None
        if summary_row.state is ReportState.DRAFT:
            # A draft may be incomplete: it is a report only once it validates.
            with contextlib.suppress(ReportValidationError):
                content = ReportContent.from_json(body, known_gate=self._known_gate)
        else:
            # Validated when it left the draft state, against the clock of that moment
            # (a clock set back since must not make it "future"). A revision stored by an
            # older version under rules that have since tightened reads as report=None
            # with its body intact: stored data never becomes unreadable.
            with contextlib.suppress(ReportValidationError):
                content = ReportContent.from_json(body, now=summary_row.updated_at)
        report = None
        if content is not None:
            report = Report(
                id=summary_row.id,
                lineage_id=summary_row.lineage_id,
                revision=summary_row.revision,
                replaces=replaces,
                created_at=created_at,
                content=content,
            )
        return StoredReport(summary_row, replaces, created_at, body, report)

    def ids(self, where: ReportFilter = ReportFilter()) -> list[str]:
        """Ids of matching revisions, newest observation first (drafts without a time last).

        Read in index order (see schema v3): no sort, no row lookups.
        """
        clause, params = _where(where)
        cursor = self._store.conn.execute(
            f"SELECT id FROM reports {clause} ORDER BY observed_at DESC, seq DESC",
            params,
        )
        return [r[0] for r in cursor.fetchall()]

    def count(self, where: ReportFilter = ReportFilter()) -> int:
        """How many revisions match."""
        clause, params = _where(where)
        cursor = self._store.conn.execute(f"SELECT count(*) FROM reports {clause}", params)
        return int(cursor.fetchone()[0])

    def rows(self, report_ids: Sequence[str]) -> list[ReportRow]:
        """The list rows of these ids, in the same order; unknown ids are skipped."""
        found: dict[str, ReportRow] = {}
        for start in range(0, len(report_ids), 500):
            chunk = report_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            cursor = self._store.conn.execute(
                f"SELECT {_ROW_COLUMNS} FROM reports WHERE id IN ({marks})", tuple(chunk)
            )
            for raw in cursor.fetchall():
                row = _row(raw)
                found[row.id] = row
        return [found[i] for i in report_ids if i in found]

    def search(
        self, query: str, where: ReportFilter = ReportFilter(), *, limit: int = 500
    ) -> list[str]:
        """Ids of revisions whose text holds every term of `query`, newest first.

        The rules are `desktop.domain.search_text`'s and `desktop.store.search`'s: every
        free-text field and the pseudonym are searched, whatever a term's length; terms
        that name a crossing (any name, alias or Chinese port, in any language) also find
        the reports about it. Control characters and lone surrogates in `query` count as
        spaces. Returns [] for a query without a letter or digit.
        """
        found = search_condition(
            blank_unclean_chars(query),
            "seq",
            "SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?",
            "SELECT seq FROM reports WHERE gate IN ({gates})",
            None if self._gazetteer is None else self._gazetteer.named,
        )
        if found is None:
            return []
        clause, params = _where(where)
        conditions: list[str] = [clause.removeprefix("WHERE ")] if clause else []
        conditions.append(found[0])
        sql = (
            "SELECT id FROM reports WHERE "
            + " AND ".join(conditions)
            + " ORDER BY observed_at DESC, seq DESC LIMIT ?"
        )
        args = [*params, *found[1], limit]
        return [r[0] for r in self._store.conn.execute(sql, tuple(args)).fetchall()]


def ensure_search_index(store: Store) -> bool:
    """Make the full-text indexes hold the tokens of this version's search rules; call
    it after opening.

    The rules' version (`desktop.domain.search_text.FORM_VERSION`) is recorded in the
    setting "search.form_version". When it differs (an older build's index, or rules
    that changed since) the correspondent's and the desk's indexes are rebuilt from the
    stored texts and the setting updated, in one transaction. Returns True if it
    rebuilt. Raises StoreIOError.
    """
    settings = SettingsRepository(store)
    if settings.get(SEARCH_FORM_SETTING) == FORM_VERSION:
        return False
    with store.transaction() as conn:
        reindex_reports(conn)
        reindex_desk(conn)
        record_search_form(conn)
    return True


_ROW_COLUMNS = (
    "id, lineage_id, revision, state, gate, observed_at, updated_at, summary,"
    " json_extract(body, '$.china_side'), json_extract(body, '$.myanmar_side'),"
    " json_extract(body, '$.new_crossing.name'),"
    " (SELECT o.carried_at FROM outbox AS o WHERE o.report_id = reports.id"
    " AND o.receipt IS NULL),"
    " (SELECT o.opened_at FROM outbox AS o WHERE o.report_id = reports.id)"
)
_ROW_WIDTH = 13


def _row(raw: Sequence[Any]) -> ReportRow:
    return ReportRow(
        id=raw[0],
        lineage_id=raw[1],
        revision=raw[2],
        state=ReportState(raw[3]),
        gate=raw[4],
        observed_at=None if raw[5] is None else parse_time(raw[5]),
        updated_at=parse_time(raw[6]),
        summary=raw[7],
        china_side=_text_or_none(raw[8]),
        myanmar_side=_text_or_none(raw[9]),
        new_crossing_name=_text_or_none(raw[10]),
        carried_at=None if raw[11] is None else parse_time(raw[11]),
        opened_at=None if raw[12] is None else parse_time(raw[12]),
    )


def _text_or_none(value: object) -> str | None:
    # A draft's body is unchecked: a side may be missing or not even text.
    return value if isinstance(value, str) else None


def _where(where: ReportFilter) -> tuple[str, tuple[Any, ...]]:
    conditions: list[str] = []
    params: list[Any] = []
    if not where.include_superseded:
        conditions.append("superseded = 0")
    if where.state is not None:
        conditions.append("state = ?")
        params.append(where.state.value)
    if where.gate is not None:
        conditions.append("gate = ?")
        params.append(where.gate)
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), tuple(params)


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)
