"""The rules of a report's life on the device: a draft is edited, deleted or queued; a
queued or sent revision is corrected by the next revision of its lineage, at most once.

Plain rules over what the store found: the store (desktop/store/report_states.py) looks
the revisions up inside its transaction and asks these functions, which raise the errors
below.
"""

from __future__ import annotations

from desktop.domain.report_state import ReportState

CORRECTABLE_STATES = frozenset({ReportState.QUEUED, ReportState.SENT})


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


def check_editable(report_id: str, state: ReportState) -> None:
    """A revision may be changed, queued or deleted only while it is a draft."""
    if state is not ReportState.DRAFT:
        raise NotADraftError(report_id, state)


def check_deletable(report_id: str, correction_id: str | None) -> None:
    """A draft that a later revision replaces (stored by an older version) goes after it."""
    if correction_id is not None:
        raise DraftHasCorrectionError(report_id, correction_id)


def check_correctable(
    report_id: str, state: ReportState, correction_id: str | None, superseded: bool
) -> None:
    """A revision may be corrected once it has left the draft state, and only once."""
    if state not in CORRECTABLE_STATES:
        raise NotCorrectableError(report_id, state)
    if correction_id is not None or superseded:
        raise AlreadyCorrectedError(report_id, correction_id)


def check_follows(
    report_id: str,
    lineage_id: str,
    revision: int,
    parent: tuple[str, int] | None,
) -> None:
    """A new revision is revision 1 of its own lineage, or the next revision of the lineage
    of the revision it replaces (``parent``: that revision's lineage and number)."""
    if parent is None:
        if revision != 1 or lineage_id != report_id:
            raise RevisionMismatchError(
                report_id, "revision 1 of its own lineage (lineage_id = id)"
            )
        return
    parent_lineage, parent_revision = parent
    if lineage_id != parent_lineage or revision != parent_revision + 1:
        raise RevisionMismatchError(
            report_id, f"revision {parent_revision + 1} of lineage {parent_lineage}"
        )
