"""Disk full: the store on a small tmpfs (we run as root, as CI does). Saving fails with
the store's typed error (StoreIOError, whose message the window and the CLI show) and the
store stays intact: it reopens, passes both integrity checks, keeps every earlier save,
and saves again once space is freed. Without the right to mount, a child process under
RLIMIT_FSIZE (a real EFBIG from the kernel) stands in; that variant runs always too.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report_state import ReportState
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import create_store, open_store
from desktop.store.errors import StoreIOError
from desktop.store.reports import ReportRepository
from tests.faults.canary import CanaryScan
from tests.faults.common import (
    PASSPHRASE,
    canary_photo,
    check_store_intact,
    new_canary,
    report_with_canary,
)

ROOT = Path(__file__).resolve().parents[2]
TMPFS_BYTES = 4 * 2**20


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: int) -> Iterator[Path]:
    """Mount a tmpfs of ``size`` bytes on ``folder``; skip when mounting is not allowed."""
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(
            "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): "
            f"{done.stderr.decode(errors='replace').strip()}; the RLIMIT_FSIZE test covers it"
        )
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


def fill_until_full(data_dir: Path, canary: str) -> tuple[set[str], StoreIOError]:
    """Save reports (every other one with a photo) until the disk refuses; return the ids
    saved before, and the error."""
    rng = random.Random(3)  # noqa: S311 - test data
    gazetteer = default_gazetteer()
    saved: set[str] = set()
    with create_store(data_dir, PASSPHRASE) as store:
        reports = ReportRepository(store, gazetteer)
        photos = AttachmentRepository(store)
        for index in range(10_000):
            report = report_with_canary(rng, index, canary)
            try:
                reports.add(report, state=ReportState.DRAFT)
                media_type, data, width, height = canary_photo(canary, size=150_000)
                photos.add(report.id, media_type, data, width=width, height=height)
                reports.queue(report.id)
            except StoreIOError as error:
                failure = error
                break
            saved.add(report.id)
        else:
            raise AssertionError("the disk never filled")
        # Then small reports until not even one fits.
        for index in range(10_000, 20_000):
            report = report_with_canary(rng, index, canary)
            try:
                reports.add(report)
            except StoreIOError:
                break
            saved.add(report.id)
        with contextlib.suppress(StoreIOError):  # the last checkpoint may not fit either
            store.close()
    return saved, failure


def test_disk_full_on_a_small_tmpfs_fails_clearly_and_keeps_the_store(tmp_path: Path) -> None:
    scan = CanaryScan(new_canary())
    with small_tmpfs(tmp_path / "small", TMPFS_BYTES) as mount:
        data_dir = mount / "store"
        saved, error = fill_until_full(data_dir, scan.canary)
        assert len(saved) >= 3
        assert "disk may be full" in error.user_message
        assert isinstance(error.__cause__, Exception)  # the SQLite error, kept for support
        # Intact on the full disk: it opens, checks out, and holds every save.
        present = check_store_intact(data_dir)
        assert saved <= present
        # Saving again still fails cleanly, and changes nothing.
        rng = random.Random(4)  # noqa: S311 - test data
        with open_store(data_dir, PASSPHRASE) as store:
            reports = ReportRepository(store, default_gazetteer())

            def save_more() -> None:
                for index in range(100):
                    reports.add(report_with_canary(rng, 50_000 + index, scan.canary))

            with pytest.raises(StoreIOError):
                save_more()
        assert saved <= check_store_intact(data_dir)
        # The disk grows (the user frees space): saving works again, nothing was lost.
        subprocess.run(["mount", "-o", f"remount,size={2 * TMPFS_BYTES}", str(mount)], check=True)
        late = report_with_canary(rng, 99_999, scan.canary)
        with open_store(data_dir, PASSPHRASE) as store:
            ReportRepository(store, default_gazetteer()).add(late)
        assert saved | {late.id} <= check_store_intact(data_dir)
        scan.add(mount)
        scan.assert_clean()


def test_cli_says_the_disk_is_full_and_exits_1(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "small", TMPFS_BYTES) as mount:
        data_dir = mount / "store"
        saved, _ = fill_until_full(data_dir, new_canary())
        report = report_with_canary(random.Random(1), 77_777, new_canary())  # noqa: S311
        body = report.content.to_json()
        cli = "import sys; from desktop.cli import main; sys.exit(main())"
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                cli,
                "--data-dir",
                str(data_dir),
                "report",
                "add",
                "--json",
                "-",
            ],
            input=json.dumps(body).encode(),
            capture_output=True,
            env={**os.environ, "GATEWATCH_PASSPHRASE": PASSPHRASE},
            cwd=ROOT,
            timeout=60,
            check=False,
        )
        message = done.stderr.decode()
        assert done.returncode == 1, message
        assert "disk may be full" in message
        assert len(message.strip().splitlines()) == 1
        assert "Traceback" not in message
        assert saved <= check_store_intact(data_dir)


RLIMIT_CHILD = """
import random, resource, signal, sys
from pathlib import Path
from desktop.store.database import create_store
from desktop.store.errors import StoreIOError
from desktop.store.reports import ReportRepository
from tests.faults.common import PASSPHRASE, report_with_canary

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
data_dir, canary, limit = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
store = create_store(data_dir, PASSPHRASE)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
reports = ReportRepository(store)
rng = random.Random(5)
for index in range(100_000):
    report = report_with_canary(rng, index, canary)
    try:
        reports.add(report)
    except StoreIOError as error:
        print("error", type(error).__name__, error.user_message, flush=True)
        break
    print("saved", report.id, flush=True)
"""


def test_file_size_limit_fails_clearly_and_keeps_the_store(tmp_path: Path) -> None:
    scan = CanaryScan(new_canary())
    data_dir = tmp_path / "store"
    done = subprocess.run(
        [sys.executable, "-c", RLIMIT_CHILD, str(data_dir), scan.canary, str(2_000_000)],
        capture_output=True,
        cwd=ROOT,
        timeout=100,
        check=False,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0)),
    )
    lines = done.stdout.decode().splitlines()
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    saved = {line.split()[1] for line in lines if line.startswith("saved ")}
    assert lines[-1].startswith("error StoreIOError "), lines[-3:]
    assert "disk may be full" in lines[-1]
    assert len(saved) >= 10, len(saved)
    assert saved <= check_store_intact(data_dir)
    scan.add(data_dir)
    scan.assert_clean()
