"""Delivery by hand: no network between a device and the desk — export, carry (a copy),
import, receipts back — then the network returns and nothing is doubled. The carried
files hold nothing readable."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.domain.report import Report
from desktop.domain.report_state import ReportState
from desktop.services import followup_sync, handcarry, sync
from desktop.services.correspondent import followups
from desktop.services.correspondent.demo import demo_reports
from desktop.services.desk import core as desk
from desktop.services.desk import followups as desk_followups
from desktop.services.desk import handcarry as desk_handcarry
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import create_store
from desktop.store.desk.core import DeskRepository
from desktop.store.handcarry import HandcarryRepository
from desktop.store.reports import ReportRepository
from sync.payloads.container import BundleError
from tests.e2e.conftest import (
    PASSPHRASE,
    World,
    fast_client,
    make_invite,
    photo_samples,
    queue_with_photos,
)
from tests.sync.faultproxy import FaultProxy


def canary(index: int) -> str:
    return f"CANARY-carried-{index:03d}-ကချင်-拉咱"


def _reports(count: int) -> list[Report]:
    found = []
    for index, (report, draft) in enumerate(demo_reports("en") + demo_reports("my")):
        if draft:
            continue
        content = dataclasses.replace(
            report.content, narrative=f"{report.content.narrative} {canary(index)}"
        )
        found.append(dataclasses.replace(report, content=content))
    return found[:count]


def test_carried_out_and_back_then_the_network_duplicates_nothing(
    world_factory: Callable[..., World],
    clean_photos: list[tuple[str, bytes, int, int]],
    tmp_path: Path,
) -> None:
    world = world_factory("x25519")
    with FaultProxy(world.url) as proxy:
        corr = create_store(tmp_path / "corr", PASSPHRASE)
        world.opened.append(corr)
        sync.enroll(corr, proxy.url, make_invite(world.server_dir), client_factory=fast_client)
        world.connect_desk(proxy.url)
        # One connected moment: the device pins the desk key, the desk learns its keys.
        assert followup_sync.sync_followups(corr, client_factory=fast_client).error is None
        world.pull()

        proxy.down = True  # the shutdown
        reports = _reports(4)
        queued = [
            queue_with_photos(corr, r, clean_photos if i == 0 else [])
            for i, r in enumerate(reports)
        ]
        cut = sync.sync_once(corr, client_factory=fast_client)
        assert cut.error is not None
        assert not cut.done
        photo_count = len(clean_photos)

        usb = tmp_path / "usb"
        usb.mkdir()
        exported = handcarry.export_bundle(corr, usb / "holiday-photos.zip")
        assert exported.reports == len(queued)
        outbox = HandcarryRepository(corr)
        assert outbox.carried_count() == len(queued)
        for report in queued:
            assert ReportRepository(corr).get(report.id).row.state is ReportState.QUEUED

        carried = tmp_path / "desk-side.bin"
        shutil.copyfile(usb / "holiday-photos.zip", carried)
        done = desk_handcarry.import_bundle(world.desk_store, carried, client_factory=fast_client)
        assert (done.reports, done.refused, done.photos) == (len(queued), 0, photo_count)
        assert done.imported_before is None
        assert done.relayed == 0
        assert done.warning is not None
        again = desk_handcarry.import_bundle(world.desk_store, carried, client_factory=fast_client)
        assert (again.envelopes, again.new, again.reports) == (done.envelopes, 0, 0)
        assert again.imported_before is not None

        at_desk = {r.id: r for r in DeskRepository(world.desk_store).reports()}
        for report in queued:
            stored = ReportRepository(corr).get(report.id).report
            assert stored is not None
            assert at_desk[report.id].record == stored.to_json()
        photos = AttachmentRepository(corr)
        for info in photos.list(queued[0].id):
            assert DeskRepository(world.desk_store).attachment_data(
                queued[0].id, info.position
            ) == photos.data(queued[0].id, info.position)

        # A question asked offline goes back with the receipts.
        asked = desk_followups.ask(world.desk_store, queued[1].id, "Which lane was closed?")
        device_id = at_desk[queued[0].id].device_id
        receipts_file = tmp_path / "for-the-laptop"
        written = desk_handcarry.write_receipts(world.desk_store, device_id, receipts_file)
        assert written.questions == 1
        back = tmp_path / "copied-back"
        shutil.copyfile(receipts_file, back)
        applied = handcarry.import_receipts(corr, back)
        assert (applied.reports, applied.questions) == (len(queued), 1)
        assert [q.question_id for q in followups.questions(corr)] == [asked.question_id]
        for report in queued:
            assert ReportRepository(corr).get(report.id).row.state is ReportState.SENT
        assert sync.sync_status(corr).waiting == 0
        assert outbox.carried_count() == 0

        # Nothing readable on the stick or in the receipt file.
        for path in (usb / "holiday-photos.zip", back):
            data = path.read_bytes()
            for index in range(8):
                assert canary(index).encode() not in data
            for needle in (b"GWEV", b"gatewatch", device_id.encode(), b"newsroom-desk"):
                assert needle not in data
            for _, photo, _, _ in clean_photos:
                for sample in photo_samples(photo):
                    assert sample not in data

        # The network returns: the queued relay reaches the server, nothing is doubled.
        proxy.down = False
        before = world.stats()["envelopes"]
        pulled = world.pull()
        assert (pulled.reports, pulled.refused) == (0, 0)
        relayed = world.stats()["envelopes"] - before
        assert relayed == exported.envelopes
        assert HandcarryRepository(world.desk_store).relay_count() == 0
        assert sync.sync_once(corr, client_factory=fast_client).sent == 0
        assert world.stats()["envelopes"] == before + relayed
        assert len(DeskRepository(world.desk_store).reports()) == len(queued)
        assert world.pull().reports == 0


def test_network_first_then_the_bundle_stores_nothing_twice(
    world_factory: Callable[..., World], tmp_path: Path
) -> None:
    world = world_factory("mlkem768x25519")
    corr = world.correspondent()
    world.connect_desk()
    [report] = _reports(1)
    queue_with_photos(corr, report, [])
    bundle = tmp_path / "notes.txt"
    handcarry.export_bundle(corr, bundle)
    assert sync.sync_once(corr, client_factory=fast_client).done  # it went by network too
    assert world.pull().reports == 1
    done = desk_handcarry.import_bundle(world.desk_store, bundle, client_factory=fast_client)
    assert (done.envelopes, done.new, done.reports, done.refused) == (1, 0, 0, 0)
    assert len(DeskRepository(world.desk_store).reports()) == 1
    assert HandcarryRepository(corr).carried_count() == 0  # the receipt came by network


def test_a_bundle_for_another_newsroom_or_altered_is_refused_and_stores_nothing(
    world_factory: Callable[..., World], tmp_path: Path
) -> None:
    world = world_factory("x25519")
    other = world_factory("x25519")
    corr = world.correspondent()
    [report] = _reports(1)
    queue_with_photos(corr, report, [])
    bundle = tmp_path / "b"
    handcarry.export_bundle(corr, bundle)
    with pytest.raises(BundleError) as wrong:
        desk_handcarry.import_bundle(other.desk_store, bundle)
    assert wrong.value.reason == "not_for_us"
    data = bytearray(bundle.read_bytes())
    data[-100] ^= 1
    bundle.write_bytes(bytes(data))
    with pytest.raises(BundleError) as altered:
        desk_handcarry.import_bundle(world.desk_store, bundle)
    assert altered.value.reason == "damaged"
    bundle.write_bytes(bytes(data[:-1]))
    with pytest.raises(BundleError) as cut:
        desk_handcarry.import_bundle(world.desk_store, bundle)
    assert cut.value.reason == "not_for_us"
    assert DeskRepository(world.desk_store).envelope_count() == 0
    assert desk.list_reports(world.desk_store) == []


def test_envelopes_from_a_device_the_desk_does_not_know_are_not_relayed(
    world_factory: Callable[..., World], tmp_path: Path
) -> None:
    # Anyone can seal a bundle to the newsroom key: what the desk could not verify never
    # goes to the server under a device's id (it would turn the device's own upload of the
    # same id into a conflict). The device's own sync delivers it.
    world = world_factory("x25519")
    world.connect_desk()
    corr = world.correspondent("corr")  # enrolled after the desk last heard of devices
    report = _reports(1)[0]
    queue_with_photos(corr, report, [])
    carried = tmp_path / "carried.bin"
    handcarry.export_bundle(corr, carried)
    before = world.stats()["envelopes"]
    done = desk_handcarry.import_bundle(world.desk_store, carried, client_factory=fast_client)
    assert done.unknown_device == done.envelopes == 1
    assert (done.reports, done.relayed) == (0, 0)
    assert world.stats()["envelopes"] == before
    assert sync.sync_once(corr, client_factory=fast_client).done  # the device's own way
    assert world.pull().reports == 1
