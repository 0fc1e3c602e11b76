"""What the hand-carry actions say, in the interface language: why a file could not be
used, why an item in a bundle was refused, and the outcome of each action.

The services carry English for the command line; these are the words a correspondent or
an editor reads instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication


def file_error(error: BaseException) -> str | None:
    """A hand-carry failure in plain words, or None when ``error`` is none of them."""
    from desktop.services.handcarry import HandcarryError
    from sync.payloads.container import BundleError

    if isinstance(error, HandcarryError):
        reasons = {
            "not_enrolled": QCoreApplication.translate(
                "HandCarry",
                "This computer is not connected to a newsroom yet, so nothing can be sealed "
                "for it. Connect once (Tools → Connect to newsroom), then try again.",
            ),
            "nothing_waiting": QCoreApplication.translate(
                "HandCarry",
                "Nothing is waiting for the newsroom: every report already has its receipt. "
                "No file was written.",
            ),
            "unwritable": QCoreApplication.translate(
                "HandCarry",
                "The file could not be written there (the stick may be full or read-only). "
                "Choose another place. Nothing was changed.",
            ),
            "unreadable": QCoreApplication.translate(
                "HandCarry", "The file cannot be read. Check that it is still there."
            ),
            "too_large": QCoreApplication.translate(
                "HandCarry", "This file is far too large to be a Gatewatch file."
            ),
            "no_desk_key": QCoreApplication.translate(
                "HandCarry",
                "This computer has not yet learnt the newsroom desk's signature, so it cannot "
                "check receipts. Send once with a connection, then import the receipts again.",
            ),
            "wrong_device": QCoreApplication.translate(
                "HandCarry",
                "These receipts are for another computer. Nothing was changed: give them to "
                "the correspondent they belong to.",
            ),
            "unknown_device": QCoreApplication.translate(
                "HandCarry", "This desk does not know that computer."
            ),
            "no_encryption_key": QCoreApplication.translate(
                "HandCarry",
                "This desk cannot seal receipts for that computer yet: it must have synced "
                "once with a connection, and this desk must have pulled since.",
            ),
            "not_connected": QCoreApplication.translate(
                "HandCarry", "This desk is not connected to a server yet."
            ),
        }
        return reasons.get(error.reason, str(error))
    if isinstance(error, BundleError):
        bundle_reasons = {
            "not_for_us": QCoreApplication.translate(
                "HandCarry",
                "This file does not open here: it is not a hand-carried Gatewatch file, or it "
                "was made for another newsroom or another computer. Check that it is the file "
                "you were given. Nothing was changed.",
            ),
            "damaged": QCoreApplication.translate(
                "HandCarry",
                "The file was cut or altered after it was written (a copy that did not "
                "finish?). Ask for it again. Nothing was changed.",
            ),
            "malformed": QCoreApplication.translate(
                "HandCarry", "The file opens but its contents are broken. Ask for it again."
            ),
            "bad_signature": QCoreApplication.translate(
                "HandCarry",
                "These receipts are not signed by your newsroom's desk: do not trust them. "
                "Nothing was changed.",
            ),
            "too_large": QCoreApplication.translate(
                "HandCarry", "Too much to carry in one file: send some reports first."
            ),
        }
        return bundle_reasons.get(error.reason, str(error))
    return None


def refusal(reason: str) -> str:
    """Why one item of a bundle was refused, in a few plain words."""
    reasons = {
        "unknown_device": QCoreApplication.translate(
            "HandCarry", "from a computer this desk does not know"
        ),
        "bad_signature": QCoreApplication.translate(
            "HandCarry", "not signed by the computer it names (forged or altered)"
        ),
        "decryption_failed": QCoreApplication.translate("HandCarry", "altered or damaged"),
        "malformed": QCoreApplication.translate("HandCarry", "damaged"),
        "oversized": QCoreApplication.translate("HandCarry", "larger than allowed"),
        "wrong_recipient": QCoreApplication.translate("HandCarry", "sealed for another newsroom"),
        "kind_not_allowed": QCoreApplication.translate(
            "HandCarry", "not something a correspondent's computer may send"
        ),
        "invalid_report": QCoreApplication.translate("HandCarry", "not a valid report"),
        "header_mismatch": QCoreApplication.translate(
            "HandCarry", "its label does not match its contents"
        ),
        "duplicate": QCoreApplication.translate("HandCarry", "a second copy under the same name"),
    }
    return reasons.get(reason, QCoreApplication.translate("HandCarry", "unreadable"))


def refusals(reasons: Sequence[str]) -> str:
    """``altered or damaged (2); not a valid report (1)``."""
    counts: dict[str, int] = {}
    for reason in reasons:
        words = refusal(reason)
        counts[words] = counts.get(words, 0) + 1
    return "; ".join(f"{words} ({count})" for words, count in counts.items())


def day(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
