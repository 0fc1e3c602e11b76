"""Delivery by hand, when the network is cut: bundles out, receipts back.

The device's side: `export_bundle` writes every envelope still without a receipt (reports,
photo chunks, answers) into one bundle file sealed to the newsroom key (`sync.payloads.bundle`);
the revisions stay waiting, marked carried, until a receipt comes by any path
(`waiting_for_receipt` lists them). `import_receipts` applies a receipt file from the desk:
those revisions become sent (the retention counts from then) and the desk's waiting
questions are taken in.

The desk's side — importing bundles, relaying them to the server, writing receipt files —
is in `desktop.services.desk.handcarry`; both share `HandcarryError` and the bounded file
reads and writes here.

Every function is synchronous and takes the open `Store` first, for the store worker.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.report import format_utc
from desktop.fsread import TooLargeError, read_bounded
from desktop.services import sync
from desktop.store.database import Store
from desktop.store.fsutil import atomic_write
from desktop.store.handcarry import AppliedReceipts, HandcarryRepository
from desktop.store.identity import IdentityRepository
from sync.envelope import (
    DESK_SENDER_ID,
    EnvelopeError,
    NewsroomKeyPair,
    NewsroomPublicKey,
    open_envelope,
)
from sync.payloads.bundle import seal_bundle
from sync.payloads.container import BundleError
from sync.payloads.followup import parse_payload
from sync.payloads.receipts import HandReceipts, open_receipts

__all__ = [
    "BundleError",
    "ExportOutcome",
    "HandcarryError",
    "ReceiptsOutcome",
    "WaitingReport",
    "export_bundle",
    "import_receipts",
    "waiting_for_receipt",
]

MAX_FILE = 4 * 1024**3 + 4 * 1024**2


class HandcarryError(Exception):
    """A hand-carry step that cannot be done; ``reason`` is a code, ``str()`` says what
    to do. Nothing was changed."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def read_carried(path: Path) -> bytes:
    """The bytes of a carried file, bounded by `MAX_FILE`; raises `HandcarryError`."""
    try:
        return read_bounded(path, MAX_FILE)
    except TooLargeError:
        raise HandcarryError("too_large", f"{path} is too large to be a Gatewatch file") from None
    except OSError as error:
        raise HandcarryError("unreadable", f"cannot read {path}: {error.strerror}") from None


def write_carried(path: Path, data: bytes) -> None:
    """Write a file to carry, whole or not at all; raises `HandcarryError`."""
    try:
        atomic_write(path, data)
    except OSError as error:
        raise HandcarryError(
            "unwritable", f"cannot write {path} ({error.strerror}); nothing was changed"
        ) from None


# -- the device ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WaitingReport:
    """A revision waiting for its receipt: when it was queued, when it last left on a
    bundle (None: never carried)."""

    report_id: str
    queued_at: datetime
    carried_at: datetime | None


def waiting_for_receipt(store: Store) -> list[WaitingReport]:
    """Every revision waiting for its receipt, oldest queued first."""
    return [WaitingReport(*row) for row in HandcarryRepository(store).waiting()]


@dataclass(frozen=True)
class ExportOutcome:
    reports: int
    envelopes: int
    size: int


def export_bundle(store: Store, path: Path, *, now: datetime | None = None) -> ExportOutcome:
    """Write every envelope not yet receipted to ``path`` (replaced if there) and mark
    the revisions carried. Raises `HandcarryError` (``not_enrolled``, ``nothing_waiting``,
    ``unwritable``)."""
    identity = IdentityRepository(store).get()
    if identity is None:
        raise HandcarryError(
            "not_enrolled", "this device is not enrolled yet: enroll once, then export"
        )
    moment = now or datetime.now(UTC)
    sync.seal_pending(store, now=moment)
    repo = HandcarryRepository(store)
    waiting = repo.unreceipted()
    envelopes = waiting.envelopes
    if not envelopes:
        raise HandcarryError("nothing_waiting", "nothing waits for the newsroom: no file written")
    data = seal_bundle(envelopes, NewsroomPublicKey.from_text(identity.newsroom_key))
    write_carried(path, data)
    repo.mark_carried([r for r, _, _ in waiting.reports], moment)
    return ExportOutcome(len(waiting.reports), len(envelopes), len(data))


@dataclass(frozen=True)
class ReceiptsOutcome:
    """What a receipt file changed, and the texts of the questions new to this device."""

    reports: int
    chunks: int
    answers: int
    questions: int
    question_texts: tuple[str, ...] = ()


def import_receipts(store: Store, path: Path, *, now: datetime | None = None) -> ReceiptsOutcome:
    """Apply a receipt file from the desk; take in the questions it carries.

    Raises `HandcarryError` (``not_enrolled``, ``no_desk_key`` — this device has not
    learnt the desk's signing key, which needs one sync with a connection — and
    ``wrong_device``) and `sync.payloads.container.BundleError` for a file that does not open."""
    identity = IdentityRepository(store).get()
    if identity is None:
        raise HandcarryError("not_enrolled", "this device is not enrolled: there is nothing to")
    row = HandcarryRepository(store).messaging_keys()
    if row is None or row[2] is None:
        raise HandcarryError(
            "no_desk_key",
            "this device has not yet learnt the newsroom desk's signing key, so it cannot "
            "check a receipt file: sync once with a connection first",
        )
    pair = NewsroomKeyPair.from_private_bytes(bytes(row[1]), row[0])
    desk_key = row[2]
    receipts = open_receipts(read_carried(path), pair, desk_key)
    if receipts.device_id != identity.device_id:
        raise HandcarryError(
            "wrong_device", "this receipt file is for another device: nothing was changed"
        )
    moment = now or datetime.now(UTC)
    text = json.dumps(
        {"via": "hand", "receipt_id": receipts.receipt_id, "at": utc_text(receipts.created_at)},
        sort_keys=True,
    )
    applied: AppliedReceipts = HandcarryRepository(store).apply_receipts(
        receipts.envelope_ids, text, moment
    )
    taken = _take_questions(store, identity.device_id, pair, desk_key, receipts, moment)
    return ReceiptsOutcome(
        applied.reports, applied.chunks, applied.answers, len(taken), tuple(taken)
    )


def _take_questions(
    store: Store,
    device_id: str,
    pair: NewsroomKeyPair,
    desk_key: bytes,
    receipts: HandReceipts,
    moment: datetime,
) -> list[str]:
    """Open each carried question as the network's message queue would be read; return
    the texts of those this device did not have."""
    rows = []
    for message_id, data in receipts.questions:
        try:
            opened = open_envelope(
                data,
                newsroom_private_key=pair,
                device_public_key_for=lambda d: desk_key if d == DESK_SENDER_ID else None,
            )
            doc = parse_payload(opened.payload, "question")
        except (EnvelopeError, ValueError):
            continue  # sealed by a desk, so only a bug makes one fail: skipped, not fatal
        if opened.header.envelope_id != message_id or doc["device_id"] != device_id:
            continue
        rows.append(
            (
                doc["question_id"],
                message_id,
                doc["report_id"],
                doc["text"],
                doc["desk_label"],
                format_utc(datetime.fromisoformat(doc["asked_at"])),
                format_utc(moment),
            )
        )
    added = set(HandcarryRepository(store).add_questions(rows))
    return [row[3] for row in rows if row[0] in added]


def utc_text(moment: datetime) -> str:
    """``moment`` in UTC to the millisecond, as receipts and carried records write it."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
