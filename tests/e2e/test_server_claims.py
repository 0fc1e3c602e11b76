"""What the desk does not take on the server's word: labels are kept as first seen, so a
compromised server cannot swap the names of two devices (the board counts sources by
device, and editors by name); a merged move the review rules do not allow is refused."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import ReviewEvent
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services.desk import core as desk
from desktop.services.desk import review as desk_review
from desktop.store.desk.review import ReviewRepository
from desktop.store.reports import ReportRepository
from sync.client import ClientConfig
from sync.envelope import (
    DESK_SENDER_ID,
    EnvelopeKind,
    NewsroomKeyPair,
    derive_desk_signing_key,
    seal,
)
from sync.server.store import DB_NAME, ServerStore
from tests.e2e.conftest import World, fast_client
from tests.helpers.reports import example


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


def test_a_merged_move_the_rules_do_not_allow_is_refused(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    corr = world.correspondent()
    report = Report.new(ReportContent.from_json(example(narrative="gate closed")))
    ReportRepository(corr).add(report, state=ReportState.QUEUED)
    world.sync_until_done(corr)
    world.connect_desk()
    world.pull()
    key = desk.DeskRepository(world.desk_store).key()
    assert key is not None
    pair = NewsroomKeyPair.from_private_bytes(key.private_key, key.kem)
    # "Night desk" publishes a new report: no desk can make this move.
    forged = {
        **ReviewEvent.move(
            report.id,
            ReviewState.VERIFIED,
            ReviewState.PUBLISHED,
            desk_id="desk-" + "e" * 16,
            desk_label="Night desk",
        ).to_json(),
        "from_state": "new",
    }
    payload = json.dumps({"format": desk_review.LEGACY_REVIEW_FORMAT, "events": [forged]}).encode()
    eid = str(uuid.uuid4())
    data = seal(
        payload,
        kind=EnvelopeKind.REVIEW,
        envelope_id=eid,
        device_id=DESK_SENDER_ID,
        device_key=derive_desk_signing_key(pair),
        recipient=pair.public_key,
    )
    with ServerStore.open(world.server_dir) as admin:
        _, token = admin.tokens.create_desk_token("someone")
    with fast_client(ClientConfig(base_url=world.url, token=token)) as other:
        assert other.upload([(eid, data)], route="/v1/reviews")[0].ok

    world.pull()

    assert ReviewRepository(world.desk_store).state(report.id) == ReviewState.NEW
    [refusal] = [
        r for r in desk.DeskRepository(world.desk_store).refusals() if r.envelope_id == eid
    ]
    assert refusal.reason == "invalid_review"
    assert "from new to published" in (refusal.message or "")
