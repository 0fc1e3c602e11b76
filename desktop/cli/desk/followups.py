"""`gatewatch ask` and, on a desk's store, `gatewatch questions`.

- ``ask REPORT_ID --text T [--desk-label L]`` — ask the device that sent the report, sent
  now if the server is reachable (otherwise at the next pull).
- ``questions [--report ID] [--json] [--no-sync]`` — send waiting questions, read answers
  already pulled (``gatewatch desk pull`` fetches them), then list the questions asked here.

Registered by desktop/cli/followups.py.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from desktop.cli.common import EXIT_FAILURE, EXIT_OK, print_json, shown
from desktop.domain.followups import DeskQuestion, FollowupError
from desktop.services.desk import followups as desk_followups
from desktop.services.desk.session import DeskSession
from desktop.store.database import Store
from sync.client import SyncError


def list_questions(args: argparse.Namespace, store: Store) -> int:
    code = EXIT_OK
    if not args.no_sync and DeskSession(store).connected():
        try:
            desk_followups.push_questions_with_desk_token(store)
        except SyncError as error:
            print(f"gatewatch: {error.reason}: {error}", file=sys.stderr)
            code = EXIT_FAILURE
    desk_followups.apply_pulled_messages(store)
    items = desk_followups.followups(store, args.report)
    if args.json:
        print_json([_json(q) for q in items])
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


def ask(args: argparse.Namespace, store: Store) -> int:
    asked = desk_followups.ask(store, args.report_id, args.text, desk_label=args.desk_label)
    print(asked.question_id)
    try:
        push = desk_followups.push_questions_with_desk_token(store)
    except (SyncError, FollowupError) as error:
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


def _json(q: DeskQuestion) -> dict[str, Any]:
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


def _shown(text: str) -> str:
    return shown(text, multiline=True)
