"""The audit log forgets: refusals are counts, rows and counts go after their retention
(on the server's schedule, or at once with ``gatewatch-server audit --prune DAYS``), and the
rate limiter holds a bounded number of buckets."""

from __future__ import annotations

import io
import time
from datetime import timedelta
from pathlib import Path

import pytest

from sync.envelope import NewsroomKeyPair
from sync.server import cli
from sync.server.audit import minute_of
from sync.server.config import ServerConfig
from sync.server.ratelimit import RateLimiter
from sync.server.store import ServerStore, timestamp, utc_now
from sync.server.testing import init_server, running_server

pytestmark = pytest.mark.usefixtures("server_backend")


def _age_rows(data_dir: Path, *ages: int) -> None:
    """One audit row and one count row from each of ``ages`` days ago."""
    with ServerStore.open(data_dir) as store, store.db.transaction() as conn:
        for moment in (utc_now() - timedelta(days=days) for days in ages):
            conn.execute(
                "INSERT INTO audit (at, token_kind, token_id, method, route, status, "
                "request_bytes, response_bytes) VALUES (?, 'desk', '1', 'GET', "
                "'/v1/health', 200, 0, 10)",
                (timestamp(moment),),
            )
            conn.execute(
                "INSERT INTO audit_counts VALUES (?, 'anonymous', 'GET', '/v1/health', 401,"
                " 5, 0, 50)",
                (minute_of(moment),),
            )


def _audit(data_dir: Path) -> tuple[list[str], list[str]]:
    with ServerStore.open(data_dir) as store:
        log = store.audit
        return [r["at"] for r in log.rows()], [c["minute"] for c in log.counts()]


def test_audit_prune_deletes_rows_and_counts_older_than_the_days_given(
    tmp_path: Path, server_newsroom: NewsroomKeyPair
) -> None:
    init_server(tmp_path, server_newsroom.public_key)
    _age_rows(tmp_path, 40, 0)
    out = io.StringIO()
    assert cli.main(["--data-dir", str(tmp_path), "audit", "--prune", "30"], out=out) == 0
    assert "Deleted 2 audit rows" in out.getvalue()
    rows, counts = _audit(tmp_path)
    assert len(rows) == 1
    assert len(counts) == 1
    assert cli.main(["--data-dir", str(tmp_path), "audit", "--prune", "0"], out=out) == 2


def test_the_server_applies_the_audit_retention_on_its_schedule(
    tmp_path: Path, server_newsroom: NewsroomKeyPair
) -> None:
    init_server(tmp_path, server_newsroom.public_key)
    _age_rows(tmp_path, 31, 20, 0)  # the first is past the default 30 days
    with ServerStore.open(tmp_path) as store:
        assert store.retention.policy().audit_days == 30
    with running_server(tmp_path, config=ServerConfig(sweep_seconds=0.05)):
        deadline = time.monotonic() + 10
        while len(_audit(tmp_path)[0]) != 2 and time.monotonic() < deadline:
            time.sleep(0.02)
    rows, counts = _audit(tmp_path)
    assert len(rows) == 2
    assert len(counts) == 2

    out = io.StringIO()
    args = ["--data-dir", str(tmp_path), "retention", "--audit-days", "10"]
    assert cli.main(args, out=out) == 0
    assert "audit_days: 10" in out.getvalue()
    with running_server(tmp_path, config=ServerConfig(sweep_seconds=0.05)):
        deadline = time.monotonic() + 10
        while len(_audit(tmp_path)[0]) != 1 and time.monotonic() < deadline:
            time.sleep(0.02)
    rows, counts = _audit(tmp_path)
    assert len(rows) == 1
    assert len(counts) == 1


def test_the_rate_limiter_holds_a_bounded_number_of_buckets() -> None:
    now = [0.0]
    limiter = RateLimiter(burst=2, rate=1, clock=lambda: now[0], max_keys=100)
    assert limiter.take("held") == 0.0
    assert limiter.take("held") == 0.0
    assert limiter.take("held") > 0  # empty
    for i in range(10_000):
        limiter.take(f"device:{i}")
        assert len(limiter) <= 100
    now[0] = 100.0  # every bucket has refilled: they go first, not the recent ones
    for i in range(50):
        limiter.take(f"desk:{i}")
    assert limiter.take("desk:0") == 0.0
    assert limiter.take("desk:0") > 0
    assert len(limiter) <= 100
