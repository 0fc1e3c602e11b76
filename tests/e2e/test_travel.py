"""Travel mode: after it, the store opened with the passphrase shows nothing of any sent or
queued report; the queued ones still reach the newsroom whole; drafts stay."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Callable
from pathlib import Path

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report_state import ReportState
from desktop.services import sync, travel
from desktop.services.correspondent.demo import demo_reports
from desktop.services.sync_state import SyncErrorKind
from desktop.store.database import Store, open_store
from desktop.store.desk.core import DeskRepository
from desktop.store.reports import ReportRepository
from sync.client import ClientConfig, SyncClient
from tests.e2e.conftest import PASSPHRASE, World, fast_client, photo_samples, queue_with_photos

SENT = "CANARYsentTRAVEL"
QUEUED = "CANARYqueuedTRAVEL"
DRAFT = "CANARYdraftTRAVEL"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def offline_client(config: ClientConfig) -> SyncClient:
    """The real client, pointed at a port nobody listens on: the checkpoint has no signal."""
    return fast_client(dataclasses.replace(config, base_url=f"http://127.0.0.1:{closed_port()}"))


def plaintext_dump(store: Store, target: Path) -> bytes:
    """Every table of the store decrypted into a plain SQLite file: the bytes of it all."""
    store.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
    store.execute("SELECT sqlcipher_export('plain')").fetchall()
    store.execute("DETACH DATABASE plain")
    return target.read_bytes()


def test_after_travel_mode_no_sent_or_queued_report_can_be_read(
    world_factory: Callable[..., World],
    clean_photos: list[tuple[str, bytes, int, int]],
    tmp_path: Path,
) -> None:
    world = world_factory("x25519")
    corr = world.correspondent()
    folder = corr.data_dir
    samples = demo_reports("my")
    made = []
    for index, (report, _) in enumerate(samples[:5]):
        text = SENT if index < 2 else QUEUED
        content = dataclasses.replace(report.content, narrative=f"{text} {index}")
        made.append(dataclasses.replace(report, content=content))
    for report in made[:2]:  # sent, kept 7 days by the default retention
        queue_with_photos(corr, report, clean_photos)
    assert sync.sync_once(corr, client_factory=fast_client).sent == 2
    for report in made[2:]:  # queued and sealed, not sent yet
        queue_with_photos(corr, report, clean_photos)
    draft = dataclasses.replace(
        samples[5][0], content=dataclasses.replace(samples[5][0].content, narrative=DRAFT)
    )
    ReportRepository(corr).add(draft, state=ReportState.DRAFT)

    before = travel.readable_counts(corr)
    assert (before.drafts, before.sealed, before.unsealed, before.sent) == (1, 3, 0, 2)
    outcome = travel.prepare_for_checkpoint(corr, client_factory=offline_client)
    assert outcome.sync_error is SyncErrorKind.OFFLINE
    assert (outcome.sent_content_removed, outcome.sealed_content_removed) == (2, 3)
    after = outcome.after
    assert (after.drafts, after.sealed, after.unsealed, after.sent) == (1, 0, 0, 0)
    assert (folder / "store.db-wal").stat().st_size == 0  # no older page images kept
    world.opened.remove(corr)
    corr.close()

    with open_store(folder, PASSPHRASE) as store:
        reports = ReportRepository(store, default_gazetteer())
        assert [r.id for r in reports.rows(reports.search(DRAFT.lower()))] == [draft.id]
        assert reports.search(SENT.lower()) == reports.search(QUEUED.lower()) == []
        for report in made:
            stored = reports.get(report.id)
            assert stored.report is None
            assert SENT not in str(stored.body)
        dump = plaintext_dump(store, tmp_path / "plain.db")
        assert DRAFT.encode() in dump  # the dump does hold what is readable
        assert SENT.encode() not in dump
        assert QUEUED.encode() not in dump
        for _, data, _, _ in clean_photos:  # the draft has no photos: none may be left
            assert not any(sample in dump for sample in photo_samples(data))

        # The sealed reports still go, and the newsroom gets every word and photo.
        assert sync.sync_once(store, client_factory=fast_client).sent == 3
        assert [r.state for r in reports.rows([r.id for r in made[2:]])] == [ReportState.SENT] * 3
    world.connect_desk()
    assert world.pull().reports == 5
    for report in made[2:]:
        [got] = DeskRepository(world.desk_store).reports([report.id])
        assert str(got.record["narrative"]).startswith(QUEUED)
        assert DeskRepository(world.desk_store).attachment_data(report.id, 1) == clean_photos[0][1]
