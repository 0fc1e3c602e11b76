"""The form's typed draft converts to and from the stored report body without change."""

import json
from datetime import UTC, datetime

from hypothesis import given, settings

from desktop.domain.draft import NewCrossingDraft, PriceDraft, ReportDraft, SourceDraft
from desktop.domain.report import ReportContent
from tests.strategies import report_contents

# A body exactly as the form has always stored it.
STORED = {
    "gate": "laiza",
    "new_crossing": None,
    "observed_at": "2026-03-14T05:30:00+00:00",
    "china_side": "closed",
    "myanmar_side": "open",
    "traffic": {
        "civilians": "allowed",
        "traders_goods": "blocked",
        "cargo_trucks": "unknown",
        "rare_earth_exports": "unknown",
        "fuel_chemical_imports": "blocked",
        "food_construction": "unknown",
        "humanitarian": "allowed",
    },
    "civilian_passage": "chinese_citizens_only",
    "controlled_by": "kia",
    "barrier": ["barbed_wire", "troops"],
    "shortages": ["fuel", "medicine"],
    "prices": [
        {"commodity": "diesel", "unit": "litre", "amount": 4500, "currency": "MMK"},
        {"commodity": "rice", "unit": "bag", "amount": 62.5, "currency": "CNY"},
    ],
    "people_stranded": 40,
    "how_known": "source_account",
    "source": {"category": "trader", "reliability": "B", "credibility": 2, "pseudonym": None},
    "narrative": "ဂိတ် ပိတ်ထားသည်",
}


def test_a_stored_body_comes_back_byte_for_byte() -> None:
    draft = ReportDraft.from_body(STORED)
    assert draft.prices[0] == PriceDraft("diesel", "litre", 4500.0, "MMK")
    assert draft.source == SourceDraft("trader", "B", 2, "")
    assert draft.observed_at == datetime(2026, 3, 14, 5, 30, tzinfo=UTC)
    again = draft.to_body()
    assert json.dumps(again, ensure_ascii=False) == json.dumps(STORED, ensure_ascii=False)


def test_a_crossing_not_in_the_list_keeps_its_name_and_drops_the_gate() -> None:
    draft = ReportDraft(gate="laiza", new_crossing=NewCrossingDraft("  Footpath  ", " "))
    body = draft.to_body()
    assert body["gate"] is None
    assert body["new_crossing"] == {"name": "Footpath"}
    assert ReportDraft.from_body(body).new_crossing == NewCrossingDraft("Footpath", "")


def test_an_empty_or_broken_body_gives_the_forms_defaults() -> None:
    assert ReportDraft.from_body({}) == ReportDraft()
    broken = {
        "gate": 7,
        "observed_at": "yesterday",
        "traffic": ["allowed"],
        "barrier": "wire",
        "prices": ["diesel", {"amount": True}],
        "people_stranded": -3,
        "source": "a friend",
        "narrative": None,
    }
    draft = ReportDraft.from_body(broken)
    assert draft == ReportDraft(prices=(PriceDraft(),))
    assert draft.observed_at is None  # the form keeps its own moment
    assert draft.traffic_status("civilians") == "unknown"


@settings(max_examples=200, deadline=None)
@given(report_contents())
def test_every_valid_report_survives_the_draft(content: ReportContent) -> None:
    body = content.to_json()
    if body["new_crossing"] is not None:
        body["new_crossing"] = {  # the form never had coordinates
            key: value
            for key, value in body["new_crossing"].items()
            if key in ("name", "description") and value is not None
        }
    draft = ReportDraft.from_body(body)
    stored = draft.to_body()
    assert ReportDraft.from_body(stored).to_body() == stored  # stored once, stable after
    assert set(stored) == set(body)
    for key in stored.keys() - {"observed_at", "source", "prices", "new_crossing"}:
        assert stored[key] == body[key], key
    assert datetime.fromisoformat(stored["observed_at"]) == content.observed_at
    assert [p["amount"] for p in stored["prices"]] == [p["amount"] for p in body["prices"]]
