"""Delivery by hand at the desk: bundles carried in, and bundles relayed through the server.

`import_bundle` opens a bundle and opens, verifies and stores every envelope as a pull does
(`desktop.services.desk.open`, `DeskRepository.store_page`), a part at a time while the
workers open the next, so an envelope that came both ways is stored once; the envelopes
are queued for the server and handed over (`relay_queued`, ``POST /v1/relay`` with the
desk token) when it is reachable, so the device later gets ordinary receipts and other
desks see them. A desk takes the bundles a
connected device relayed for a colleague (`desktop.services.handcarry_relay`) in at each
pull (`pull_relayed`), through the same path. Receipt files for a device are written by
`desktop.services.desk.handcarry_receipts` (re-exported here).

Every function is synchronous and takes the open `Store` first, for the store worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.services.desk import device_approval
from desktop.services.desk.followups import apply_pulled_messages
from desktop.services.desk.handcarry_receipts import (
    ReceiptsWritten,
    desk_pairs,
    remember_encryption_keys,
    write_receipts,
)
from desktop.services.desk.open import Opened, PageOpener, Sealed
from desktop.services.desk.review import apply_pulled_reviews
from desktop.services.handcarry import MAX_FILE, HandcarryError, utc_text
from desktop.services.sync import SyncClientLike
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.handcarry import HandcarryRepository
from desktop.store.settings import SettingsRepository
from sync import wire
from sync.client import ClientConfig, ServerRefusedError, SyncClient, SyncError
from sync.envelope import DESK_SENDER_ID, EnvelopeError, NewsroomKeyPair, parse_header
from sync.payloads.bundle import Bundle, open_bundle, read_bundle
from sync.payloads.container import BundleError

__all__ = [
    "HandcarryError",
    "ImportOutcome",
    "ReceiptsWritten",
    "RelayedIn",
    "import_bundle",
    "import_bundle_data",
    "pull_relayed",
    "relay_queued",
    "remember_encryption_keys",
    "write_receipts",
]

PROCESS_POOL_MIN_PAGE = 250
IMPORT_PART = 500
"""Envelopes stored per transaction while the rest of a bundle is being opened."""
RELAY_ROUTE = f"{wire.API_PREFIX}/relay"
UNKNOWN_DEVICE = "unknown_device"
RELAYED_CURSOR_KEY = "desk.relayed_bundle_after"


@dataclass(frozen=True)
class ImportOutcome:
    """What `import_bundle` did: envelopes in the bundle, new to this desk, reports
    stored, envelopes refused, photos completed; envelopes waiting for a device the desk
    does not know yet; envelopes handed to the server now; when the bundle was first
    imported (None the first time); a warning when the server could not be reached."""

    envelopes: int
    new: int
    reports: int
    refused: int
    photos: int
    unknown_device: int
    relayed: int
    imported_before: datetime | None
    warning: str | None = None
    refusals: tuple[str, ...] = ()


def import_bundle(
    store: Store,
    path: Path,
    *,
    client_factory: Callable[[ClientConfig], SyncClientLike] = SyncClient,
    now: datetime | None = None,
) -> ImportOutcome:
    """Open the bundle at ``path``, store its envelopes as a pull would, queue them for
    the server and relay them now if the desk is connected and the server answers.

    Raises `HandcarryError` and `sync.payloads.container.BundleError` (nothing stored). An envelope
    from a device this desk does not know yet is not refused: it is relayed, and the pull
    brings it back once the device list names it.
    """
    pairs = desk_pairs(store)
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_FILE:
                raise HandcarryError(
                    "too_large", f"{path} is too large to be a Gatewatch file"
                ) from None
            bundle = read_bundle(stream, size, pairs)  # a segment at a time
    except OSError as error:
        raise HandcarryError("unreadable", f"cannot read {path}: {error.strerror}") from None
    return _import(store, pairs, bundle, client_factory, now)


def import_bundle_data(
    store: Store,
    data: bytes,
    *,
    client_factory: Callable[[ClientConfig], SyncClientLike] = SyncClient,
    now: datetime | None = None,
) -> ImportOutcome:
    """`import_bundle` for a bundle's bytes (relayed through the server)."""
    pairs = desk_pairs(store)
    return _import(store, pairs, open_bundle(data, pairs), client_factory, now)


