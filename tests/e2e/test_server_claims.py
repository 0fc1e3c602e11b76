"""What the desk takes from the server's device list: labels are kept as first seen, so
a compromised server cannot swap the names of two devices (the board counts sources by
device, and editors by name)."""

from __future__ import annotations

from collections.abc import Callable

from desktop.domain.report import Report, ReportContent
from desktop.services import desk
from desktop.store.reports import ReportRepository, ReportState
from desktop.store.review import ReviewRepository
from sync.server.store import DB_NAME
from tests.domain.test_report import example
from tests.e2e.conftest import World


def test_a_server_that_swaps_device_labels_is_flagged_not_followed(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    laiza = world.correspondent("laiza", "Laiza laptop")
    other = world.correspondent("other", "laptop 7")
    for store, narrative in ((laiza, "gate closed"), (other, "gate open")):
        report = Report.new(ReportContent.from_json(example(narrative=narrative)))
        ReportRepository(store).add(report, state=ReportState.QUEUED)
        world.sync_until_done(store)
    world.connect_desk()
    world.pull()
    before = dict(ReviewRepository(world.desk_store).device_labels())
    assert sorted(label or "" for label in before.values()) == ["Laiza laptop", "laptop 7"]

    # The server's database, changed behind the admin's back: the two names swapped.
    from sqlcipher3 import dbapi2  # the server's own driver, no key: plain SQLite

    conn = dbapi2.connect(str(world.server_dir / DB_NAME), isolation_level=None)
    try:
        conn.execute(
            "UPDATE devices SET label = CASE label WHEN 'Laiza laptop' THEN 'laptop 7'"
            " ELSE 'Laiza laptop' END WHERE label IN ('Laiza laptop', 'laptop 7')"
        )
    finally:
        conn.close()

    outcome = world.pull()

    assert dict(ReviewRepository(world.desk_store).device_labels()) == before
    assert len(outcome.relabels) == 2
    assert all("this desk keeps" in line for line in outcome.relabels)
    for report in desk.list_reports(world.desk_store):
        assert report.device_label == before[report.device_id]
