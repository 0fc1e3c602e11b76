"""`gatewatch questions` and `gatewatch answer` on a correspondent's store.

- ``questions [--report ID] [--json] [--no-sync]`` — fetch new questions and send waiting
  answers first (unless ``--no-sync``), then list them.
- ``answer QUESTION_ID --text T [--correction REPORT_ID]`` — answer, sealed at once, and
  sent now if the server is reachable (otherwise at the next sync).

Registered with ``ask`` by desktop/cli/followups.py, which also sends ``questions`` on a
desk's store to desktop/cli/desk/followups.py.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from desktop.cli.common import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, fail, print_json, shown
from desktop.cli.correspondent import text as cli_text
from desktop.domain.followups import Question
from desktop.services import followup_sync
from desktop.services.correspondent import followups
from desktop.services.correspondent.session import CorrespondentSession
from desktop.store.database import Store


def list_questions(args: argparse.Namespace, store: Store) -> int:
    code = EXIT_OK
    if not args.no_sync and CorrespondentSession(store).enrolled():
        outcome = followup_sync.sync_followups(store)
        if outcome.error is not None:
            print(f"gatewatch: {outcome.error.value}: {outcome.message}", file=sys.stderr)
            code = EXIT_FAILURE
    items = followups.questions(store, args.report)
    if args.json:
        print_json([_json(q) for q in items])
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


def answer(args: argparse.Namespace, store: Store) -> int:
    try:
        cli_text.check_answer(args.text, args.allow_personal_details)
    except cli_text.TextGuardError as error:
        return fail(str(error), EXIT_BAD_INPUT)
    followups.answer(store, args.question_id, args.text, correction_id=args.correction)
    outcome = followup_sync.sync_followups(store)
    if outcome.error is None and followups.pending_answers(store) == 0:
        print("Answer sent.")
    else:
        print(f"Answer kept; it is sent at the next sync ({outcome.message or 'not sent yet'}).")
    return EXIT_OK


def _json(q: Question) -> dict[str, Any]:
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


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %z")


def _shown(text: str) -> str:
    return shown(text, multiline=True)
