"""Every output of the board tells one story: the board, `desk board` (text and JSON),
`desk changes`, the PDF briefing's board and both GeoJSON exports agree that a verified
status holds when newer unverified news arrives, and show its age."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.cli.desk import review as cli_desk
from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import ReportContent
from desktop.domain.vocabulary import HowKnown, SideStatus
from desktop.services.desk import board as desk_board
from desktop.services.desk import review as desk_review
from desktop.services.desk.board_snapshot import board_snapshot
from desktop.services.desk.export import export_reports
from desktop.store.database import Store
from tests.helpers.desk_story import desk_store, gazetteer, receive

__all__ = ["desk_store", "gazetteer"]


def pang_war(store: Store, now: datetime) -> dict[str, str]:
    """Verified open/open 100 days ago (two devices), then one unverified "China closed"."""

    def say(hours: float, china: SideStatus, myanmar: SideStatus) -> ReportContent:
        return ReportContent(
            observed_at=now - timedelta(hours=hours),
            china_side=china,
            myanmar_side=myanmar,
            how_known=HowKnown.WITNESSED,
            gate="pang_war",
        )

    ids = {
        "first": receive(store, say(100 * 24 + 3, SideStatus.OPEN, SideStatus.OPEN), 1),
        "second": receive(
            store, say(100 * 24, SideStatus.OPEN, SideStatus.OPEN), 2, "gw-" + "2" * 20
        ),
        "news": receive(store, say(1, SideStatus.CLOSED, SideStatus.UNKNOWN), 3),
    }
    for name in ("first", "second"):
        desk_review.move(store, ids[name], ReviewState.VERIFIED, now=now)
    return ids


def run(store: Store, gazetteer: Gazetteer, *argv: str) -> None:
    parser = argparse.ArgumentParser()
    cli_desk.add_parsers(parser.add_subparsers(dest="desk_command"))
    args = parser.parse_args(list(argv))
    assert cli_desk._HANDLERS[args.desk_command](args, store, gazetteer) == 0


def test_unverified_news_leaves_the_verified_status_in_every_output(
    desk_store: Store,
    gazetteer: Gazetteer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    ids = pang_war(desk_store, now)

    gate = desk_board.board(desk_store, gazetteer).gates["pang_war"]
    assert (gate.side("china_side"), gate.side("myanmar_side")) == ("open", "open")
    china = gate.aspects["china_side"]
    assert china.unverified_change is not None
    assert china.unverified_change.report_id == ids["news"]
    assert china.basis is not None
    assert china.basis.report_id == ids["second"]
    assert china.sources == 2
    assert china.stale
    assert gate.stale

    run(desk_store, gazetteer, "board")
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Pang War"))
    assert line.split()[2] == "open"  # overall
    assert "China open" in " ".join(line.split())
    assert "Myanmar open" in " ".join(line.split())
    assert "last confirmed 100 days ago" in line
    assert "STALE" in line

    run(desk_store, gazetteer, "board", "--json")
    (shown,) = [g for g in json.loads(capsys.readouterr().out) if g["gate"] == "pang_war"]
    assert shown["overall"] == "open"
    assert shown["stale"] is True
    assert shown["aspects"]["china_side"]["value"] == "open"
    assert shown["aspects"]["china_side"]["stale"] is True
    assert shown["aspects"]["china_side"]["age_hours"] == pytest.approx(100 * 24, abs=0.1)
    assert shown["aspects"]["china_side"]["confirmed_at"].endswith("Z")  # UTC one way

    since = (now - timedelta(hours=2)).isoformat()
    run(desk_store, gazetteer, "changes", "--since", since)
    assert "unknown" not in capsys.readouterr().out

    pdf_board = board_snapshot(desk_store, gazetteer).board.gates["pang_war"]
    assert pdf_board.overall.value == "open"
    assert pdf_board.stale

    geo: dict[str, dict[str, object]] = {}
    for name, state in (("all", set()), ("verified", {ReviewState.VERIFIED})):
        out = tmp_path / f"{name}.geojson"
        export_reports(desk_store, gazetteer, "geojson", out, states=state)
        document = json.loads(out.read_text(encoding="utf-8"))
        (feature,) = [f for f in document["features"] if f["id"] == "pang_war"]
        geo[name] = feature["properties"]
    for props in geo.values():
        assert (props["overall"], props["china_side"], props["myanmar_side"]) == (
            "open",
            "open",
            "open",
        )
        assert props["stale"] is True
        assert (props["china_side_sources"], props["myanmar_side_sources"]) == (2, 2)
    assert geo["all"]["unverified_change"] is True
    assert geo["verified"]["unverified_change"] is False


def test_the_newsroom_sets_the_stale_threshold(
    desk_store: Store, gazetteer: Gazetteer, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    pang_war(desk_store, now)
    run(desk_store, gazetteer, "stale-after", "120")
    assert "120 days" in capsys.readouterr().out
    gate = desk_board.board(desk_store, gazetteer, now=now).gates["pang_war"]
    assert not gate.stale
    assert gate.aspects["china_side"].age == timedelta(days=100)
    with pytest.raises(cli_desk.DeskCommandError, match="between"):
        run(desk_store, gazetteer, "stale-after", "0")


def test_what_changed_lists_a_gate_that_closed_and_reopened_in_the_window(
    desk_store: Store, gazetteer: Gazetteer, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    ids = pang_war(desk_store, now)  # open before the window; "China closed" unverified at -1 h

    def say(hours: float, side: SideStatus) -> ReportContent:
        return ReportContent(
            observed_at=now - timedelta(hours=hours),
            china_side=side,
            myanmar_side=side,
            how_known=HowKnown.WITNESSED,
            gate="pang_war",
        )

    closed = receive(desk_store, say(10, SideStatus.CLOSED), 4)
    reopened = receive(desk_store, say(3, SideStatus.OPEN), 5)
    for report in (closed, reopened):
        desk_review.move(desk_store, report, ReviewState.VERIFIED, now=now)
    # Then and now the board says open/open: comparing the two showed nothing.
    assert (
        desk_board.board(desk_store, gazetteer, at=now - timedelta(hours=12))
        .gates["pang_war"]
        .overall
        == desk_board.board(desk_store, gazetteer).gates["pang_war"].overall
    )

    run(
        desk_store,
        gazetteer,
        "changes",
        "--since",
        (now - timedelta(hours=12)).isoformat(),
        "--json",
    )
    printed = json.loads(capsys.readouterr().out)
    assert all(e["at"].endswith("Z") for e in printed)
    events = [(e["report"], e["aspect"], e["before"], e["after"], e["verified"]) for e in printed]
    assert events == [
        (closed, "china_side", "open", "closed", True),
        (closed, "myanmar_side", "open", "closed", True),
        (reopened, "china_side", "closed", "open", True),
        (reopened, "myanmar_side", "closed", "open", True),
        (ids["news"], "china_side", "open", "closed", False),
    ]
