"""Stores filled and damaged the way the tests need them."""

import random
from pathlib import Path

from bench.common import generated_content
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report
from desktop.domain.report_state import ReportState
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import Store
from desktop.store.reports import ReportRepository

PASSPHRASE = "a long test passphrase"  # a test store's
PAGE = 4096


def fill(store: Store, count: int = 300) -> list[str]:
    rng = random.Random(7)  # noqa: S311 (varied test reports, not a secret)
    reports = [Report.new(generated_content(rng, i)) for i in range(count)]
    repository = ReportRepository(store, default_gazetteer())
    repository.add_many(reports[1:])
    repository.add(reports[0], state=ReportState.DRAFT)  # photos are added to drafts
    AttachmentRepository(store).add(reports[0].id, "image/png", b"\x89PNG fake", width=1, height=1)
    return [r.id for r in reports]


def damage(db_path: Path, offset: int = 0, *, after: int = 0) -> None:
    """Zero 32 bytes in every 8th page of the second half (from `offset` on), as bad
    sectors would. Pages before `after` stay whole: a new store's pages hold the schema,
    whose last page may fall in the second half of a small store, and a store whose schema
    cannot be read does not open at all."""
    pages = db_path.stat().st_size // PAGE
    with open(db_path, "r+b") as f:
        for page in range(max(pages // 2, after) + offset, pages, 8):
            f.seek(PAGE * page + 100)
            f.write(bytes(32))


def wiped(data_dir: Path) -> bool:
    """Whether a store's folder is gone or empty. A wipe in progress may remove the folder
    between a look at whether it exists and a look inside, so there is one look."""
    try:
        return not any(data_dir.iterdir())
    except FileNotFoundError:
        return True
