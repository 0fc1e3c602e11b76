"""The reports repository: writing revisions and drafts (add, save, queue, correct,
delete, purge), over the reading of report_listing.py and the states of report_states.py.

All SQL about reports lives in these three modules. Rows are addressed by report id;
listing returns ids in display order so a lazy item model can fetch rows a page at a time
(`rows`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from desktop.domain.errors import FieldError, ReportValidationError
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.ids import new_report_id
from desktop.domain.report import Report, ReportContent, check_draft_keys, format_utc
from desktop.domain.report_lifecycle import check_deletable, check_follows
from desktop.domain.report_state import ReportState
from desktop.store.database import Store
from desktop.store.report_listing import (
    ReportFilter,
    ReportListing,
    ReportRow,
    StoredReport,
    ensure_search_index,
    parse_time,
)
from desktop.store.report_states import (
    ReportNotFoundError,
    correctable,
    correction_of,
    require_draft,
)
from desktop.store.search import reindex_reports, write_report_index

MAX_DRAFT_BYTES = 256 * 1024
SUMMARY_CHARS = 160


class ReportRepository(ReportListing):
    """Reports in one open store.

    With a `gazetteer`, queued reports must name a known gate, and searching for a
    crossing's name in any language ("Pangwa", "ပန်ဝါ", "片马", its Chinese port "滇滩")
    finds the reports about it.
    Every write is one transaction: after a crash a report is either fully there (row,
    index, outbox entry) or not at all.
    """

    def __init__(self, store: Store, gazetteer: Gazetteer | None = None) -> None:
        self._store = store
        self._gazetteer = gazetteer
        self._known_gate: Callable[[str], bool] | None = (
            None if gazetteer is None else gazetteer.__contains__
        )

    # -- writing -----------------------------------------------------------------------

    def add(self, report: Report, *, state: ReportState = ReportState.QUEUED) -> None:
        """Store a complete revision as a draft or queued (queued also enters the outbox).

        A revision that replaces another marks that one superseded once it is queued.
        A first revision must be revision 1 of its own lineage (lineage_id = id); a
        correction must be revision n + 1 of its parent's lineage.
        Raises `ReportNotFoundError` if `report.replaces` names no stored revision,
        `NotCorrectableError` if it names a draft (or a purged revision),
        `AlreadyCorrectedError` if that revision already has a correction (a draft or not),
        `RevisionMismatchError` if lineage or revision do not follow.
        """
        self.add_many([report], state=state)

    def add_many(
        self, reports: Sequence[Report], *, state: ReportState = ReportState.QUEUED
    ) -> None:
        """Store several revisions in one transaction (an import, demo data): all or none."""
        if state not in (ReportState.DRAFT, ReportState.QUEUED):
            raise ValueError("new reports start as draft or queued")
        now = _now()
        with self._store.transaction() as conn:
            for report in reports:
                self._insert(conn, report, state, now)

    def save_draft(
        self,
        body: Mapping[str, Any],
        *,
        draft_id: str | None = None,
        replaces: str | None = None,
    ) -> str:
        """Create or overwrite a draft from a possibly incomplete form; return its id.

        Strict on keys, lenient on values: a key no report has (at the top level or inside
        new_crossing, traffic, prices or source) is refused with `ReportValidationError`
        naming it, since it could carry a source's name; the values are stored as given
        (they are validated when queued). Bounded in size. A new draft with `replaces` is a
        correction: a new revision of that report's lineage.
        Raises `NotADraftError` if `draft_id` names a report that already left the draft
        state, `ReportNotFoundError` for an unknown id, `NotCorrectableError` or
        `AlreadyCorrectedError` for a `replaces` that `add` would refuse, `ValueError` for
        an oversized body,
        `ReportValidationError` for an unknown key or text that cannot be stored (a lone
        surrogate).
        """
        check_draft_keys(body)
        text = _dump(body)
        try:
            size = len(text.encode())
        except UnicodeEncodeError:
            raise ReportValidationError(
                [FieldError("", "holds a broken character (a lone surrogate): retype the text")]
            ) from None
        if size > MAX_DRAFT_BYTES:
            raise ValueError(f"draft too large: at most {MAX_DRAFT_BYTES // 1024} KiB of text")
        now = _now()
        with self._store.transaction() as conn:
            if draft_id is not None:
                require_draft(conn, draft_id)
                _update_row(conn, draft_id, ReportState.DRAFT, body, now)
                self._index(conn, draft_id, body)
                return draft_id
            new_id = new_report_id(now)
            lineage_id, revision = new_id, 1
            if replaces is not None:
                parent = correctable(conn, replaces)
                lineage_id, revision = parent["lineage_id"], parent["revision"] + 1
            _insert_row(
                conn, (new_id, lineage_id, revision, replaces), ReportState.DRAFT, body, now, now
            )
            self._index(conn, new_id, body)
            return new_id

    def queue(self, draft_id: str) -> Report:
        """Validate a draft and queue it for sending; return the report as queued.

        Raises `ReportValidationError` (the draft stays a draft, unchanged),
        `NotADraftError` or `ReportNotFoundError`.
        """
        now = _now()
        with self._store.transaction() as conn:
            row = require_draft(conn, draft_id)
            content = ReportContent.from_json(json.loads(row["body"]), known_gate=self._known_gate)
            report = Report(
                id=draft_id,
                lineage_id=row["lineage_id"],
                revision=row["revision"],
                replaces=row["replaces"],
                created_at=parse_time(row["created_at"]),
                content=content,
            )
            body = content.to_json()
            _update_row(conn, draft_id, ReportState.QUEUED, body, now)
            self._index(conn, draft_id, body, content)
            self._enqueue(conn, report, now)
        return report

    def delete_draft(self, draft_id: str) -> None:
        """Delete a draft and its photos. Raises `NotADraftError`, `ReportNotFoundError`,
        and `DraftHasCorrectionError` if a revision replaces it (stored by an older
        version, which let a draft be corrected): delete that one first."""
        with self._store.transaction() as conn:
            row = require_draft(conn, draft_id)
            check_deletable(draft_id, correction_of(conn, draft_id))
            conn.execute("DELETE FROM reports_fts WHERE rowid = ?", (row["seq"],))
            conn.execute("DELETE FROM reports WHERE id = ?", (draft_id,))

    def purge_sent(self, cutoff: datetime, *, limit: int = 500) -> list[str]:
        """Purge the content of sent revisions whose receipt was stored at or before
        `cutoff`; return their ids (at most `limit`, oldest receipt first).

        One transaction: each revision keeps only a stub — id, lineage, revision, gate,
        observed time, state "purged" — and a stub body holding just the gate and the
        observed time. Its text, search-index row, photos and sealed envelopes are
        deleted (the store runs with secure_delete, so the freed pages are zeroed).
        Nothing else changes: the outbox row keeps the receipt.
        """
        purged: list[str] = []
        with self._store.transaction() as conn:
            rows = conn.execute(
                "SELECT r.seq, r.id, r.gate, r.observed_at FROM outbox AS o"
                " JOIN reports AS r ON r.id = o.report_id"
                " WHERE o.sent_at IS NOT NULL AND o.sent_at <= ? AND r.state = 'sent'"
                " ORDER BY o.sent_at LIMIT ?",
                (format_utc(cutoff), limit),
            ).fetchall()
            for seq, report_id, gate, observed_at in rows:
                stub = {"gate": gate, "observed_at": observed_at}
                conn.execute(
                    "UPDATE reports SET state = 'purged', summary = '', body = ? WHERE seq = ?",
                    (_dump(stub), seq),
                )
                conn.execute("DELETE FROM reports_fts WHERE rowid = ?", (seq,))
                conn.execute("DELETE FROM attachments WHERE report_id = ?", (report_id,))
                conn.execute("DELETE FROM outbox_chunks WHERE report_id = ?", (report_id,))
                conn.execute("UPDATE outbox SET envelope = NULL WHERE report_id = ?", (report_id,))
                purged.append(report_id)
        return purged

    def reindex(self) -> int:
        """Rebuild the full-text index of every revision from its stored body, in one
        transaction; return how many revisions it holds (`ensure_search_index`)."""
        with self._store.transaction() as conn:
            return reindex_reports(conn)

    # -- reading -----------------------------------------------------------------------
    # -- internals ---------------------------------------------------------------------

    def _insert(self, conn: Any, report: Report, state: ReportState, now: datetime) -> None:
        body = report.content.to_json()
        parent = None
        if report.replaces is not None:
            row = correctable(conn, report.replaces)
            parent = (str(row["lineage_id"]), int(row["revision"]))
        check_follows(report.id, report.lineage_id, report.revision, parent)
        identity = (report.id, report.lineage_id, report.revision, report.replaces)
        _insert_row(conn, identity, state, body, report.created_at, now)
        self._index(conn, report.id, body, report.content)
        if state is ReportState.QUEUED:
            self._enqueue(conn, report, now)

    def _enqueue(self, conn: Any, report: Report, now: datetime) -> None:
        conn.execute(
            "INSERT INTO outbox (report_id, queued_at) VALUES (?, ?)",
            (report.id, format_utc(now)),
        )
        if report.replaces is not None:
            conn.execute("UPDATE reports SET superseded = 1 WHERE id = ?", (report.replaces,))

    def _index(
        self,
        conn: Any,
        report_id: str,
        body: Mapping[str, Any],
        content: ReportContent | None = None,
    ) -> None:
        # Drafts and new revisions only: no question can be about them yet, so no answers.
        seq = conn.execute("SELECT seq FROM reports WHERE id = ?", (report_id,)).fetchone()[0]
        write_report_index(conn, seq, body)


def _insert_row(
    conn: Any,
    identity: tuple[str, str, int, str | None],
    state: ReportState,
    body: Mapping[str, Any],
    created_at: datetime,
    now: datetime,
) -> None:
    """Insert one revision; `identity` is (id, lineage_id, revision, replaces). The list
    columns (gate, observed_at, summary) are derived from `body`, as `_update_row` does."""
    conn.execute(
        "INSERT INTO reports (id, lineage_id, revision, replaces, state, gate, observed_at,"
        " created_at, updated_at, summary, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            *identity,
            state.value,
            _gate_of(body),
            _observed_of(body),
            format_utc(created_at),
            format_utc(now),
            _summary(body),
            _dump(body),
        ),
    )


def _update_row(
    conn: Any, report_id: str, state: ReportState, body: Mapping[str, Any], now: datetime
) -> None:
    """Replace a revision's body and state, and the list columns derived from the body."""
    conn.execute(
        "UPDATE reports SET state = ?, gate = ?, observed_at = ?, updated_at = ?, summary = ?,"
        " body = ? WHERE id = ?",
        (
            state.value,
            _gate_of(body),
            _observed_of(body),
            format_utc(now),
            _summary(body),
            _dump(body),
            report_id,
        ),
    )


