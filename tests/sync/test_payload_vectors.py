"""The payload formats without a signature of their own (`sync.payloads.report`,
`sync.payloads.followup`, the read-only ``gatewatch-review-1`` and ``gatewatch-devices-1``)
and the bodies of the hand-carried files reproduce their committed vectors byte for byte
(tools/make_payload_vectors.py, tools/make_handcarry_vectors.py)."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from sync.envelope import DeviceSigningKey, NewsroomKeyPair, derive_desk_signing_key
from sync.payloads.bundle import BUNDLE_INFO, bundle_body
from sync.payloads.container import open_container
from sync.payloads.desk_signed import claimed_events
from sync.payloads.devices import MAX_DEVICE_EVENTS, devices_v1_events
from sync.payloads.followup import answer_payload, parse_payload, question_payload
from sync.payloads.receipts import (
    RECEIPTS_INFO,
    RECEIPTS_SIGNATURE_DOMAIN,
    HandReceipts,
    receipts_body,
)
from sync.payloads.report import report_payload
from sync.payloads.review import open_review

VECTORS = Path(__file__).with_name("vectors")


def vector(name: str) -> dict[str, Any]:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_report_payload_is_the_vector() -> None:
    v = vector("report_v1.json")
    payload = report_payload(v["record"], v["attachments"])
    assert payload == v["payload"].encode("utf-8")
    assert json.loads(payload) == {
        "format": "gatewatch-report/1",
        "report": v["record"],
        "attachments": v["attachments"],
    }


def test_a_report_payload_refuses_what_json_cannot_say_exactly() -> None:
    with pytest.raises(ValueError, match="JSON compliant"):
        report_payload({"amount": float("nan")}, [])


def test_the_followup_payloads_are_the_vector_and_read_back() -> None:
    v = vector("followup_v1.json")
    question = question_payload(
        **{**v["question"], "asked_at": datetime.fromisoformat(v["question"]["asked_at"])}
    )
    answer = answer_payload(**{**v["answer"], "at": datetime.fromisoformat(v["answer"]["at"])})
    assert question == v["question_payload"].encode("utf-8")
    assert answer == v["answer_payload"].encode("utf-8")
    # A time given in another zone is written in UTC with a Z.
    assert parse_payload(question, "question")["asked_at"] == "2025-01-02T03:34:05Z"
    assert parse_payload(answer, "answer") == json.loads(answer)
    with pytest.raises(ValueError, match="not a follow-up answer"):
        parse_payload(question, "answer")


def test_the_legacy_review_and_device_documents_still_read() -> None:
    v = vector("legacy_v1.json")
    review = open_review(
        v["review_payload"].encode("utf-8"), envelope_id="any", newsroom_signing_keys=[]
    )
    assert review.events == v["review_events"]
    assert review.endorsement is None
    assert claimed_events(v["review_payload"].encode("utf-8")) == v["review_events"]
    assert devices_v1_events(json.loads(v["devices_payload"])) == v["device_events"]


def test_a_legacy_device_document_must_be_one() -> None:
    document = json.loads(vector("legacy_v1.json")["devices_payload"])
    for bad in (
        {**document, "format": "gatewatch-review-1"},
        {**document, "events": []},
        {**document, "events": document["events"] * (MAX_DEVICE_EVENTS + 1)},
        {**document, "events": {"0": document["events"][0]}},
        {**document, "extra": 1},
        [document],
    ):
        with pytest.raises(ValueError, match="not a gatewatch-devices-1 document"):
            devices_v1_events(bad)


def test_the_hand_carried_bodies_are_the_vector() -> None:
    v = vector("handcarry_x25519.json")
    newsroom = NewsroomKeyPair.from_private_bytes(bytes.fromhex(v["newsroom_private"]))
    body = open_container(base64.b64decode(v["bundle"]["file"]), [newsroom], BUNDLE_INFO)
    assert body == bundle_body(
        [base64.b64decode(e) for e in v["bundle"]["envelopes"]],
        v["bundle"]["bundle_id"],
        datetime.fromisoformat(v["bundle"]["created_at"]),
    )
    device = NewsroomKeyPair.from_private_bytes(bytes.fromhex(v["device_encryption_private"]))
    signed = open_container(base64.b64decode(v["receipts"]["file"]), [device], RECEIPTS_INFO)
    receipts = HandReceipts(
        v["receipts"]["receipt_id"],
        datetime.fromisoformat(v["receipts"]["created_at"]),
        v["receipts"]["device_id"],
        tuple(v["receipts"]["envelope_ids"]),
        (),
    )
    desk: DeviceSigningKey = derive_desk_signing_key(newsroom)
    expected = receipts_body(receipts)
    assert signed == expected + desk.sign(RECEIPTS_SIGNATURE_DOMAIN + expected)
