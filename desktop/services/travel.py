"""Travel mode: *Prepare for a checkpoint*, one action before crossing.

1. Send what can be sent (`sync.sync_once`, until the outbox is empty or the server
   cannot be reached).
2. Remove the content of every revision the newsroom has received, whatever the
   retention setting (the setting itself is not changed).
3. Seal whatever is queued and not sealed yet (needs enrolment), then drop the readable
   copy of every sealed revision still waiting (desktop/store/travel.py): it stays in
   the outbox, sealed to the newsroom's key, and goes at the next sync.

Drafts stay readable: they have not been sent anywhere, and dropping them would lose
them. So does a queued report on a computer not enrolled yet (nothing can seal it). Both
are counted before and after, so the user is told plainly what stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop.services import sync
from desktop.services.changes import Changes, Done
from desktop.services.sync import ClientFactory
from desktop.services.sync_state import SyncErrorKind
from desktop.store.database import Store
from desktop.store.reports import ReportRepository
from desktop.store.travel import Readable, forget_sealed_content, readable_counts, scrub_leftovers
from sync.client import SyncClient

__all__ = [
    "TRAVELLED",
    "Readable",
    "TravelOutcome",
    "checkpoint",
    "prepare_for_checkpoint",
    "readable_counts",
]

# Reports sent, their readable copies removed: every row of the list may read differently.
TRAVELLED = Changes(reports=True, delivery=True)


@dataclass(frozen=True)
class TravelOutcome:
    """What `prepare_for_checkpoint` did, and what stays readable (``after``)."""

    sent: int
    sync_error: SyncErrorKind | None
    sync_message: str | None
    sent_content_removed: int
    sealed_content_removed: int
    after: Readable


def prepare_for_checkpoint(
    store: Store,
    *,
    client_factory: ClientFactory = SyncClient,
    now: datetime | None = None,
) -> TravelOutcome:
    """Run the three steps of the module doc; return what happened.

    Never raises for network or server trouble (the outcome says so, and steps 2 and 3
    still run). Raises store errors only.
    """
    moment = now or datetime.now(UTC)
    sent = 0
    error: SyncErrorKind | None = None
    message: str | None = None
    while True:
        outcome = sync.sync_once(store, client_factory=client_factory, now=moment)
        sent += outcome.sent
        if outcome.error is not None:
            error, message = outcome.error, outcome.message
            break
        if not outcome.more:
            break
    reports = ReportRepository(store)
    removed = 0
    while True:
        # A cutoff past every receipt: retention 0 for everything received.
        purged = reports.purge_sent(moment + timedelta(days=1), limit=500)
        removed += len(purged)
        if len(purged) < 500:
            break
    sync.seal_pending(store, now=moment)
    sealed = forget_sealed_content(store)
    if not sealed:
        scrub_leftovers(store)  # the purge's deleted index entries too
    return TravelOutcome(
        sent=sent,
        sync_error=error,
        sync_message=message,
        sent_content_removed=removed,
        sealed_content_removed=sealed,
        after=readable_counts(store),
    )


def checkpoint(store: Store) -> Done[TravelOutcome]:
    """`prepare_for_checkpoint` as the window's command: its outcome, and what it changed."""
    return Done(prepare_for_checkpoint(store), TRAVELLED)
