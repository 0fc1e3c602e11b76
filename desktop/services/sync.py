"""The correspondent's sync: enrol once, seal queued reports, send the outbox, purge.

Sealing is sealing.py's, enrolment enrolment.py's, a pass's sending and its receipts
sync_run.py's, the client's seam sync_client.py's; this module runs a sync, keeps its status
and the retention, and every name below is importable from here.

**API for the GUI.** Every function here is synchronous, takes the open `Store` first and
runs on the store worker (`desktop.ui.worker`): hand it over as
``functools.partial(sync.sync_once, progress=...)``. None of them touches Qt. Network time
is bounded by the client's timeouts (connect 10 s, read 60 s, at most 5 min per request with
retries) and each call's work by its limits (`sync_once` handles at most ``max_reports``
revisions; call it again while ``outcome.more``):

- `sync_status(store) -> SyncStatus` — enrolled?, waiting count, last error, last success
  (for the status bar; cheap, no network).
- `sync_once(store, *, client_factory=SyncClient, now=None, progress=None,
  max_reports=100) -> SyncOutcome` — seal, send, store receipts, purge. Never raises for
  network or server trouble: the outcome's ``error`` (a `SyncErrorKind`) and ``message``
  (plain words saying what to do) say what happened. Raises only store errors
  (StoreIOError, StoreBusyError) and programming errors.
- `enroll(store, server_url, invite_text, label=None, proxy=None, *, client_factory=SyncClient)
  -> DeviceIdentity` — raises `EnrollmentError` (bad invite, fingerprint mismatch, already
  enrolled) or a `sync.client.SyncError` (offline, invite expired or used…); both have a
  user-facing ``str()``.
- `seal_pending(store, *, now=None, limit=1000) -> int`,
  `purge_expired(store, *, now=None) -> int`,
  `retention_days(store) -> int`, `set_retention_days(store, days)`,
  `set_proxy(store, proxy)`.

``progress`` is called on the worker thread with a `SyncProgress` after each batch the
server confirmed; emit a Qt signal from it (it must not touch widgets).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from desktop.services.enrolment import EnrollmentError, enroll, set_proxy
from desktop.services.photo_chunks import CHUNK_SIZE
from desktop.services.sealing import seal_pending
from desktop.services.sync_client import ClientFactory, SyncClientLike
from desktop.services.sync_client import kind_of as _kind_of
from desktop.services.sync_run import SyncRun
from desktop.services.sync_state import SyncErrorKind, SyncOutcome, SyncProgress, SyncStatus
from desktop.store.database import Store
from desktop.store.identity import AlreadyEnrolledError, IdentityRepository
from desktop.store.outbox import OutboxRepository
from desktop.store.reports import ReportRepository
from desktop.store.settings import SettingsRepository
from sync.client import ClientConfig, SyncClient, SyncError

# Re-exported from the modules this one was split into, for code that imports them from
# here (`_kind_of` is sync_client.kind_of).
__all__ = [
    "CHUNK_SIZE",
    "DEFAULT_RETENTION_DAYS",
    "RETENTION_SETTING",
    "AlreadyEnrolledError",
    "ClientFactory",
    "EnrollmentError",
    "SyncClientLike",
    "SyncErrorKind",
    "SyncOutcome",
    "SyncProgress",
    "SyncStatus",
    "_kind_of",
    "enroll",
    "purge_expired",
    "retention_days",
    "seal_pending",
    "set_proxy",
    "set_retention_days",
    "sync_once",
    "sync_status",
]

RETENTION_SETTING = "sync.retention_days"
DEFAULT_RETENTION_DAYS = 7
MAX_RETENTION_DAYS = 3650
LAST_SUCCESS_SETTING = "sync.last_success_at"
PLAN_BYTES = 64 * 1024 * 1024
"""Envelope bytes one `sync_once` holds in memory at most (one larger revision still goes)."""

# -- status and settings -------------------------------------------------------------------


def sync_status(store: Store) -> SyncStatus:
    """The enrolment and outbox state; cheap enough to call after every job."""
    identity = IdentityRepository(store).get()
    outbox = OutboxRepository(store).status()
    last = SettingsRepository(store).get(LAST_SUCCESS_SETTING)
    return SyncStatus(
        enrolled=identity is not None,
        device_id=None if identity is None else identity.device_id,
        server_url=None if identity is None else identity.server_url,
        waiting=outbox.waiting,
        last_error=outbox.last_error,
        last_success_at=_parse_time(last) if isinstance(last, str) else None,
    )


def retention_days(store: Store) -> int:
    """Days a sent report keeps its content on this device (setting, default 7; 0 =
    purged right after its receipt). A stored value out of range counts as the default."""
    value = SettingsRepository(store).get(RETENTION_SETTING, DEFAULT_RETENTION_DAYS)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_RETENTION_DAYS:
        return value
    return DEFAULT_RETENTION_DAYS


def set_retention_days(store: Store, days: int) -> None:
    """Store the retention. Raises ValueError outside 0 … 3650."""
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_RETENTION_DAYS:
        raise ValueError(f"retention is 0 to {MAX_RETENTION_DAYS} days")
    SettingsRepository(store).set(RETENTION_SETTING, days)


# -- sending ------------------------------------------------------------------------------


def sync_once(
    store: Store,
    *,
    client_factory: ClientFactory = SyncClient,
    now: datetime | None = None,
    progress: Callable[[SyncProgress], None] | None = None,
    max_reports: int = 100,
) -> SyncOutcome:
    """Seal what is unsealed, send up to ``max_reports`` waiting revisions (and at most
    about 64 MiB of envelopes: `PLAN_BYTES`), purge.

    For each revision, oldest queued first: its photo chunks first — the server is asked
    which it lacks (`missing`), only those are sent, the others count as confirmed — then
    the report envelope, once every chunk is confirmed. Uploads go in requests of about
    2 MiB; after each one its receipts are stored at once, each receipt with the report's
    move to "sent" in one transaction. So a cut connection, a crash or a killed app loses
    at most the receipts of one request, and resending those returns the same receipts:
    nothing is lost, nothing is doubled. A receipt that does not match what was sent is not
    stored (the revision waits).

    Then sent revisions past the retention are purged (`purge_expired`), even offline.
    Network and server trouble never raises: it ends the call with ``error`` set; the
    revisions tried keep their attempt count and error code. Raises store errors only.
    """
    moment = now or datetime.now(UTC)
    outbox = OutboxRepository(store)
    identity = IdentityRepository(store).get()
    if identity is None:
        return SyncOutcome(
            sent=0,
            remaining=outbox.pending_count(),
            purged=purge_expired(store, now=moment),
            error=SyncErrorKind.NOT_ENROLLED,
            message="This computer is not enrolled with a newsroom server yet: enrol it "
            "with the invite from the newsroom admin. Reports stay queued here.",
        )
    seal_pending(store, now=moment)
    plan = outbox.pending(max_reports=max_reports, max_bytes=PLAN_BYTES)
    run = SyncRun(store, outbox, plan, moment, progress)
    if plan:
        try:
            client = client_factory(
                ClientConfig(
                    base_url=identity.server_url,
                    token=identity.token,
                    tls_fingerprint=identity.tls_fingerprint,
                    proxy=identity.proxy,
                )
            )
        except SyncError as refusal:
            run.fail(refusal)
        else:
            try:
                run.send(client)
            except SyncError as failure:
                run.fail(failure)
            finally:
                client.close()
    purged = purge_expired(store, now=moment)
    remaining = outbox.pending_count()
    if run.error is None and not run.refused:
        SettingsRepository(store).set(LAST_SUCCESS_SETTING, _format_time(moment))
    error, message = run.error, run.message
    if error is None and run.refused:
        error = SyncErrorKind.REFUSED
        count = len({report_id for report_id, _ in run.refused})
        reasons = ", ".join(sorted({reason for _, reason in run.refused}))
        message = (
            f"The server refused {count} report(s) ({reasons}). They stay queued on this "
            "computer; tell your editor."
        )
    return SyncOutcome(
        sent=run.sent,
        remaining=remaining,
        purged=purged,
        more=error is None and remaining > 0,
        error=error,
        message=message,
        refused=tuple(run.refused),
    )


# -- retention ----------------------------------------------------------------------------


def purge_expired(store: Store, *, now: datetime | None = None) -> int:
    """Purge sent revisions whose receipt is older than the retention; return how many.

    Each keeps a stub (id, gate, observed time, state "purged"); its text, search-index
    row, photos and sealed envelopes are deleted (`ReportRepository.purge_sent`). With a
    retention of 0 days every sent revision is purged. Raises only store errors.
    """
    moment = now or datetime.now(UTC)
    cutoff = moment - timedelta(days=retention_days(store))
    reports = ReportRepository(store)
    total = 0
    while True:
        purged = reports.purge_sent(cutoff, limit=500)
        total += len(purged)
        if len(purged) < 500:
            return total


def _format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _parse_time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except ValueError:
        return None
