import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from sqlcipher3 import dbapi2

from desktop.domain import report_reader
from desktop.domain.errors import ReportValidationError
from desktop.domain.gazetteer import Gazetteer, default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_lifecycle import (
    AlreadyCorrectedError,
    DraftHasCorrectionError,
    NotADraftError,
    NotCorrectableError,
    RevisionMismatchError,
)
from desktop.domain.report_state import ReportState
from desktop.domain.vocabulary import SideStatus
from desktop.store.database import Store, create_store, open_store
from desktop.store.reports import (
    ReportFilter,
    ReportNotFoundError,
    ReportRepository,
    ensure_search_index,
)
from tests.helpers.reports import example
from tests.helpers.stores import PASSPHRASE
from tests.strategies import report_contents


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "store", PASSPHRASE) as opened:
        yield opened


def repository(store: Store) -> ReportRepository:
    return ReportRepository(store, default_gazetteer())


def content(**changes: object) -> ReportContent:
    return ReportContent.from_json(example(**changes))


def test_queued_report_is_stored_whole_and_enters_the_outbox(store: Store) -> None:
    reports = repository(store)
    report = Report.new(content())
    reports.add(report)
    stored = reports.get(report.id)
    assert stored.report == report
    assert stored.row.state is ReportState.QUEUED
    assert stored.row.gate == "laiza"
    outbox = store.conn.execute("SELECT report_id FROM outbox").fetchall()
    assert [r[0] for r in outbox] == [report.id]


def test_reports_survive_reopening(tmp_path: Path) -> None:
    report = Report.new(content())
    with create_store(tmp_path / "s", PASSPHRASE) as first:
        repository(first).add(report)
    with open_store(tmp_path / "s", PASSPHRASE) as second:
        assert repository(second).get(report.id).report == report


def test_list_is_newest_observation_first_and_filters(store: Store) -> None:
    reports = repository(store)
    base = datetime(2024, 11, 12, 3, tzinfo=UTC)
    made = []
    for day, gate in enumerate(["laiza", "pang_war", "laiza"]):
        report = Report.new(replace(content(), observed_at=base + timedelta(days=day), gate=gate))
        reports.add(report, state=ReportState.DRAFT if day == 1 else ReportState.QUEUED)
        made.append(report.id)
    assert reports.ids() == made[::-1]
    assert reports.ids(ReportFilter(gate="laiza")) == [made[2], made[0]]
    assert reports.ids(ReportFilter(state=ReportState.DRAFT)) == [made[1]]
    assert reports.count() == 3
    rows = reports.rows([made[1], "unknown-id", made[0]])
    assert [r.id for r in rows] == [made[1], made[0]]
    assert rows[0].summary.startswith("The KIA blocked")


def test_incomplete_draft_is_kept_then_queued_once_valid(store: Store) -> None:
    reports = repository(store)
    partial = {"gate": "mai_ja_yang", "narrative": "ဂိတ်ပိတ်ထားသည်"}
    draft_id = reports.save_draft(partial)
    stored = reports.get(draft_id)
    assert stored.report is None
    assert stored.body == partial
    with pytest.raises(ReportValidationError) as caught:
        reports.queue(draft_id)
    assert "observed_at" in caught.value.fields
    assert reports.get(draft_id).row.state is ReportState.DRAFT

    full = example(gate="mai_ja_yang", narrative="ဂိတ်ပိတ်ထားသည်")
    assert reports.save_draft(full, draft_id=draft_id) == draft_id
    queued = reports.queue(draft_id)
    assert queued.content.gate == "mai_ja_yang"
    assert reports.get(draft_id).row.state is ReportState.QUEUED
    with pytest.raises(NotADraftError):
        reports.save_draft(full, draft_id=draft_id)
    with pytest.raises(NotADraftError):
        reports.queue(draft_id)


def test_unknown_gate_is_refused_at_queue_time(store: Store) -> None:
    reports = repository(store)
    draft_id = reports.save_draft(example(gate="atlantis"))
    with pytest.raises(ReportValidationError, match="not in the gazetteer"):
        reports.queue(draft_id)


def test_correction_is_a_new_revision_that_supersedes_once_queued(store: Store) -> None:
    reports = repository(store)
    original = Report.new(content())
    reports.add(original)
    draft_id = reports.save_draft(example(china_side="open"), replaces=original.id)
    draft = reports.get(draft_id)
    assert draft.row.revision == 2
    assert draft.row.lineage_id == original.id
    assert set(reports.ids()) == {original.id, draft_id}
    corrected = reports.queue(draft_id)
    assert corrected.replaces == original.id
    assert corrected.content.china_side is SideStatus.OPEN
    assert reports.ids() == [draft_id]
    assert set(reports.ids(ReportFilter(include_superseded=True))) == {original.id, draft_id}
    # The original is left as it was sent.
    assert reports.get(original.id).report == original


