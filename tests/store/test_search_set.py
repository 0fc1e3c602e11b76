"""The committed search set: invented reports in Burmese, Chinese, English and Jinghpaw,
and the reports each query must find (tests/store/data/search_set.json). Every query finds
exactly its expected reports, on the correspondent's list and in the desk's inbox alike:
recall 100%, and no hit the rules in docs/text.md exclude."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.services.desk import connection as desk_connection
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.desk.review import InboxFilter, ReviewRepository
from desktop.store.reports import ReportRepository
from tests.helpers.stores import PASSPHRASE

SET = json.loads((Path(__file__).parent / "data" / "search_set.json").read_text("utf-8"))
NOW = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)


def body(item: dict[str, Any], hours_ago: int) -> dict[str, Any]:
    data: dict[str, Any] = {
        "observed_at": (NOW - timedelta(hours=hours_ago)).isoformat(),
        "china_side": "closed",
        "myanmar_side": "open",
        "how_known": "witnessed" if "pseudonym" not in item else "source_account",
        "narrative": item["narrative"],
    }
    for key in ("gate", "new_crossing", "prices"):
        if key in item:
            data[key] = item[key]
    if "pseudonym" in item:
        data["source"] = {
            "category": "driver",
            "reliability": "C",
            "credibility": 3,
            "pseudonym": item["pseudonym"],
        }
    return data


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, str]]]:
    """One store holding every report twice: as the correspondent's and as the desk's."""
    with create_store(tmp_path_factory.mktemp("search") / "s", PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519", now=NOW)
        reports = ReportRepository(store, default_gazetteer())
        keys: dict[str, str] = {}
        for hours_ago, item in enumerate(SET["reports"]):
            report = Report.new(ReportContent.from_json(body(item, hours_ago)), now=NOW)
            reports.add(report)
            keys[report.id] = item["key"]
            envelope = EnvelopeRecord(
                envelope_id=str(uuid.uuid4()),
                seq=hours_ago + 1,
                device_id="gw-" + "1" * 20,
                kind="report",
                size=1000,
                received_at="2026-11-20T05:00:00Z",
                outcome="stored",
            )
            DeskRepository(store).store_page(
                [], [ReceivedReport(envelope, report.to_json())], hours_ago + 1, NOW
            )
        yield store, keys


def test_the_set_is_large_and_in_four_languages() -> None:
    assert len(SET["reports"]) >= 40
    assert len(SET["queries"]) >= 80
    assert {item["key"][0] for item in SET["reports"]} == {"e", "z", "m", "j"}


@pytest.mark.parametrize("where", ["list", "inbox"])
def test_every_query_finds_its_reports_and_nothing_else(
    stores: tuple[Store, dict[str, str]], where: str
) -> None:
    store, keys = stores
    gazetteer = default_gazetteer()
    reports = ReportRepository(store, gazetteer)
    reviews = ReviewRepository(store, gazetteer.named)
    expected_hits = found_expected = 0
    wrong: list[str] = []
    for case in SET["queries"]:
        if where == "list":
            ids = reports.search(case["query"])
        else:
            ids = reviews.inbox_ids(InboxFilter(text=case["query"]))
        found = sorted(keys[i] for i in ids)
        expected_hits += len(case["expect"])
        found_expected += len(set(found) & set(case["expect"]))
        if found != case["expect"]:
            wrong.append(f"{case['query']!r} ({case['why']}): found {found}")
    print(
        f"{where}: {len(SET['queries'])} queries, {found_expected}/{expected_hits} expected hits"
        f" found, {len(wrong)} queries with a hit or a miss they should not have"
    )
    assert wrong == []
