"""The external profile leaves nothing that leads back to a person (a scan of every file
for every identifying value of its source reports), and the JSON exports of both profiles
are described by the JSON Schemas in docs/schemas (validated here)."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.domain.vocabulary import HowKnown, SideStatus
from desktop.services.desk import review as desk_review
from desktop.services.desk.export import export_reports
from desktop.services.desk.export_output import ExportError
from desktop.services.desk.export_profile import Profile
from desktop.store.database import Store
from desktop.store.desk.core import DeskDevice, DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.desk.review import ReviewRepository
from tests.helpers.desk_story import CANARY, DEVICE, NOW, desk_store, gazetteer, mai_ja_yang_story
from tests.helpers.exports import SCHEMAS, read_csv

__all__ = ["desk_store", "gazetteer"]

LABEL = "Ja Seng's phone, Hpimaw"
NOTE = "called Ja Seng at the tea shop"


def schema(name: str) -> Any:
    return jsonschema_rs.validator_for(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))


def identifying_store(store: Store) -> dict[str, str]:
    """The story, a device labelled with a name, an editor's note naming a source, and a
    report created and received at times that are not on the hour."""
    ids = mai_ja_yang_story(store)
    content = ReportContent(
        observed_at=datetime(2024, 12, 13, 6, 12, 40, tzinfo=UTC),
        china_side=SideStatus.CLOSED,
        myanmar_side=SideStatus.OPEN,
        how_known=HowKnown.WITNESSED,
        gate="laiza",
    )
    record = Report.new(content, now=datetime(2024, 12, 13, 6, 41, 7, 123456, tzinfo=UTC))
    envelope = EnvelopeRecord(
        str(uuid.uuid4()), 9, DEVICE, "report", 1000, "2024-12-13T06:52:31Z", "stored"
    )
    DeskRepository(store).store_page([], [ReceivedReport(envelope, record.to_json())], 9, NOW)
    desk_review.move(store, record.id, ReviewState.VERIFIED, now=NOW)
    DeskRepository(store).save_devices(
        [DeskDevice(DEVICE, LABEL, b"a" * 32, True, False, None)], NOW
    )
    desk_review.add_note(store, ids["closed"], NOTE, now=NOW)
    desk_review.move(store, ids["reopening"], ReviewState.VERIFIED, now=NOW)
    return ids


def secrets_of(store: Store) -> set[str]:
    """Every value of the source reports that identifies a person or a record."""
    found = {LABEL, NOTE, CANARY, DEVICE, desk_review.desk_identity(store).desk_id}
    found.add(desk_review.desk_identity(store).label)
    for envelope_id, record, received in store.conn.execute(
        "SELECT envelope_id, record, received_at FROM desk_reports"
    ):
        report = json.loads(record)
        found |= {envelope_id, report["id"], report["lineage_id"]}
        for moment in (report["created_at"], received, report["observed_at"]):
            parsed = datetime.fromisoformat(moment)
            if parsed.minute or parsed.second or parsed.microsecond:  # else rounding keeps it
                found.add(moment)
    for (event_id,) in store.conn.execute("SELECT event_id FROM desk_review_events"):
        found.add(event_id)
    return found


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_an_external_export_holds_nothing_that_identifies(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path, fmt: str
) -> None:
    identifying_store(desk_store)
    secrets = secrets_of(desk_store)
    internal = tmp_path / f"internal.{fmt}"
    export_reports(desk_store, gazetteer, fmt, internal)  # type: ignore[arg-type]
    out = tmp_path / f"external.{fmt}"
    result = export_reports(
        desk_store,
        gazetteer,
        fmt,
        out,
        profile=Profile.EXTERNAL,  # type: ignore[arg-type]
    )
    text = out.read_text(encoding="utf-8-sig")
    assert [s for s in secrets if s in text] == []
    assert re.search(r"\d\d:\d\d:\d\d\.\d", text) is None  # no sub-second time
    assert result.export_id in text
    if fmt != "geojson":  # the board holds none of these: the scan must be able to find them
        assert [s for s in (LABEL, DEVICE) if s in internal.read_text(encoding="utf-8-sig")]
    (audit,) = [
        e for e in ReviewRepository(desk_store).exports() if e.export_id == result.export_id
    ]
    assert audit.filters["profile"] == "external"
    assert audit.filters["state"] == ["published", "verified"]
    if fmt == "csv":
        rows = read_csv(out)
        assert {r["review_state"] for r in rows} <= {"verified", "published"}
        assert {r["export_id"] for r in rows} == {result.export_id}
        assert len(rows) == 4
        assert all(r["observed_at"].endswith(":00:00Z") for r in rows)


def test_an_external_export_refuses_what_it_cannot_hold(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    identifying_store(desk_store)
    with pytest.raises(ExportError, match="never holds pseudonyms"):
        export_reports(
            desk_store,
            gazetteer,
            "csv",
            tmp_path / "x.csv",
            profile=Profile.EXTERNAL,
            include_pseudonyms=True,
        )
    with pytest.raises(ExportError, match="only verified and published"):
        export_reports(
            desk_store,
            gazetteer,
            "json",
            tmp_path / "x.json",
            profile=Profile.EXTERNAL,
            states={ReviewState.NEW},
        )
    assert not (tmp_path / "x.csv").exists()
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    ("profile", "pseudonyms"),
    [(Profile.INTERNAL, False), (Profile.INTERNAL, True), (Profile.EXTERNAL, False)],
)
def test_json_exports_follow_their_schema(
    desk_store: Store, gazetteer: Gazetteer, tmp_path: Path, profile: Profile, pseudonyms: bool
) -> None:
    identifying_store(desk_store)
    out = tmp_path / "reports.json"
    export_reports(
        desk_store, gazetteer, "json", out, profile=profile, include_pseudonyms=pseudonyms
    )
    document = json.loads(out.read_text(encoding="utf-8"))
    validator = schema("desk-export.schema.json")
    validator.validate(document)
    assert document["reports"]
    if profile is Profile.INTERNAL:
        leaked = {**document, "profile": "external"}  # internal fields under an external label
        assert not validator.is_valid(leaked)
    if not pseudonyms:
        with_pseudonym = json.loads(json.dumps(document))
        with_pseudonym["reports"][0]["source"]["pseudonym"] = CANARY
        assert not validator.is_valid(with_pseudonym)

    board = tmp_path / "board.geojson"
    export_reports(
        desk_store, gazetteer, "geojson", board, profile=profile, since=NOW - timedelta(days=60)
    )
    geo = json.loads(board.read_text(encoding="utf-8"))
    board_schema = schema("desk-board.schema.json")
    board_schema.validate(geo)
    geo["features"][0]["properties"]["traffic"] = {"civilians": "blocked"}  # nested: refused
    assert not board_schema.is_valid(geo)


def test_the_schemas_are_valid_draft_2020_12() -> None:
    for path in SCHEMAS.glob("*.schema.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema_rs.meta.validate(document)
    assert {p.name for p in SCHEMAS.glob("*.schema.json")} == {
        "desk-export.schema.json",
        "desk-board.schema.json",
    }
