"""Follow-up questions: what a question and its answer are, and the rules for asking and
answering. docs/followups.md is the reference; the payload bytes that carry them are in
`desktop/services/followups.py`, the SQL in `desktop/store/followups.py` (the device) and
`desktop/store/desk/followups.py` (the desk)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.myanmar import canonical_text

MAX_QUESTION_CHARS = 4000
MAX_ANSWER_CHARS = 8000
DESK_LABEL_CHARS = 64
CORRECTION_STATES = ("queued", "sent")
"""A correction an answer names is a revision that will reach the desk: not a draft."""


class AnswerError(ValueError):
    """An answer that cannot be given; ``str()`` says why and what to do."""


class FollowupError(ValueError):
    """A question that cannot be asked; ``str()`` says why and what to do."""


class DeskKeyChangedError(Exception):
    """The server now names another desk signing key than the one pinned here."""

    reason = "desk_key_changed"

    def __init__(self) -> None:
        super().__init__(
            "The newsroom server now gives a different desk key than the one this computer "
            "trusted first, so questions cannot be trusted and none were opened. Answers "
            "and reports still go out. Tell your editor at once, by another channel."
        )


@dataclass(frozen=True)
class Question:
    """A question received on this device, and its answer once given.

    ``answer_sent_at`` is when the server's receipt for the answer was stored (None while
    it waits to be sent).
    """

    question_id: str
    report_id: str
    text: str
    desk_label: str | None
    asked_at: datetime
    received_at: datetime
    answered_at: datetime | None
    answer_text: str | None
    correction_id: str | None
    answer_sent_at: datetime | None

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


@dataclass(frozen=True)
class DeskQuestion:
    """A question asked at this desk, and the answer when it came back."""

    question_id: str
    report_id: str
    device_id: str
    text: str
    desk_label: str | None
    asked_at: datetime
    sent_at: datetime | None
    last_error: str | None
    answer_text: str | None
    answered_at: datetime | None
    correction_id: str | None

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


@dataclass(frozen=True)
class Revision:
    """What the correction rule reads of a report revision."""

    lineage_id: str
    revision: int
    state: str


def answer_text(text: str) -> str:
    """The text an answer keeps (trimmed, one spelling of Burmese marks); raises
    `AnswerError` when it is empty or too long."""
    text = canonical_text(text.strip())
    if not text:
        raise AnswerError("Write an answer first.")
    if len(text) > MAX_ANSWER_CHARS:
        raise AnswerError(f"The answer is too long: at most {MAX_ANSWER_CHARS} characters.")
    return text


def question_text(text: str) -> str:
    """The text a question keeps; raises `FollowupError` when it is empty or too long."""
    text = text.strip()
    if not text:
        raise FollowupError("Write the question first.")
    if len(text) > MAX_QUESTION_CHARS:
        raise FollowupError(f"The question is too long: at most {MAX_QUESTION_CHARS} characters.")
    return text


def bounded_desk_label(label: str | None) -> str | None:
    """The asking desk's label as a question carries it (bounded)."""
    return None if label is None else label[:DESK_LABEL_CHARS]


def check_answerable(question: Question) -> None:
    """A question is answered once."""
    if question.answered:
        raise AnswerError("This question is already answered.")


def check_correction(
    correction_id: str, corrected: Revision | None, asked_about: Revision | None
) -> None:
    """The revision an answer names must exist here, be queued or sent, and be a newer
    revision of the report asked about (when that report is still here)."""
    if corrected is None:
        raise AnswerError(f"There is no report {correction_id} on this computer.")
    if corrected.state not in CORRECTION_STATES:
        raise AnswerError("Queue the corrected report first (a draft is not sent).")
    if asked_about is not None and (
        corrected.lineage_id != asked_about.lineage_id or corrected.revision <= asked_about.revision
    ):
        raise AnswerError(
            "That report is not a correction of the report asked about: open the report "
            "and save a correction of it."
        )


def open_question(questions: list[Question]) -> Question | None:
    """The oldest question not answered yet: the one the answer box is for."""
    return next((q for q in questions if not q.answered), None)
