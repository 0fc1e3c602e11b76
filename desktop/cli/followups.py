"""`gatewatch questions`, `gatewatch answer` and `gatewatch ask`: follow-up questions.

- ``gatewatch questions [--report ID] [--json] [--no-sync]`` — on a correspondent's store:
  fetch new questions and send waiting answers first (unless ``--no-sync``), then list
  them. On a desk's store: send waiting questions, read answers already pulled
  (``gatewatch desk pull`` fetches them), then list the questions asked here.
- ``gatewatch answer QUESTION_ID --text T [--correction REPORT_ID]`` — answer, sealed at
  once, and sent now if the server is reachable (otherwise at the next sync).
- ``gatewatch ask REPORT_ID --text T [--desk-label L]`` — at the desk: ask the device
  that sent the report, sent now if the server is reachable (otherwise at the next pull).

The commands of each role are in desktop/cli/correspondent/followups.py and
desktop/cli/desk/followups.py; this module registers them and sends ``questions`` to the
role of the store it opens. Exit codes as the rest of the command: 0 done, 1 a store or
server problem (a question that waits counts as done), 2 bad input. Errors are one line on
stderr.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_BAD_INPUT, EXIT_FAILURE, fail, open_plain
from desktop.cli.correspondent import followups as correspondent_followups
from desktop.cli.desk import followups as desk_followups
from desktop.domain.followups import AnswerError, DeskKeyChangedError, FollowupError
from desktop.services.correspondent.session import CorrespondentSession
from desktop.services.desk.session import DeskSession
from desktop.store.database import Store
from sync.client import SyncError


def register(commands: Any) -> None:
    """Add the follow-up commands to the ``gatewatch`` subcommand parsers."""
    questions = commands.add_parser(
        "questions", help="follow-up questions: fetch and list (desk: send and list)"
    )
    questions.add_argument("--report", metavar="ID", help="only questions about this report")
    questions.add_argument("--json", action="store_true", help="machine-readable output")
    questions.add_argument("--no-sync", action="store_true", help="do not contact the server")
    answer = commands.add_parser("answer", help="answer a follow-up question from the desk")
    answer.add_argument("question_id", metavar="QUESTION_ID")
    answer.add_argument("--text", required=True, help="the answer")
    answer.add_argument(
        "--correction", metavar="REPORT_ID", help="the corrected revision this answer names"
    )
    answer.add_argument(
        "--allow-personal-details",
        action="store_true",
        help="send the answer even when it looks like it holds a phone, NRC, plate…",
    )
    ask = commands.add_parser("ask", help="desk: ask the correspondent about a report")
    ask.add_argument("report_id", metavar="REPORT_ID")
    ask.add_argument("--text", required=True, help="the question")
    ask.add_argument("--desk-label", help="who asks (default: this desk's label)")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``questions``, ``answer`` or ``ask``; return the exit code."""

    commands: dict[str, Callable[[argparse.Namespace, Store], int]] = {
        "questions": _questions,
        "answer": correspondent_followups.answer,
        "ask": _ask,
    }
    with open_plain(data_dir) as store:
        try:
            return commands[args.command](args, store)
        except (AnswerError, FollowupError, LookupError) as error:
            return fail(str(error), EXIT_BAD_INPUT)
        except DeskKeyChangedError as error:
            return fail(str(error), EXIT_FAILURE)
        except SyncError as error:
            return fail(f"{error.reason}: {error}", EXIT_FAILURE)


HANDLERS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "questions": run,
    "answer": run,
    "ask": run,
}
"""For ``main``'s handler table."""


def _is_desk(store: Store) -> bool:
    return not CorrespondentSession(store).enrolled() and DeskSession(store).holds_newsroom_key()


def _questions(args: argparse.Namespace, store: Store) -> int:
    if _is_desk(store):
        return desk_followups.list_questions(args, store)
    return correspondent_followups.list_questions(args, store)


def _ask(args: argparse.Namespace, store: Store) -> int:
    if not _is_desk(store):
        return fail("`gatewatch ask` works on a desk's store (--data-dir DESK)", EXIT_BAD_INPUT)
    return desk_followups.ask(args, store)
