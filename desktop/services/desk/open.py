"""Opening pulled envelopes at the desk: decrypt, verify, validate — in threads, or in
worker processes when there is a backlog.

Most of an envelope's cost is HPKE (ML-KEM-768 + X25519) and Ed25519, and the
cryptography package holds the GIL for most of it, so a second thread barely helps
(bench/desk_bench.py). A backlog of full pages is therefore opened by a pool of worker
processes (one per core, two to four) while the desk's thread stores the page before.
Small pulls stay in threads: starting a worker costs ~0.2 s.

The workers receive the newsroom private keys once, through the pool's pipe when they
start; they run as the same user, import no Qt and no network code, and end with the pull.
If the pool cannot start or breaks (a worker killed), the page is opened in threads
instead: a pull never fails for want of processes.

This module is what a worker imports: keep it to the envelope format, the report domain
and the plain records of `desktop.store.desk.records` (a worker that imported the store,
SQLCipher and the gazetteer took longer to start than to open a page).
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import re
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from typing import Any, NamedTuple

from desktop.domain.errors import ReportValidationError
from desktop.domain.ids import is_report_id
from desktop.domain.photo_limits import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS_PER_REPORT,
    MEDIA_TYPES,
)
from desktop.domain.report import Report
from desktop.store.desk.records import (
    AttachmentRef,
    ChainArrival,
    ChunkRef,
    EnvelopeRecord,
    ReceivedReport,
    report_row,
)
from sync.envelope import (
    DESK_SENDER_ID,
    MAX_ENVELOPE,
    ChainLink,
    EnvelopeError,
    EnvelopeHeader,
    EnvelopeKind,
    NewsroomKeyPair,
    OpenedEnvelope,
    envelope_hash,
    open_envelope,
)
from sync.payloads.report import REPORT_FORMAT

__all__ = ["Opened", "PageOpener", "PendingPage", "Sealed", "open_sealed"]

_log = logging.getLogger(__name__)

OPEN_THREADS = 2
CHUNKS_PER_WORKER = 2  # a page in a few chunks: the workers finish together
VALIDATION_CLOCK = datetime(9000, 1, 1, tzinfo=UTC)
"""The desk accepts any observation time the device signed: the 24 h rule was the device's
to apply against its own clock, and refusing a signed report for a skewed clock would only
hide it from the editor."""
_HEX64 = re.compile(r"[0-9a-f]{64}")

Opened = EnvelopeRecord | ReceivedReport
KeyMaterial = Sequence[tuple[bytes, str]]  # (raw private key, KEM name) per newsroom key


class Sealed(NamedTuple):
    """A pulled envelope as a worker gets it: what the desk records of it, and its bytes
    (``None`` when the server's base64 did not decode)."""

    base: EnvelopeRecord
    data: bytes | None


def open_sealed(
    sealed: Sealed,
    pairs: Sequence[NewsroomKeyPair],
    device_key: Callable[[str], bytes | None],
) -> Opened:
    """Open, verify and parse one pulled envelope; a refusal record when anything fails."""
    return _read(sealed, _unseal(sealed, pairs, device_key))


def _unseal(
    sealed: Sealed,
    pairs: Sequence[NewsroomKeyPair],
    device_key: Callable[[str], bytes | None],
) -> OpenedEnvelope | EnvelopeRecord:
    """The decrypted, verified envelope, or its refusal record: the cryptography of
    `open_sealed`."""
    base = sealed.base
    if sealed.data is None:
        return base.refused("malformed", "the envelope's data is not valid base64")
    try:
        return open_envelope(
            sealed.data, newsroom_private_key=pairs, device_public_key_for=device_key
        )
    except EnvelopeError as error:
        return base.refused(error.reason, error.message)
    except Exception as error:  # never let one envelope stop the pull
        return _unreadable(base, error)


def _read(sealed: Sealed, unsealed: OpenedEnvelope | EnvelopeRecord) -> Opened:
    """What the desk records of an envelope `_unseal` opened: the rest of `open_sealed`."""
    if isinstance(unsealed, EnvelopeRecord):
        return unsealed
    opened, base = unsealed, sealed.base
    try:
        header = opened.header
        if opened.chain is not None:  # refusals below keep it: the envelope did arrive
            assert sealed.data is not None  # opened from it
            base = replace(base, chain=_arrival(header, sealed.data, opened.chain))
        if (
            header.envelope_id != base.envelope_id
            or header.device_id != base.device_id
            or str(header.kind) != base.kind
        ):
            return base.refused(
                "header_mismatch",
                "the server lists this envelope under other ids or kind than its sealed "
                "header: check the server",
            )
        if header.kind == EnvelopeKind.REPORT:
            record, attachments = _parse_report(opened.payload)
            # The row too: the store's thread only writes it.
            return ReceivedReport(base, record, attachments, report_row(record))
        if header.kind in (EnvelopeKind.ATTACHMENT_CHUNK, EnvelopeKind.MESSAGE):
            return base.with_payload(opened.payload)
        if header.kind == EnvelopeKind.REVIEW and header.device_id == DESK_SENDER_ID:
            return base.with_payload(opened.payload)  # applied after the page is stored
        return base.refused("kind_not_allowed", "a device may not send this kind of envelope")
    except EnvelopeError as error:
        return base.refused(error.reason, error.message)
    except _InvalidReport as error:
        return base.refused("invalid_report", str(error))
    except Exception as error:  # never let one envelope stop the pull
        return _unreadable(base, error)


def _unreadable(base: EnvelopeRecord, error: Exception) -> EnvelopeRecord:
    kind = type(error).__name__
    return base.refused("unreadable", f"the envelope could not be read ({kind})")


def _arrival(header: EnvelopeHeader, data: bytes, link: ChainLink) -> ChainArrival:
    return ChainArrival(
        device_id=header.device_id,
        envelope_id=header.envelope_id,
        chain_id=link.chain_id,
        seq=link.seq,
        sha256=envelope_hash(data),
        previous=link.previous,
        sealed_at=link.sealed_at,
        start=int(link.start),
        follows_chain=link.follows_chain,
        follows_seq=link.follows_seq,
        carried=tuple((c.first, c.last, c.carried_at) for c in link.carried),
    )


class PageOpener:
    """Opens the pages of one pull, in threads until `use_processes` is called."""

    def __init__(self, pairs: Sequence[NewsroomKeyPair], *, workers: int | None = None) -> None:
        self._pairs = list(pairs)
        self._keys = [(pair.private_bytes(), pair.kem) for pair in self._pairs]  # for workers
        self._threads = ThreadPoolExecutor(OPEN_THREADS, thread_name_prefix="desk-pull-open")
        self._workers = workers or max(2, min(4, os.cpu_count() or 2))
        self._processes: ProcessPoolExecutor | None = None
        self._processes_failed = False

    @property
    def in_processes(self) -> bool:
        return self._processes is not None

    def use_processes(self) -> None:
        """Open the following pages in worker processes (started now, in the background)."""
        if self._processes is not None or self._processes_failed:
            return
        try:
            self._processes = ProcessPoolExecutor(
                self._workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self._keys,),
            )
            for _ in range(self._workers):  # each submit starts a worker while none is idle
                self._processes.submit(_ready)
        except (OSError, RuntimeError) as error:
            self._abandon_processes(error)  # and the workers that did start, keys and all

    def open(self, page: Sequence[Sealed], device_keys: Mapping[str, bytes | None]) -> PendingPage:
        """Start opening ``page``; `PendingPage.result` gives it back in order."""
        return PendingPage(self, list(page), dict(device_keys))

    def close(self) -> None:
        self._threads.shutdown(cancel_futures=True)
        if self._processes is not None:
            self._processes.shutdown(cancel_futures=True)

    def _submit(
        self, page: list[Sealed], keys: dict[str, bytes | None]
    ) -> list[Future[list[Opened]]]:
        if self._processes is not None:
            try:
                return _chunked(self._processes, _open_in_worker, page, keys, self._workers)
            except (BrokenProcessPool, RuntimeError) as error:
                self._abandon_processes(error)
        work = partial(_open_chunk, self._pairs)
        return _chunked(self._threads, work, page, keys, OPEN_THREADS)

    def _abandon_processes(self, error: BaseException) -> None:
        _log.warning("desk pull: worker processes failed (%s); opening in threads", error)
        if self._processes is not None:
            self._processes.shutdown(wait=False, cancel_futures=True)
        self._processes = None
        self._processes_failed = True


