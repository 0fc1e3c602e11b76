"""Retention: once the receipt is stored (0 days) the device keeps only stubs; the desk
keeps everything."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.correspondent.demo import demo_reports
from desktop.store.attachments import AttachmentRepository
from desktop.store.desk.core import DeskRepository
from desktop.store.reports import ReportRepository
from tests.e2e.conftest import World, fast_client, photo_samples, queue_with_photos

CANARY = "CANARYretention9931"


def test_purge_leaves_only_stubs(
    world_factory: Callable[..., World], clean_photos: list[tuple[str, bytes, int, int]]
) -> None:
    world = world_factory("x25519")
    corr = world.correspondent()
    sync.set_retention_days(corr, 0)
    queued = []
    for index, (report, draft) in enumerate(demo_reports("my")[:4]):
        assert not draft
        content = dataclasses.replace(report.content, narrative=f"{CANARY} {index}")
        queued.append(
            queue_with_photos(corr, dataclasses.replace(report, content=content), clean_photos)
        )
    reports = ReportRepository(corr, default_gazetteer())
    assert len(reports.search(CANARY.lower())) == 4

    outcome = sync.sync_once(corr, client_factory=fast_client)
    assert (outcome.sent, outcome.purged, outcome.remaining) == (4, 4, 0)

    assert reports.search(CANARY.lower()) == []
    for report in queued:
        stub = reports.get(report.id)
        assert stub.row.state is ReportState.PURGED
        assert (stub.row.gate, stub.row.observed_at) == (
            report.content.gate,
            report.content.observed_at,
        )
        assert stub.report is None
        assert AttachmentRepository(corr).list(report.id) == []
    bodies = corr.execute("SELECT body, summary FROM reports").fetchall()
    assert not any(CANARY in body or CANARY in summary for body, summary in bodies)
    assert corr.execute("SELECT count(*) FROM attachments").fetchone() == (0,)
    assert corr.execute("SELECT count(*) FROM outbox_chunks").fetchone() == (0,)
    assert corr.execute("SELECT count(*) FROM outbox WHERE envelope IS NOT NULL").fetchone() == (0,)
    # The whole store, all its tables: no photo bytes left anywhere (secure_delete on).
    reports.reindex()
    assert reports.search(CANARY.lower()) == []
    for _, data, _, _ in clean_photos:
        for sample in photo_samples(data, count=3):
            assert corr.execute(
                "SELECT count(*) FROM attachments WHERE instr(data, ?) > 0", (sample,)
            ).fetchone() == (0,)

    # The newsroom has every word and every photo.
    world.connect_desk()
    assert world.pull().reports == 4
    for report in queued:
        [got] = DeskRepository(world.desk_store).reports([report.id])
        assert str(got.record["narrative"]).startswith(CANARY)
        assert DeskRepository(world.desk_store).attachment_data(report.id, 1) == clean_photos[0][1]


def test_the_default_keeps_content_for_seven_days(world_factory: Callable[..., World]) -> None:
    world = world_factory("x25519")
    corr = world.correspondent()
    (report, _) = demo_reports("en")[0]
    queued = queue_with_photos(corr, report, [])
    outcome = sync.sync_once(corr, client_factory=fast_client)
    assert (outcome.sent, outcome.purged) == (1, 0)
    later = datetime.now(UTC) + timedelta(days=7, minutes=1)
    assert sync.purge_expired(corr, now=later) == 1
    assert ReportRepository(corr).get(queued.id).row.state is ReportState.PURGED
