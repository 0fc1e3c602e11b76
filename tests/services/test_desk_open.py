"""Opening a pulled page at the desk: threads and worker processes agree, and a dead
worker costs time, never envelopes."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import signal
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any

import pytest

from desktop.domain.report import Report, ReportContent
from desktop.services.desk import open as desk_open
from desktop.services.desk.open import PageOpener, Sealed
from desktop.store.desk.core import EnvelopeRecord, ReceivedReport
from sync.envelope import (
    ChainLink,
    ChainStart,
    DeviceSigningKey,
    EnvelopeKind,
    NewsroomKeyPair,
    seal,
)
from sync.payloads.report import REPORT_FORMAT
from tests.helpers.reports import example

DEVICE_ID = "gw-00000000000000000001"


@pytest.fixture(scope="module")
def newsroom() -> NewsroomKeyPair:
    return NewsroomKeyPair.generate()


@pytest.fixture(scope="module")
def device() -> DeviceSigningKey:
    return DeviceSigningKey.generate()


def sealed_report(newsroom: NewsroomKeyPair, signer: DeviceSigningKey, seq: int) -> Sealed:
    record = Report.new(ReportContent.from_json(example(narrative=f"report {seq}"))).to_json()
    payload = json.dumps({"format": REPORT_FORMAT, "report": record, "attachments": []})
    envelope_id = str(uuid.uuid4())
    data = seal(
        payload.encode(),
        kind=EnvelopeKind.REPORT,
        envelope_id=envelope_id,
        device_id=DEVICE_ID,
        device_key=signer,
        recipient=newsroom.public_key,
    )
    base = EnvelopeRecord(envelope_id, seq, DEVICE_ID, "report", len(data), "", "stored")
    return Sealed(base, data)


@pytest.fixture(scope="module")
def page(newsroom: NewsroomKeyPair, device: DeviceSigningKey) -> list[Sealed]:
    good = [sealed_report(newsroom, device, seq) for seq in range(1, 9)]
    forged = sealed_report(newsroom, DeviceSigningKey.generate(), 9)
    undecodable = Sealed(sealed_report(newsroom, device, 10).base, None)
    altered = sealed_report(newsroom, device, 11)
    flipped = altered.data[:-1] + bytes([altered.data[-1] ^ 1])
    return [*good, forged, undecodable, Sealed(altered.base, flipped)]


@pytest.fixture
def opener(newsroom: NewsroomKeyPair) -> Iterator[PageOpener]:
    made = PageOpener([newsroom], workers=2)
    yield made
    made.close()


def outcome(opened: list[ReceivedReport | EnvelopeRecord]) -> list[tuple[str, str]]:
    return [
        ("report", o.envelope.envelope_id)
        if isinstance(o, ReceivedReport)
        else (str(o.reason), o.envelope_id)
        for o in opened
    ]


def expected(page: list[Sealed]) -> list[tuple[str, str]]:
    reasons = ["report"] * 8 + ["bad_signature", "malformed", "decryption_failed"]
    return [(reason, s.base.envelope_id) for reason, s in zip(reasons, page, strict=True)]


def test_threads_and_worker_processes_open_a_page_alike(
    opener: PageOpener,
    page: list[Sealed],
    device: DeviceSigningKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = {DEVICE_ID: device.public_bytes()}
    in_threads = opener.open(page, keys).result()
    opener.use_processes()

    def not_here(*args: object) -> None:
        raise AssertionError("opened in this process, not in a worker")

    monkeypatch.setattr(desk_open, "_open_chunk", not_here)  # workers have their own copy
    in_workers = opener.open(page, keys).result()
    assert opener.in_processes
    assert outcome(in_threads) == expected(page)
    assert in_workers == in_threads  # the same records, reports and refusal messages


def test_a_report_comes_back_from_a_worker_as_the_row_the_store_writes(
    opener: PageOpener, page: list[Sealed], device: DeviceSigningKey
) -> None:
    opener.use_processes()
    in_workers = opener.open(page, {DEVICE_ID: device.public_bytes()}).result()
    reports = [o for o in in_workers if isinstance(o, ReceivedReport)]
    assert len(reports) == 8
    for report in reports:
        row = report.finished_row()
        record = dict(report.record)
        assert json.loads(row.record_json) == record
        source = record["source"]
        assert (row.id, row.lineage_id, row.revision, row.gate, row.observed_at) == (
            record["id"],
            record["lineage_id"],
            record["revision"],
            record["gate"],
            record["observed_at"],
        )
        assert (row.source_category, row.reliability) == (
            source.get("category"),
            source.get("reliability"),
        )
        # The record crosses between processes once, as its JSON: rebuilding it as
        # nested objects on the store's side cost more than writing it.
        assert pickle.dumps(report).count(b"narrative") == 1


def test_a_killed_worker_leaves_the_page_to_threads(
    opener: PageOpener, page: list[Sealed], device: DeviceSigningKey
) -> None:
    keys = {DEVICE_ID: device.public_bytes()}
    opener.use_processes()
    assert outcome(opener.open(page, keys).result()) == expected(page)
    workers = multiprocessing.active_children()
    assert workers
    for worker in workers:
        assert worker.pid is not None
        os.kill(worker.pid, signal.SIGKILL)
    for worker in workers:
        worker.join(timeout=30)
    assert outcome(opener.open(page, keys).result()) == expected(page)
    assert not opener.in_processes  # the rest of the pull stays in threads
    assert outcome(opener.open(page, keys).result()) == expected(page)


def test_an_empty_page_opens_to_nothing(opener: PageOpener) -> None:
    assert opener.open([], {}).result() == []
    opener.use_processes()
    assert opener.open([], {}).result() == []


def test_workers_that_half_started_are_stopped(
    opener: PageOpener,
    page: list[Sealed],
    device: DeviceSigningKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class SecondWorkerFails(ProcessPoolExecutor):
        submitted = 0

        def submit(self, *args: Any, **kwargs: Any) -> Any:
            SecondWorkerFails.submitted += 1
            if SecondWorkerFails.submitted == 2:
                raise OSError("no more processes")
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(desk_open, "ProcessPoolExecutor", SecondWorkerFails)
    opener.use_processes()
    assert not opener.in_processes
    deadline = time.monotonic() + 30
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()  # the one that started holds no key now
    keys = {DEVICE_ID: device.public_bytes()}
    assert outcome(opener.open(page, keys).result()) == expected(page)


def sealed_payload(
    newsroom: NewsroomKeyPair,
    signer: DeviceSigningKey,
    payload: bytes,
    kind: EnvelopeKind = EnvelopeKind.REPORT,
    chain: ChainLink | None = None,
) -> Sealed:
    envelope_id = str(uuid.uuid4())
    data = seal(
        payload,
        kind=kind,
        envelope_id=envelope_id,
        device_id=DEVICE_ID,
        device_key=signer,
        recipient=newsroom.public_key,
        chain=chain,
    )
    base = EnvelopeRecord(envelope_id, 1, DEVICE_ID, str(kind), len(data), "", "stored")
    return Sealed(base, data)


def test_a_chunk_opens_as_its_envelopes_do_one_by_one(
    newsroom: NewsroomKeyPair, page: list[Sealed], device: DeviceSigningKey
) -> None:
    # A chunk is decrypted whole before its reports are read: every outcome, and the
    # chain link a refused envelope keeps, must be what opening each alone gives.
    link = ChainLink("c1" * 16, 1, bytes(32), 1_765_000_000, ChainStart.NEW)
    not_json = sealed_payload(newsroom, device, b"{not json", chain=link)
    listed_wrong = sealed_report(newsroom, device, 12)
    review = sealed_payload(newsroom, device, b"{}", EnvelopeKind.REVIEW)
    message = sealed_payload(newsroom, device, b"hello", EnvelopeKind.MESSAGE)
    chunk = [
        *page,
        not_json,
        Sealed(replace(listed_wrong.base, device_id="gw-other"), listed_wrong.data),
        review,
        message,
    ]
    keys: dict[str, bytes | None] = {DEVICE_ID: device.public_bytes()}
    one_by_one = [desk_open.open_sealed(sealed, [newsroom], keys.get) for sealed in chunk]
    assert desk_open._open_chunk([newsroom], chunk, keys) == one_by_one
    records = [o for o in one_by_one[len(page) :] if isinstance(o, EnvelopeRecord)]
    assert [o.reason for o in records] == [
        "invalid_report",
        "header_mismatch",
        "kind_not_allowed",
        None,  # a message, stored
    ]
    assert records[0].chain is not None
    assert records[0].chain.chain_id == link.chain_id
