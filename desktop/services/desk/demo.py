"""A desk holding the board's demo story (DOMAIN-NOTES), for the board, map and timeline
tests and for `make screenshots`: real reports stored through the page path, real review
moves, two correspondents' laptops by their labels.

- Laiza: China closed its side (verified, two sources), the KIA closed the Myanmar side with
  barbed wire two days ago (verified); a new report three hours ago says China reopened
  (a reported change, unverified); diesel rising 3,500 → 4,500 kyat a litre.
- Mai Ja Yang: China side restricted, only Chinese citizens (mine workers) may cross
  (verified a day ago); a verified report six hours earlier said closed (a conflict).
- Lweje: both sides open, cargo trucks allowed (verified 8 hours ago).
- Pang War: open four days ago, both sides closed since 10 hours ago (a change overnight).
- Kanpaiti: one report, rejected (so unknown). Hpimaw: no report (unknown).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop.domain.desk.review import ReviewState
from desktop.domain.report import Report, ReportContent
from desktop.services.desk import device_approval
from desktop.services.desk import review as desk_review
from desktop.store.database import Store
from desktop.store.desk.core import DeskDevice, DeskRepository, EnvelopeRecord, ReceivedReport

DEVICE_A = "gw-" + "a" * 20
DEVICE_B = "gw-" + "b" * 20


@dataclass
class DemoDesk:
    now: datetime
    ids: dict[str, str] = field(default_factory=dict)  # a name for each report -> its id


def _report(
    gate: str,
    observed: datetime,
    china: str,
    myanmar: str,
    *,
    narrative: str,
    traffic: dict[str, str] | None = None,
    civilian_passage: str = "unknown",
    pseudonym: str | None = None,
    reliability: str = "B",
    credibility: int = 2,
    prices: list[dict[str, Any]] | None = None,
    barrier: list[str] | None = None,
) -> dict[str, Any]:
    content = ReportContent.from_json(
        {
            "gate": gate,
            "observed_at": observed.isoformat(),
            "china_side": china,
            "myanmar_side": myanmar,
            "traffic": traffic or {},
            "civilian_passage": civilian_passage,
            "controlled_by": "kia",
            "barrier": barrier or [],
            "prices": prices or [],
            "how_known": "source_account",
            "source": {
                "category": "trader",
                "reliability": reliability,
                "credibility": credibility,
                "pseudonym": pseudonym,
            },
            "narrative": narrative,
        }
    )
    return Report.new(content, now=observed).to_json()


def diesel(amount: int) -> list[dict[str, Any]]:
    return [{"commodity": "diesel", "unit": "litre", "amount": amount, "currency": "MMK"}]


def fill_demo_desk(store: Store, now: datetime | None = None, *, reviewed: bool = True) -> DemoDesk:
    """Store the demo story (times before `now`) and make its review moves (none when not
    `reviewed`: the desk right after its first pull)."""
    demo = DemoDesk(now or datetime.now(UTC).replace(microsecond=0))

    def ago(hours: float) -> datetime:
        return demo.now - timedelta(hours=hours)

    closed_by_china = "China closed its side of the gate; fuel trucks wait on the Myanmar side."
    story: list[tuple[str, str, dict[str, Any], ReviewState | None]] = [
        (
            "laiza_china_closed",
            DEVICE_A,
            _report(
                "laiza",
                ago(120),
                "closed",
                "open",
                narrative=closed_by_china,
                pseudonym="amber-heron-42",
                traffic={"cargo_trucks": "blocked"},
                prices=diesel(3500),
            ),
            ReviewState.VERIFIED,
        ),
        (
            "laiza_china_closed_again",
            DEVICE_B,
            _report(
                "laiza",
                ago(110),
                "closed",
                "open",
                narrative=closed_by_china,
                reliability="A",
                credibility=2,
                prices=diesel(4000),
            ),
            ReviewState.VERIFIED,
        ),
        (
            "laiza_kia_wire",
            DEVICE_A,
            _report(
                "laiza",
                ago(48),
                "closed",
                "closed",
                pseudonym="amber-heron-42",
                narrative="The KIA closed the road with wood and barbed wire in return.",
                traffic={"cargo_trucks": "blocked", "fuel_chemical_imports": "blocked"},
                barrier=["barbed_wire", "wood_barricade"],
                prices=diesel(4500),
            ),
            ReviewState.VERIFIED,
        ),
        (
            "laiza_reopened",
            DEVICE_B,
            _report(
                "laiza",
                ago(3),
                "open",
                "closed",
                narrative="Traders say China reopened its side this morning.",
            ),
            None,
        ),
        (
            "mai_ja_yang_closed",
            DEVICE_B,
            _report("mai_ja_yang", ago(30), "closed", "open", narrative="China side shut."),
            ReviewState.VERIFIED,
        ),
        (
            "mai_ja_yang_miners",
            DEVICE_A,
            _report(
                "mai_ja_yang",
                ago(24),
                "restricted",
                "open",
                civilian_passage="chinese_citizens_only",
                narrative="Only Chinese citizens working in the mines may cross.",
            ),
            ReviewState.VERIFIED,
        ),
        (
            "lweje_open",
            DEVICE_B,
            _report(
                "lweje",
                ago(8),
                "open",
                "open",
                traffic={"cargo_trucks": "allowed"},
                narrative="Both sides open; cargo trucks cross.",
            ),
            ReviewState.VERIFIED,
        ),
        (
            "pang_war_open",
            DEVICE_A,
            _report("pang_war", ago(96), "open", "open", narrative="Open both sides."),
            ReviewState.PUBLISHED,
        ),
        (
            "pang_war_closed",
            DEVICE_A,
            _report("pang_war", ago(10), "closed", "closed", narrative="Closed overnight."),
            ReviewState.VERIFIED,
        ),
        (
            "kanpaiti_rumour",
            DEVICE_B,
            _report("kanpaiti", ago(5), "closed", "closed", narrative="Heard it is closed."),
            ReviewState.REJECTED,
        ),
    ]
    repo = DeskRepository(store)
    repo.save_devices(
        [
            DeskDevice(DEVICE_A, "Laiza laptop", b"a" * 32, True, False, None),
            DeskDevice(DEVICE_B, "Mai Ja Yang laptop", b"b" * 32, True, False, None),
        ],
        demo.now,
    )
    received = []
    for seq, (name, device, record, _) in enumerate(story, start=1):
        demo.ids[name] = str(record["id"])
        envelope = EnvelopeRecord(
            envelope_id=str(uuid.uuid4()),
            seq=seq,
            device_id=device,
            kind="report",
            size=1000,
            received_at=demo.now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            outcome="stored",
        )
        received.append(ReceivedReport(envelope, record))
    repo.store_page([], received, len(story), demo.now)
    for device in (DEVICE_A, DEVICE_B):  # an editor approved both correspondents' laptops
        device_approval.approve(store, device, now=demo.now)
    for name, _, _, state in story if reviewed else ():
        if state is ReviewState.PUBLISHED:
            desk_review.move(store, demo.ids[name], ReviewState.VERIFIED, now=demo.now)
        if state is not None:
            desk_review.move(store, demo.ids[name], state, now=demo.now)
    return demo