def test_a_revision_is_corrected_once(store: Store) -> None:
    reports = repository(store)
    original = Report.new(content())
    reports.add(original)
    first = reports.save_draft(example(china_side="open"), replaces=original.id)
    with pytest.raises(AlreadyCorrectedError) as caught:
        reports.save_draft(example(china_side="restricted"), replaces=original.id)
    assert first in str(caught.value)
    with pytest.raises(AlreadyCorrectedError):
        reports.add(original.correct(content(china_side="restricted")))
    reports.queue(first)
    assert reports.ids() == [first]  # one current revision, never two
    with pytest.raises(AlreadyCorrectedError):
        reports.save_draft(example(), replaces=original.id)
    # The latest revision can be corrected in turn.
    third = reports.save_draft(example(china_side="closed"), replaces=first)
    assert reports.get(third).row.revision == 3
    assert reports.get(third).row.lineage_id == original.id


def test_add_requires_a_revision_that_follows_its_parent(store: Store) -> None:
    reports = repository(store)
    original = Report.new(content())
    reports.add(original)
    good = original.correct(content(china_side="open"))
    for bad in (
        replace(good, revision=5),
        replace(good, lineage_id=good.id),
        replace(Report.new(content()), revision=2, replaces=None),
        replace(Report.new(content()), lineage_id=original.id),
    ):
        with pytest.raises(RevisionMismatchError):
            reports.add(bad)
    assert reports.count(ReportFilter(include_superseded=True)) == 1
    reports.add(good)
    assert reports.ids() == [good.id]


def test_unique_revisions_are_kept_by_the_database_too(store: Store) -> None:
    reports = repository(store)
    original = Report.new(content())
    reports.add(original)
    reports.add(original.correct(content()))
    with pytest.raises(dbapi2.IntegrityError):
        store.execute(
            "INSERT INTO reports (id, lineage_id, revision, state, created_at, updated_at, body)"
            " VALUES ('x', ?, 2, 'draft', '', '', '{}')",
            (original.id,),
        )


def test_a_draft_cannot_be_corrected(store: Store) -> None:
    reports = repository(store)
    draft_id = reports.save_draft({"narrative": "not sent yet"})
    with pytest.raises(NotCorrectableError, match="draft"):
        reports.save_draft({"narrative": "correction"}, replaces=draft_id)
    draft = Report.new(content())
    reports.add(draft, state=ReportState.DRAFT)
    with pytest.raises(NotCorrectableError, match="draft"):
        reports.add(draft.correct(content()))
    reports.delete_draft(draft_id)
    reports.delete_draft(draft.id)
    assert reports.count() == 0


def test_deleting_a_draft_that_another_revision_replaces_is_a_typed_error(store: Store) -> None:
    # Older versions let a draft replace a draft; deleting the first then broke the foreign key.
    reports = repository(store)
    parent = reports.save_draft({"narrative": "first"})
    store.execute(
        "INSERT INTO reports (id, lineage_id, revision, replaces, state, created_at,"
        " updated_at, body) VALUES ('child', ?, 2, ?, 'draft', '', '', '{}')",
        (parent, parent),
    )
    with pytest.raises(DraftHasCorrectionError, match="child"):
        reports.delete_draft(parent)
    assert reports.count() == 2
    reports.delete_draft("child")
    reports.delete_draft(parent)


def test_a_queued_report_stays_readable_when_the_clock_goes_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = repository(store)
    report = Report.new(content())  # observed 2024-11-12
    reports.add(report)
    # The laptop's clock is set back a year: observed_at is now "in the future".
    monkeypatch.setattr(report_reader, "utc_now", lambda: datetime(2023, 11, 12, tzinfo=UTC))
    with pytest.raises(ReportValidationError, match="future"):
        ReportContent.from_json(report.content.to_json())
    assert reports.get(report.id).report == report


def test_a_revision_stored_under_older_rules_reads_without_a_report(store: Store) -> None:
    reports = repository(store)
    report = Report.new(content())
    reports.add(report)
    body = report.content.to_json()
    body["source"]["pseudonym"] = "brang-seng-42"  # accepted before the word lists
    body["narrative"] = "line\r\nbreak"
    store.execute("UPDATE reports SET body = ? WHERE id = ?", (json.dumps(body), report.id))
    stored = reports.get(report.id)
    assert stored.report is None
    assert stored.body == body
    assert stored.row.state is ReportState.QUEUED


def test_unknown_ids_raise(store: Store) -> None:
    reports = repository(store)
    with pytest.raises(ReportNotFoundError):
        reports.get("0192f6a0-0000-7000-8000-000000000000")
    with pytest.raises(ReportNotFoundError):
        reports.save_draft({}, replaces="0192f6a0-0000-7000-8000-000000000000")


