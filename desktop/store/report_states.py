"""The lookups behind a report's lifecycle rules, inside a transaction: the stored row a
draft change or a correction needs, and the revision that replaces another. The rules and
their errors are `desktop.domain.report_lifecycle`."""

from __future__ import annotations

from typing import Any

from desktop.domain.report_lifecycle import CORRECTABLE_STATES, check_correctable, check_editable
from desktop.domain.report_state import ReportState


class ReportNotFoundError(LookupError):
    """No report revision has this id."""

    def __init__(self, report_id: str) -> None:
        super().__init__(f"no report with id {report_id}: see `gatewatch report list`")
        self.report_id = report_id


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
    check_editable(report_id, ReportState(row["state"]))
    return row


def correctable(conn: Any, report_id: str) -> dict[str, Any]:
    """The row of a revision a new correction may replace. Raises `ReportNotFoundError`,
    `NotCorrectableError` (a draft or purged), `AlreadyCorrectedError`."""
    parent = _require(conn, report_id)
    state = ReportState(parent["state"])
    if state in CORRECTABLE_STATES:
        check_correctable(report_id, state, correction_of(conn, report_id), parent["superseded"])
    else:
        check_correctable(report_id, state, None, False)
    return parent


def correction_of(conn: Any, report_id: str) -> str | None:
    """The id of a revision that replaces `report_id`, if any (the oldest, should there be
    several from an older version)."""
    row = conn.execute(
        "SELECT id FROM reports WHERE replaces = ? ORDER BY seq LIMIT 1", (report_id,)
    ).fetchone()
    return None if row is None else str(row[0])
