"""The reports repository: revisions, drafts, states, listing and full-text search.

All SQL about reports lives here. Rows are addressed by report id; listing returns ids in
display order so a lazy item model can fetch rows a page at a time (`rows`).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.domain.errors import FieldError, ReportValidationError
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.ids import new_report_id
from desktop.domain.report import (
    Report,
    ReportContent,
    blank_unclean_chars,
    check_draft_keys,
    format_utc,
)
from desktop.domain.report_state import ReportState
from desktop.domain.search_text import FORM_VERSION
from desktop.store.database import Store
from desktop.store.search import (
    SEARCH_FORM_SETTING,
    record_search_form,
    reindex_desk,
    reindex_reports,
    search_condition,
    write_report_index,
)
from desktop.store.settings import SettingsRepository

MAX_DRAFT_BYTES = 256 * 1024
SUMMARY_CHARS = 160


class ReportNotFoundError(LookupError):
    """No report revision has this id."""

    def __init__(self, report_id: str) -> None:
        super().__init__(f"no report with id {report_id}: see `gatewatch report list`")
        self.report_id = report_id


class NotADraftError(ValueError):
    """Only drafts can be changed or queued; a sent report is corrected by a new revision."""

    def __init__(self, report_id: str, state: ReportState) -> None:
        super().__init__(
            f"report {report_id} is {state.value}, not a draft: it can no longer be edited; "
            "correct it with a new revision instead"
        )
        self.report_id = report_id
        self.state = state


class CorrectionError(ValueError):
    """A correction that cannot be stored: each revision is corrected at most once, by the
    revision that follows it in its lineage, and only once it has left the draft state."""


class AlreadyCorrectedError(CorrectionError):
    """The revision already has a correction (a draft or not): correct that one instead."""

    def __init__(self, report_id: str, correction_id: str | None) -> None:
        by = "" if correction_id is None else f" ({correction_id})"
        super().__init__(
            f"report {report_id} already has a correction{by}: correct the latest revision "
            "instead, or edit that correction while it is a draft"
        )
        self.report_id = report_id
        self.correction_id = correction_id


class NotCorrectableError(CorrectionError):
    """Only a queued or sent revision is corrected; a draft is edited instead."""

    def __init__(self, report_id: str, state: ReportState) -> None:
        hint = (
            "edit the draft instead"
            if state is ReportState.DRAFT
            else "it can no longer be corrected"
        )
        super().__init__(f"report {report_id} is {state.value}: {hint}")
        self.report_id = report_id
        self.state = state


class RevisionMismatchError(CorrectionError):
    """A revision's lineage or number does not follow the revision it replaces."""

    def __init__(self, report_id: str, expected: str) -> None:
        super().__init__(f"report {report_id} must be {expected}")
        self.report_id = report_id


class DraftHasCorrectionError(CorrectionError):
    """A draft that another revision replaces cannot be deleted before that one."""

    def __init__(self, report_id: str, correction_id: str) -> None:
        super().__init__(
            f"draft {report_id} is replaced by revision {correction_id}: delete that first"
        )
        self.report_id = report_id
        self.correction_id = correction_id


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


class ReportRepository:
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
                parent = _correctable(conn, replaces)
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
                created_at=_parse_time(row["created_at"]),
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
            child = _correction_of(conn, draft_id)
            if child is not None:
                raise DraftHasCorrectionError(draft_id, child)
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
        created_at, body = _parse_time(created_at), json.loads(body)
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

    # -- internals ---------------------------------------------------------------------

    def _insert(self, conn: Any, report: Report, state: ReportState, now: datetime) -> None:
        body = report.content.to_json()
        if report.replaces is None:
            if report.revision != 1 or report.lineage_id != report.id:
                raise RevisionMismatchError(
                    report.id, "revision 1 of its own lineage (lineage_id = id)"
                )
        else:
            parent = _correctable(conn, report.replaces)
            if report.lineage_id != parent["lineage_id"] or report.revision != (
                parent["revision"] + 1
            ):
                raise RevisionMismatchError(
                    report.id,
                    f"revision {parent['revision'] + 1} of lineage {parent['lineage_id']}",
                )
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


_REQUIRE_KEYS = (
    "seq",
    "lineage_id",
    "revision",
    "replaces",
    "state",
    "superseded",
    "created_at",
    "body",
)


def _require(conn: Any, report_id: str) -> dict[str, Any]:
    """The stored row of `report_id` as a dict. Raises `ReportNotFoundError`."""
    row = conn.execute(
        f"SELECT {', '.join(_REQUIRE_KEYS)} FROM reports WHERE id = ?", (report_id,)
    ).fetchone()
    if row is None:
        raise ReportNotFoundError(report_id)
    return dict(zip(_REQUIRE_KEYS, row, strict=True))


def require_draft(conn: Any, report_id: str) -> dict[str, Any]:
    """The stored row of `report_id`, which must be a draft (a connection inside a
    transaction, so the answer holds for the rest of it).

    Raises `ReportNotFoundError`, `NotADraftError`.
    """
    row = _require(conn, report_id)
    if row["state"] != ReportState.DRAFT:
        raise NotADraftError(report_id, ReportState(row["state"]))
    return row


def _correctable(conn: Any, report_id: str) -> dict[str, Any]:
    """The row of a revision a new correction may replace. Raises `ReportNotFoundError`,
    `NotCorrectableError` (a draft or purged), `AlreadyCorrectedError`."""
    parent = _require(conn, report_id)
    state = ReportState(parent["state"])
    if state not in (ReportState.QUEUED, ReportState.SENT):
        raise NotCorrectableError(report_id, state)
    child = _correction_of(conn, report_id)
    if child is not None or parent["superseded"]:
        raise AlreadyCorrectedError(report_id, child)
    return parent


def _correction_of(conn: Any, report_id: str) -> str | None:
    """The id of a revision that replaces `report_id`, if any (the oldest, should there be
    several from an older version)."""
    row = conn.execute(
        "SELECT id FROM reports WHERE replaces = ? ORDER BY seq LIMIT 1", (report_id,)
    ).fetchone()
    return None if row is None else str(row[0])


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
        observed_at=None if raw[5] is None else _parse_time(raw[5]),
        updated_at=_parse_time(raw[6]),
        summary=raw[7],
        china_side=_text_or_none(raw[8]),
        myanmar_side=_text_or_none(raw[9]),
        new_crossing_name=_text_or_none(raw[10]),
        carried_at=None if raw[11] is None else _parse_time(raw[11]),
        opened_at=None if raw[12] is None else _parse_time(raw[12]),
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


def _phrase(term: str) -> str:
    # A quoted FTS5 string: no operator or column filter in user input takes effect.
    return '"' + term.replace('"', '""') + '"'


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


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _now() -> datetime:
    return datetime.now(UTC)


__all__ = [
    "AlreadyCorrectedError",
    "CorrectionError",
    "DraftHasCorrectionError",
    "NotADraftError",
    "NotCorrectableError",
    "ReportFilter",
    "ReportNotFoundError",
    "ReportRepository",
    "ReportRow",
    "ReportState",
    "RevisionMismatchError",
    "StoredReport",
    "ensure_search_index",
    "require_draft",
]