@pytest.mark.parametrize(
    "observed_at", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59", "soon", 5]
)
def test_a_draft_with_an_unusable_time_is_kept_without_one(
    store: Store, observed_at: object
) -> None:
    reports = repository(store)
    draft_id = reports.save_draft({"observed_at": observed_at, "narrative": "x"})
    assert reports.get(draft_id).row.observed_at is None
    with pytest.raises(ReportValidationError) as caught:
        reports.queue(draft_id)
    assert "observed_at" in caught.value.fields


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"source_name": "U Ba"}, "source_name"),
        ({"source": {"category": "trader", "name": "Daw Hkawn"}}, "source.name"),
        ({"new_crossing": {"name": "track", "guide_phone": "0975"}}, "new_crossing.guide_phone"),
        ({"traffic": {"civilians": "blocked", "smugglers": "allowed"}}, "traffic.smugglers"),
        ({"prices": [{"commodity": "rice"}, {"seller": "U Ba"}]}, "prices[1].seller"),
    ],
)
def test_a_draft_with_an_unknown_key_is_refused(
    store: Store, body: dict[str, object], field: str
) -> None:
    reports = repository(store)
    with pytest.raises(ReportValidationError) as caught:
        reports.save_draft(body)
    assert caught.value.fields == (field,)
    assert reports.count() == 0
    draft_id = reports.save_draft({"narrative": "kept"})
    with pytest.raises(ReportValidationError):
        reports.save_draft(body, draft_id=draft_id)
    assert reports.get(draft_id).body == {"narrative": "kept"}


def test_a_draft_is_lenient_on_values(store: Store) -> None:
    body = {
        "china_side": "ajar",
        "traffic": "all of it",
        "prices": [{"commodity": 5, "amount": "a lot"}, "x"],
        "source": 7,
        "new_crossing": None,
    }
    reports = repository(store)
    assert reports.get(reports.save_draft(body)).body == body


def test_a_draft_with_a_lone_surrogate_is_refused(store: Store) -> None:
    with pytest.raises(ReportValidationError, match="lone surrogate"):
        repository(store).save_draft({"narrative": "broken \ud800 text"})


def test_oversized_draft_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="too large"):
        repository(store).save_draft({"narrative": "x" * 300_000})


def test_delete_draft_removes_it_from_list_and_search(store: Store) -> None:
    reports = repository(store)
    draft_id = reports.save_draft({"narrative": "bamboo barricade removed"})
    assert reports.search("bamboo") == [draft_id]
    reports.delete_draft(draft_id)
    assert reports.ids() == []
    assert reports.search("bamboo") == []


@pytest.mark.parametrize(
    ("narrative", "query"),
    [
        ("Trucks hauling rare earths were let into China.", "rare earth"),
        ("Trucks hauling rare earths were let into China.", "TRUCKS"),
        ("လိုင်ဇာ ဂိတ်ကို ဝါးအတားအဆီးများ ဖယ်ရှားလိုက်သည်", "ဝါးအတားအဆီး"),
        ("中方关闭了口岸, 燃油短缺。", "关闭"),
        ("中方关闭了口岸, 燃油短缺。", "燃油短缺"),
        ("Diesel 4500 kyat a litre", "4500"),
    ],
)
def test_search_finds_latin_burmese_and_chinese(store: Store, narrative: str, query: str) -> None:
    reports = repository(store)
    hit = Report.new(content(narrative=narrative))
    miss = Report.new(content(narrative="Nothing moved today."))
    reports.add(hit)
    reports.add(miss)
    assert reports.search(query) == [hit.id]


def test_search_by_gate_name_in_any_language(store: Store) -> None:
    reports = repository(store)
    report = Report.new(content(gate="pang_war", narrative="Road blocked."))
    reports.add(report)
    reports.add(Report.new(content(gate="laiza", narrative="Road blocked.")))
    hpimaw = Report.new(content(gate="hpimaw", narrative="Road blocked."))
    reports.add(hpimaw)
    for query in ("Pang War", "Pangwa", "ပန်ဝါ"):
        assert reports.search(query) == [report.id], query
    assert reports.search("片马") == [hpimaw.id]  # the Chinese port opposite
    assert reports.search("ob") == []  # JSON keys such as "observed_at" are not text


def test_short_terms_do_not_match_json_keys(store: Store) -> None:
    reports = repository(store)
    reports.add(Report.new(content(narrative="Nothing moved.")))
    assert reports.search("ob") == []
    assert reports.search("kn") == []
    assert reports.search("mo") != []


def test_search_treats_fts_syntax_as_text(store: Store) -> None:
    reports = repository(store)
    reports.add(Report.new(content(narrative='He said "closed" OR NEAR(x) * - ^')))
    for query in ('"closed"', "OR NEAR(x)", "*", 'text:"a', "^", ""):
        reports.search(query)  # never raises
    assert len(reports.search('"closed"')) == 1
    assert reports.search("   ") == []


