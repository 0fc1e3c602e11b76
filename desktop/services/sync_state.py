"""What a sync reports — its outcome, progress and the status bar's state — with nothing
of the network layer: the window imports these at start, before requests and the client
are needed (`desktop.services.sync` re-exports them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.services.changes import Changes


class SyncErrorKind(StrEnum):
    """Why a sync did not empty the outbox; the GUI picks its words and action from it."""

    NOT_ENROLLED = "not_enrolled"  # enrol first (an invite from the newsroom admin)
    OFFLINE = "offline"  # no connection, server or proxy down: try later, nothing lost
    OVERLOADED = "overloaded"  # the server refused for want of capacity (busy or attacked)
    UNAUTHORIZED = "unauthorized"  # the server does not know the token: new invite
    REVOKED = "revoked"  # the newsroom revoked this device: contact the editor
    PIN_MISMATCH = "pin_mismatch"  # the certificate is not the pinned one: stop, tell editor
    REFUSED = "refused"  # the server refused a request or some envelopes
    FAILED = "failed"  # anything else (a bad reply, a bad setting)


@dataclass(frozen=True)
class SyncProgress:
    """Where a running `sync_once` stands: envelopes and bytes confirmed of those planned
    in this call, and report revisions sent of those planned."""

    envelopes_done: int
    envelopes_total: int
    bytes_done: int
    bytes_total: int
    reports_done: int
    reports_total: int


@dataclass(frozen=True)
class SyncOutcome:
    """What one `sync_once` did.

    ``sent``: revisions whose receipt this call stored (now "sent"); ``remaining``:
    revisions still waiting afterwards; ``more``: True when this call stopped at its limit
    with nothing wrong (call again); ``purged``: revisions purged by retention;
    ``error``/``message``: why the outbox is not empty, in a code and in plain words;
    ``refused``: (report id, server's reason code) of revisions the server refused;
    ``opened``: reports a desk newly signed it holds (read after the sync, by the
    follow-up step: `desktop.services.opened`).
    """

    sent: int
    remaining: int
    purged: int = 0
    more: bool = False
    error: SyncErrorKind | None = None
    message: str | None = None
    refused: tuple[tuple[str, str], ...] = ()
    opened: int = 0

    @property
    def done(self) -> bool:
        """True when nothing waits to be sent and nothing went wrong."""
        return self.remaining == 0 and self.error is None

    @property
    def changes(self) -> Changes:
        """What the views may show differently: sent, opened and purged reports change
        state (nothing when the sync moved none)."""
        moved = bool(self.sent or self.purged or self.opened)
        return Changes(reports=moved, delivery=moved)


@dataclass(frozen=True)
class SyncStatus:
    """For the status bar: no network involved."""

    enrolled: bool
    device_id: str | None
    server_url: str | None
    waiting: int
    last_error: str | None
    last_success_at: datetime | None
