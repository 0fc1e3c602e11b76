"""Follow-up questions: the payloads both roles read and write.

An editor asks a question about one report (`desktop/services/desk/followups.py`); the
desk seals it (kind ``message``) to the device's own HPKE key and signs it with the desks'
Ed25519 key. The device receives it (`desktop/services/followup_sync.py`), and its
correspondent answers (`desktop/services/correspondent/followups.py`), sealed to the
newsroom key like a report. The rules are in `desktop/domain/followups.py`, the SQL in
`desktop/store/followups.py` and `desktop/store/desk/followups.py`; docs/followups.md is
the reference.

Payloads are compact JSON, ``format`` `FOLLOWUP_FORMAT`::

    question: {"format", "type": "question", "question_id", "report_id", "device_id",
               "text", "asked_at", "desk_label"}
    answer:   {"format", "type": "answer", "question_id", "report_id", "text",
               "correction_id", "at"}
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from desktop.domain.followups import MAX_ANSWER_CHARS, MAX_QUESTION_CHARS
from desktop.domain.report import format_utc
from sync import wire

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON may spell one; UTF-8 cannot store it

__all__ = [
    "FOLLOWUP_FORMAT",
    "MAX_ANSWER_CHARS",
    "MAX_QUESTION_CHARS",
    "answer_payload",
    "parse_payload",
    "question_payload",
]

FOLLOWUP_FORMAT = "gatewatch-followup-1"
MAX_PAYLOAD_BYTES = 64 * 1024
"""A follow-up payload is short text: anything larger is refused unread."""
_UUID = re.compile(wire.UUID_RE)
_REPORT_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


# -- payloads (shared with the desk) ------------------------------------------------------


def _dump(document: Mapping[str, Any]) -> bytes:
    return json.dumps(
        document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def question_payload(
    *,
    question_id: str,
    report_id: str,
    device_id: str,
    text: str,
    asked_at: datetime,
    desk_label: str | None,
) -> bytes:
    """The canonical bytes of a question's payload (sealed by the desk)."""
    return _dump(
        {
            "format": FOLLOWUP_FORMAT,
            "type": "question",
            "question_id": question_id,
            "report_id": report_id,
            "device_id": device_id,
            "text": text,
            "asked_at": format_utc(asked_at),
            "desk_label": desk_label,
        }
    )


def answer_payload(
    *,
    question_id: str,
    report_id: str,
    text: str,
    correction_id: str | None,
    at: datetime,
) -> bytes:
    """The canonical bytes of an answer's payload (sealed by the device)."""
    return _dump(
        {
            "format": FOLLOWUP_FORMAT,
            "type": "answer",
            "question_id": question_id,
            "report_id": report_id,
            "text": text,
            "correction_id": correction_id,
            "at": format_utc(at),
        }
    )


def parse_payload(data: bytes, expected_type: str) -> dict[str, Any]:
    """Check a follow-up payload of ``expected_type`` ("question" or "answer"); return it.

    Raises ValueError (a short reason, never the content) for anything else: not JSON, not
    this format or type, unknown or missing keys, ids that are not ids, text empty or over
    its limit, times that are not ISO 8601.
    """
    if len(data) > MAX_PAYLOAD_BYTES:
        raise ValueError("payload too large")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValueError("payload is not JSON") from None
    if not isinstance(document, dict) or document.get("format") != FOLLOWUP_FORMAT:
        raise ValueError("not a follow-up payload")
    if document.get("type") != expected_type:
        raise ValueError(f"not a follow-up {expected_type}")
    if expected_type == "question":
        keys = {"format", "type", "question_id", "report_id", "device_id", "text"}
        keys |= {"asked_at", "desk_label"}
        time_key, limit = "asked_at", MAX_QUESTION_CHARS
    else:
        keys = {"format", "type", "question_id", "report_id", "text", "correction_id", "at"}
        time_key, limit = "at", MAX_ANSWER_CHARS
    if set(document) != keys:
        raise ValueError("unexpected or missing keys")
    if not isinstance(document["question_id"], str) or not _UUID.fullmatch(document["question_id"]):
        raise ValueError("bad question id")
    for key in ("report_id", "device_id", "correction_id"):
        value = document.get(key)
        if (
            key in keys
            and value is not None
            and not (isinstance(value, str) and _REPORT_ID.fullmatch(value))
        ):
            raise ValueError(f"bad {key}")
    if not isinstance(document["report_id"], str):
        raise ValueError("bad report_id")
    text = document["text"]
    if not isinstance(text, str) or not text.strip() or len(text) > limit:
        raise ValueError("text empty or too long")
    if _SURROGATE.search(text):
        raise ValueError("text holds a lone surrogate (not UTF-8)")
    label = document.get("desk_label")
    if label is not None and not (
        isinstance(label, str) and len(label) <= 64 and not _CONTROL.search(label)
    ):
        raise ValueError("bad desk label")
    try:  # a time with its zone, within range, kept in one form: UTC with a Z
        moment = datetime.fromisoformat(str(document[time_key]))
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("no zone")
        canonical = format_utc(moment)
    except (ValueError, OverflowError):
        raise ValueError("bad time") from None
    return {**document, time_key: canonical}
