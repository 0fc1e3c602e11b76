"""The tidy data tables load in pandas with the dtypes docs/desk.md documents, hold the
latest revision of each report only, and write values as they are (no formula guard)."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.services.desk import review as desk_review
from desktop.services.desk.export import export_reports
from desktop.services.desk.export_output import ExportError
from desktop.services.desk.export_profile import Profile
from desktop.services.desk.export_tables import TABLES, commodity_group
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from tests.helpers.desk_story import NOW, desk_store, gazetteer, mai_ja_yang_story

__all__ = ["desk_store", "gazetteer"]

# The dtypes docs/desk.md ("Data tables") documents, and how it says to read them.
DTYPES: dict[str, dict[str, str]] = {
    "gates.csv": {
        "gate": "string",
        "name_en": "string",
        "name_my": "string",
        "name_zh": "string",
        "latitude": "float64",
        "longitude": "float64",
        "location_approximate": "bool",
        "overall": "string",
        "china_side": "string",
        "myanmar_side": "string",
        **{
            f"traffic_{k}": "string"
            for k in (
                "civilians",
                "traders_goods",
                "cargo_trucks",
                "rare_earth_exports",
                "fuel_chemical_imports",
                "food_construction",
                "humanitarian",
            )
        },
        "civilian_passage": "string",
        "stale": "bool",
    },
    "status_changes.csv": {
        "gate": "string",
        "aspect": "string",
        "value": "string",
        "sources": "int64",
        "reliability": "string",
        "credibility": "Int64",
        "state": "string",
        "basis_report": "string",
    },
    "prices.csv": {
        "report": "string",
        "gate": "string",
        "commodity": "string",
        "commodity_group": "string",
        "amount": "float64",
        "currency": "string",
        "unit": "string",
        "review_state": "string",
    },
    "barriers.csv": {
        "report": "string",
        "gate": "string",
        "barrier": "string",
        "review_state": "string",
    },
    "shortages.csv": {
        "report": "string",
        "gate": "string",
        "shortage": "string",
        "review_state": "string",
    },
}
TIMES = {
    "gates.csv": ["last_confirmed"],
    "status_changes.csv": ["valid_from", "valid_to"],
    "prices.csv": ["observed_at"],
    "barriers.csv": ["observed_at"],
    "shortages.csv": ["observed_at"],
}


def load(archive: zipfile.ZipFile, name: str) -> pd.DataFrame:
    frame = pd.read_csv(
        io.BytesIO(archive.read(name)),
        dtype=DTYPES[name],
        true_values=["true"],
        false_values=["false"],
        keep_default_na=False,
        na_values=[""],
    )
    for column in TIMES[name]:
        frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601")
    return frame


def test_the_tables_load_in_pandas_with_the_documented_dtypes(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    ids = mai_ja_yang_story(desk_store)
    out = tmp_path / "tables.zip"
    result = export_reports(desk_store, gazetteer, "tables", out)
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == sorted([*TABLES, "export.json"])
        meta = json.loads(archive.read("export.json"))
        assert meta["export_id"] == result.export_id
        frames = {name: load(archive, name) for name in TABLES}
        for name, frame in frames.items():
            assert list(frame.columns) == list(TABLES[name]), name
            for column, dtype in DTYPES[name].items():
                assert str(frame[column].dtype) == dtype, (name, column)
            for column in TIMES[name]:
                dtype = frame[column].dtype
                assert isinstance(dtype, pd.DatetimeTZDtype), (name, column)
                assert str(dtype.tz) == "UTC", (name, column)
        assert "'" not in archive.read("prices.csv").decode()  # no formula guard here
    gates = frames["gates.csv"].set_index("gate")
    assert gates.loc["mai_ja_yang", "china_side"] == "closed"
    assert gates.loc["mai_ja_yang", "name_my"]
    changes = frames["status_changes.csv"]
    china = changes[(changes.gate == "mai_ja_yang") & (changes.aspect == "china_side")]
    assert list(china.value) == ["closed"]
    assert china.valid_to.isna().all()  # still in force
    assert list(china.basis_report) == [ids["closed"]]
    prices = frames["prices.csv"]
    assert list(prices.commodity_group) == ["fuel"]
    assert list(prices.amount) == [4500.0]
    assert sorted(frames["barriers.csv"].barrier) == ["barbed_wire", "wood_barricade"]
    assert list(frames["shortages.csv"].shortage) == ["fuel"]


def test_the_tables_hold_only_the_latest_revision_and_external_ids(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    ids = mai_ja_yang_story(desk_store)
    (stored,) = DeskRepository(desk_store).reports([ids["closed"]])
    first = Report.from_json(stored.record)
    fixed = first.correct(ReportContent.from_json({**first.content.to_json(), "prices": []}))
    envelope = EnvelopeRecord(
        str(uuid.uuid4()), 20, "gw-" + "1" * 20, "report", 10, "2024-12-13T08:00:00Z", "stored"
    )
    DeskRepository(desk_store).store_page([], [ReceivedReport(envelope, fixed.to_json())], 20, NOW)
    desk_review.move(desk_store, fixed.id, ReviewState.VERIFIED, now=NOW)
    out = tmp_path / "tables.zip"
    export_reports(desk_store, gazetteer, "tables", out, profile=Profile.EXTERNAL)
    with zipfile.ZipFile(out) as archive:
        prices = load(archive, "prices.csv")
        text = b"".join(archive.read(n) for n in archive.namelist()).decode()
    assert prices.empty  # the correction dropped the price; the superseded one is not here
    assert ids["closed"] not in text
    assert fixed.id not in text
    with pytest.raises(ExportError, match="data tables"):
        export_reports(desk_store, gazetteer, "tables", out, include_pseudonyms=True)


@pytest.mark.parametrize(
    ("commodity", "group"),
    [("Diesel", "fuel"), (" cooking  oil ", "cooking_oil"), ("rice", "rice"), ("jade", "other")],
)
def test_commodity_group(commodity: str, group: str) -> None:
    assert commodity_group(commodity) == group