def _dump(body: Mapping[str, Any]) -> str:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _summary(body: Mapping[str, Any]) -> str:
    narrative = body.get("narrative")
    if not isinstance(narrative, str):
        return ""
    first_line = " ".join(narrative.split())
    if len(first_line) <= SUMMARY_CHARS:
        return first_line
    return first_line[: SUMMARY_CHARS - 1] + "…"


def _gate_of(body: Mapping[str, Any]) -> str | None:
    gate = body.get("gate")
    return gate if isinstance(gate, str) and len(gate) <= 64 else None


def _observed_of(body: Mapping[str, Any]) -> str | None:
    value = body.get("observed_at")
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
        return None if moment.utcoffset() is None else format_utc(moment)
    except (ValueError, OverflowError):  # not a time; out of range once moved to UTC
        return None


def _now() -> datetime:
    return datetime.now(UTC)


# ReportRepository and the limits are defined here; the rest are re-exported from
# report_listing.py and report_states.py, where new code imports them.
__all__ = [
    "MAX_DRAFT_BYTES",
    "SUMMARY_CHARS",
    "ReportFilter",
    "ReportNotFoundError",
    "ReportRepository",
    "ReportRow",
    "ReportState",
    "StoredReport",
    "ensure_search_index",
    "require_draft",
]
