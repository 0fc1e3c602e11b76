"""The checks that a draft may still change or a revision be corrected (inside a
transaction), and their errors. The states themselves are `desktop.domain.report_state`."""

from __future__ import annotations

from typing import Any

from desktop.domain.report_state import ReportState


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


def correctable(conn: Any, report_id: str) -> dict[str, Any]:
    """The row of a revision a new correction may replace. Raises `ReportNotFoundError`,
    `NotCorrectableError` (a draft or purged), `AlreadyCorrectedError`."""
    parent = _require(conn, report_id)
    state = ReportState(parent["state"])
    if state not in (ReportState.QUEUED, ReportState.SENT):
        raise NotCorrectableError(report_id, state)
    child = correction_of(conn, report_id)
    if child is not None or parent["superseded"]:
        raise AlreadyCorrectedError(report_id, child)
    return parent


def correction_of(conn: Any, report_id: str) -> str | None:
    """The id of a revision that replaces `report_id`, if any (the oldest, should there be
    several from an older version)."""
    row = conn.execute(
        "SELECT id FROM reports WHERE replaces = ? ORDER BY seq LIMIT 1", (report_id,)
    ).fetchone()
    return None if row is None else str(row[0])
