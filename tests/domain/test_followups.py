"""The rules of follow-up questions, without a store: what an answer and a question may
hold, and which revision an answer may name as its correction."""

from __future__ import annotations

import pytest

from desktop.domain.followups import (
    MAX_ANSWER_CHARS,
    MAX_QUESTION_CHARS,
    AnswerError,
    FollowupError,
    Revision,
    answer_text,
    bounded_desk_label,
    check_correction,
    question_text,
)

ASKED = Revision("lineage-1", 1, "sent")


def test_an_answer_is_trimmed_spelled_one_way_and_bounded() -> None:
    # Burmese marks typed in another order are kept in the one order search expects.
    assert answer_text("  \u1000\u103a\u1037 \n") == "\u1000\u1037\u103a"
    assert len(answer_text("x" * MAX_ANSWER_CHARS)) == MAX_ANSWER_CHARS
    with pytest.raises(AnswerError, match="Write an answer"):
        answer_text(" \n\t")
    with pytest.raises(AnswerError, match="too long"):
        answer_text("x" * (MAX_ANSWER_CHARS + 1))


def test_a_question_is_trimmed_and_bounded_and_its_label_cut() -> None:
    assert question_text("  Which gate?  ") == "Which gate?"
    with pytest.raises(FollowupError, match="Write the question"):
        question_text("   ")
    with pytest.raises(FollowupError, match="too long"):
        question_text("x" * (MAX_QUESTION_CHARS + 1))
    assert bounded_desk_label("d" * 100) == "d" * 64
    assert bounded_desk_label(None) is None


def test_a_correction_is_a_newer_queued_or_sent_revision_of_the_same_report() -> None:
    check_correction("c", Revision("lineage-1", 2, "queued"), ASKED)
    check_correction("c", Revision("lineage-1", 3, "sent"), ASKED)
    check_correction("c", Revision("lineage-9", 1, "sent"), None)  # the asked one is gone
    with pytest.raises(AnswerError, match="no report c"):
        check_correction("c", None, ASKED)
    with pytest.raises(AnswerError, match="Queue the corrected report"):
        check_correction("c", Revision("lineage-1", 2, "draft"), ASKED)
    with pytest.raises(AnswerError, match="not a correction"):
        check_correction("c", Revision("lineage-2", 2, "queued"), ASKED)
    with pytest.raises(AnswerError, match="not a correction"):
        check_correction("c", Revision("lineage-1", 1, "sent"), ASKED)
