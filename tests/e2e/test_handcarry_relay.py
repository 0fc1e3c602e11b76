"""`gatewatch outbox relay`: a laptop whose network is cut writes a bundle, a colleague's
connected laptop relays it without being able to open it, the desk takes it in at its
pull — every report once, also when the first laptop later sends by the network — and the
relaying laptop keeps nothing of it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.services import followup_sync, handcarry, sync
from desktop.services.correspondent.demo import demo_reports
from desktop.services.handcarry_relay import relay_bundle
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from sync.client import ServerRefusedError
from tests.e2e.conftest import World, fast_client, photo_samples, queue_with_photos

CANARY = "CANARY-relayed-ကချင်-拉咱"


def readable(store: Store) -> bytes:
    """Every value of every table of an open store, as bytes: what its owner can read."""
    conn = store.conn
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out = []
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                if isinstance(value, bytes | memoryview):
                    out.append(bytes(value))
                elif value is not None:
                    out.append(str(value).encode())
    return b"\n".join(out)


def test_a_bundle_relayed_by_another_laptop_reaches_the_desk_once(
    world_factory: Callable[..., World],
    clean_photos: list[tuple[str, bytes, int, int]],
    tmp_path: Path,
) -> None:
    world = world_factory("x25519")
    world.connect_desk()
    cut_off = world.correspondent("a", "Laiza laptop")
    helper = world.correspondent("b", "Myitkyina laptop")
    assert followup_sync.sync_followups(cut_off, client_factory=fast_client).error is None
    world.pull()
    before = readable(helper)

    reports = []
    for index, (report, draft) in enumerate(demo_reports("en")[:5]):
        if draft:
            continue
        content = dataclasses.replace(
            report.content, narrative=f"{report.content.narrative} {CANARY}"
        )
        photos = clean_photos if index == 0 else []
        reports.append(
            queue_with_photos(cut_off, dataclasses.replace(report, content=content), photos)
        )
    stick = tmp_path / "wedding.mp4"
    exported = handcarry.export_bundle(cut_off, stick)
    assert exported.reports == len(reports)

    number = relay_bundle(helper, stick, client_factory=fast_client)
    assert relay_bundle(helper, stick, client_factory=fast_client) == number  # idempotent
    stick.unlink()  # the helper's copy is gone: nothing of it stays on that laptop
    after = readable(helper)
    for needle in (CANARY.encode(), b"Laiza"):
        assert needle not in after
    for _, photo, _, _ in clean_photos:
        for sample in photo_samples(photo):
            assert sample not in after
    assert sync.sync_status(helper).waiting == 0
    assert len(after) - len(before) < 4096  # a settings write at most, never the bundle

    pulled = world.pull()
    assert pulled.reports == len(reports)
    held = {r.id for r in DeskRepository(world.desk_store).reports()}
    assert held == {r.id for r in reports}
    assert world.pull().reports == 0  # the cursor moved past the bundle

    # The network returns for the first laptop: its own upload doubles nothing.
    world.sync_until_done(cut_off)
    assert world.pull().reports == 0
    assert len(DeskRepository(world.desk_store).reports()) == len(reports)
    assert DeskRepository(world.desk_store).refusals() == []


def test_the_server_takes_only_what_can_be_a_bundle(
    world_factory: Callable[..., World], tmp_path: Path
) -> None:
    world = world_factory("x25519")
    helper = world.correspondent("b")
    junk = tmp_path / "holiday.jpg"
    junk.write_bytes(b"\xff\xd8" + bytes(70_000))
    with pytest.raises(ServerRefusedError) as refused:
        relay_bundle(helper, junk, client_factory=fast_client)
    assert refused.value.reason == "not_a_bundle"
    too_big = tmp_path / "film.mkv"
    with too_big.open("wb") as out:
        out.truncate(64 * 1024 * 1024 + 1)
    with pytest.raises(handcarry.HandcarryError) as large:
        relay_bundle(helper, too_big, client_factory=fast_client)
    assert large.value.reason == "too_large"
    assert world.stats()["envelopes"] == 0
