"""Tags are exported: every tag in the internal profile (CSV column and JSON key), only
the newsroom's tags in the external one (a free tag may say what only the desk knows)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema_rs

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.services.desk import assign as desk_assign
from desktop.services.desk import review as desk_review
from desktop.services.desk.export import export_reports
from desktop.services.desk.export_profile import Profile
from desktop.store.database import Store
from tests.helpers.desk_story import desk_store, gazetteer, mai_ja_yang_story
from tests.helpers.exports import SCHEMAS, read_csv

__all__ = ["desk_store", "gazetteer"]


def test_tags_are_exported_and_free_tags_stay_inside(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    ids = mai_ja_yang_story(desk_store)
    desk_review.move(desk_store, ids["reopening"], ReviewState.VERIFIED)
    desk_assign.tag(desk_store, ids["closed"], "Fuel")
    desk_assign.tag(desk_store, ids["closed"], "source: the colonel's driver")
    desk_assign.tag(desk_store, ids["trucks"], "rare earths")

    inside, outside = tmp_path / "in.csv", tmp_path / "out.csv"
    export_reports(desk_store, gazetteer, "csv", inside)
    export_reports(desk_store, gazetteer, "csv", outside, profile=Profile.EXTERNAL)
    assert [r["tags"] for r in read_csv(inside)] == [
        "fuel;source: the colonel's driver",
        "rare_earths",
        "",
    ]
    assert [r["tags"] for r in read_csv(outside)] == ["fuel", "rare_earths", ""]

    validator = jsonschema_rs.validator_for(
        json.loads((SCHEMAS / "desk-export.schema.json").read_text(encoding="utf-8"))
    )
    for profile, expected in (
        (Profile.INTERNAL, ["fuel", "source: the colonel's driver"]),
        (Profile.EXTERNAL, ["fuel"]),
    ):
        out = tmp_path / f"{profile.value}.json"
        export_reports(desk_store, gazetteer, "json", out, profile=profile)
        document = json.loads(out.read_text(encoding="utf-8"))
        validator.validate(document)
        assert document["reports"][0]["tags"] == expected
