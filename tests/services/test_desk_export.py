"""Desk exports: CSV columns and safety, JSON full reports, GeoJSON per RFC 7946, the audit
trail, pseudonyms only when asked, and files written whole or not at all."""

from __future__ import annotations

import json
import math
import os
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import NewCrossing, Report, ReportContent
from desktop.domain.vocabulary import HowKnown, SideStatus
from desktop.services.desk import review as desk_review
from desktop.services.desk.export import export_reports
from desktop.services.desk.export_csv import CSV_COLUMNS, PSEUDONYM_COLUMN
from desktop.services.desk.export_output import ExportError, ExportWriteError
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.desk.review import ReviewRepository
from tests.helpers.desk_story import (
    BURMESE,
    CANARY,
    DEVICE,
    NOW,
    desk_store,
    gazetteer,
    mai_ja_yang_story,
    receive,
)
from tests.helpers.exports import read_csv

__all__ = ["desk_store", "gazetteer"]  # fixtures


def test_csv_has_the_documented_columns_one_row_per_report(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    ids = mai_ja_yang_story(desk_store)
    out = tmp_path / "reports.csv"
    progress: list[tuple[int, int]] = []
    result = export_reports(
        desk_store, gazetteer, "csv", out, progress=lambda d, t: progress.append((d, t))
    )
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets then read UTF-8
    rows = read_csv(out)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert PSEUDONYM_COLUMN not in rows[0]
    assert [r["id"] for r in rows] == [ids["closed"], ids["trucks"], ids["reopening"]]
    assert result.reports == 3
    assert progress[-1] == (3, 3)
    closed = rows[0]
    assert closed["gate_name"] == "Mai Ja Yang"
    assert closed["review_state"] == "verified"
    assert closed["traffic_civilians"] == "blocked"
    assert closed["barrier"] == "wood_barricade;barbed_wire"
    assert closed["prices"] == "diesel 4500 MMK/litre"
    assert closed["people_stranded"] == "300"
    assert (closed["source_reliability"], closed["source_credibility"]) == ("B", "2")
    assert closed["narrative"] == BURMESE
    # Observed 03:00 UTC: 09:30 in Myanmar; received 08:00 UTC: 14:30.
    assert (closed["observed_at"], closed["observed_at_local"]) == (
        "2024-11-12T03:00:00Z",
        "2024-11-12 09:30:00",
    )
    assert closed["received_at_local"] == "2024-12-13 14:30:00"
    mai_ja_yang = gazetteer.get("mai_ja_yang")
    assert mai_ja_yang is not None
    assert (float(closed["latitude"]), float(closed["longitude"])) == (
        mai_ja_yang.lat,
        mai_ja_yang.lon,
    )
    assert closed["current_revision"] == "true"
    assert CANARY not in out.read_text(encoding="utf-8-sig")
    # Cells a spreadsheet would run as formulas are neutralised.
    assert rows[1]["narrative"].startswith("'=HYPERLINK(")
    assert rows[2]["narrative"].startswith("'-Bamboo")


def test_pseudonyms_only_when_asked(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    mai_ja_yang_story(desk_store)
    for fmt in ("csv", "json", "geojson"):
        out = tmp_path / f"plain.{fmt}"
        export_reports(desk_store, gazetteer, fmt, out)  # type: ignore[arg-type]
        assert CANARY not in out.read_text(encoding="utf-8-sig"), fmt
    asked = tmp_path / "asked.csv"
    export_reports(desk_store, gazetteer, "csv", asked, include_pseudonyms=True)
    assert read_csv(asked)[0][PSEUDONYM_COLUMN] == CANARY
    asked_json = tmp_path / "asked.json"
    export_reports(desk_store, gazetteer, "json", asked_json, include_pseudonyms=True)
    document = json.loads(asked_json.read_text(encoding="utf-8"))
    assert document["pseudonyms_included"] is True
    assert document["reports"][0]["source"]["pseudonym"] == CANARY


def test_json_holds_the_full_reports_with_state_and_history(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    ids = mai_ja_yang_story(desk_store)
    out = tmp_path / "reports.json"
    export_reports(desk_store, gazetteer, "json", out, states={ReviewState.VERIFIED})
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "gatewatch-desk-export-1"
    assert document["filters"] == {"state": ["verified"], "since": None, "profile": "internal"}
    assert document["pseudonyms_included"] is False
    reports = document["reports"]
    assert [r["id"] for r in reports] == [ids["closed"], ids["trucks"]]
    first = reports[0]
    stored = DeskRepository(desk_store).reports([ids["closed"]])[0].record
    assert {k: first[k] for k in stored if k != "source"} == {
        k: v for k, v in stored.items() if k != "source"
    }
    assert first["source"] == {**stored["source"], "pseudonym": None}
    assert first["narrative"] == BURMESE
    assert first["review_state"] == "verified"
    assert [e["to_state"] for e in first["review_history"]] == ["verified"]
    assert first["device_id"] == DEVICE


def test_since_chooses_by_observation_time(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    ids = mai_ja_yang_story(desk_store)
    out = tmp_path / "since.csv"
    # 20 November 05:00 UTC exactly: the trucks report counts, the closure does not.
    result = export_reports(
        desk_store, gazetteer, "csv", out, since=datetime(2024, 11, 20, 5, 0, tzinfo=UTC)
    )
    assert [r["id"] for r in read_csv(out)] == [ids["trucks"], ids["reopening"]]
    assert result.reports == 2
    with pytest.raises(ExportError, match="zone"):
        export_reports(desk_store, gazetteer, "csv", out, since=datetime(2024, 11, 20))


def validate_rfc7946(document: Any) -> None:
    """The structural rules of RFC 7946 a FeatureCollection of Points must follow."""
    assert isinstance(document, dict)
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document  # removed in RFC 7946 (section 4)
    assert isinstance(document["features"], list)
    for feature in document["features"]:
        assert feature["type"] == "Feature"
        assert "crs" not in feature
        assert isinstance(feature["properties"], dict | None)
        if "id" in feature:
            assert isinstance(feature["id"], str | int | float)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        coordinates = geometry["coordinates"]
        assert isinstance(coordinates, list)
        assert len(coordinates) in (2, 3)
        assert all(isinstance(c, int | float) and math.isfinite(c) for c in coordinates)
        lon, lat = coordinates[:2]
        assert -180 <= lon <= 180
        assert -90 <= lat <= 90


def test_geojson_is_rfc7946_with_the_board_in_its_properties(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    ids = mai_ja_yang_story(desk_store)
    out = tmp_path / "board.geojson"
    result = export_reports(desk_store, gazetteer, "geojson", out)
    text = out.read_text(encoding="utf-8")
    document = json.loads(text)
    validate_rfc7946(document)
    assert json.loads(json.dumps(document, ensure_ascii=False)) == document  # round trip
    features = {f["properties"]["gate"]: f for f in document["features"]}
    assert set(features) == set(gazetteer.ids())
    mai_ja_yang = gazetteer.get("mai_ja_yang")
    assert mai_ja_yang is not None
    feature = features["mai_ja_yang"]
    # lon first, and the crossing is in Kachin State: about 97.9 E, 24.6 N.
    assert feature["geometry"]["coordinates"] == [mai_ja_yang.lon, mai_ja_yang.lat]
    assert feature["geometry"]["coordinates"][0] > feature["geometry"]["coordinates"][1]
    props = feature["properties"]
    assert props["name_my"] == mai_ja_yang.names["my"]
    assert props["overall"] == "closed"
    assert (props["china_side"], props["myanmar_side"]) == ("closed", "closed")
    assert props["unverified_change"] is True  # the 13 December report, not verified yet
    assert props["conflict"] is False
    assert (props["china_side_sources"], props["myanmar_side_sources"]) == (1, 1)
    assert (props["china_side_reliability"], props["china_side_credibility"]) == ("B", 2)
    assert props["traffic_civilians_sources"] == 1
    assert props["traffic_humanitarian_sources"] == 0
    assert props["traffic_humanitarian_reliability"] is None
    assert props["last_change"] == "2024-11-12T03:00:00Z"
    assert props["traffic_civilians"] == "blocked"
    assert props["reports_considered"] == 2
    assert features["laiza"]["properties"]["overall"] == "unknown"
    assert result.reports == 3
    # --state and --since choose what the board considers.
    verified = tmp_path / "verified.geojson"
    export_reports(desk_store, gazetteer, "geojson", verified, states={ReviewState.VERIFIED})
    props = {
        f["properties"]["gate"]: f["properties"]
        for f in json.loads(verified.read_text(encoding="utf-8"))["features"]
    }
    assert props["mai_ja_yang"]["unverified_change"] is False
    assert props["mai_ja_yang"]["reports_considered"] == 1
    audit = ReviewRepository(desk_store).exports_of(ids["reopening"])
    assert [e.format for e in audit] == ["geojson"]


def test_every_export_is_in_the_audit_trail_of_each_report_it_included(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    ids = mai_ja_yang_story(desk_store)
    result = export_reports(
        desk_store, gazetteer, "csv", tmp_path / "v.csv", states={ReviewState.VERIFIED}
    )
    reviews = ReviewRepository(desk_store)
    trail = [e for e in reviews.audit_trail(ids["closed"]) if e.what == "export"]
    assert len(trail) == 1
    assert trail[0].desk_label == "Myitkyina desk"
    assert trail[0].detail == {
        "export_id": result.export_id,
        "format": "csv",
        "pseudonyms": False,
        "reports": 2,
    }
    assert reviews.exports_of(ids["reopening"]) == []  # not verified: not in that export
    (record,) = reviews.exports()
    assert record.filters == {"state": ["verified"], "since": None, "profile": "internal"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_leaves_no_file_and_says_so(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    ids = mai_ja_yang_story(desk_store)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ExportWriteError, match="cannot be written") as caught:
            export_reports(desk_store, gazetteer, "csv", locked / "r.csv")
        assert caught.value.reason == "not_writable"
        assert "nothing was written" in str(caught.value)
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)
    assert ReviewRepository(desk_store).exports_of(ids["closed"]) == []


def test_a_failure_mid_write_removes_the_temp_file_and_keeps_the_old_file(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    mai_ja_yang_story(desk_store)
    out = tmp_path / "reports.csv"
    out.write_text("yesterday's export", encoding="utf-8")

    def full_disk(done: int, total: int) -> None:
        if done:
            raise OSError(28, "No space left on device")

    with pytest.raises(ExportWriteError, match="disk is full") as caught:
        export_reports(desk_store, gazetteer, "csv", out, progress=full_disk)
    assert caught.value.reason == "no_space"
    assert out.read_text(encoding="utf-8") == "yesterday's export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk", "reports.csv"]
    assert ReviewRepository(desk_store).exports() == []


def test_many_reports_stream_in_chunks(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    records = []
    for i in range(1200):
        content = ReportContent(
            observed_at=start + timedelta(minutes=i),
            china_side=SideStatus.OPEN,
            myanmar_side=SideStatus.OPEN,
            how_known=HowKnown.WITNESSED,
            gate="kanpaiti",
            narrative=f"report {i}",
        )
        record = Report.new(content, now=content.observed_at).to_json()
        envelope = EnvelopeRecord(str(uuid.uuid4()), i + 1, DEVICE, "report", 1, "x", "stored")
        records.append(ReceivedReport(envelope, record))
    DeskRepository(desk_store).store_page([], records, 1200, NOW)
    progress: list[tuple[int, int]] = []
    out = tmp_path / "many.json"
    result = export_reports(
        desk_store, gazetteer, "json", out, progress=lambda d, t: progress.append((d, t))
    )
    assert result.reports == 1200
    assert progress == [(0, 1200), (500, 1200), (1000, 1200), (1200, 1200)]
    assert len(json.loads(out.read_text(encoding="utf-8"))["reports"]) == 1200


def test_a_missing_folder_is_a_clear_error_too(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    mai_ja_yang_story(desk_store)
    with pytest.raises(ExportWriteError, match="choose another place"):
        export_reports(desk_store, gazetteer, "geojson", tmp_path / "gone" / "board.geojson")
    assert not (tmp_path / "gone").exists()
    assert ReviewRepository(desk_store).exports() == []


def test_the_cli_export_command(
    desk_store: Store,
    gazetteer: Gazetteer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import argparse

    from desktop.cli.desk.export import add_export_parser, run_export

    mai_ja_yang_story(desk_store)
    parser = argparse.ArgumentParser()
    add_export_parser(parser.add_subparsers(dest="desk_command"))
    out = tmp_path / "v.csv"
    args = parser.parse_args(
        ["export", "--format", "csv", "--out", str(out), "--state", "verified",
         "--since", "2024-11-12T09:30+06:30"]
    )  # fmt: skip
    assert run_export(args, desk_store, gazetteer) == 0
    printed = capsys.readouterr().out
    assert f"Wrote csv: 2 report(s), to {out}" in printed
    assert len(read_csv(out)) == 2
    bad = parser.parse_args(["export", "--format", "pdf", "--out", "x.pdf", "--state", "new"])
    assert run_export(bad, desk_store, gazetteer) == 2
    assert "do not apply" in capsys.readouterr().err
    unwritable = parser.parse_args(
        ["export", "--format", "json", "--out", str(tmp_path / "gone" / "x.json")]
    )
    assert run_export(unwritable, desk_store, gazetteer) == 1
    assert capsys.readouterr().err.startswith("gatewatch: cannot write")
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "--format", "csv", "--out", "x", "--since", "2024-11-12"])


@pytest.mark.parametrize(
    ("given", "states"),
    [
        ("verified", {"verified"}),
        ("verified,published", {"verified", "published"}),
        ("confirmed", {"verified", "published"}),
        ("new, needs_follow_up", {"new", "needs_follow_up"}),
    ],
)
def test_state_takes_several_values_and_confirmed_means_both(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path, given: str, states: set[str]
) -> None:
    import argparse

    from desktop.cli.desk.export import add_export_parser, run_export

    ids = mai_ja_yang_story(desk_store)
    desk_review.move(desk_store, ids["trucks"], ReviewState.PUBLISHED, now=NOW)
    parser = argparse.ArgumentParser()
    add_export_parser(parser.add_subparsers(dest="desk_command"))
    out = tmp_path / "chosen.csv"
    args = parser.parse_args(["export", "--format", "csv", "--out", str(out), "--state", given])
    assert run_export(args, desk_store, gazetteer) == 0
    assert {row["review_state"] for row in read_csv(out)} <= states
    (export,) = ReviewRepository(desk_store).exports()
    assert export.filters["state"] == sorted(states)


def test_bad_states_times_without_zone_and_pseudonyms_in_geojson_are_refused(
    desk_store: Store,
    gazetteer: Gazetteer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import argparse

    from desktop.cli.desk import review as cli_desk
    from desktop.cli.desk.export import add_export_parser, run_export

    mai_ja_yang_story(desk_store)
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="desk_command")
    add_export_parser(commands)
    cli_desk.add_parsers(commands)
    for argv in (
        ["export", "--format", "csv", "--out", "x.csv", "--state", "verified,approved"],
        ["changes", "--since", "2024-11-12T06:00"],
        ["board", "--at", "2024-11-12T06:00"],
    ):
        with pytest.raises(SystemExit):
            parser.parse_args(argv)
    err = capsys.readouterr().err
    assert "'approved' is not a review state" in err
    assert err.count("give the zone") == 2
    out = tmp_path / "board.geojson"
    args = parser.parse_args(
        ["export", "--format", "geojson", "--out", str(out), "--include-pseudonyms"]
    )
    assert run_export(args, desk_store, gazetteer) == 2
    assert "does not apply to GeoJSON" in capsys.readouterr().err
    assert not out.exists()
    assert ReviewRepository(desk_store).exports() == []


def test_geojson_is_flat_carries_its_export_and_the_verified_new_crossings(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    mai_ja_yang_story(desk_store)
    place = NewCrossing("Sadon track", 25.36, 98.02, "a footpath used since October")
    unplaced = NewCrossing("Nameless ford")
    ids = [
        receive(
            desk_store,
            ReportContent(
                observed_at=datetime(2024, 12, 12, 4, 0, tzinfo=UTC),
                china_side=SideStatus.OPEN,
                myanmar_side=SideStatus.OPEN,
                how_known=HowKnown.WITNESSED,
                new_crossing=crossing,
            ),
            seq,
        )
        for seq, crossing in ((10, place), (11, unplaced))
    ]
    for report in ids:
        desk_review.move(desk_store, report, ReviewState.VERIFIED, now=NOW)
    out = tmp_path / "board.geojson"
    result = export_reports(desk_store, gazetteer, "geojson", out, since=NOW - timedelta(days=400))
    document = json.loads(out.read_text(encoding="utf-8"))
    validate_rfc7946(document)
    for feature in document["features"]:
        for key, value in feature["properties"].items():
            assert value is None or isinstance(value, str | int | float | bool), key
    assert document["export"]["export_id"] == result.export_id
    assert document["export"]["filters"]["since"] == "2023-11-09T09:00:00Z"
    (audit,) = ReviewRepository(desk_store).exports()
    assert audit.export_id == result.export_id
    new = [f for f in document["features"] if f["properties"]["new_crossing"]]
    assert [f["properties"]["name"] for f in new] == ["Sadon track"]  # no coordinates: left out
    assert new[0]["geometry"]["coordinates"] == [98.02, 25.36]
    assert new[0]["properties"]["overall"] == "open"
    assert [e.export_id for e in ReviewRepository(desk_store).exports_of(ids[0])] == [
        result.export_id
    ]

    rows = tmp_path / "reports.csv"
    export_reports(desk_store, gazetteer, "csv", rows)
    (row,) = [r for r in read_csv(rows) if r["id"] == ids[0]]
    assert (row["latitude"], row["longitude"]) == ("25.36", "98.02")
