"""Schema v8: a v7 desk store's reports get their board aspects (what the board asks to
find old verified reports) exactly as a report stored at v8 gets them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.desk.board_report import board_values
from desktop.services.desk import connection as desk_connection
from desktop.store import schema
from desktop.store.database import create_store, open_store
from desktop.store.migrations import user_version
from tests.helpers.desk_story import mai_ja_yang_story
from tests.helpers.stores import PASSPHRASE


def test_v8_fills_the_board_aspects_of_a_v7_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with create_store(tmp_path / "fresh", PASSPHRASE) as fresh:
        desk_connection.init_desk(fresh, "x25519", now=datetime(2024, 12, 13, tzinfo=UTC))
        mai_ja_yang_story(fresh)
        records = [json.loads(r[0]) for r in fresh.conn.execute("SELECT record FROM desk_reports")]
        want = sorted(
            (row[0], row[1], row[2], row[3])
            for row in fresh.conn.execute(
                "SELECT report_id, gate, aspect, observed_at FROM desk_report_aspects"
            )
        )
    assert want == sorted(
        (r["id"], r["gate"], aspect, r["observed_at"])
        for r in records
        for aspect in board_values(r)
    )
    assert len(want) >= 8

    data_dir = tmp_path / "old"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:7])
    with create_store(data_dir, PASSPHRASE) as store:
        assert user_version(store.conn) == 7
        with store.transaction() as conn:
            for seq, record in enumerate(records, 1):
                conn.execute(
                    "INSERT INTO desk_envelopes (envelope_id, seq, device_id, kind, size,"
                    " received_at, pulled_at, outcome) VALUES (?, ?, 'gw-x', 'report', 10,"
                    " 't', 't', 'stored')",
                    (f"e{seq}", seq),
                )
                conn.execute(
                    "INSERT INTO desk_reports (id, envelope_id, device_id, lineage_id, revision,"
                    " gate, observed_at, received_at, record) VALUES (?, ?, 'gw-x', ?, ?, ?, ?,"
                    " 't', ?)",
                    (
                        record["id"],
                        f"e{seq}",
                        record["lineage_id"],
                        record["revision"],
                        record["gate"],
                        record["observed_at"],
                        json.dumps(record),
                    ),
                )
    monkeypatch.undo()
    with open_store(data_dir, PASSPHRASE) as store:
        assert user_version(store.conn) == len(schema.MIGRATIONS) >= 8
        got = sorted(
            (row[0], row[1], row[2], row[3])
            for row in store.conn.execute(
                "SELECT report_id, gate, aspect, observed_at FROM desk_report_aspects"
            )
        )
    assert got == want
