"""Schema v10: a store written by an older version gets both full-text indexes rebuilt with
the token rules, and its old rows are found by them."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.store import schema
from desktop.store.database import create_store, open_store
from desktop.store.desk.core import DeskKey, DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.desk.review import InboxFilter, ReviewRepository
from desktop.store.migrations import user_version
from desktop.store.reports import ReportRepository, ensure_search_index
from desktop.store.settings import SettingsRepository
from sync.envelope import NewsroomKeyPair
from tests.helpers.stores import PASSPHRASE

NOW = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)


def content(gate: str, narrative: str) -> ReportContent:
    return ReportContent.from_json(
        {
            "observed_at": "2026-11-20T05:00:00Z",
            "china_side": "closed",
            "myanmar_side": "open",
            "how_known": "witnessed",
            "gate": gate,
            "narrative": narrative,
        }
    )


def test_v10_rebuilds_both_indexes_of_an_older_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "old"
    closed = Report.new(content("lweje", "章鳳口岸關閉，貨車無法通行。"), now=NOW)
    laiza = Report.new(content("laiza", "Barbed wire near the bridge."), now=NOW)
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:9])
    with create_store(data_dir, PASSPHRASE) as old:
        pair = NewsroomKeyPair.generate("x25519")  # a desk set up as versions 5 to 9 did
        public = pair.public_key.to_text()
        DeskRepository(old).save_key(
            DeskKey(pair.fingerprint, pair.kem, pair.private_bytes(), public, NOW)
        )
        ReportRepository(old).add_many([closed, laiza])
        for seq, report in enumerate((closed, laiza), start=1):
            envelope = EnvelopeRecord(
                str(uuid.uuid4()), seq, "gw-" + "1" * 20, "report", 1, "x", "stored"
            )
            DeskRepository(old).store_page(
                [], [ReceivedReport(envelope, report.to_json())], seq, NOW
            )
        # What versions 5 to 9 held: trigram indexes of the raw texts, the gate's names with them.
        old.execute("INSERT INTO reports_fts (reports_fts) VALUES ('delete-all')")
        old.execute("DELETE FROM desk_reports_fts")
        for seq, report in enumerate((closed, laiza), start=1):
            text = "\n".join([report.content.narrative, report.content.gate or ""])
            old.execute("INSERT INTO reports_fts (rowid, text) VALUES (?, ?)", (seq, text))
            old.execute(
                "INSERT INTO desk_reports_fts (report_id, text) VALUES (?, ?)",
                (report.id, report.content.narrative),
            )
        for table, extra in (
            ("followup_questions", "'m1', ?, 'x'"),
            ("desk_followups", "?, 'gw', 'm2'"),
        ):
            columns = (
                "question_id, message_id, report_id, received_at"
                if table == "followup_questions"
                else "question_id, report_id, device_id, message_id"
            )
            old.execute(
                f"INSERT INTO {table} ({columns}, text, asked_at, answered_at, answer_text)"
                f" VALUES ('q-{table}', {extra}, 'Where?', 'x', 'x', '在桥边 by the bridge')",
                (laiza.id,),
            )
        SettingsRepository(old).set("search.gazetteer_version", "old")
        assert user_version(old.conn) == 9
    monkeypatch.undo()

    with open_store(data_dir, PASSPHRASE) as upgraded:
        assert user_version(upgraded.conn) == len(schema.MIGRATIONS) >= 14
        sql = upgraded.execute(
            "SELECT group_concat(sql, ' ') FROM sqlite_master"
            " WHERE name IN ('reports_fts', 'desk_reports_fts')"
        ).fetchone()[0]
        assert "trigram" not in sql
        assert sql.count("unicode61") == 2
        settings = SettingsRepository(upgraded)
        assert settings.get("search.gazetteer_version") is None
        assert not ensure_search_index(upgraded)  # v10 recorded the rules it indexed with
        gazetteer = default_gazetteer()
        reports = ReportRepository(upgraded, gazetteer)
        reviews = ReviewRepository(upgraded, gazetteer.named)
        for query, expected in (
            ("关闭", [closed.id]),  # Simplified finds the Traditional text
            ("货车", [closed.id]),
            ("barb", [laiza.id]),
            ("ai", []),  # the letters inside "laiza" are no longer indexed
            ("za", []),
            ("Nabang", [laiza.id]),  # the crossing, through the gazetteer
            ("桥边", [laiza.id]),  # an answer about the report
        ):
            assert reports.search(query) == expected, query
            assert reviews.inbox_ids(InboxFilter(text=query)) == expected, query
        stored = json.loads(
            upgraded.execute("SELECT body FROM reports WHERE id = ?", (closed.id,)).fetchone()[0]
        )
        assert stored["narrative"] == "章鳳口岸關閉，貨車無法通行。"  # the text itself unchanged
