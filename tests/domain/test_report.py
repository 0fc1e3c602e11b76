import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given

from desktop.domain.errors import ReportValidationError
from desktop.domain.ids import is_report_id, new_report_id
from desktop.domain.pseudonym import ADJECTIVES, NOUNS, generate_pseudonym, is_pseudonym
from desktop.domain.report import Report, ReportContent
from desktop.domain.vocabulary import SideStatus, TrafficKind, TrafficStatus
from tests.helpers.reports import EXAMPLE, example
from tests.strategies import report_contents


def refused_fields(data: object) -> tuple[str, ...]:
    with pytest.raises(ReportValidationError) as caught:
        ReportContent.from_json(data)
    return caught.value.fields


def test_issue_example_parses_and_is_stored_in_utc() -> None:
    content = ReportContent.from_json(example())
    assert content.observed_at == datetime(2024, 11, 12, 3, 0, tzinfo=UTC)
    assert content.china_side is SideStatus.CLOSED
    assert content.traffic[TrafficKind.RARE_EARTH_EXPORTS] is TrafficStatus.BLOCKED
    out = content.to_json()
    assert out["observed_at"] == "2024-11-12T03:00:00Z"
    assert out["prices"] == EXAMPLE["prices"]
    assert out["barrier"] == ["wood_barricade", "barbed_wire"]


def test_missing_traffic_kinds_default_to_unknown() -> None:
    content = ReportContent.from_json(example(traffic={"cargo_trucks": "allowed"}))
    assert content.traffic[TrafficKind.CARGO_TRUCKS] is TrafficStatus.ALLOWED
    assert content.traffic[TrafficKind.CIVILIANS] is TrafficStatus.UNKNOWN
    assert set(content.to_json()["traffic"]) == {k.value for k in TrafficKind}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"source_name": "Brang Seng"}, "source_name"),
        ({"phone": "09 7512 34567"}, "phone"),
        (
            {"source": {"category": "trader", "name": "Daw Hkawn", "reliability": "B"}},
            "source.name",
        ),
        ({"traffic": {"civilians": "blocked", "smugglers": "allowed"}}, "traffic.smugglers"),
        (
            {
                "prices": [
                    {
                        "commodity": "rice",
                        "unit": "kg",
                        "amount": 1,
                        "currency": "MMK",
                        "seller": "U Ba",
                    }
                ]
            },
            "prices[0].seller",
        ),
    ],
)
def test_unknown_keys_are_refused_with_the_field_named(changes: dict[str, Any], field: str) -> None:
    fields = refused_fields(example(**changes))
    assert field in fields


