"""A correction replaces what it corrects: only the latest revision of a lineage counts on
the board (value, conflict, corroboration), in the GeoJSON, in search results; CSV and
JSON keep every revision and mark the superseded ones."""

from __future__ import annotations

import csv
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.domain.vocabulary import HowKnown, SideStatus
from desktop.services.desk import board as desk_board
from desktop.services.desk import review as desk_review
from desktop.services.desk.export import export_reports
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.desk.review import InboxFilter, ReviewRepository
from tests.helpers.approved_devices import approve_devices
from tests.helpers.desk_story import desk_store, gazetteer

__all__ = ["desk_store", "gazetteer"]

V, N, R = ReviewState.VERIFIED, ReviewState.NEW, ReviewState.REJECTED
NOW = datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Rev:
    """A revision of one lineage: hours before now, China side, review state, device."""

    hours: float
    china: SideStatus
    state: ReviewState
    device: str = "gw-" + "1" * 20


def content(hours: float, china: SideStatus, narrative: str) -> ReportContent:
    return ReportContent(
        observed_at=NOW - timedelta(hours=hours),
        china_side=china,
        myanmar_side=SideStatus.OPEN,
        how_known=HowKnown.WITNESSED,
        gate="laiza",
        narrative=narrative,
    )


def store_lineages(store: Store, *lineages: tuple[Rev, ...]) -> list[list[str]]:
    """Each lineage's revisions through the desk's page path, then their review moves."""
    ids: list[list[str]] = []
    seq = 0
    for number, revisions in enumerate(lineages):
        report: Report | None = None
        ids.append([])
        for rev in revisions:
            body = content(rev.hours, rev.china, f"lineage{number} barbed wire")
            report = Report.new(body) if report is None else report.correct(body)
            seq += 1
            envelope = EnvelopeRecord(
                str(uuid.uuid4()), seq, rev.device, "report", 1000, "2024-12-13T08:00:00Z", "stored"
            )
            record = report.to_json()
            DeskRepository(store).store_page([], [ReceivedReport(envelope, record)], seq, NOW)
            approve_devices(store, [rev.device])
            ids[-1].append(str(record["id"]))
            if rev.state is not N:
                desk_review.move(store, report.id, rev.state, now=NOW)
    return ids


D2 = "gw-" + "2" * 20
# (name, lineages, China value, conflict values, sources, unverified change)
CASES = [
    (
        "a verified correction replaces its verified original: no conflict",
        [(Rev(3, SideStatus.OPEN, V), Rev(2, SideStatus.CLOSED, V))],
        "closed",
        (),
        1,
        None,
    ),
    (
        "an unreviewed correction takes the original off the board",
        [(Rev(3, SideStatus.OPEN, V), Rev(2, SideStatus.CLOSED, N))],
        None,
        (),
        0,
        "closed",
    ),
    (
        "a rejected correction leaves nothing of its lineage",
        [(Rev(3, SideStatus.OPEN, V), Rev(2, SideStatus.CLOSED, R))],
        None,
        (),
        0,
        None,
    ),
    (
        "a correction that moves the time back still replaces",
        [(Rev(1, SideStatus.OPEN, V), Rev(5, SideStatus.CLOSED, V))],
        "closed",
        (),
        1,
        None,
    ),
    (
        "a superseded revision neither conflicts nor corroborates; its correction does",
        [
            (Rev(1, SideStatus.CLOSED, V),),
            (Rev(2, SideStatus.OPEN, V, D2), Rev(2, SideStatus.CLOSED, V, D2)),
        ],
        "closed",
        (),
        2,
        None,
    ),
]


@pytest.mark.parametrize(
    ("lineages", "value", "conflict", "sources", "change"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_only_the_latest_revision_counts_on_the_board(
    desk_store: Store,
    gazetteer: Gazetteer,
    lineages: list[tuple[Rev, ...]],
    value: str | None,
    conflict: tuple[str, ...],
    sources: int,
    change: str | None,
) -> None:
    store_lineages(desk_store, *lineages)
    china = desk_board.board(desk_store, gazetteer).gates["laiza"].aspects["china_side"]
    assert china.value == value
    assert tuple(e.value for e in china.conflict) == conflict
    assert china.sources == sources
    assert (china.unverified_change.value if china.unverified_change else None) == change


def test_search_finds_the_latest_revision_and_exports_mark_the_rest(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    ((first, second),) = store_lineages(
        desk_store, (Rev(3, SideStatus.OPEN, V), Rev(2, SideStatus.CLOSED, V))
    )
    reviews = ReviewRepository(desk_store)
    assert reviews.inbox_ids(InboxFilter(text="barbed")) == [second]
    assert set(reviews.inbox_ids(InboxFilter())) == {first, second}  # both to review

    out = tmp_path / "all.csv"
    export_reports(desk_store, gazetteer, "csv", out)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = {r["id"]: r for r in csv.DictReader(stream)}
    assert (rows[first]["current_revision"], rows[first]["superseded_by"]) == ("false", second)
    assert (rows[second]["current_revision"], rows[second]["superseded_by"]) == ("true", "")

    out = tmp_path / "all.json"
    export_reports(desk_store, gazetteer, "json", out)
    entries = {e["id"]: e for e in json.loads(out.read_text(encoding="utf-8"))["reports"]}
    assert (entries[first]["current_revision"], entries[first]["superseded_by"]) == (False, second)
    assert (entries[second]["current_revision"], entries[second]["superseded_by"]) == (True, None)

    out = tmp_path / "board.geojson"
    export_reports(desk_store, gazetteer, "geojson", out)
    (laiza,) = [
        f["properties"]
        for f in json.loads(out.read_text(encoding="utf-8"))["features"]
        if f["id"] == "laiza"
    ]
    assert (laiza["china_side"], laiza["conflict"], laiza["reports_considered"]) == (
        "closed",
        False,
        1,
    )
