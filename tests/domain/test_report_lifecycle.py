"""The lifecycle rules of a report on the device, as plain functions: what the store asks
before it changes, deletes or corrects a revision."""

import pytest

from desktop.domain.report_lifecycle import (
    AlreadyCorrectedError,
    DraftHasCorrectionError,
    NotADraftError,
    NotCorrectableError,
    RevisionMismatchError,
    check_correctable,
    check_deletable,
    check_editable,
    check_follows,
)
from desktop.domain.report_state import ReportState


def test_only_a_draft_is_edited() -> None:
    check_editable("r1", ReportState.DRAFT)
    for state in (ReportState.QUEUED, ReportState.SENT, ReportState.PURGED):
        with pytest.raises(NotADraftError) as refused:
            check_editable("r1", state)
        assert refused.value.state is state


def test_a_draft_a_later_revision_replaces_goes_after_it() -> None:
    check_deletable("r1", None)
    with pytest.raises(DraftHasCorrectionError, match="r2"):
        check_deletable("r1", "r2")


def test_a_queued_or_sent_revision_is_corrected_once() -> None:
    for state in (ReportState.QUEUED, ReportState.SENT):
        check_correctable("r1", state, None, superseded=False)
        with pytest.raises(AlreadyCorrectedError):
            check_correctable("r1", state, "r2", superseded=False)
        with pytest.raises(AlreadyCorrectedError):
            check_correctable("r1", state, None, superseded=True)
    for state in (ReportState.DRAFT, ReportState.PURGED):
        with pytest.raises(NotCorrectableError):
            check_correctable("r1", state, None, superseded=False)


def test_a_revision_follows_the_one_it_replaces_in_its_lineage() -> None:
    check_follows("r1", "r1", 1, None)
    check_follows("r2", "r1", 2, ("r1", 1))
    with pytest.raises(RevisionMismatchError, match="revision 1 of its own lineage"):
        check_follows("r1", "other", 1, None)
    with pytest.raises(RevisionMismatchError, match="revision 2 of lineage r1"):
        check_follows("r3", "r1", 3, ("r1", 1))
    with pytest.raises(RevisionMismatchError):
        check_follows("r2", "other", 2, ("r1", 1))