@pytest.mark.parametrize(
    ("changes", "field", "hint"),
    [
        ({"china_side": "half-open"}, "china_side", "open, closed, restricted, unknown"),
        ({"myanmar_side": None}, "myanmar_side", "open, closed"),
        ({"traffic": {"civilians": "maybe"}}, "traffic.civilians", "allowed, blocked, unknown"),
        ({"controlled_by": "aa"}, "controlled_by", "kia, myanmar_military"),
        ({"how_known": "rumour"}, "how_known", "witnessed"),
        ({"barrier": ["moat"]}, "barrier[0]", "barbed_wire"),
        (
            {"source": {"category": "spy", "reliability": "B", "credibility": 2}},
            "source.category",
            "resident",
        ),
        (
            {"source": {"category": "trader", "reliability": "G", "credibility": 2}},
            "source.reliability",
            "A, B, C, D, E, F",
        ),
        (
            {"source": {"category": "trader", "reliability": "A", "credibility": 7}},
            "source.credibility",
            "from 1 to 6",
        ),
        (
            {"prices": [{"commodity": "diesel", "unit": "litre", "amount": 1, "currency": "USD"}]},
            "prices[0].currency",
            "MMK, CNY",
        ),
        (
            {"prices": [{"commodity": "diesel", "unit": "litre", "amount": -5, "currency": "MMK"}]},
            "prices[0].amount",
            "between 0",
        ),
        (
            {
                "prices": [
                    {"commodity": "diesel", "unit": "litre", "amount": True, "currency": "MMK"}
                ]
            },
            "prices[0].amount",
            "number",
        ),
        ({"observed_at": "2024-11-12T09:30:00"}, "observed_at", "zone"),
        ({"observed_at": "yesterday"}, "observed_at", "ISO 8601"),
        ({"observed_at": "1999-12-31T23:00:00Z"}, "observed_at", "before 2000"),
        ({"gate": "Laiza!"}, "gate", "gazetteer id"),
        ({"gate": None}, "gate", "either"),
        ({"new_crossing": {"name": "Nawng Hpa track"}}, "gate", "not both"),
        ({"people_stranded": -1}, "people_stranded", "from 0"),
        ({"narrative": "x" * 20_001}, "narrative", "too long"),
        ({"narrative": "a\x00b"}, "narrative", "control characters"),
        (
            {"source": {"category": "trader", "pseudonym": "Brang Seng"}},
            "source.pseudonym",
            "generated",
        ),
    ],
)
def test_bad_values_are_refused_naming_field_and_allowed_values(
    changes: dict[str, Any], field: str, hint: str
) -> None:
    with pytest.raises(ReportValidationError) as caught:
        ReportContent.from_json(example(**changes))
    assert field in caught.value.fields
    assert hint in str(caught.value)


CANARY = "CANARY-U-Ba-0975123456"


@pytest.mark.parametrize(
    "changes",
    [
        {"china_side": CANARY},
        {"gate": CANARY},
        {"gate": "canary_u_ba_0975123456"},  # shaped like an id, but not in the gazetteer
        {"observed_at": CANARY},
        {"people_stranded": CANARY},
        {"people_stranded": 975123456789},
        {"narrative": [CANARY]},
        {"barrier": [CANARY]},
        {CANARY + " phone": "x"},
        {"source": {"category": "trader", "credibility": CANARY}},
        {"prices": [{"commodity": "rice", "unit": "kg", "amount": CANARY, "currency": "MMK"}]},
        {"new_crossing": {"name": "x", "lat": CANARY, "lon": 1}, "gate": None},
    ],
    ids=lambda changes: next(iter(changes)),
)
def test_messages_never_quote_the_value(changes: dict[str, Any]) -> None:
    with pytest.raises(ReportValidationError) as caught:
        ReportContent.from_json(example(**changes), known_gate=lambda gate: gate == "laiza")
    error = caught.value
    secret = "975123456"  # in every value above
    for text in (str(error), repr(error), repr(error.errors), *(str(e) for e in error.errors)):
        assert secret not in text
    # The value is kept apart, for a UI to show to the person who typed it.
    assert any(e.got is not None and secret in e.got for e in error.errors)


def test_got_is_short_and_escaped() -> None:
    with pytest.raises(ReportValidationError) as caught:
        ReportContent.from_json(example(china_side="\x1b[2J" + "x" * 100))
    (error,) = caught.value.errors
    assert error.got is not None
    assert len(error.got) <= 40
    assert "\x1b" not in error.got
    assert "\\x1b" in error.got


@pytest.mark.parametrize(
    "text",
    ["a\x00b", "\x1b[31mred", "bell\x07", "del\x7f", "nel\x85", "\ud800"],
    ids=repr,
)
def test_control_characters_and_lone_surrogates_are_refused(text: str) -> None:
    for changes in (
        {"narrative": text},
        {"prices": [{"commodity": text, "unit": "kg", "amount": 1, "currency": "MMK"}]},
        {"gate": None, "new_crossing": {"name": "Nawng Hpa", "description": text}},
    ):
        with pytest.raises(ReportValidationError, match="control characters"):
            ReportContent.from_json(example(**changes))


