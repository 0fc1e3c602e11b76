"""The child of the crash campaign: saves reports and syncs until it is killed.

Run by tests/faults/test_crash.py as ``python -m tests.faults.crash_child DATA_DIR CANARY
SEED`` with the passphrase in ``GATEWATCH_PASSPHRASE``. It opens the (enrolled) store,
prints ``ready``, then loops: store one queued report (every fourth with a photo, through
a draft as the window does), print ``saved <id>`` only after the commit returned — an
acknowledged save — and every few saves run one sync pass (``synced <n>``). It never
stops by itself: the parent kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.correspondent import capture
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import open_store
from desktop.store.reports import ReportRepository
from tests.e2e.conftest import fast_client
from tests.faults.common import canary_photo, report_with_canary


def main() -> None:
    data_dir, canary, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)  # noqa: S311 - reproducible load, not secrets
    gazetteer = default_gazetteer()
    store = open_store(data_dir, os.environ["GATEWATCH_PASSPHRASE"])
    reports = ReportRepository(store, gazetteer)
    photos = AttachmentRepository(store)
    print("ready", flush=True)
    index = (seed % 1000) * 1000  # ids differ per run; times stay in range
    sync_every = rng.randint(2, 6)
    while True:
        index += 1
        report = report_with_canary(rng, index, canary)
        if index % 4 == 0:
            reports.add(report, state=ReportState.DRAFT)
            media_type, data, width, height = canary_photo(canary)
            photos.add(report.id, media_type, data, width=width, height=height)
            capture.queue_draft(store, gazetteer, report.id)
        else:
            reports.add(report)
        print(f"saved {report.id}", flush=True)
        if index % sync_every == 0:
            outcome = sync.sync_once(store, client_factory=fast_client, max_reports=20)
            print(f"synced {outcome.sent}", flush=True)


if __name__ == "__main__":
    main()
