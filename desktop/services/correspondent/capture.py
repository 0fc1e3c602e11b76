"""Use cases of the correspondent's window, run on the store worker (never the GUI thread).

Each function takes the open `Store` first, so the GUI can hand it to the worker as
`functools.partial(function, ...)`. Errors are the repositories' typed errors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.free_text import free_text_fields
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import Report
from desktop.domain.report_state import ReportState
from desktop.services.correspondent.pii import PiiFinding, scan
from desktop.store.attachments import AttachmentInfo, AttachmentRepository
from desktop.store.database import Store
from desktop.store.errors import is_damage
from desktop.store.reports import (
    ReportFilter,
    ReportRepository,
    ReportRow,
    StoredReport,
    ensure_search_index,
)
from desktop.store.settings import SettingsRepository

SEARCH_LIMIT = 100_000


@dataclass(frozen=True)
class ListQuery:
    """What the main list shows: a search text (may be blank) and filters."""

    text: str = ""
    state: ReportState | None = None
    gate: str | None = None

    @property
    def everything(self) -> bool:
        """Whether the list shows every report (no search, no filter)."""
        return not self.text.strip() and self.state is None and self.gate is None


@dataclass(frozen=True)
class Listing:
    """What the main list shows for a query: its ids in display order, and how many
    reports the store holds (the count the status bar gives beside them)."""

    ids: list[str]
    total: int


@dataclass(frozen=True)
class ReportDetail:
    """A stored revision with its photos' descriptions (not their bytes)."""

    stored: StoredReport
    photos: tuple[AttachmentInfo, ...]

    @property
    def is_draft(self) -> bool:
        """Whether the revision is a draft (edited as itself; others are corrected)."""
        return self.stored.row.state is ReportState.DRAFT


def list_ids(store: Store, gazetteer: Gazetteer, query: ListQuery) -> list[str]:
    """Ids for the main list, newest observation first."""
    reports = ReportRepository(store, gazetteer)
    where = ReportFilter(state=query.state, gate=query.gate)
    if query.text.strip():
        return reports.search(query.text, where, limit=SEARCH_LIMIT)
    return reports.ids(where)


def listing(store: Store, gazetteer: Gazetteer, query: ListQuery) -> Listing:
    """The ids `query` finds and the total. A list of every report is its own count: the
    100,000 entries of the list index are not read a second time to count them."""
    ids = list_ids(store, gazetteer, query)
    return Listing(ids, len(ids) if query.everything else count_all(store))


def fetch_rows(store: Store, ids: Sequence[str]) -> list[ReportRow]:
    return ReportRepository(store).rows(ids)


def count_all(store: Store) -> int:
    return ReportRepository(store).count()


def load_detail(store: Store, gazetteer: Gazetteer, report_id: str) -> ReportDetail:
    stored = ReportRepository(store, gazetteer).get(report_id)
    return ReportDetail(stored, tuple(AttachmentRepository(store).list(report_id)))


def save_draft(
    store: Store,
    gazetteer: Gazetteer,
    body: Mapping[str, Any],
    draft_id: str | None,
    replaces: str | None,
) -> str:
    """Create or overwrite a draft; return its id (autosave and "Save draft")."""
    return ReportRepository(store, gazetteer).save_draft(body, draft_id=draft_id, replaces=replaces)


def queue_draft(store: Store, gazetteer: Gazetteer, draft_id: str) -> Report:
    """Validate and queue a saved draft, then seal it for sending when this device is
    enrolled (`desktop.services.sync.seal_pending`; otherwise it is sealed at the first
    sync). Raises ReportValidationError, leaving it a draft."""
    report = ReportRepository(store, gazetteer).queue(draft_id)
    from desktop.services import sync  # the network layer only when a report is queued

    sync.seal_pending(store)
    return report


def delete_draft(store: Store, draft_id: str) -> None:
    ReportRepository(store).delete_draft(draft_id)


def pii_findings(body: Mapping[str, Any]) -> list[tuple[str, PiiFinding]]:
    """PII found in the free-text fields of a form body, as (field, finding) pairs."""
    return [(field, finding) for field, text in free_text_fields(body) for finding in scan(text)]


def after_unlock(store: Store, gazetteer: Gazetteer, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """What the window does once the store is open: bring the search index up to this
    version's rules (rebuilds only when they changed), then read the settings.

    On a damaged store the reindex may meet a damaged page: it is rolled back and the
    window goes on with the index as it was (the health check tells the user)."""
    try:
        ensure_search_index(store)
    except Exception as error:
        if not is_damage(error):
            raise
    return read_settings(store, defaults)


def read_settings(store: Store, keys: Mapping[str, Any]) -> dict[str, Any]:
    """The values of `keys`, each falling back to the default given for it."""
    settings = SettingsRepository(store)
    return {key: settings.get(key, default) for key, default in keys.items()}
