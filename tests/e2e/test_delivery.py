"""Correspondent store → enroll → queue reports with photos → sync → server → desk pull:
every field equal, nothing readable on the server, nothing doubled."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from desktop.domain.report import Report
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.correspondent.demo import demo_reports
from desktop.store.attachments import AttachmentRepository
from desktop.store.desk.core import DeskRepository
from desktop.store.reports import ReportRepository
from tests.e2e.conftest import World, folder_bytes, photo_samples, queue_with_photos


def canary(index: int) -> str:
    return f"CANARY-e2e-{index:03d}-ကချင်-拉咱"


@pytest.mark.parametrize("kem", ["mlkem768x25519", "x25519"])
def test_every_field_arrives_equal_and_the_server_holds_no_canary(
    world_factory: Callable[..., World],
    clean_photos: list[tuple[str, bytes, int, int]],
    kem: str,
) -> None:
    world = world_factory(kem)
    corr = world.correspondent("corr", label="laptop 3")
    queued: list[Report] = []
    for index, (report, draft) in enumerate(demo_reports("en") + demo_reports("my")):
        if draft:
            continue
        content = dataclasses.replace(
            report.content, narrative=f"{report.content.narrative} {canary(index)}"
        )
        report = dataclasses.replace(report, content=content)
        photos = clean_photos if index % 3 == 0 else []
        queued.append(queue_with_photos(corr, report, photos))
    photo_count = sum(len(AttachmentRepository(corr).list(r.id)) for r in queued)
    assert photo_count >= 4

    outcome = sync.sync_once(corr)  # the real client, default settings
    assert outcome.done, outcome
    assert outcome.sent == len(queued)
    stats = world.stats()
    assert stats["devices"] == 1
    assert stats["envelopes"] > len(queued)  # reports and their photo chunks

    again = sync.sync_once(corr)
    assert (again.sent, again.remaining) == (0, 0)
    assert world.stats()["envelopes"] == stats["envelopes"]  # no duplicates

    # The server's files: ciphertext and headers only.
    on_server = folder_bytes(world.server_dir)
    for index in range(len(demo_reports("en")) * 2):
        assert canary(index).encode() not in on_server
    for _, data, _, _ in clean_photos:
        for sample in photo_samples(data):
            assert sample not in on_server

    world.connect_desk()
    pulled = world.pull()
    assert (pulled.reports, pulled.refused, pulled.photos) == (len(queued), 0, photo_count)
    received = {r.id: r for r in DeskRepository(world.desk_store).reports()}
    assert set(received) == {r.id for r in queued}
    reports = ReportRepository(corr)
    photos = AttachmentRepository(corr)
    for report in queued:
        stored = reports.get(report.id)
        assert stored.row.state is ReportState.SENT
        assert stored.report is not None
        got = received[report.id]
        assert got.record == stored.report.to_json()
        assert got.device_label == "laptop 3"
        assert got.received_at.endswith("Z")
        for info in photos.list(report.id):
            at_desk = DeskRepository(world.desk_store).attachment_data(report.id, info.position)
            assert at_desk == photos.data(report.id, info.position)
            [described] = [a for a in got.attachments if a.position == info.position]
            assert (described.media_type, described.width, described.height) == (
                info.media_type,
                info.width,
                info.height,
            )
    assert world.pull().envelopes == 0  # the cursor moved: nothing fetched twice


def test_two_devices_one_desk(
    world_factory: Callable[..., World], clean_photos: list[tuple[str, bytes, int, int]]
) -> None:
    world = world_factory("x25519")
    first = world.correspondent("first", label="laptop 1")
    second = world.correspondent("second", label="laptop 2")
    (report_a, _), (report_b, _) = demo_reports("en")[:2]
    queue_with_photos(first, report_a, clean_photos[:1])
    queue_with_photos(second, report_b, [])
    assert sync.sync_once(first).done
    assert sync.sync_once(second).done
    world.connect_desk()
    assert world.pull().reports == 2
    devices = {r.id: r.device_id for r in DeskRepository(world.desk_store).reports()}
    assert devices[report_a.id] != devices[report_b.id]
