"""Write the key-free payload test vectors to tests/sync/vectors/: report_v1.json,
followup_v1.json and legacy_v1.json.

Run: ``.venv/bin/python tools/make_payload_vectors.py`` (from the repository root).

These payloads are canonical JSON with no signature of their own (the envelope signs
them), so the vectors hold made-up inputs and the exact bytes they encode to. The legacy
file holds a ``gatewatch-review-1`` and a ``gatewatch-devices-1`` document in the bytes
earlier versions wrote (compact JSON, keys in the order written, text as is), which the
app still reads. Ids, times and texts are invented; nothing here is real.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync.payloads.followup import answer_payload, question_payload
from sync.payloads.report import report_payload

VECTORS = Path(__file__).resolve().parents[1] / "tests" / "sync" / "vectors"
MYANMAR = timezone(timedelta(hours=6, minutes=30))
WARNING = "TEST VECTORS written by tools/make_payload_vectors.py: invented ids, times and texts."

REPORT_RECORD: dict[str, Any] = {
    "id": "01943a5d-0000-7000-8000-000000000001",
    "lineage_id": "01943a5d-0000-7000-8000-000000000001",
    "revision": 1,
    "replaces": None,
    "created_at": "2025-01-02T03:04:05Z",
    "gate": "laiza",
    "observed_at": "2025-01-02T02:30:00Z",
    "narrative": "Trucks waiting at the gate · ကားများ စောင့်နေ",
    "prices": [{"commodity": "rice", "amount": 52000, "currency": "MMK", "unit": "bag"}],
    "source": {"category": "driver", "reliability": "B", "credibility": 2},
}
REPORT_ATTACHMENTS: list[dict[str, Any]] = [
    {
        "position": 0,
        "media_type": "image/jpeg",
        "size": 3,
        "sha256": "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81",
        "width": 1,
        "height": 1,
        "chunks": [
            {
                "envelope_id": "4b7c1e2a-9d3f-4a6e-8b5c-2e1f0a9d7c63",
                "sha256": "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81",
                "size": 3,
            }
        ],
    }
]

QUESTION: dict[str, Any] = {
    "question_id": "6f0d3c52-7c1e-4b8e-9a51-2f7d1c0e9b44",
    "report_id": "01943a5d-0000-7000-8000-000000000001",
    "device_id": "gw-5f2c9a1e7b3d4c60",
    "text": "Which gate? · ဘယ်ဂိတ်လဲ",
    "asked_at": "2025-01-02T10:04:05+06:30",
    "desk_label": "Night desk",
}
ANSWER: dict[str, Any] = {
    "question_id": "6f0d3c52-7c1e-4b8e-9a51-2f7d1c0e9b44",
    "report_id": "01943a5d-0000-7000-8000-000000000001",
    "text": "Gate 2, the one by the river.",
    "correction_id": "01943a5d-0000-7000-8000-000000000002",
    "at": "2025-01-02T05:00:00Z",
}

REVIEW_EVENTS = [
    {
        "event_id": "01943a5e-7f00-7abc-8def-0123456789ab",
        "report_id": "01943a5d-0000-7000-8000-000000000001",
        "kind": "move",
        "desk_id": "desk-0123456789abcdef",
        "desk_label": "Day desk · နေ့ဘက်",
        "at": "2025-01-02T03:04:05Z",
        "to_state": "verified",
        "from_state": "new",
        "note": "two drivers agree",
    }
]
DEVICE_EVENTS = [
    {
        "event_id": "01943a5f-1200-7abc-8def-0123456789ac",
        "device_id": "dev-0a1b2c3d4e5f",
        "kind": "approve",
        "label": "Laiza laptop",
        "public_key": "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=",
        "enrolled_at": "2025-01-01T08:00:00Z",
        "desk_id": "desk-0123456789abcdef",
        "desk_label": "Day desk · နေ့ဘက်",
        "at": "2025-01-02T03:05:00Z",
    }
]


def _legacy(format_name: str, events: list[dict[str, Any]]) -> str:
    """As earlier versions wrote it."""
    return json.dumps(
        {"format": format_name, "events": events}, ensure_ascii=False, separators=(",", ":")
    )


def _write(name: str, document: dict[str, Any]) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    (VECTORS / name).write_text(text, encoding="utf-8")
    print(f"wrote {VECTORS / name}")


def main() -> None:
    report = report_payload(REPORT_RECORD, REPORT_ATTACHMENTS)
    _write(
        "report_v1.json",
        {
            "warning": WARNING,
            "record": REPORT_RECORD,
            "attachments": REPORT_ATTACHMENTS,
            "payload": report.decode("utf-8"),
        },
    )
    question = question_payload(
        **{**QUESTION, "asked_at": datetime.fromisoformat(QUESTION["asked_at"])}
    )
    answer = answer_payload(**{**ANSWER, "at": datetime.fromisoformat(ANSWER["at"])})
    _write(
        "followup_v1.json",
        {
            "warning": WARNING,
            "question": QUESTION,
            "question_payload": question.decode("utf-8"),
            "answer": ANSWER,
            "answer_payload": answer.decode("utf-8"),
        },
    )
    _write(
        "legacy_v1.json",
        {
            "warning": WARNING,
            "review_events": REVIEW_EVENTS,
            "review_payload": _legacy("gatewatch-review-1", REVIEW_EVENTS),
            "device_events": DEVICE_EVENTS,
            "devices_payload": _legacy("gatewatch-devices-1", DEVICE_EVENTS),
        },
    )


if __name__ == "__main__":
    main()
