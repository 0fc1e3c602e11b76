"""Desk wording shared by its screens: review states, review errors and the desk's other
errors, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.desk.review import ALLOWED_MOVES, MAX_LABEL_CHARS, ReviewError, ReviewState
from desktop.domain.desk.review_events import MAX_NOTE_CHARS
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.desk import review as desk_review
from desktop.services.desk.session import (
    DeskKeyExistsError,
    KeyExportError,
    KeyExportPassphraseError,
)
from desktop.ui.errors import user_message
from sync import client as sync_client

__all__ = ["desk_error_message", "review_error_message", "state_label"]


def state_label(state: ReviewState) -> str:
    """The translated name of a review state."""
    names = {
        ReviewState.NEW: QCoreApplication.translate("Desk", "new"),
        ReviewState.NEEDS_FOLLOW_UP: QCoreApplication.translate("Desk", "needs follow-up"),
        ReviewState.VERIFIED: QCoreApplication.translate("Desk", "verified"),
        ReviewState.REJECTED: QCoreApplication.translate("Desk", "rejected"),
        ReviewState.PUBLISHED: QCoreApplication.translate("Desk", "published"),
    }
    return names[state]


def review_error_message(error: ReviewError) -> str:
    """What an editor is told when a move, note or label is refused (the English of the
    error stays for the command line)."""
    if error.reason == "move_not_allowed" and error.current is not None:
        allowed = [state for state in ReviewState if state in ALLOWED_MOVES[error.current]]
        return QCoreApplication.translate(
            "DeskErrors",
            "This report's review is now “{state}” (another desk may have moved it). From "
            "there it can go to: {allowed}.",
        ).format(
            state=state_label(error.current),
            allowed=QCoreApplication.translate(
                "DeskErrors", ", ", "between the names of review states"
            ).join(state_label(state) for state in allowed),
        )
    if error.reason == "unknown_report":
        return QCoreApplication.translate(
            "DeskErrors", "This report is not at this desk. Pull, then look for it again."
        )
    if error.reason == "label_length":
        return QCoreApplication.translate(
            "DeskErrors", "A desk label has 1 to {count} characters."
        ).format(count=MAX_LABEL_CHARS)
    if error.reason == "note_length":
        return QCoreApplication.translate(
            "DeskErrors", "A note has at most {count} characters. Shorten it, then add it again."
        ).format(count=MAX_NOTE_CHARS)
    if error.reason == "nothing_to_undo":
        return QCoreApplication.translate(
            "DeskErrors",
            "There is no move of yours to undo: it is too old, or another desk moved the "
            "report since.",
        )
    return str(error)


def desk_error_message(error: BaseException) -> str:
    """What the desk says about an error (translated where an editor can meet it)."""

    if isinstance(error, KeyExportPassphraseError):
        return QCoreApplication.translate(
            "DeskErrors",
            "The passphrase does not open this key file. Check it with the editor who "
            "exported it. Nothing was changed.",
        )
    if isinstance(error, KeyExportError):
        return QCoreApplication.translate(
            "DeskErrors",
            "This file is not a newsroom key export, or it is damaged. Ask the editor who "
            "exported it for the file again. Nothing was changed.",
        )
    if isinstance(error, DeskKeyExistsError):
        return QCoreApplication.translate(
            "DeskErrors", "This desk already holds another newsroom key. Nothing was changed."
        )
    if isinstance(error, desk_connection.DeskKeyClaimedError):
        return QCoreApplication.translate(
            "DeskErrors",
            "The server already holds another desk signing key: someone with a desk token "
            "registered one that does not come from this newsroom's key. Nothing was saved. "
            "Tell the server admin at once.",
        )
    if isinstance(error, desk.DeskNotReadyError | desk_review.DeskSetupError):
        return QCoreApplication.translate(
            "DeskErrors",
            "This desk is not connected to a server yet: use Connect to server… first.",
        )
    if isinstance(error, sync_client.UnauthorizedError):
        return QCoreApplication.translate(
            "DeskErrors",
            "The server refused the desk token. Check it, or ask the server admin for a new "
            "desk token.",
        )
    if isinstance(error, sync_client.ServerRefusedError) and error.reason == "wrong_token_kind":
        return QCoreApplication.translate(
            "DeskErrors", "This is a correspondent's token, not a desk token. Ask the server admin."
        )
    if isinstance(error, ReviewError):
        return review_error_message(error)
    return user_message(error)