def test_line_breaks_tabs_and_burmese_format_characters_are_kept() -> None:
    # U+200B zero-width space and U+200C/D (non-)joiners are format characters, not
    # controls: Burmese text uses them.
    narrative = "ဂိတ်\u200bပိတ်\u200cထား\u200dသည်\n\tနောက်တစ်ကြောင်း"
    assert ReportContent.from_json(example(narrative=narrative)).narrative == narrative


NOW = datetime(2024, 11, 12, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("observed_at", "accepted"),
    [
        ("2024-11-13T02:59:59Z", True),  # 24 hours ahead: a wrong zone, a fast clock
        ("2024-11-13T03:00:00Z", True),
        ("2024-11-13T03:00:01Z", False),
        ("2024-11-13T09:30:01+06:30", False),
        ("2034-11-12T09:30:00+06:30", False),  # a mistyped year
    ],
)
def test_observations_far_in_the_future_are_refused(observed_at: str, accepted: bool) -> None:
    data = example(observed_at=observed_at)
    if accepted:
        assert ReportContent.from_json(data, now=NOW).observed_at > NOW
        return
    with pytest.raises(ReportValidationError, match="in the future") as caught:
        ReportContent.from_json(data, now=NOW)
    assert caught.value.fields == ("observed_at",)
    record = Report.new(ReportContent.from_json(example())).to_json()
    with pytest.raises(ReportValidationError, match="in the future"):
        Report.from_json({**record, "observed_at": observed_at}, now=NOW)


def test_the_default_clock_is_now() -> None:
    tomorrow = datetime.now(UTC) + timedelta(hours=23)
    later = datetime.now(UTC) + timedelta(hours=25)
    assert ReportContent.from_json(example(observed_at=tomorrow.isoformat()))
    with pytest.raises(ReportValidationError, match="in the future"):
        ReportContent.from_json(example(observed_at=later.isoformat()))


