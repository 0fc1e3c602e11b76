"""Desk stores filled the way a pull fills them: the demo story from DOMAIN-NOTES, in
English and Burmese, from two correspondents' laptops."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from desktop.domain.report import Report, ReportContent
from desktop.services.correspondent.demo import filler, story
from desktop.store.database import Store
from desktop.store.desk.core import DeskDevice, DeskRepository, EnvelopeRecord, ReceivedReport
from tests.store.approved_devices import approve_devices

NOW = datetime(2024, 12, 14, 9, 0, tzinfo=UTC)
LAIZA_LAPTOP = "gw-00000000000000000001"
MAI_JA_YANG_LAPTOP = "gw-00000000000000000002"


def received(
    records: Iterable[tuple[dict[str, object], str]], first_seq: int = 1
) -> list[ReceivedReport]:
    """ReceivedReports as a pull makes them, for (record, device id) pairs."""
    out = []
    for seq, (record, device_id) in enumerate(records, start=first_seq):
        envelope = EnvelopeRecord(
            envelope_id=str(uuid.uuid4()),
            seq=seq,
            device_id=device_id,
            kind="report",
            size=2048,
            received_at="2024-12-13T10:00:00.000Z",
            outcome="stored",
        )
        out.append(ReceivedReport(envelope, record))
    return out


def fill_desk(store: Store, *, extra: int = 0, approved: bool = True) -> list[str]:
    """The demo story (English from the Laiza laptop, Burmese from the Mai Ja Yang one),
    and `extra` filler reports; returns the story's report ids, English first. With
    ``approved``, an editor approved both laptops (their reports count as sources)."""
    repository = DeskRepository(store)
    repository.save_devices(
        [
            DeskDevice(LAIZA_LAPTOP, "Laiza laptop", b"k" * 32, True, False, None),
            DeskDevice(MAI_JA_YANG_LAPTOP, "Mai Ja Yang laptop", b"m" * 32, True, False, None),
        ],
        NOW,
    )
    records: list[tuple[dict[str, object], str]] = []
    for language, device_id in (("en", LAIZA_LAPTOP), ("my", MAI_JA_YANG_LAPTOP)):
        for item in story(language):
            if not item.draft:
                report = Report.new(ReportContent.from_json(item.body))
                records.append((report.to_json(), device_id))
    batch = received(records)
    repository.store_page([], batch, len(batch), NOW)
    seq = len(batch) + 1
    pending: list[tuple[dict[str, object], str]] = []
    for content in filler(extra):
        pending.append((Report.new(content).to_json(), LAIZA_LAPTOP))
        if len(pending) == 5000:
            repository.store_page([], received(pending, seq), seq, NOW)
            seq += len(pending)
            pending = []
    if pending:
        repository.store_page([], received(pending, seq), seq, NOW)
    if approved:
        approve_devices(store, [LAIZA_LAPTOP, MAI_JA_YANG_LAPTOP])
    return [str(record["id"]) for record, _ in records]
