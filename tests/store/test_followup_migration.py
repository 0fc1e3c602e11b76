"""Schema v6 (follow-up questions): a v5 store with data upgrades and keeps every row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlcipher3 import dbapi2

from desktop.store import schema
from desktop.store.database import create_store, open_store
from desktop.store.identity import IdentityRepository
from desktop.store.migrations import user_version
from desktop.store.reports import ReportRepository
from tests.helpers.outbox import identity, queued
from tests.helpers.stores import PASSPHRASE

NEW_TABLES = {
    "device_messaging",
    "followup_questions",
    "followup_refused",
    "desk_followups",
    "desk_device_encryption_keys",
    "desk_followup_seen",
}


def _tables(conn: Any) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {r[0] for r in rows}


def test_v6_upgrades_a_v5_store_with_data_and_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "store"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:5])
    with create_store(data_dir, PASSPHRASE) as store:
        assert user_version(store.conn) == 5
        assert not NEW_TABLES & _tables(store.conn)
        report = queued(store, narrative="kept through v6")
        IdentityRepository(store).save(identity())
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO desk_envelopes (envelope_id, seq, device_id, kind, size,"
                " received_at, pulled_at, outcome, payload) VALUES ('e1', 1, 'gw-x',"
                " 'message', 10, 't', 't', 'stored', X'7b7d')"
            )
            conn.execute(
                "INSERT INTO desk_identity (id, desk_id, label) VALUES (1, 'desk-a', 'desk 1')"
            )
    monkeypatch.undo()

    with open_store(data_dir, PASSPHRASE) as store:
        assert user_version(store.conn) == len(schema.MIGRATIONS) >= 6
        assert _tables(store.conn) >= NEW_TABLES
        assert ReportRepository(store).get(report.id).body["narrative"] == "kept through v6"
        assert IdentityRepository(store).get() == identity()
        assert store.execute("SELECT kind, payload FROM desk_envelopes").fetchall() == [
            ("message", b"{}")
        ]
        for table in NEW_TABLES:
            assert store.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        # The new tables take rows and keep their rules.
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO device_messaging (id, kem, encryption_private, encryption_public,"
                " created_at) VALUES (1, 'x25519', X'00', 'pub', 't')"
            )
            conn.execute(
                "INSERT INTO followup_questions (question_id, message_id, report_id, text,"
                " asked_at, received_at) VALUES ('q1', 'm1', ?, 'why?', 't', 't')",
                (report.id,),
            )
            conn.execute(
                "INSERT INTO desk_followups (question_id, report_id, device_id, text,"
                " asked_at, message_id) VALUES ('q1', 'r1', 'gw-x', 'why?', 't', 'm1')"
            )
        with pytest.raises(dbapi2.IntegrityError):
            store.execute(
                "INSERT INTO device_messaging (id, kem, encryption_private, encryption_public,"
                " created_at) VALUES (2, 'x25519', X'00', 'pub', 't')"
            )
        with pytest.raises(dbapi2.IntegrityError):
            store.execute(
                "INSERT INTO desk_followup_seen (envelope_id, outcome, at)"
                " VALUES ('e1', 'maybe', 't')"
            )
