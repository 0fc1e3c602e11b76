"""Board benchmark: derive the gate status board from a desk store of N reports.

Run: ``.venv/bin/python -m bench.board_bench [--reports 100000]``. Limit: 0.5 s for the
board (`desktop.services.desk.board.board`) at 100,000 reports; "what changed since"
(every status event in 14 hours) and one gate's 90-day timeline are printed besides.

Setup (not timed): a desk store with its newsroom key; N generated reports (six gates, a
report every 37 minutes going back, so about 6 years) stored through the real page path
(`DeskRepository.store_page`, 5,000 a transaction: rows, full-text index); then review
states set in bulk straight in ``desk_reports`` (the board reads only the state column):
most verified, some new, needing follow-up, rejected or published.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import generated_content, median_seconds, record, result
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report
from desktop.services.desk import board as desk_board
from desktop.services.desk import connection as desk_connection
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport

PASSPHRASE = "benchmark passphrase, not a secret"
LIMIT_SECONDS = 0.5
STATES = (
    ("verified", 0.55),
    ("new", 0.2),
    ("needs_follow_up", 0.1),
    ("rejected", 0.1),
    ("published", 0.05),
)


def fill(store: Store, count: int, rng: random.Random) -> None:
    """`count` generated reports through store_page, then their review states in bulk."""
    repo = DeskRepository(store)
    now = datetime(2024, 10, 21, tzinfo=UTC)
    seq = 0
    for start in range(0, count, 5000):
        received = []
        for index in range(start, min(count, start + 5000)):
            seq += 1
            record_ = Report.new(generated_content(rng, index), now=now).to_json()
            envelope = EnvelopeRecord(
                envelope_id=str(uuid.uuid4()),
                seq=seq,
                device_id=f"gw-{index % 23:020d}",
                kind="report",
                size=1000,
                received_at="2024-10-21T00:00:00Z",
                outcome="stored",
            )
            received.append(ReceivedReport(envelope, record_))
        repo.store_page([], received, seq, now)
    ids = [row[0] for row in store.conn.execute("SELECT id FROM desk_reports")]
    names = [name for name, _ in STATES]
    weights = [weight for _, weight in STATES]
    chosen = rng.choices(names, weights, k=len(ids))
    with store.transaction() as conn:
        conn.executemany(
            "UPDATE desk_reports SET state = ? WHERE id = ?", list(zip(chosen, ids, strict=True))
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=100_000)
    args = parser.parse_args()
    gazetteer = default_gazetteer()
    with tempfile.TemporaryDirectory() as folder:
        store = create_store(Path(folder) / "desk", PASSPHRASE)
        desk_connection.init_desk(store, "x25519")
        started = time.perf_counter()
        fill(store, args.reports, random.Random(5))
        print(f"setup: {args.reports} reports in {time.perf_counter() - started:.1f} s")
        newest = datetime(2024, 10, 20, tzinfo=UTC)
        board_s = median_seconds(lambda: desk_board.board(store, gazetteer), 5)
        since = newest - timedelta(hours=14)
        changes_s = median_seconds(lambda: desk_board.changes_since(store, gazetteer, since), 3)
        timeline_s = median_seconds(
            lambda: desk_board.gate_timeline(store, "laiza", newest - timedelta(90), newest), 3
        )
        store.close()
    per = f"{args.reports // 1000}k"
    record(
        [
            result(f"board refresh, {per} desk reports", board_s, "s", LIMIT_SECONDS),
            result(f"changes since (events), {per} reports", changes_s, "s", LIMIT_SECONDS),
            result(f"gate timeline 90 days, {per} reports", timeline_s, "s", LIMIT_SECONDS),
        ]
    )


if __name__ == "__main__":
    main()
