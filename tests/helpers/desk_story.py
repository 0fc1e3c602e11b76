"""A desk store with the Mai Ja Yang story: reports received through the desk's real page
path, as the export, board and PDF tests read them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer, default_gazetteer
from desktop.domain.report import Price, Report, ReportContent, Source
from desktop.domain.vocabulary import (
    Barrier,
    Controller,
    Currency,
    HowKnown,
    PriceUnit,
    Reliability,
    Shortage,
    SideStatus,
    SourceCategory,
    TrafficKind,
    TrafficStatus,
)
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from tests.helpers.approved_devices import approve_devices
from tests.helpers.stores import PASSPHRASE

NOW = datetime(2024, 12, 13, 9, 0, tzinfo=UTC)
CANARY = "amber-heron-42"  # a valid pseudonym that must never leak unasked
DEVICE = "gw-" + "1" * 20
BURMESE = "တရုတ်ဘက်က ဂိတ်ကို ပိတ်ထားသည်။ ဒီဇယ်ဆီ ဈေးတက်နေသည်။"


@pytest.fixture
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture
def desk_store(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519", now=NOW)
        desk_review.set_desk_label(store, "Myitkyina desk")
        yield store


def receive(store: Store, content: ReportContent, seq: int, device: str = DEVICE) -> str:
    """Store a report through the desk's real page path, as a pull would."""
    record = Report.new(content, now=content.observed_at).to_json()
    envelope = EnvelopeRecord(
        str(uuid.uuid4()), seq, device, "report", 1000, "2024-12-13T08:00:00Z", "stored"
    )
    DeskRepository(store).store_page([], [ReceivedReport(envelope, record)], seq, NOW)
    approve_devices(store, [device])  # a source the board counts
    return str(record["id"])


def traffic(**given: TrafficStatus) -> dict[TrafficKind, TrafficStatus]:
    return {kind: given.get(kind.value, TrafficStatus.UNKNOWN) for kind in TrafficKind}


def mai_ja_yang_story(store: Store) -> dict[str, str]:
    """November–December 2024 at Mai Ja Yang and Pang War (DOMAIN-NOTES): the KIA closes
    its side, rare-earth trucks stopped; on 13 December the bamboo barricade comes down."""
    closed = ReportContent(
        observed_at=datetime(2024, 11, 12, 3, 0, tzinfo=UTC),
        china_side=SideStatus.CLOSED,
        myanmar_side=SideStatus.CLOSED,
        how_known=HowKnown.SOURCE_ACCOUNT,
        gate="mai_ja_yang",
        traffic=traffic(
            civilians=TrafficStatus.BLOCKED, fuel_chemical_imports=TrafficStatus.BLOCKED
        ),
        controlled_by=Controller.KIA,
        barrier=(Barrier.WOOD_BARRICADE, Barrier.BARBED_WIRE),
        shortages=(Shortage.FUEL,),
        prices=(Price("diesel", PriceUnit.LITRE, 4500, Currency.MMK),),
        people_stranded=300,
        source=Source(SourceCategory.TRADER, Reliability.B, 2, CANARY),
        narrative=BURMESE,
    )
    trucks = ReportContent(
        observed_at=datetime(2024, 11, 20, 5, 0, tzinfo=UTC),
        china_side=SideStatus.RESTRICTED,
        myanmar_side=SideStatus.CLOSED,
        how_known=HowKnown.WITNESSED,
        gate="pang_war",
        traffic=traffic(rare_earth_exports=TrafficStatus.BLOCKED),
        narrative='=HYPERLINK("http://evil.example") the KIA stopped the rare-earth trucks',
    )
    reopening = ReportContent(
        observed_at=datetime(2024, 12, 13, 7, 30, tzinfo=UTC),
        china_side=SideStatus.CLOSED,
        myanmar_side=SideStatus.RESTRICTED,
        how_known=HowKnown.SOURCE_ACCOUNT,
        gate="mai_ja_yang",
        source=Source(SourceCategory.RESIDENT, Reliability.C, 3, None),
        narrative="-Bamboo barricades removed, but nobody may cross yet.",
    )
    ids = {
        "closed": receive(store, closed, 1),
        "trucks": receive(store, trucks, 2),
        "reopening": receive(store, reopening, 3),
    }
    desk_review.move(store, ids["closed"], ReviewState.VERIFIED, now=NOW)
    desk_review.move(store, ids["trucks"], ReviewState.VERIFIED, now=NOW)
    return ids
