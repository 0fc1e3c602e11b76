"""Follow-up questions and answers: the payloads of ``message`` envelopes.

A desk asks about one report with a *question*, sealed to the device's own encryption key
and signed with the desk signing key; the device replies with an *answer*, sealed to the
newsroom key and signed by the device (docs/followups.md). Both are canonical JSON (keys
sorted, compact, UTF-8) of ``format`` `FOLLOWUP_FORMAT`::

    question: {"format", "type": "question", "question_id", "report_id", "device_id",
               "text", "asked_at", "desk_label"}
    answer:   {"format", "type": "answer", "question_id", "report_id", "text",
               "correction_id", "at"}

Times are ISO 8601 in UTC with a trailing Z. `parse_payload` checks the wire form (format,
type, keys, ids, text bounds, times); what a question or answer does is the app's.
Vectors: tests/sync/vectors/followup_v1.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sync import wire

__all__ = [
    "FOLLOWUP_FORMAT",
    "MAX_ANSWER_CHARS",
    "MAX_PAYLOAD_BYTES",
    "MAX_QUESTION_CHARS",
    "answer_payload",
    "parse_payload",
    "question_payload",
]

FOLLOWUP_FORMAT = "gatewatch-followup-1"
MAX_QUESTION_CHARS = 4000
MAX_ANSWER_CHARS = 8000
MAX_PAYLOAD_BYTES = 64 * 1024
"""A follow-up payload is short text: anything larger is refused unread."""
_UUID = re.compile(wire.UUID_RE)
_REPORT_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON may spell one; UTF-8 cannot store it


def _utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a trailing Z (as the app writes every time); ValueError for a
    time without a zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a time without a zone is ambiguous")
    return moment.astimezone(UTC).isoformat().removesuffix("+00:00") + "Z"


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
            "asked_at": _utc(asked_at),
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
            "at": _utc(at),
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
        canonical = _utc(moment)
    except (ValueError, OverflowError):
        raise ValueError("bad time") from None
    return {**document, time_key: canonical}
