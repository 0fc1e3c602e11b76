"""`DeskSession`, the desk window's door to its store, on a real SQLCipher desk store: the
queries give the view models the windows show, the commands change the store and say what
they changed (`Changes`), a refused command raises and changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.desk.device_trust import DeviceState
from desktop.domain.desk.review import ReviewError, ReviewState
from desktop.domain.gazetteer import default_gazetteer
from desktop.services.changes import Changes
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.desk import review as desk_review
from desktop.services.desk.bulk import BulkAction, BulkKind
from desktop.services.desk.session import (
    PULLED,
    DeskKeyExistsError,
    DeskSession,
    InboxFilter,
    KeyExportPassphraseError,
)
from desktop.store.database import Store, create_store
from sync.envelope import NewsroomPublicKey
from tests.helpers.desk_stores import LAIZA_LAPTOP, MAI_JA_YANG_LAPTOP, fill_desk

PASSPHRASE = "a long test passphrase"
GAZETTEER = default_gazetteer()
EDGE = 64
REVIEWED = Changes(review=True)


def new_desk(folder: Path, *, approved: bool = True) -> tuple[Store, list[str]]:
    store = create_store(folder, PASSPHRASE)
    desk_connection.init_desk(store, "x25519")
    desk_review.set_desk_label(store, "Night desk")
    return store, fill_desk(store, approved=approved)


@pytest.fixture
def desk_store(tmp_path: Path) -> Iterator[tuple[Store, list[str]]]:
    store, ids = new_desk(tmp_path / "desk")
    try:
        yield store, ids
    finally:
        store.close()


def test_the_inbox_lists_what_a_filter_shows_with_the_filters_bar_and_the_rows(
    desk_store: tuple[Store, list[str]],
) -> None:
    store, ids = desk_store
    session = DeskSession(store)
    everything = session.inbox(GAZETTEER, InboxFilter())
    assert sorted(everything.ids) == sorted(ids)
    assert everything.total == len(ids)
    assert dict(everything.devices) == {
        LAIZA_LAPTOP: "Laiza laptop",
        MAI_JA_YANG_LAPTOP: "Mai Ja Yang laptop",
    }
    assert (everything.tags, everything.unapproved) == ([], 0)

    laiza = session.inbox(GAZETTEER, InboxFilter(devices=frozenset({LAIZA_LAPTOP})))
    assert 0 < len(laiza.ids) < len(ids)
    assert laiza.total == len(ids)  # the total is the desk's, whatever the filter
    wanted = list(reversed(laiza.ids))
    rows = session.inbox_rows(wanted)
    assert [row.report_id for row in rows] == wanted
    assert {row.device_id for row in rows} == {LAIZA_LAPTOP}
    assert session.inbox_rows(["not-held"]) == []


def test_a_move_its_undo_and_a_note_are_commands_that_change_the_review(
    desk_store: tuple[Store, list[str]],
) -> None:
    store, ids = desk_store
    session = DeskSession(store)
    report = ids[0]
    shown = session.review(report, thumbnail_edge=EDGE)
    assert shown is not None
    assert shown.state is ReviewState.NEW
    assert shown.device == "Laiza laptop"
    assert (shown.undo_until, shown.undo_to) == (None, None)
    assert session.status().unsent == 0

    assert session.move(report, ReviewState.VERIFIED, "seen by two") == REVIEWED
    moved = session.review(report, thumbnail_edge=EDGE)
    assert moved is not None
    assert moved.state is ReviewState.VERIFIED
    assert (moved.trail[-1].what, moved.trail[-1].note) == ("move", "seen by two")
    assert moved.undo_to is ReviewState.NEW
    assert moved.undo_until is not None
    assert session.status().unsent == 1  # sealed for the other desks

    assert session.undo_move(report) == REVIEWED
    undone = session.review(report, thumbnail_edge=EDGE)
    assert undone is not None
    assert undone.state is ReviewState.NEW

    assert session.add_note(report, "ask about the queue") == REVIEWED
    noted = session.review(report, thumbnail_edge=EDGE)
    assert noted is not None
    assert noted.trail[-1].note == "ask about the queue"
    assert session.review("not-held", thumbnail_edge=EDGE) is None


def test_a_refused_move_raises_and_changes_nothing(desk_store: tuple[Store, list[str]]) -> None:
    store, ids = desk_store
    session = DeskSession(store)
    with pytest.raises(ReviewError) as refused:
        session.move(ids[0], ReviewState.PUBLISHED)  # never straight from new
    assert refused.value.reason == "move_not_allowed"
    shown = session.review(ids[0], thumbnail_edge=EDGE)
    assert shown is not None
    assert shown.state is ReviewState.NEW
    assert [entry.what for entry in shown.trail] == ["received"]
    assert session.status().unsent == 0


def test_merge_and_split_say_which_reports_they_linked(
    desk_store: tuple[Store, list[str]],
) -> None:
    store, ids = desk_store
    session = DeskSession(store)
    lead, other = ids[0], ids[1]
    merged = session.merge(lead, [lead, other])
    assert (merged.value, merged.changes) == ([other], REVIEWED)
    group = session.duplicates(other)
    assert group.report_id == other
    assert group.group is not None
    assert group.group.merged_lead == lead
    assert set(group.rows) == set(group.group.report_ids) >= {lead, other}

    split = session.split([other])
    assert (split.value, split.changes) == ([other], REVIEWED)
    alone = session.duplicates(other)
    assert alone.group is None or alone.group.merged_lead is None


def test_a_bulk_action_reports_progress_and_changes_only_what_it_did(
    desk_store: tuple[Store, list[str]],
) -> None:
    store, ids = desk_store
    session = DeskSession(store)
    seen: list[tuple[int, int]] = []
    done = session.bulk(ids[:3], BulkAction(BulkKind.MOVE, "verified"), lambda *p: seen.append(p))
    assert sorted(done.value.done) == sorted(ids[:3])
    assert done.changes == REVIEWED
    assert seen[-1] == (3, 3)

    again = session.bulk(ids[:3], BulkAction(BulkKind.MOVE, "verified"))
    assert again.value.done == []
    assert again.value.reasons() == {"move_not_allowed": 3}
    assert not again.changes  # nothing changed, nothing to tell

    undone = session.undo_bulk(done.value.moves)
    assert sorted(undone.value.done) == sorted(ids[:3])
    assert undone.changes == REVIEWED
    rows = session.inbox_rows(ids[:3])
    assert {row.state for row in rows} == {ReviewState.NEW}
    assert [label for _, label in session.known_desks()] == ["Night desk"]  # to assign to


def test_what_needs_attention_comes_with_the_rows_it_names(
    desk_store: tuple[Store, list[str]],
) -> None:
    store, ids = desk_store
    session = DeskSession(store)
    before = session.attention(GAZETTEER)
    assert before.attention.new_count == len(ids)
    shown = [waiting.report_id for waiting in before.attention.new]
    assert shown
    assert set(before.rows) == set(shown)
    session.move(shown[0], ReviewState.REJECTED)
    after = session.attention(GAZETTEER)
    assert after.attention.new_count == len(ids) - 1
    assert shown[0] not in after.rows


def test_device_decisions_are_commands_that_change_the_devices(tmp_path: Path) -> None:
    store, ids = new_desk(tmp_path / "desk", approved=False)
    with store:
        session = DeskSession(store)
        listing = session.devices()
        states = {device.device_id: device.state for device in listing.devices}
        assert states == {
            LAIZA_LAPTOP: DeviceState.UNAPPROVED,
            MAI_JA_YANG_LAPTOP: DeviceState.UNAPPROVED,
        }
        assert session.status().unapproved == len(ids)

        assert session.approve_device(LAIZA_LAPTOP) == Changes(devices=True)
        assert session.revoke_device(MAI_JA_YANG_LAPTOP) == Changes(devices=True)
        states = {device.device_id: device.state for device in session.devices().devices}
        assert states == {
            LAIZA_LAPTOP: DeviceState.APPROVED,
            MAI_JA_YANG_LAPTOP: DeviceState.REVOKED,
        }
        assert session.inbox(GAZETTEER, InboxFilter()).unapproved == 0
        with pytest.raises(ReviewError):
            session.reject_device(MAI_JA_YANG_LAPTOP)  # a revocation is final


def test_a_desk_is_created_or_takes_the_key_another_desk_exported(tmp_path: Path) -> None:
    with create_store(tmp_path / "first", PASSPHRASE) as first:
        session = DeskSession(first)
        created = session.create_desk("Night desk")
        assert created.changes == Changes(settings=True)
        assert created.value.public_key is not None
        assert desk_review.desk_identity(first).label == "Night desk"
        with pytest.raises(DeskKeyExistsError):
            session.create_desk("")
        exported = tmp_path / "newsroom.key"
        desk_review.export_newsroom_key(first, exported, "correct horse battery staple")

    with create_store(tmp_path / "second", PASSPHRASE) as second:
        session = DeskSession(second)
        with pytest.raises(KeyExportPassphraseError):
            session.import_newsroom_key(exported, "not the passphrase at all", "Day desk")
        assert session.status().server_url is None
        imported = session.import_newsroom_key(exported, "correct horse battery staple", "")
        assert imported.value.fingerprint == created.value.fingerprint
        assert imported.value.public_key is None  # the first desk gave it to the admin
        assert imported.changes == Changes(settings=True)


def test_exports_and_the_briefing_are_recorded_and_say_so(
    desk_store: tuple[Store, list[str]], tmp_path: Path
) -> None:
    store, ids = desk_store
    session = DeskSession(store)
    session.move(ids[0], ReviewState.VERIFIED)
    csv = session.export(GAZETTEER, "csv", tmp_path / "reports.csv")
    assert csv.changes == REVIEWED
    assert csv.value.reports == len(ids)
    assert (tmp_path / "reports.csv").is_file()

    briefing = session.briefing(GAZETTEER)
    assert ids[0] in briefing.snapshot.report_ids
    assert briefing.desk_label == "Night desk"
    saved = session.save_briefing(briefing, b"%PDF-1.4 stand-in", tmp_path / "briefing.pdf")
    assert saved.changes == REVIEWED
    assert (tmp_path / "briefing.pdf").read_bytes() == b"%PDF-1.4 stand-in"
    shown = session.review(ids[0], thumbnail_edge=EDGE)
    assert shown is not None
    assert [entry.what for entry in shown.trail].count("export") == 2


def test_connect_and_pull_against_a_real_server(tmp_path: Path) -> None:
    from desktop.services import sync
    from desktop.services.correspondent import capture
    from desktop.services.correspondent.demo import story
    from sync.server.store import ServerStore
    from sync.server.testing import init_server, running_server
    from tests.e2e.conftest import GENEROUS, fast_client, make_invite

    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        public = DeskSession(store).create_desk("Night desk").value.public_key
        assert public is not None
        init_server(tmp_path / "server", NewsroomPublicKey.from_text(public))
        with running_server(tmp_path / "server", config=GENEROUS) as url:
            with ServerStore.open(tmp_path / "server") as admin:
                _, desk_token = admin.tokens.create_desk_token("desk")
            with create_store(tmp_path / "corr", PASSPHRASE) as corr:
                sync.enroll(corr, url, make_invite(tmp_path / "server", "Laiza laptop"))
                for item in story("en")[:3]:
                    draft = capture.save_draft(corr, GAZETTEER, item.body, None, None)
                    capture.queue_draft(corr, GAZETTEER, draft)
                assert sync.sync_once(corr, client_factory=fast_client).done

            session = DeskSession(store)
            connected = session.connect(url, desk_token, None, None, fast_client)
            assert connected.value == 1
            assert connected.changes == Changes(settings=True, devices=True)
            assert session.status().server_url == url
            outcomes: list[desk.PullOutcome] = []
            pulled = session.pull(fast_client, outcomes.append)
            assert pulled.value.reports == 3
            assert pulled.changes == PULLED
            assert outcomes
            assert session.inbox(GAZETTEER, InboxFilter()).total == 3
