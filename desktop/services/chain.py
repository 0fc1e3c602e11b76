"""Numbering what this device seals: each envelope gets the next link of the device's chain
(docs/envelope.md, the chain block), so the desk can tell what never arrived.

A `ChainSealer` seals a batch (a report and its photo chunks, or one answer) from the
chain's last link; the caller keeps the envelopes and `ChainSealer.step` in one transaction
(`desktop.store.chain.advance`). When another sealer moved the chain in between, the
transaction keeps nothing and the caller seals the batch again (`SEAL_ATTEMPTS`).

Each envelope also carries the ranges of earlier envelopes that went on a bundle and have
no receipt yet: the desk learns they are on their way by hand only from a later envelope.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from desktop.store.chain import ChainAdvance, DeviceChainRepository
from desktop.store.database import Store
from sync.envelope import (
    CarriedRange,
    ChainLink,
    ChainStart,
    envelope_hash,
    seal,
)
from sync.envelope.chain import MAX_CARRIED

SEAL_ATTEMPTS = 5
"""Seal again this often when another sealer (the background sync, an answer) moved the
chain between numbering and keeping; each retry sees the chain moved, so it ends."""


class ChainSealer:
    """Seals envelopes one after another as the next links of this device's chain."""

    def __init__(
        self, store: Store, now: datetime, carried: list[tuple[int, datetime]] | None = None
    ) -> None:
        """``carried``: the chain's carried numbers when the caller has just read them
        (`DeviceChainRepository.carried`; a batch of seals reads them once)."""
        repo = DeviceChainRepository(store)
        self._before = repo.state()
        self._moment = int(now.timestamp())
        self._numbered: list[tuple[str, int]] = []
        before = self._before
        if before.chain_id is None or before.restored:
            self._chain_id = secrets.token_hex(16)
            self._seq = 0
            self._hash = bytes(32)
            self._carried: tuple[CarriedRange, ...] = ()
        else:
            self._chain_id = before.chain_id
            self._seq = before.last_seq
            self._hash = before.last_hash
            self._carried = _ranges(repo.carried(before.chain_id) if carried is None else carried)

    def _next_link(self) -> ChainLink:
        seq = self._seq + 1
        if seq > 1:
            return ChainLink(self._chain_id, seq, self._hash, self._moment, carried=self._carried)
        before = self._before
        restored = before.chain_id is not None  # a restored store, else a first chain
        return ChainLink(
            self._chain_id,
            1,
            bytes(32),
            self._moment,
            ChainStart.RESTORED if restored else ChainStart.NEW,
            follows_chain=before.chain_id,
            follows_seq=before.last_seq if restored else 0,
        )

    def seal(self, payload: bytes, *, envelope_id: str, **arguments: Any) -> bytes:
        """`sync.envelope.seal` with ``envelope_id`` and the next link of the chain."""
        link = self._next_link()
        envelope = seal(payload, envelope_id=envelope_id, chain=link, **arguments)
        self._seq = link.seq
        self._hash = envelope_hash(envelope)
        self._numbered.append((envelope_id, link.seq))
        return envelope

    @property
    def step(self) -> ChainAdvance:
        """Where the chain stands after the envelopes sealed so far, for `advance`."""
        return ChainAdvance(
            self._before, self._chain_id, self._seq, self._hash, tuple(self._numbered)
        )


def _ranges(carried: list[tuple[int, datetime]]) -> tuple[CarriedRange, ...]:
    """Runs of consecutive numbers carried at the same moment; the latest ones when there
    are more than an envelope holds."""
    spans: list[CarriedRange] = []
    for seq, at in carried:
        moment = int(at.timestamp())
        last = spans[-1] if spans else None
        if last is not None and last.last + 1 == seq and last.carried_at == moment:
            spans[-1] = CarriedRange(last.first, seq, moment)
        elif last is None or seq > last.last:
            spans.append(CarriedRange(seq, seq, moment))
    return tuple(spans[-MAX_CARRIED:])
