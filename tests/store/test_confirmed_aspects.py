"""The board's aspect index covers only confirmed (verified, published) reports: a pulled
report, always new, writes no index entry; every move in or out of a confirmed state keeps
the index true, and schema v16 flags a v15 desk's reports by their state."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.desk.review import ReviewState
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.store import schema
from desktop.store.database import Store, create_store, open_store
from desktop.store.desk.review import ReviewRepository
from desktop.store.migrations import user_version
from tests.helpers.desk_story import NOW, desk_store, mai_ja_yang_story  # noqa: F401
from tests.helpers.stores import PASSPHRASE


def confirmed(store: Store) -> set[str]:
    return {
        r[0]
        for r in store.conn.execute(
            "SELECT DISTINCT report_id FROM desk_report_aspects WHERE confirmed = 1"
        )
    }


def all_with_aspects(store: Store) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT report_id FROM desk_report_aspects")}


def test_only_confirmed_reports_are_indexed_and_every_move_keeps_it_so(
    desk_store: Store,  # noqa: F811
) -> None:
    ids = mai_ja_yang_story(desk_store)  # closed and trucks verified, reopening new
    assert all_with_aspects(desk_store) == set(ids.values())  # rows for every report
    assert confirmed(desk_store) == {ids["closed"], ids["trucks"]}

    desk_review.move(desk_store, ids["reopening"], ReviewState.VERIFIED, now=NOW)
    assert confirmed(desk_store) == set(ids.values())
    desk_review.move(desk_store, ids["reopening"], ReviewState.PUBLISHED, now=NOW)
    assert confirmed(desk_store) == set(ids.values())  # published still counts
    desk_review.move(desk_store, ids["closed"], ReviewState.NEEDS_FOLLOW_UP, now=NOW)
    assert confirmed(desk_store) == {ids["trucks"], ids["reopening"]}
    desk_review.move(desk_store, ids["trucks"], ReviewState.REJECTED, now=NOW)
    assert confirmed(desk_store) == {ids["reopening"]}
    desk_review.move(desk_store, ids["trucks"], ReviewState.VERIFIED, now=NOW)
    assert confirmed(desk_store) == {ids["trucks"], ids["reopening"]}


def test_the_boards_confirmed_walk_reads_the_confirmed_index(
    desk_store: Store,  # noqa: F811
) -> None:
    mai_ja_yang_story(desk_store)
    statements: list[str] = []
    desk_store.conn.set_trace_callback(statements.append)
    try:
        walked = list(
            ReviewRepository(desk_store).confirmed_board_reports(
                "mai_ja_yang", before=datetime(2025, 1, 1, tzinfo=UTC), aspects=["china_side"]
            )
        )
    finally:
        desk_store.conn.set_trace_callback(None)
    assert [r.state for r in walked] == [ReviewState.VERIFIED]
    walk = next(s for s in statements if "desk_report_aspects" in s)
    plan = " ".join(str(r[3]) for r in desk_store.conn.execute(f"EXPLAIN QUERY PLAN {walk}"))
    assert "desk_report_aspects_confirmed" in plan


def test_v16_flags_a_v15_desks_aspects_by_report_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:15])
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        assert user_version(store.conn) == 15
        desk_connection.init_desk(store, "x25519", now=NOW)
        ids = mai_ja_yang_story(store)
    monkeypatch.undo()
    with open_store(tmp_path / "desk", PASSPHRASE) as store:
        assert user_version(store.conn) == len(schema.MIGRATIONS) >= 16
        assert all_with_aspects(store) == set(ids.values())
        assert confirmed(store) == {ids["closed"], ids["trucks"]}
        desk_review.move(store, ids["reopening"], ReviewState.VERIFIED, now=NOW)
        assert confirmed(store) == set(ids.values())  # the trigger came with the upgrade