@pytest.mark.parametrize(
    "query", ["barb\x00", "\x00", "bar\x00bed", "wire\x1b", "\x7fwire", "wire\ud800", "\x85"]
)
def test_search_ignores_control_characters(store: Store, query: str) -> None:
    reports = repository(store)
    report = Report.new(content(narrative="barbed wire"))
    reports.add(report)
    found = reports.search(query)  # never raises
    if any(term in query for term in ("barb", "wire")):
        assert found == [report.id]


def test_search_respects_the_filter(store: Store) -> None:
    reports = repository(store)
    queued = Report.new(content(narrative="fuel shortage"))
    reports.add(queued)
    draft = Report.new(content(narrative="fuel shortage"))
    reports.add(draft, state=ReportState.DRAFT)
    assert reports.search("fuel", ReportFilter(state=ReportState.DRAFT)) == [draft.id]


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report_contents())
def test_any_valid_report_round_trips_through_the_store(
    store: Store, generated: ReportContent
) -> None:
    reports = repository(store)
    report = Report.new(generated)
    reports.add(report)
    stored = reports.get(report.id)
    assert stored.report == report
    assert json.loads(json.dumps(stored.body)) == generated.to_json()


def _with_alias(gazetteer: Gazetteer, gate: str, alias: str) -> Gazetteer:
    crossings = tuple(
        replace(c, aliases=(*c.aliases, alias)) if c.id == gate else c for c in gazetteer
    )
    return Gazetteer(version=gazetteer.version, updated=gazetteer.updated, crossings=crossings)


def test_a_gazetteer_update_reaches_search_without_reindexing(store: Store) -> None:
    shipped = default_gazetteer()
    report = Report.new(content(gate="lweje", narrative="Road blocked."))
    repository(store).add(report)
    draft_id = repository(store).save_draft({"gate": "lweje", "narrative": "draft"})
    assert ReportRepository(store, shipped).search("Nawngmun") == []

    updated = _with_alias(shipped, "lweje", "Nawngmun")
    newer = ReportRepository(store, updated)
    assert set(newer.search("Nawngmun")) == {report.id, draft_id}
    assert newer.search("Nawngmun road") == [report.id]


def test_ensure_search_index_rebuilds_when_the_rules_changed(store: Store) -> None:
    assert not ensure_search_index(store)  # a new store's index is of this version
    report = Report.new(content(narrative="Road blocked."))
    repository(store).add(report)
    store.execute("INSERT INTO reports_fts (reports_fts) VALUES ('delete-all')")
    store.execute("UPDATE settings SET value = '\"0\"' WHERE key = 'search.form_version'")
    assert repository(store).search("road") == []
    assert ensure_search_index(store)
    assert repository(store).search("road") == [report.id]
    assert not ensure_search_index(store)


def test_reindex_rebuilds_every_revision(store: Store) -> None:
    reports = repository(store)
    reports.add_many([Report.new(content(narrative=f"fuel {i}")) for i in range(3)])
    reports.save_draft({"narrative": "fuel draft"})
    store.execute("INSERT INTO reports_fts (reports_fts) VALUES ('delete-all')")
    assert reports.search("fuel") == []
    assert reports.reindex() == 4
    assert len(reports.search("fuel")) == 4


CANARY = "CANARY-Hpimaw-source-U-Ba-5e8d1f"


def _assert_no_canary(folder: Path, expected: set[str]) -> None:
    assert {p.name for p in folder.iterdir()} == expected
    for path in folder.iterdir():
        raw = path.read_bytes()
        for encoded in (CANARY.encode(), CANARY.encode("utf-16-le"), CANARY.lower().encode()):
            assert encoded not in raw, path.name
    assert not (folder / "store.db").read_bytes().startswith(b"SQLite format 3")


def test_no_store_file_holds_the_canary(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    store = create_store(folder, PASSPHRASE)
    reports = repository(store)
    price = {"commodity": f"diesel {CANARY}", "unit": "litre", "amount": 1, "currency": "MMK"}
    for i in range(30):
        reports.add(Report.new(content(narrative=f"{CANARY} report {i}", prices=[price])))
        reports.save_draft({"narrative": f"draft {CANARY} {i}", "prices": [price]})
    assert len(reports.search(CANARY)) == 60
    open_files = {"store.db", "store.db-wal", "store.db-shm", "store.db-alt", "store.key"}
    assert (folder / "store.db-wal").stat().st_size > 0
    _assert_no_canary(folder, open_files)

    store.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    _assert_no_canary(folder, open_files)

    store.close()
    _assert_no_canary(folder, {"store.db", "store.db-alt", "store.key"})
