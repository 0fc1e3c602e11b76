"""Review at the editor desk: the states a received report moves through and the moves
allowed between them.

A report arrives ``new``. Editors move it: new → needs follow-up → verified | rejected →
published (only a verified report is published; any state may go back to needs follow-up).
Every move and every note is a review event (`desktop.domain.desk.review_events`, where the
rule that makes every desk agree on a report's state lives) that records who (the desk's
label and id), when, and an optional note.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from enum import StrEnum

MAX_LABEL_CHARS = 60
DESK_ID_PATTERN = re.compile(r"desk-[0-9a-f]{16}")


class ReviewState(StrEnum):
    NEW = "new"
    NEEDS_FOLLOW_UP = "needs_follow_up"
    VERIFIED = "verified"
    REJECTED = "rejected"
    PUBLISHED = "published"


CONFIRMED_STATES = frozenset({ReviewState.VERIFIED, ReviewState.PUBLISHED})
"""States in which a report counts for the gate status board."""

PENDING_STATES = frozenset({ReviewState.NEW, ReviewState.NEEDS_FOLLOW_UP})
"""Not yet judged: shown on the board as a reported change, unverified."""

ALLOWED_MOVES: Mapping[ReviewState, frozenset[ReviewState]] = {
    ReviewState.NEW: frozenset(
        {ReviewState.NEEDS_FOLLOW_UP, ReviewState.VERIFIED, ReviewState.REJECTED}
    ),
    ReviewState.NEEDS_FOLLOW_UP: frozenset({ReviewState.VERIFIED, ReviewState.REJECTED}),
    ReviewState.VERIFIED: frozenset(
        {ReviewState.PUBLISHED, ReviewState.NEEDS_FOLLOW_UP, ReviewState.REJECTED}
    ),
    ReviewState.REJECTED: frozenset({ReviewState.NEEDS_FOLLOW_UP, ReviewState.VERIFIED}),
    ReviewState.PUBLISHED: frozenset({ReviewState.NEEDS_FOLLOW_UP}),
}


class ReviewError(ValueError):
    """A move or note that cannot be made; the message says why and what is allowed.

    `reason` lets the window say it in the editor's language: "move_not_allowed" (with
    `current`), "unknown_report", "label_length", "note_length", or "invalid" (a review
    event that breaks the format: pulled data, not something an editor typed).
    """

    def __init__(
        self, message: str, reason: str = "invalid", *, current: ReviewState | None = None
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.current = current


def check_move(current: ReviewState, target: ReviewState) -> None:
    """Raise `ReviewError` unless an editor may move a report from `current` to `target`."""
    allowed = ALLOWED_MOVES[current]
    if target not in allowed:
        options = ", ".join(sorted(state.value for state in allowed))
        raise ReviewError(
            f"a report that is {current.value} cannot be moved to {target.value}; "
            f"it can go to: {options}",
            "move_not_allowed",
            current=current,
        )


def label_length_error() -> ReviewError:
    return ReviewError(f"a desk label has 1 to {MAX_LABEL_CHARS} characters", "label_length")


def new_desk_id() -> str:
    return "desk-" + secrets.token_hex(8)
