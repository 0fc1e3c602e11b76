"""What the desk receives in a pull, as plain records: the envelope, the verified report
and its photo references, and the row the store writes for it.

Light on purpose: the pull's worker processes import it (no store, no SQL).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from desktop.domain.desk.board_report import board_values
from desktop.store.search import desk_search_text

__all__ = [
    "AttachmentRef",
    "ChainArrival",
    "ChunkRef",
    "EnvelopeRecord",
    "ReceivedReport",
    "ReportRow",
    "report_row",
]


@dataclass(frozen=True)
class ChunkRef:
    """One chunk of a photo, as the report names it."""

    envelope_id: str
    sha256: str
    size: int


@dataclass(frozen=True)
class AttachmentRef:
    """A photo as the report describes it; its bytes arrive in chunks."""

    position: int
    media_type: str
    size: int
    sha256: str
    width: int | None
    height: int | None
    chunks: tuple[ChunkRef, ...]


@dataclass(frozen=True)
class ChainArrival:
    """What the desk keeps of a chained envelope it stored (sync.envelope.ChainLink, as
    plain values, and the SHA-256 of the envelope's bytes)."""

    device_id: str
    envelope_id: str
    chain_id: str
    seq: int
    sha256: bytes
    previous: bytes
    sealed_at: int
    start: int
    follows_chain: str | None
    follows_seq: int
    carried: tuple[tuple[int, int, int], ...]


@dataclass(frozen=True)
class EnvelopeRecord:
    """What the desk keeps of one pulled envelope (``payload``: chunk or message bytes)."""

    envelope_id: str
    seq: int
    device_id: str
    kind: str
    size: int
    received_at: str
    outcome: str  # "stored" or "refused"
    reason: str | None = None
    message: str | None = None
    payload: bytes | None = None
    chain: ChainArrival | None = None  # its link, when the envelope is chained

    def refused(self, reason: str, message: str) -> EnvelopeRecord:
        """This envelope recorded as refused: the reason code, the message for the editor."""
        return replace(self, outcome="refused", reason=reason, message=message, payload=None)

    def with_payload(self, payload: bytes) -> EnvelopeRecord:
        """This envelope stored with its opened payload (a photo chunk, message or review)."""
        return replace(self, outcome="stored", reason=None, message=None, payload=payload)


@dataclass(frozen=True)
class ReportRow:
    """What the store writes for a received record besides its envelope: its columns, the
    record's JSON, its search tokens (`desktop.store.search.desk_search_text`, without
    answers) and the board aspects it speaks to. Made where the report is opened, so that
    the store's thread only writes; plain values, cheap to hand over from a worker."""

    id: str
    lineage_id: str
    revision: int
    gate: str | None
    observed_at: str
    source_category: str | None
    reliability: str | None
    record_json: str
    search_text: str
    aspects: tuple[str, ...]


def report_row(record: Mapping[str, Any]) -> ReportRow:
    source = record.get("source") or {}
    gate = record.get("gate")
    return ReportRow(
        str(record["id"]),
        str(record["lineage_id"]),
        int(record["revision"]),
        None if gate is None else str(gate),
        str(record["observed_at"]),
        source.get("category"),
        source.get("reliability"),
        json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        desk_search_text(record),
        tuple(board_values(record)) if gate else (),
    )


class _RecordFromJson(Mapping[str, Any]):
    """A received record parsed from its row's JSON when first read: the store's thread
    writes a report from its row and most reports never need the record itself."""

    __slots__ = ("_json", "_parsed")

    def __init__(self, record_json: str) -> None:
        self._json = record_json
        self._parsed: dict[str, Any] | None = None

    def _record(self) -> dict[str, Any]:
        if self._parsed is None:
            self._parsed = json.loads(self._json)
        return self._parsed

    def __getitem__(self, key: str) -> Any:
        return self._record()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._record())

    def __len__(self) -> int:
        return len(self._record())

    def __eq__(self, other: object) -> bool:
        return self._record() == other

    __hash__ = None  # type: ignore[assignment]  # a mapping, like dict

    def __reduce__(self) -> tuple[Any, ...]:
        return (_RecordFromJson, (self._json,))


def _received(
    envelope: EnvelopeRecord, attachments: tuple[AttachmentRef, ...], row: ReportRow
) -> ReceivedReport:
    return ReceivedReport(envelope, _RecordFromJson(row.record_json), attachments, row)


@dataclass(frozen=True)
class ReceivedReport:
    """A verified report to store with its envelope; `record` is the Report.to_json() form,
    `row` what is written of it (made from `record` when not given)."""

    envelope: EnvelopeRecord
    record: Mapping[str, Any]
    attachments: tuple[AttachmentRef, ...] = ()
    row: ReportRow | None = None

    def __post_init__(self) -> None:
        if self.row is None:
            object.__setattr__(self, "row", report_row(self.record))

    def finished_row(self) -> ReportRow:
        assert self.row is not None  # made in __post_init__
        return self.row

    def __reduce__(self) -> tuple[Any, ...]:
        """Handed over from a worker as its row: the record is the row's JSON, parsed
        only where it is read (the parsed form is many objects to rebuild and track)."""
        return (_received, (self.envelope, self.attachments, self.finished_row()))