class PendingPage:
    """A page being opened; reopened in threads if a worker process dies meanwhile."""

    def __init__(self, opener: PageOpener, page: list[Sealed], keys: dict[str, bytes | None]):
        self._opener = opener
        self._page = page
        self._keys = keys
        self._chunks = opener._submit(page, keys)

    def futures(self) -> list[Future[list[Opened]]]:
        """The chunks being opened (to wait for one of them, or for something else)."""
        return list(self._chunks)

    def result(self) -> list[Opened]:
        try:
            return [opened for chunk in self._chunks for opened in chunk.result()]
        except BrokenProcessPool as error:
            self._opener._abandon_processes(error)
            self._chunks = self._opener._submit(self._page, self._keys)
            return [opened for chunk in self._chunks for opened in chunk.result()]


def _chunked(
    executor: Executor,
    work: Callable[[list[Sealed], dict[str, bytes | None]], list[Opened]],
    page: list[Sealed],
    keys: dict[str, bytes | None],
    workers: int,
) -> list[Future[list[Opened]]]:
    if not page:
        return []
    size = -(-len(page) // (workers * CHUNKS_PER_WORKER))
    return [executor.submit(work, page[i : i + size], keys) for i in range(0, len(page), size)]


def _open_chunk(
    pairs: Sequence[NewsroomKeyPair], chunk: list[Sealed], keys: dict[str, bytes | None]
) -> list[Opened]:
    # The cryptography of the whole chunk first, then the reading: HPKE and Ed25519 push
    # the interpreter's code and data out of the CPU caches, and reading the reports one
    # after another keeps them there (fewer CPU-seconds per report, bench/desk_bench.py).
    unsealed = [_unseal(sealed, pairs, keys.get) for sealed in chunk]
    return [_read(sealed, opened) for sealed, opened in zip(chunk, unsealed, strict=True)]


# -- the worker process -------------------------------------------------------------------

_worker_pairs: list[NewsroomKeyPair] = []


def _start_worker(keys: KeyMaterial) -> None:
    _worker_pairs[:] = [NewsroomKeyPair.from_private_bytes(raw, kem) for raw, kem in keys]


def _ready() -> None:
    """A no-op whose submission starts a worker before the first page needs it."""


def _open_in_worker(chunk: list[Sealed], keys: dict[str, bytes | None]) -> list[Opened]:
    return _open_chunk(_worker_pairs, chunk, keys)


# -- the report document ------------------------------------------------------------------


class _InvalidReport(ValueError):
    """The payload of a verified report envelope is not a valid report document."""


def _parse_report(payload: bytes) -> tuple[dict[str, Any], tuple[AttachmentRef, ...]]:
    try:
        document = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _InvalidReport("the report is not UTF-8 JSON") from None
    if (
        not isinstance(document, dict)
        or document.get("format") != REPORT_FORMAT
        or set(document) != {"format", "report", "attachments"}
    ):
        raise _InvalidReport(f"the report is not a {REPORT_FORMAT} document")
    try:
        report = Report.from_json(document["report"], now=VALIDATION_CLOCK)
    except ReportValidationError as error:
        fields = ", ".join(sorted({e.path or "(report)" for e in error.errors}))
        raise _InvalidReport(f"the report does not validate ({fields})") from None
    raw = document["attachments"]
    if not isinstance(raw, list) or len(raw) > MAX_ATTACHMENTS_PER_REPORT:
        raise _InvalidReport("the report's photo list is not valid")
    attachments = tuple(_attachment(item) for item in raw)
    if len({a.position for a in attachments}) != len(attachments):
        raise _InvalidReport("two photos share a position")
    chunk_ids = [c.envelope_id for a in attachments for c in a.chunks]
    if len(set(chunk_ids)) != len(chunk_ids):
        raise _InvalidReport("a photo chunk is named twice")
    return report.to_json(), attachments


def _attachment(item: object) -> AttachmentRef:
    keys = {"position", "media_type", "size", "sha256", "width", "height", "chunks"}
    if not isinstance(item, dict) or set(item) != keys:
        raise _InvalidReport("a photo entry is not valid")
    position, size, chunks = item["position"], item["size"], item["chunks"]
    if (
        not _int_in(position, 1, 10_000)
        or item["media_type"] not in MEDIA_TYPES
        or not _int_in(size, 1, MAX_ATTACHMENT_BYTES)
        or not isinstance(item["sha256"], str)
        or not _HEX64.fullmatch(item["sha256"])
        or not (item["width"] is None or _int_in(item["width"], 1, 100_000))
        or not (item["height"] is None or _int_in(item["height"], 1, 100_000))
        or not isinstance(chunks, list)
        or not chunks
        or len(chunks) > MAX_ATTACHMENT_BYTES // 1024
    ):
        raise _InvalidReport("a photo entry is not valid")
    refs = tuple(_chunk(c) for c in chunks)
    if sum(c.size for c in refs) != size:
        raise _InvalidReport("a photo's chunks do not add up to its size")
    return AttachmentRef(
        position, item["media_type"], size, item["sha256"], item["width"], item["height"], refs
    )


def _chunk(item: object) -> ChunkRef:
    if (
        not isinstance(item, dict)
        or set(item) != {"envelope_id", "sha256", "size"}
        or not isinstance(item["envelope_id"], str)
        or not is_report_id(item["envelope_id"])
        or not isinstance(item["sha256"], str)
        or not _HEX64.fullmatch(item["sha256"])
        or not _int_in(item["size"], 1, MAX_ENVELOPE)
    ):
        raise _InvalidReport("a photo chunk entry is not valid")
    return ChunkRef(item["envelope_id"], item["sha256"], item["size"])


def _int_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