@pytest.mark.parametrize("observed_at", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59"])
def test_times_that_overflow_in_utc_are_refused(observed_at: str) -> None:
    with pytest.raises(ReportValidationError, match="out of range") as caught:
        ReportContent.from_json(example(observed_at=observed_at))
    assert caught.value.fields == ("observed_at",)


@pytest.mark.parametrize("number", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_infinity_are_not_finite_numbers(number: float) -> None:
    price = {"commodity": "diesel", "unit": "litre", "amount": number, "currency": "MMK"}
    crossing = {"name": "Nawng Hpa", "lat": number, "lon": 98.0}
    for changes, field in (
        ({"prices": [price]}, "prices[0].amount"),
        ({"gate": None, "new_crossing": crossing}, "new_crossing.lat"),
    ):
        with pytest.raises(ReportValidationError) as caught:
            ReportContent.from_json(example(**changes))
        assert caught.value.fields == (field,)
        assert "must be a finite number" in str(caught.value)


def test_required_fields_are_named() -> None:
    data = example()
    del data["observed_at"], data["china_side"]
    fields = refused_fields(data)
    assert "observed_at" in fields
    assert "china_side" in fields


def test_every_problem_is_reported_at_once() -> None:
    fields = refused_fields(example(china_side="x", myanmar_side="y", how_known="z"))
    assert {"china_side", "myanmar_side", "how_known"} <= set(fields)


@pytest.mark.parametrize("data", [None, [], "report", 42])
def test_non_objects_are_refused(data: object) -> None:
    assert refused_fields(data) == ("",)


def test_source_account_needs_a_source() -> None:
    assert "source" in refused_fields(example(source=None))


def test_new_crossing_instead_of_a_gate() -> None:
    content = ReportContent.from_json(
        example(gate=None, new_crossing={"name": "Nawng Hpa footpath", "lat": 24.9, "lon": 98.1})
    )
    assert content.gate is None
    assert content.new_crossing is not None
    assert content.new_crossing.lat == 24.9


def test_known_gate_check_uses_the_gazetteer_callback() -> None:
    with pytest.raises(ReportValidationError, match="not in the gazetteer"):
        ReportContent.from_json(example(gate="nowhere"), known_gate=lambda gate: gate == "laiza")
    assert ReportContent.from_json(example(), known_gate=lambda gate: gate == "laiza").gate


def test_burmese_text_is_kept_nfc() -> None:
    narrative = "လိုင်ဇာ ဂိတ်ကို ပိတ်ထားသည်။ 中国一侧关闭。"
    content = ReportContent.from_json(example(narrative=narrative))
    assert content.narrative == narrative


@given(report_contents())
def test_content_round_trips_through_json(content: ReportContent) -> None:
    text = json.dumps(content.to_json(), ensure_ascii=False)
    assert ReportContent.from_json(json.loads(text)) == content


@given(report_contents())
def test_report_record_round_trips_through_json(content: ReportContent) -> None:
    first = Report.new(content)
    corrected = first.correct(content)
    for report in (first, corrected):
        assert Report.from_json(json.loads(json.dumps(report.to_json()))) == report


def test_corrections_chain_revisions() -> None:
    content = ReportContent.from_json(example())
    first = Report.new(content)
    second = first.correct(ReportContent.from_json(example(china_side="open")))
    assert second.revision == 2
    assert second.replaces == first.id
    assert second.lineage_id == first.id
    assert second.id != first.id
    assert first.content.china_side is SideStatus.CLOSED


def test_record_revision_rules() -> None:
    record = Report.new(ReportContent.from_json(example())).to_json()
    with pytest.raises(ReportValidationError) as caught:
        Report.from_json({**record, "revision": 2})
    assert "replaces" in caught.value.fields
    with pytest.raises(ReportValidationError) as caught:
        Report.from_json({**record, "id": "not-an-id"})
    assert "id" in caught.value.fields


def test_report_ids_are_uuid7_and_sort_by_time() -> None:
    earlier = new_report_id(datetime(2024, 11, 12, tzinfo=UTC))
    later = new_report_id(datetime(2024, 12, 13, tzinfo=UTC))
    assert is_report_id(earlier)
    assert earlier[14] == "7"
    assert earlier < later
    assert not is_report_id("0192F6A0-0000-7000-8000-000000000000")


def test_generated_pseudonyms_are_accepted() -> None:
    for _ in range(200):
        pseudonym = generate_pseudonym()
        assert is_pseudonym(pseudonym)
        source = {"category": "trader", "pseudonym": pseudonym}
        content = ReportContent.from_json(example(source=source))
        assert content.source is not None
        assert content.source.pseudonym == pseudonym


def test_every_word_combination_is_a_pseudonym() -> None:
    for adjective in ADJECTIVES:
        for noun in NOUNS:
            assert is_pseudonym(f"{adjective}-{noun}-00")
            assert is_pseudonym(f"{adjective}-{noun}-99")


@pytest.mark.parametrize(
    "pseudonym",
    [
        "brang-seng-42",  # a Jinghpaw name in the generator's shape
        "hkawn-tsin-07",
        "amber-heron-4",
        "amber-heron-420",
        "Amber-heron-42",
        "heron-amber-42",
        "amber-heron-42 ",
        "amber-heron-42\n",
    ],
)
def test_pseudonyms_outside_the_word_lists_are_refused(pseudonym: str) -> None:
    assert not is_pseudonym(pseudonym)
    fields = refused_fields(example(source={"category": "trader", "pseudonym": pseudonym}))
    assert fields == ("source.pseudonym",)


def test_windows_line_ends_become_newlines() -> None:
    content = ReportContent.from_json(example(narrative="Gate shut.\r\nTrucks wait.\rNo fuel."))
    assert content.narrative == "Gate shut.\nTrucks wait.\nNo fuel."
