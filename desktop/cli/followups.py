"""`gatewatch questions`, `gatewatch answer` and `gatewatch ask`: follow-up questions.

- ``gatewatch questions [--report ID] [--json] [--no-sync]`` — on a correspondent's store:
  fetch new questions and send waiting answers first (unless ``--no-sync``), then list
  them. On a desk's store: send waiting questions, read answers already pulled
  (``gatewatch desk pull`` fetches them), then list the questions asked here.
- ``gatewatch answer QUESTION_ID --text T [--correction REPORT_ID]`` — answer, sealed at
  once, and sent now if the server is reachable (otherwise at the next sync).
- ``gatewatch ask REPORT_ID --text T [--desk-label L]`` — at the desk: ask the device
  that sent the report, sent now if the server is reachable (otherwise at the next pull).

Exit codes as the rest of the command: 0 done, 1 a store or server problem (a question
that waits counts as done), 2 bad input. Errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAILURE,
    EXIT_OK,
    fail,
    open_plain,
    print_json,
    shown,
)
from desktop.cli.correspondent import text as cli_text
from desktop.services import followups
from desktop.services.desk import followups as desk_followups
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from desktop.store.identity import IdentityRepository
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
        "answer": _answer,
        "ask": _ask,
    }
    with open_plain(data_dir) as store:
        try:
            return commands[args.command](args, store)
        except (followups.AnswerError, desk_followups.FollowupError, LookupError) as error:
            return fail(str(error), EXIT_BAD_INPUT)
        except followups.DeskKeyChangedError as error:
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
    return IdentityRepository(store).get() is None and DeskRepository(store).key() is not None


def _questions(args: argparse.Namespace, store: Store) -> int:
    if _is_desk(store):
        return _desk_questions(args, store)
    code = EXIT_OK
    if not args.no_sync and IdentityRepository(store).get() is not None:
        outcome = followups.sync_followups(store)
        if outcome.error is not None:
            print(f"gatewatch: {outcome.error.value}: {outcome.message}", file=sys.stderr)
            code = EXIT_FAILURE
    items = followups.questions(store, args.report)
    if args.json:
        print_json([_device_json(q) for q in items])
        return code
    if not items:
        print("No questions from the desk.")
    for q in items:
        state = "answered" if q.answered else "waiting for your answer"
        print(f"{q.question_id}  report {q.report_id}  {_local(q.asked_at)}  ({state})")
        print(f"  {_shown(q.desk_label or 'desk')}: {_shown(q.text)}")
        if q.answer_text is not None:
            sent = "sent" if q.answer_sent_at is not None else "to be sent"
            print(f"  you ({sent}): {_shown(q.answer_text)}")
            if q.correction_id:
                print(f"  correction: {q.correction_id}")
    return code


def _desk_questions(args: argparse.Namespace, store: Store) -> int:
    code = EXIT_OK
    if not args.no_sync and DeskRepository(store).server() is not None:
        try:
            desk_followups.push_questions_with_desk_token(store)
        except SyncError as error:
            print(f"gatewatch: {error.reason}: {error}", file=sys.stderr)
            code = EXIT_FAILURE
    desk_followups.apply_pulled_messages(store)
    items = desk_followups.followups(store, args.report)
    if args.json:
        print_json([_desk_json(q) for q in items])
        return code
    if not items:
        print("No questions asked at this desk.")
    for q in items:
        state = "answered" if q.answered else ("sent" if q.sent_at else "waiting to be sent")
        print(f"{q.question_id}  report {q.report_id}  {q.device_id}  ({state})")
        print(f"  {_shown(q.desk_label or 'desk')}: {_shown(q.text)}")
        if q.answer_text is not None:
            print(f"  answer: {_shown(q.answer_text)}")
            if q.correction_id:
                print(f"  correction: {q.correction_id}")
    return code


def _answer(args: argparse.Namespace, store: Store) -> int:
    try:
        cli_text.check_answer(args.text, args.allow_personal_details)
    except cli_text.TextGuardError as error:
        return fail(str(error), EXIT_BAD_INPUT)
    followups.answer(store, args.question_id, args.text, correction_id=args.correction)
    outcome = followups.sync_followups(store)
    if outcome.error is None and followups.pending_answers(store) == 0:
        print("Answer sent.")
    else:
        print(f"Answer kept; it is sent at the next sync ({outcome.message or 'not sent yet'}).")
    return EXIT_OK


def _ask(args: argparse.Namespace, store: Store) -> int:
    if not _is_desk(store):
        return fail("`gatewatch ask` works on a desk's store (--data-dir DESK)", EXIT_BAD_INPUT)
    asked = desk_followups.ask(store, args.report_id, args.text, desk_label=args.desk_label)
    print(asked.question_id)
    try:
        push = desk_followups.push_questions_with_desk_token(store)
    except (SyncError, desk_followups.FollowupError) as error:
        print(f"Question kept; it is sent at the next pull ({error}).")
        return EXIT_OK
    [now] = [
        q
        for q in desk_followups.followups(store, args.report_id)
        if q.question_id == asked.question_id
    ]
    if now.sent_at is not None:
        print(f"Question sent to device {now.device_id}.")
    else:
        print(
            f"Question kept ({now.last_error}): the device has not registered its key yet; "
            f"it is sent at a later pull. {push.waiting} question(s) wait."
        )
    return EXIT_OK


def _device_json(q: followups.Question) -> dict[str, Any]:
    return {
        "question_id": q.question_id,
        "report_id": q.report_id,
        "text": q.text,
        "desk_label": q.desk_label,
        "asked_at": _iso(q.asked_at),
        "received_at": _iso(q.received_at),
        "answered_at": _iso(q.answered_at),
        "answer": q.answer_text,
        "correction_id": q.correction_id,
        "answer_sent_at": _iso(q.answer_sent_at),
    }


def _desk_json(q: desk_followups.DeskQuestion) -> dict[str, Any]:
    return {
        "question_id": q.question_id,
        "report_id": q.report_id,
        "device_id": q.device_id,
        "text": q.text,
        "desk_label": q.desk_label,
        "asked_at": _iso(q.asked_at),
        "sent_at": _iso(q.sent_at),
        "last_error": q.last_error,
        "answer": q.answer_text,
        "answered_at": _iso(q.answered_at),
        "correction_id": q.correction_id,
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %z")


def _shown(text: str) -> str:
    return shown(text, multiline=True)
