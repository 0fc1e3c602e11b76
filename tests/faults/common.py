"""Shared parts of the fault campaigns: campaign sizes, canary reports, store checks.

Every campaign runs twice: a short form in the normal test run (CI) and a long form marked
``soak`` (``make soak``). Sizes come from here so both forms run the same code.
"""

from __future__ import annotations

import random
import secrets
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services.correspondent import capture
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import Store, open_store
from desktop.store.identity import IdentityRepository
from desktop.store.reports import ReportRepository
from sync.server.store import ServerStore
from tests.faults.chaosproxy import Chaos
from tests.sync.faultproxy import Fault

PASSPHRASE = "a long fault-campaign passphrase"
GATES = ("laiza", "mai_ja_yang", "lweje", "pang_war", "kanpaiti", "hpimaw")


def new_canary() -> str:
    """A token that exists nowhere else: it goes into reports' narratives and photos, and
    must never be found in plaintext outside the encrypted stores' memory."""
    return "CANARY" + secrets.token_hex(12).upper()


def report_with_canary(rng: random.Random, index: int, canary: str) -> Report:
    """A valid queued-to-be report whose narrative carries ``canary``."""
    observed = datetime(2024, 10, 20, tzinfo=UTC) - timedelta(minutes=11 * (index % 1_000_000))
    content = ReportContent.from_json(
        {
            "gate": GATES[index % len(GATES)],
            "observed_at": observed.isoformat(),
            "china_side": rng.choice(("open", "closed", "restricted", "unknown")),
            "myanmar_side": rng.choice(("open", "closed", "restricted", "unknown")),
            "traffic": {"cargo_trucks": rng.choice(("allowed", "blocked"))},
            "controlled_by": "kia",
            "barrier": ["barbed_wire"],
            "how_known": "source_account",
            "source": {"category": "trader", "reliability": "B", "credibility": 2},
            "narrative": f"Trucks wait at the gate; fuel is short. {canary} (#{index})",
        }
    )
    return Report.new(content)


def canary_photo(canary: str, size: int = 40_000) -> tuple[str, bytes, int, int]:
    """(media type, bytes, width, height) of a fake JPEG that carries the canary."""
    body = (canary.encode() + b"\x00" + bytes(range(256))) * (size // 300 + 1)
    return ("image/jpeg", b"\xff\xd8\xff" + body[:size], 64, 48)


def check_store_intact(data_dir: Path, passphrase: str = PASSPHRASE) -> set[str]:
    """Open the store, run both integrity checks; return the ids of every stored report.

    Raises AssertionError naming the check that failed.
    """
    with open_store(data_dir, passphrase) as store:
        return check_open_store(store)


def check_open_store(store: Store) -> set[str]:
    cipher = store.execute("PRAGMA cipher_integrity_check").fetchall()
    assert cipher == [], f"cipher_integrity_check: {cipher[:5]}"
    plain = store.execute("PRAGMA integrity_check").fetchall()
    assert [tuple(r) for r in plain] == [("ok",)], f"integrity_check: {plain[:5]}"
    fk = store.execute("PRAGMA foreign_key_check").fetchall()
    assert fk == [], f"foreign_key_check: {fk[:5]}"
    return set(ReportRepository(store).ids())


def server_report_envelopes(server_dir: Path, device_id: str) -> Counter[str]:
    """Envelope id -> how many times the server holds it (this device's reports only)."""
    with ServerStore.open(server_dir) as admin, admin.db.reading() as conn:
        rows = conn.execute(
            "SELECT envelope_id FROM envelopes WHERE kind = 'report' AND device_id = ?",
            (device_id,),
        ).fetchall()
    return Counter(r[0] for r in rows)


def check_server_exactly_once(store: Store, server_dir: Path) -> int:
    """Every report envelope the server holds is the one envelope the correspondent sealed
    for one report (none resealed, none twice), and every receipt the store kept is for an
    envelope the server holds. Returns how many reports the server holds."""
    outbox = store.execute("SELECT report_id, envelope_id, receipt FROM outbox").fetchall()
    by_envelope = {r[1]: r[0] for r in outbox if r[1] is not None}
    identity = IdentityRepository(store).get()
    assert identity is not None, "the store is not enrolled"
    on_server = server_report_envelopes(server_dir, identity.device_id)
    assert all(n == 1 for n in on_server.values())
    strangers = set(on_server) - set(by_envelope)
    assert not strangers, f"the server holds envelopes the store does not know: {strangers}"
    per_report = Counter(by_envelope[e] for e in on_server)
    assert all(n == 1 for n in per_report.values()), "a report was delivered twice"
    unconfirmed = {r[1] for r in outbox if r[2] is not None} - set(on_server)
    assert not unconfirmed, f"receipts for envelopes the server does not hold: {unconfirmed}"
    return len(per_report)


def random_fault(rng: random.Random) -> Fault:
    nth = rng.choice([1, 1, 2, 3])
    return rng.choice(
        [
            lambda: Fault.refuse(),
            lambda: Fault.reset(nth=nth),
            lambda: Fault.cut_request(after_bytes=rng.randrange(0, 60_000), nth=nth),
            lambda: Fault.drop_response(nth=nth),
            lambda: Fault.delay(rng.uniform(0.05, 1.4), nth=nth),
            lambda: Chaos.stall(rng.uniform(1.1, 1.6), nth=nth),
            lambda: Chaos.trickle(rng.choice([1, 7, 512, 4096]), 0.001, rng.randrange(64, 8192)),
            lambda: Chaos.cut_response(rng.randrange(1, 400), nth=nth),
            lambda: Chaos.duplicate_response(nth=nth),
        ]
    )()


def chaos_rule(rng: random.Random, faulty: int, rate: float = 0.85) -> Callable[[int], Fault]:
    """Faults for the first ``faulty`` connections (each with probability ``rate``)."""

    def rule(index: int) -> Fault:
        if index >= faulty or rng.random() > rate:
            return Fault.passthrough()
        return random_fault(rng)

    return rule


def queue_reports(store: Store, count: int, canary: str, rng: random.Random) -> set[str]:
    gazetteer = default_gazetteer()
    reports = ReportRepository(store, gazetteer)
    photos = AttachmentRepository(store)
    ids = set()
    for index in range(count):
        report = report_with_canary(rng, index, canary)
        reports.add(report, state=ReportState.DRAFT)
        if index % 2 == 0:
            media_type, data, width, height = canary_photo(canary, size=rng.randrange(2, 90_000))
            photos.add(report.id, media_type, data, width=width, height=height)
        capture.queue_draft(store, gazetteer, report.id)
        ids.add(report.id)
    return ids
