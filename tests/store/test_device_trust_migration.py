"""Upgrading a desk store to device approval: the devices it already holds reports from
count as approved (at this desk), every other device waits for an editor."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.desk.device_trust import DeviceState
from desktop.domain.report import Report, ReportContent
from desktop.services.desk import connection as desk_connection
from desktop.store import schema
from desktop.store.database import create_store, open_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.desk.device_trust import DeviceTrustRepository
from desktop.store.desk.review import InboxFilter, ReviewRepository
from desktop.store.migrations import user_version
from tests.helpers.reports import example
from tests.helpers.stores import PASSPHRASE

NOW = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
KNOWN = "gw-" + "1" * 20
NEW = "gw-" + "2" * 20


def test_devices_with_reports_before_the_upgrade_count_as_approved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "old"
    report = Report.new(ReportContent.from_json(example(narrative="gate closed")), now=NOW)
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:12])
    with create_store(data_dir, PASSPHRASE) as old:
        desk_connection.init_desk(old, "x25519", now=NOW)
        repository = DeskRepository(old)
        for device, label, key in ((KNOWN, "Laiza laptop", b"k"), (NEW, "laptop 9", b"n")):
            # as version 12 stored the server's device list
            old.execute(
                "INSERT INTO desk_devices (device_id, label, public_key, enrolled, revoked,"
                " updated_at) VALUES (?, ?, ?, 1, 0, 'x')",
                (device, label, key * 32),
            )
        envelope = EnvelopeRecord(str(uuid.uuid4()), 1, KNOWN, "report", 1, "x", "stored")
        repository.store_page([], [ReceivedReport(envelope, report.to_json())], 1, NOW)
        assert user_version(old.conn) == 12
    monkeypatch.undo()

    with open_store(data_dir, PASSPHRASE) as upgraded:
        states = {s.device_id: s for s in DeviceTrustRepository(upgraded).statuses()}
        assert states[KNOWN].state is DeviceState.APPROVED
        assert states[KNOWN].label == "Laiza laptop"
        assert states[NEW].state is DeviceState.UNAPPROVED
        reviews = ReviewRepository(upgraded)
        assert [r.report_id for r in reviews.board_reports("laiza")] == [report.id]
        assert reviews.inbox_ids(InboxFilter(unapproved=True)) == []