def _import(
    store: Store,
    pairs: list[NewsroomKeyPair],
    bundle: Bundle,
    client_factory: Callable[[ClientConfig], SyncClientLike],
    now: datetime | None,
) -> ImportOutcome:
    moment = now or datetime.now(UTC)
    repo = HandcarryRepository(store)
    before = repo.bundle_imported_at(bundle.bundle_id)
    desk = DeskRepository(store)
    candidates: dict[str, list[Sealed]] = {}
    refusals: list[str] = []
    for data in bundle.envelopes:
        try:
            header = parse_header(data)
        except EnvelopeError:
            refusals.append("malformed")  # no id to record it under
            continue
        base = EnvelopeRecord(
            header.envelope_id,
            0,
            header.device_id,
            str(header.kind),
            len(data),
            utc_text(moment),
            "stored",
        )
        if header.kind not in wire.DEVICE_UPLOAD_KINDS or header.device_id == DESK_SENDER_ID:
            refusals.append("kind_not_allowed")
        else:
            candidates.setdefault(header.envelope_id, []).append(Sealed(base, data))
    known = desk.known_envelopes(list(candidates))
    fresh = [c for i, found in candidates.items() if i not in known for c in found]
    signers = {d.device_id: d.public_key for d in desk.devices()}
    stored = [0, 0, 0]  # reports, refused, photos completed
    waiting = 0
    opener = PageOpener(pairs)
    try:
        if len(fresh) >= PROCESS_POOL_MIN_PAGE:
            opener.use_processes()  # as a pull's backlog: a large bundle opens on every core
        # Every part is handed to the workers at once, and each is stored as soon as it is
        # open while the workers go on with the next: opening and storing overlap.
        opening = [(part, opener.open(part, signers)) for part in _parts(fresh, IMPORT_PART)]
        for part, pending in opening:
            opened = device_approval.refuse_revoked(store, pending.result())
            chosen, unknown, losers = _choose(part, opened)
            waiting += unknown
            refusals += [o.reason or "refused" for o in losers]
            # A refusal is reported, never recorded under its envelope id: anyone can
            # seal a bundle, and a forgery recorded under a genuine envelope's id would
            # shadow the genuine one when it arrives later, by hand or by the network.
            result = desk.store_page(
                [o for o, _ in chosen if isinstance(o, EnvelopeRecord)],
                [o for o, _ in chosen if isinstance(o, ReceivedReport)],
                None,
                moment,
            )
            stored[0] += result.reports
            stored[1] += result.refused
            stored[2] += result.photos_completed
            # Only what this desk verified goes on to the server: anyone can seal a bundle
            # to the newsroom key, and an envelope the server stores under a device's id
            # would turn that device's own upload of the same id into a conflict.
            # Envelopes from a device this desk does not know yet wait for the device's
            # own sync (or a second import once known).
            repo.queue_relay(
                [(_envelope_id(o), s.base.device_id, s.data) for o, s in chosen if s.data],
                moment,
            )
    finally:
        opener.close()
    device_approval.apply_pulled_device_events(store, now=moment)
    apply_pulled_reviews(store, now=moment)
    apply_pulled_messages(store, now=moment)
    repo.record_bundle(
        bundle.bundle_id, bundle.created_at, len(bundle.envelopes), len(fresh), moment
    )
    relayed, warning = 0, None
    if desk.server() is not None:
        try:
            relayed = relay_queued(store, client_factory=client_factory, now=moment)
        except SyncError as error:
            warning = f"the server could not take the envelopes yet ({error.reason}): {error}"
    return ImportOutcome(
        len(bundle.envelopes),
        len({s.base.envelope_id for s in fresh}),
        stored[0],
        stored[1] + len(refusals),
        stored[2],
        waiting,
        relayed,
        before,
        warning,
        tuple(refusals),
    )


def _parts(fresh: Sequence[Sealed], size: int) -> list[list[Sealed]]:
    """``fresh`` cut into parts of about ``size`` envelopes, in order, never between two
    copies of one envelope id (they are adjacent in ``fresh``): `_choose` must see every
    copy of an id together."""
    parts: list[list[Sealed]] = []
    part: list[Sealed] = []
    for sealed in fresh:
        if len(part) >= size and sealed.base.envelope_id != part[-1].base.envelope_id:
            parts.append(part)
            part = []
        part.append(sealed)
    if part:
        parts.append(part)
    return parts


