"""What the desk receives in a pull, as plain records: the envelope, the verified report
and its photo references, and the row the store writes for it.

Light on purpose: the pull's worker processes import it (no store, no SQL).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
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
    """What the store writes for a received record besides its envelope: the record's
    JSON, its search tokens (`desktop.store.search.desk_search_text`, without answers) and
    the board aspects it speaks to. Made where the report is opened, so that the store's
    thread only writes."""

    record_json: str
    search_text: str
    aspects: tuple[str, ...]


def report_row(record: Mapping[str, Any]) -> ReportRow:
    return ReportRow(
        json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        desk_search_text(record),
        tuple(board_values(record)) if record.get("gate") else (),
    )


@dataclass(frozen=True)
class ReceivedReport:
    """A verified report to store with its envelope; `record` is the Report.to_json() form,
    `row` what is written of it (made from `record` when not given)."""

    envelope: EnvelopeRecord
    record: Mapping[str, Any]
    attachments: tuple[AttachmentRef, ...] = ()
    row: ReportRow | None = None

    def finished_row(self) -> ReportRow:
        return self.row if self.row is not None else report_row(self.record)
