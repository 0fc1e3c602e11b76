"""Board benchmark: derive the gate status board from a desk store of N reports.

Run: ``.venv/bin/python -m bench.board_bench [--reports 100000]``. Limit: 0.5 s for the
board (`desktop.services.desk.board.board`) at 100,000 reports; "what changed since"
(every status event in 14 hours) and one gate's 90-day timeline are printed besides.

Setup (not timed): a desk store with its newsroom key; the server's list of 23 devices
saved as a pull saves it, and the editor's decisions made the way the desk makes them
(`desktop.services.desk.device_approval`: signed, sealed for the other desks): 21 devices
approved, one still pending (a new correspondent's laptop: its reports wait in the inbox and
are not on the board), one approved and revoked after its reports were made (they still
count); N generated reports (six gates, a report every 37 minutes going back, so about 6
years, device by device in turn) stored through the real page path
(`DeskRepository.store_page`, 5,000 a transaction: rows, full-text index); then review
states set in bulk straight in ``desk_reports`` (the board reads only the state column):
most verified, some new, needing follow-up, rejected or published.

With ``--flood N`` the pending device also sent N reports about one gate over the last
90 days (states as the others'), and the three figures are measured again: reports of a
device that does not count must not slow the board.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from bench.common import GATES, Result, generated_content, median_seconds, record, result
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report
from desktop.services.desk import board as desk_board
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import device_approval
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.desk.newsroom import DeskDevice

PASSPHRASE = "benchmark passphrase, not a secret"
LIMIT_SECONDS = 0.5
STATES = (
    ("verified", 0.55),
    ("new", 0.2),
    ("needs_follow_up", 0.1),
    ("rejected", 0.1),
    ("published", 0.05),
)
DEVICES = [f"gw-{n:020d}" for n in range(23)]
PENDING = DEVICES[20]
REVOKED = DEVICES[21]
NOW = datetime(2024, 10, 21, tzinfo=UTC)


def decide_devices(store: Store) -> None:
    """The server's device list as a pull saves it, then the editor's decisions: every
    device approved but `PENDING`."""
    listed = [
        DeskDevice(
            device_id=device_id,
            label=f"correspondent {n}",
            public_key=Ed25519PrivateKey.generate()
            .public_key()
            .public_bytes(Encoding.Raw, PublicFormat.Raw),
            enrolled=True,
            revoked=False,
            enrolled_at="2018-01-01T00:00:00Z",
        )
        for n, device_id in enumerate(DEVICES)
    ]
    DeskRepository(store).save_devices(listed, NOW - timedelta(days=3000))
    for device_id in DEVICES:
        if device_id != PENDING:
            device_approval.approve(store, device_id, now=NOW - timedelta(days=2900))


def fill(
    store: Store,
    count: int,
    rng: random.Random,
    *,
    devices: list[str] = DEVICES,
    gates: tuple[str, ...] = GATES,
    every: timedelta = timedelta(minutes=37),
    seq: int = 0,
) -> int:
    """`count` generated reports through store_page (about `gates`, one every `every`
    going back, from `devices` in turn), then their review states in bulk; returns the
    last envelope sequence number."""
    repo = DeskRepository(store)
    ids: list[str] = []
    for start in range(0, count, 5000):
        received = []
        for index in range(start, min(count, start + 5000)):
            seq += 1
            content = generated_content(rng, index)
            observed = datetime(2024, 10, 20, tzinfo=UTC) - every * index
            content = dataclasses.replace(
                content, gate=gates[index % len(gates)], observed_at=observed
            )
            record_ = Report.new(content, now=NOW).to_json()
            ids.append(str(record_["id"]))
            envelope = EnvelopeRecord(
                envelope_id=str(uuid.uuid4()),
                seq=seq,
                device_id=devices[index % len(devices)],
                kind="report",
                size=1000,
                received_at="2024-10-21T00:00:00Z",
                outcome="stored",
            )
            received.append(ReceivedReport(envelope, record_))
        repo.store_page([], received, seq, NOW)
    names = [name for name, _ in STATES]
    weights = [weight for _, weight in STATES]
    chosen = rng.choices(names, weights, k=len(ids))
    with store.transaction() as conn:
        conn.executemany(
            "UPDATE desk_reports SET state = ? WHERE id = ?", list(zip(chosen, ids, strict=True))
        )
    return seq


def measure(store: Store, per: str, extra: str = "") -> list[Result]:
    """The board, what changed in the last 14 hours, and one gate's 90-day timeline (the
    names the figures have always had, `extra` after them)."""
    gazetteer = default_gazetteer()
    newest = datetime(2024, 10, 20, tzinfo=UTC)
    board_s = median_seconds(lambda: desk_board.board(store, gazetteer), 5)
    since = newest - timedelta(hours=14)
    changes_s = median_seconds(lambda: desk_board.changes_since(store, gazetteer, since), 3)
    timeline_s = median_seconds(
        lambda: desk_board.gate_timeline(store, "laiza", newest - timedelta(90), newest), 3
    )
    return [
        result(f"board refresh, {per} desk reports{extra}", board_s, "s", LIMIT_SECONDS),
        result(f"changes since (events), {per} reports{extra}", changes_s, "s", LIMIT_SECONDS),
        result(f"gate timeline 90 days, {per} reports{extra}", timeline_s, "s", LIMIT_SECONDS),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--flood", type=int, default=0)
    args = parser.parse_args()
    per = f"{args.reports // 1000}k"
    with tempfile.TemporaryDirectory() as folder:
        store = create_store(Path(folder) / "desk", PASSPHRASE)
        desk_connection.init_desk(store, "x25519")
        started = time.perf_counter()
        decide_devices(store)
        seq = fill(store, args.reports, random.Random(5))
        device_approval.revoke(store, REVOKED, now=NOW + timedelta(hours=1))
        print(f"setup: {args.reports} reports in {time.perf_counter() - started:.1f} s")
        results = measure(store, per)
        if args.flood:
            started = time.perf_counter()
            fill(
                store,
                args.flood,
                random.Random(6),
                devices=[PENDING],
                gates=("laiza",),
                every=timedelta(days=90) / args.flood,
                seq=seq,
            )
            print(f"flood: {args.flood} reports in {time.perf_counter() - started:.1f} s")
            results += measure(store, per, f" + {args.flood // 1000}k from a pending device")
        store.close()
    record(results)


if __name__ == "__main__":
    main()