def _choose(
    fresh: Sequence[Sealed], opened: Sequence[Opened]
) -> tuple[list[tuple[Opened, Sealed]], int, list[EnvelopeRecord]]:
    """Per envelope id, the first copy that verified, whatever the order the copies came
    in (a forged copy under a genuine envelope's id must not shadow it); the number of
    ids waiting for a device this desk does not know yet; and the refused copies."""
    verified: dict[str, tuple[Opened, Sealed]] = {}
    unknown: set[str] = set()
    refused: list[EnvelopeRecord] = []
    for sealed, result in zip(fresh, opened, strict=True):
        envelope_id = sealed.base.envelope_id
        if _stored(result):
            if envelope_id in verified:
                if sealed.data != verified[envelope_id][1].data:
                    refused.append(sealed.base.refused("duplicate", "another copy of an envelope"))
            else:
                verified[envelope_id] = (result, sealed)
        elif isinstance(result, EnvelopeRecord) and result.reason == UNKNOWN_DEVICE:
            unknown.add(envelope_id)
        elif isinstance(result, EnvelopeRecord):
            refused.append(result)
    return list(verified.values()), len(unknown - set(verified)), refused


def _envelope_id(opened: Opened) -> str:
    return opened.envelope.envelope_id if isinstance(opened, ReceivedReport) else opened.envelope_id


def _stored(opened: Opened) -> bool:
    return isinstance(opened, ReceivedReport) or opened.outcome == "stored"


def relay_queued(
    store: Store,
    *,
    client_factory: Callable[[ClientConfig], SyncClientLike] = SyncClient,
    now: datetime | None = None,
) -> int:
    """Hand the queued envelopes to the server (desk token); return how many it took.

    Raises `HandcarryError` ``not_connected`` and `sync.client.SyncError` for network or
    server trouble (what was taken before stays recorded). An envelope the server refuses
    is kept out of later relays with the reason."""
    server = DeskRepository(store).server()
    if server is None:
        raise HandcarryError(
            "not_connected", "this desk has no server: run `gatewatch desk connect` first"
        )
    repo = HandcarryRepository(store)
    if not repo.relay_count():
        return 0
    client = client_factory(
        ClientConfig(
            base_url=server.server_url,
            token=server.token,
            tls_fingerprint=server.tls_fingerprint,
            proxy=server.proxy,
        )
    )
    moment = now or datetime.now(UTC)
    taken = 0
    try:
        while batch := repo.relay_waiting():
            results = client.upload(batch, route=RELAY_ROUTE)
            ok = [r.envelope_id for r in results if r.ok]
            failed = [(r.envelope_id, r.error or "refused") for r in results if not r.ok]
            repo.relay_done(ok, failed, moment)
            taken += len(ok)
    finally:
        client.close()
    return taken


@dataclass(frozen=True)
class RelayedIn:
    """What a pull took in from relayed bundles: bundles opened, envelopes and reports new
    to this desk, items refused, bundles that did not open with this desk's key."""

    bundles: int = 0
    envelopes: int = 0
    reports: int = 0
    refused: int = 0
    unopened: int = 0


def pull_relayed(
    store: Store,
    client: object,
    *,
    client_factory: Callable[[ClientConfig], SyncClientLike] = SyncClient,
    now: datetime | None = None,
) -> RelayedIn:
    """Take in every bundle relayed since the last pull (the cursor is kept in the store
    after each one, so a cut pull goes on where it stopped). A bundle that does not open
    with this desk's key is passed over; a server without relayed bundles is no error."""
    fetch: Callable[[int], tuple[int, bytes] | None] | None = getattr(
        client, "relayed_bundle", None
    )
    if fetch is None:
        return RelayedIn()  # a client that cannot fetch them (a test's fake)
    settings = SettingsRepository(store)
    after = int(settings.get(RELAYED_CURSOR_KEY, 0))
    bundles = envelopes = reports = refused = unopened = 0
    while True:
        try:
            found = fetch(after)
        except ServerRefusedError as error:
            if error.status == 404:  # a server from before relayed bundles
                break
            raise
        if found is None:
            break
        seq, data = found
        try:
            outcome = import_bundle_data(store, data, client_factory=client_factory, now=now)
        except BundleError:
            unopened += 1
        else:
            bundles += 1
            envelopes += outcome.new
            reports += outcome.reports
            refused += outcome.refused
        after = seq
        settings.set(RELAYED_CURSOR_KEY, after)
    return RelayedIn(bundles, envelopes, reports, refused, unopened)
