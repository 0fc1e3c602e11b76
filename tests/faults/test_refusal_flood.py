"""Refusals cost the server nothing lasting.

10,000 requests without a valid token (none, or a well-formed token nobody holds) on
keep-alive connections from four threads of another process (flood_child.py): each is
refused (401, or 429 once the anonymous bucket is empty) and counted in memory; the
database grows by the counts only, while an enrolled device syncs its reports as if
nothing happened. (No desk pulls here: its acknowledgement would free the envelopes' pages
for the counts to reuse, and hide growth.)
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.correspondent import capture
from desktop.services.correspondent.demo import demo_reports
from desktop.services.desk import connection as desk_connection
from desktop.store.database import create_store
from desktop.store.reports import ReportRepository
from sync.client import ClientConfig, SyncClient
from sync.server.config import ServerConfig
from sync.server.store import DB_NAME, ServerStore
from sync.server.testing import init_server, running_server
from tests.e2e.conftest import fast_client, make_invite
from tests.faults.common import PASSPHRASE

FLOOD = 10_000
THREADS = 4
GROWTH_LIMIT = 64 * 1024


def patient_client(config: ClientConfig) -> SyncClient:
    """The real client with its real timeouts (the test's server shares this process)."""
    return SyncClient(dataclasses.replace(config, backoff_base=0.05))


def _files_size(folder: Path) -> int:
    """The database and its WAL (the -shm index holds no rows and goes at close)."""
    files = (folder / DB_NAME, folder / f"{DB_NAME}-wal")
    return sum(p.stat().st_size for p in files if p.exists())


def test_ten_thousand_refusals_leave_the_database_as_it_was_while_a_device_syncs(
    tmp_path: Path,
) -> None:
    config = ServerConfig()  # the real rate limit: the flood meets 401s and 429s
    desk_store = create_store(tmp_path / "desk", PASSPHRASE)
    corr = create_store(tmp_path / "corr", PASSPHRASE)
    server_dir = tmp_path / "server"
    try:
        init_server(server_dir, desk_connection.init_desk(desk_store, "x25519"))
        with running_server(server_dir, config=config) as url:
            sync.enroll(corr, url, make_invite(server_dir), client_factory=fast_client)
            reports = [report for report, _ in demo_reports("en")][:20]
            for report in reports:
                ReportRepository(corr).add(report, state=ReportState.DRAFT)
                capture.queue_draft(corr, default_gazetteer(), report.id)
            with ServerStore.open(server_dir) as admin:
                _, token = admin.tokens.create_desk_token("desk")
            desk_connection.connect(desk_store, url, token, client_factory=fast_client)
            with ServerStore.open(server_dir) as admin, admin.db.reading() as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # WAL into the file
            before = _files_size(server_dir)
            flood = subprocess.Popen(
                [sys.executable, "-m", "tests.faults.flood_child", url, str(FLOOD), str(THREADS)],
                stdout=subprocess.PIPE,
                text=True,
            )
            try:
                assert flood.stdout is not None
                assert flood.stdout.readline().strip() == "started"
                # The device syncs while the flood is on.
                for _ in range(10):
                    if sync.sync_once(corr, client_factory=patient_client).done:
                        break
                flood_running = flood.poll() is None
                out, _ = flood.communicate(timeout=600)
            finally:
                if flood.poll() is None:
                    flood.kill()
                    flood.wait()
            stats_during = _stats(server_dir)
        after = _files_size(server_dir)

        statuses = json.loads(out)
        assert sum(statuses.values()) == FLOOD
        assert set(statuses) <= {"401", "429"}, statuses
        assert flood_running  # the sync ran under the flood, not after it
        assert stats_during["envelopes_stored"] == len(reports)
        assert all(ReportRepository(corr).get(r.id).row.state is ReportState.SENT for r in reports)
        with ServerStore.open(server_dir) as admin:
            counts = admin.audit.counts(100_000)
            rows = admin.audit.rows(100_000)
        # Every refusal is counted, in a handful of rows; none has a row of its own.
        assert sum(c["count"] for c in counts if c["token_kind"] == "anonymous") == FLOOD
        assert len(counts) < 100
        assert not any(r["token_kind"] == "anonymous" for r in rows)
        # Growth beyond the envelopes the device stored is the counts and the device's own
        # audit rows: under 64 KiB.
        grown = after - before - stats_during["envelope_bytes"]
        assert grown < GROWTH_LIMIT, grown
    finally:
        corr.close()
        desk_store.close()


def _stats(server_dir: Path) -> dict[str, int]:
    with ServerStore.open(server_dir) as admin:
        return admin.stats()
