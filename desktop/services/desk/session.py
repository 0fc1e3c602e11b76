"""`DeskSession`: the one door of the editor desk's window and commands to an open store.

Queries return view models (plain dataclasses the views show); commands return `Changes`
or `Done` (desktop/services/changes.py), which the store worker broadcasts so each view
refreshes itself. Widgets and commands never assemble repositories or write SQL: what they
need from the store is a method here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.services.changes import Changes, Done
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk_core
from desktop.services.desk import device_approval, review_view
from desktop.services.desk import duplicates as desk_duplicates
from desktop.services.desk import review as desk_review
from desktop.services.desk.briefing import Briefing, gather_briefing, save_briefing
from desktop.services.desk.bulk import BulkAction, BulkOutcome, run_bulk, undo_bulk_moves
from desktop.services.desk.export import Format, export_reports
from desktop.services.desk.export_output import ExportResult
from desktop.services.desk.export_profile import Profile
from desktop.services.desk.review_view import ReviewView
from desktop.services.desk.views import (
    AttentionList,
    DeskStatus,
    DeviceListing,
    DuplicatesView,
    InboxListing,
    KeyShown,
    desk_status,
    inbox_listing,
    load_attention,
    load_devices,
    load_duplicates,
)
from desktop.store.database import Store
from desktop.store.desk.core import DeskKeyExistsError, DeskRepository, EnvelopeRecord
from desktop.store.desk.device_trust import DeviceStatus
from desktop.store.desk.keyexport import KeyExportError, KeyExportPassphraseError
from desktop.store.desk.marks import MarksRepository
from desktop.store.desk.review import (
    AuditEntry,
    GateMatcher,
    InboxFilter,
    InboxRow,
    ReviewRepository,
)
from sync.client import ClientConfig

if TYPE_CHECKING:  # the hand-carry services import the network layer: on first use only
    from desktop.services.desk.handcarry import ImportOutcome, ReceiptsWritten
    from desktop.services.sync_client import SyncClientLike

__all__ = [
    "PULLED",
    "AttentionList",
    "AuditEntry",
    "CarriedImport",
    "DeskKeyExistsError",
    "DeskSession",
    "DeskStatus",
    "DeviceListing",
    "DeviceStatus",
    "DuplicatesView",
    "EnvelopeRecord",
    "InboxFilter",
    "InboxListing",
    "InboxPage",
    "InboxRow",
    "KeyExportError",
    "KeyExportPassphraseError",
    "KeyShown",
    "ReviewView",
]

Progress = Callable[[int, int], None]
ClientFactory = Callable[[ClientConfig], desk_connection.DeskPullClient]

REVIEWED = Changes(review=True)
# A pull brings reports, other desks' moves and marks, device decisions and answers.
PULLED = Changes(envelopes=True, review=True, devices=True, followups=True)


@dataclass(frozen=True)
class InboxPage:
    """The first rows of the inbox a filter shows, and how many reports it shows in all."""

    rows: list[InboxRow]
    total: int


@dataclass(frozen=True)
class CarriedImport:
    """What importing a hand-carried file did, and whether this desk has a server to hand
    its items on to."""

    outcome: ImportOutcome
    connected: bool


class DeskSession:
    """Use cases of a desk's store, on the thread that owns `store`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- The inbox and review pane ---------------------------------------------------------

    def inbox(self, gazetteer: Gazetteer, where: InboxFilter) -> InboxListing:
        """The ids `where` shows, the total, and what the filters bar offers."""
        return inbox_listing(self._store, gazetteer, where)

    def inbox_rows(self, report_ids: Sequence[str]) -> list[InboxRow]:
        return ReviewRepository(self._store).inbox_rows(list(report_ids))

    def review(self, report_id: str, *, thumbnail_edge: int | None = None) -> ReviewView | None:
        """The report with its state, history and (given an edge) photo thumbnails, as the
        review pane and `gatewatch desk show` show it; None if the desk does not hold it."""
        return review_view.load_review(self._store, report_id, thumbnail_edge=thumbnail_edge)

    def move(self, report_id: str, target: ReviewState, note: str = "") -> Changes:
        desk_review.move(self._store, report_id, target, note)
        return REVIEWED

    def undo_move(self, report_id: str) -> Changes:
        """Take back this desk's last move on `report_id` (a new recorded move)."""
        desk_review.undo_last_move(self._store, report_id)
        return REVIEWED

    def add_note(self, report_id: str, text: str) -> Changes:
        desk_review.add_note(self._store, report_id, text)
        return REVIEWED

    def status(self) -> DeskStatus:
        """The desk page's status line: server, last pull, refusals, what waits."""
        return desk_status(self._store)

    # -- Duplicates ------------------------------------------------------------------------

    def duplicates(self, report_id: str) -> DuplicatesView:
        return load_duplicates(self._store, report_id)

    def merge(self, lead: str, others: Sequence[str]) -> Done[list[str]]:
        """Link `others` to `lead`; the value is the ids linked anew."""
        events = desk_duplicates.merge(self._store, lead, others)
        return Done([e.report_id for e in events], REVIEWED)

    def split(self, report_ids: Sequence[str]) -> Done[list[str]]:
        events = desk_duplicates.split(self._store, report_ids)
        return Done([e.report_id for e in events], REVIEWED)

    # -- Bulk actions ----------------------------------------------------------------------

    def known_desks(self) -> list[tuple[str, str]]:
        """(desk id, label) of every desk seen, for assigning."""
        return MarksRepository(self._store).known_desks()

    def bulk(
        self, report_ids: Sequence[str], action: BulkAction, progress: Progress | None = None
    ) -> Done[BulkOutcome]:
        outcome = run_bulk(self._store, report_ids, action, progress=progress)
        return Done(outcome, REVIEWED if outcome.done else Changes())

    def undo_bulk(
        self, moves: Mapping[str, str], progress: Progress | None = None
    ) -> Done[BulkOutcome]:
        outcome = undo_bulk_moves(self._store, moves, progress=progress)
        return Done(outcome, REVIEWED if outcome.done else Changes())

    # -- Needs attention -------------------------------------------------------------------

    def attention(self, gazetteer: Gazetteer) -> AttentionList:
        return load_attention(self._store, gazetteer)

    # -- Devices ---------------------------------------------------------------------------

    def devices(self) -> DeviceListing:
        return load_devices(self._store)

    def approve_device(self, device_id: str) -> Changes:
        device_approval.approve(self._store, device_id)
        return Changes(devices=True)

    def reject_device(self, device_id: str) -> Changes:
        device_approval.reject(self._store, device_id)
        return Changes(devices=True)

    def revoke_device(self, device_id: str) -> Changes:
        device_approval.revoke(self._store, device_id)
        return Changes(devices=True)

    # -- Setting up, connecting and pulling ------------------------------------------------

    def create_desk(self, label: str) -> Done[KeyShown]:
        """A new newsroom key pair (and this desk's label, if given)."""
        public = desk_connection.init_desk(self._store)
        if label:
            desk_review.set_desk_label(self._store, label)
        key = DeskRepository(self._store).key()
        assert key is not None
        return Done(KeyShown(key.fingerprint, public.to_text()), Changes(settings=True))

    def import_newsroom_key(self, path: Path, passphrase: str, label: str) -> Done[KeyShown]:
        fingerprint = desk_review.import_newsroom_key(
            self._store, path, passphrase, label=label or None
        )
        return Done(KeyShown(fingerprint, None), Changes(settings=True))

    def connect(
        self,
        server_url: str,
        token: str,
        tls_fingerprint: str | None,
        proxy: str | None,
        client_factory: ClientFactory,
    ) -> Done[int]:
        """Check the token and remember the server; the value is how many devices it lists."""
        count = desk_connection.connect(
            self._store, server_url, token, tls_fingerprint, proxy, client_factory=client_factory
        )
        return Done(count, Changes(settings=True, devices=True))

    def pull(
        self,
        client_factory: ClientFactory,
        progress: Callable[[desk_core.PullOutcome], None] | None = None,
    ) -> Done[desk_core.PullOutcome]:
        outcome = desk_core.pull(self._store, client_factory=client_factory, progress=progress)
        return Done(outcome, PULLED)

    # -- Exports and the briefing ----------------------------------------------------------

    def briefing(self, gazetteer: Gazetteer, *, since: datetime | None = None) -> Briefing:
        return gather_briefing(self._store, gazetteer, since=since)

    def save_briefing(self, briefing: Briefing, pdf: bytes, out: Path) -> Done[ExportResult]:
        """The PDF written and its export recorded in the reports' audit trails."""
        return Done(save_briefing(self._store, briefing, pdf, out), REVIEWED)

    def export(
        self,
        gazetteer: Gazetteer,
        fmt: Format,
        out: Path,
        *,
        states: Sequence[ReviewState] = (),
        since: datetime | None = None,
        include_pseudonyms: bool = False,
        profile: Profile = Profile.INTERNAL,
        progress: Progress | None = None,
    ) -> Done[ExportResult]:
        """A CSV, JSON or GeoJSON export, recorded in the reports' audit trails."""
        result = export_reports(
            self._store,
            gazetteer,
            fmt,
            out,
            states=states,
            since=since,
            include_pseudonyms=include_pseudonyms,
            profile=profile,
            progress=progress,
        )
        return Done(result, REVIEWED)

    # -- The desk's commands: `gatewatch desk inbox` and the pull's refusals --------------

    def inbox_page(
        self, where: InboxFilter, limit: int, gates_named: GateMatcher | None = None
    ) -> InboxPage:
        """The first ``limit`` reports the filter shows (newest first unless it says
        otherwise) and their total."""
        reviews = ReviewRepository(self._store, gates_named)
        ids = reviews.inbox_ids(where)
        return InboxPage(reviews.inbox_rows(ids[: max(limit, 0)]), len(ids))

    def refusals(self) -> list[EnvelopeRecord]:
        """Envelopes the desk refused, in server order, with reason and message."""
        return DeskRepository(self._store).refusals()

    # -- The window's shell: whether a store opens on the desk's pages -----------------

    def stage(self) -> Literal["ready", "setup"] | None:
        """ "ready" with a newsroom key; "setup" for a store created as a desk's and not set
        up yet (it has a desk identity but no key); None for a correspondent's store."""
        if DeskRepository(self._store).key() is not None:
            return "ready"
        if ReviewRepository(self._store).identity() is not None:
            return "setup"
        return None

    # Follow-up questions ------------------------------------------------------------------

    def holds_newsroom_key(self) -> bool:
        """Whether this store is a desk's that is set up (it holds the newsroom key)."""
        return DeskRepository(self._store).key() is not None

    def connected(self) -> bool:
        """Whether this desk has a server to send its questions to."""
        return DeskRepository(self._store).server() is not None

    # -- Hand-carried files ----------------------------------------------------------------

    def import_carried(
        self, path: Path, client_factory: Callable[[ClientConfig], SyncClientLike]
    ) -> Done[CarriedImport]:
        """Store what a hand-carried file holds as a pull would (reports, other desks'
        moves, device decisions, answers), and hand it on to the server when connected."""
        from desktop.services.desk import handcarry

        connected = self.connected()
        outcome = handcarry.import_bundle(self._store, path, client_factory=client_factory)
        return Done(CarriedImport(outcome, connected), PULLED)

    def receipt_devices(self) -> list[tuple[str, str]]:
        """(device id, label or "") of each computer receipts can be written for: those
        whose signing key this desk holds."""
        return [
            (d.device_id, d.label or "")
            for d in DeskRepository(self._store).devices()
            if d.public_key is not None
        ]

    def write_receipts(self, device_id: str, path: Path) -> Done[ReceiptsWritten]:
        """A receipt file for ``device_id`` at ``path``; its waiting questions are sealed."""
        from desktop.services.desk import handcarry

        written = handcarry.write_receipts(self._store, device_id, path)
        return Done(written, Changes(followups=bool(written.questions)))
