"""What is missing from a device's envelope chains, and what is on its way by hand.

A device numbers every envelope it seals (docs/envelope.md, the chain block). From the
numbers held, a desk sees the holes between them and, when a restored device starts a new
chain, the numbers of the old chain it had sealed that never came. It cannot see what a
device sealed after the last envelope that arrived: nothing has named it yet.

A hole is *carried* where a later envelope said those numbers went on a bundle (and when):
they are on their way by hand, not known lost. Everything else in a hole is *missing*:
not sent yet, lost, or withheld — the desk cannot tell which, and says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

START_NEW = 1
START_RESTORED = 2


@dataclass(frozen=True)
class ChainView:
    """One chain as the desk holds it: ``links`` ``(number, sealed at)`` ascending;
    ``start`` ``(reason, follows chain, follows number, sealed at)`` once its first envelope
    is in; ``carried`` ``(first, last, carried at)`` as later envelopes told."""

    device_id: str
    chain_id: str
    links: tuple[tuple[int, int], ...]
    start: tuple[int, str | None, int, int] | None
    carried: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True)
class Gap:
    """Numbers ``first``..``last`` of a chain that have not arrived. ``since``: when the
    envelope just before them was sealed (None: the chain's start is missing too);
    ``carried_at``: when the device said they went by hand (None: missing)."""

    device_id: str
    chain_id: str
    first: int
    last: int
    since: int | None
    carried_at: int | None = None

    @property
    def count(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class Restart:
    """A chain that began again: a restore (``restored``) or a new install, naming the
    chain it follows when the device knew it."""

    device_id: str
    chain_id: str
    restored: bool
    follows_chain: str | None
    follows_seq: int
    sealed_at: int


def find_gaps(chains: Iterable[ChainView]) -> tuple[list[Gap], list[Restart]]:
    """Every hole in ``chains`` (split into carried and missing parts) and every restart,
    in device, chain and number order."""
    by_key = {(c.device_id, c.chain_id): c for c in chains}
    holes: list[Gap] = []
    restarts: list[Restart] = []
    first_start: dict[str, int] = {}  # when each device's earliest known chain began
    for view in by_key.values():
        if view.start is not None:
            moment = first_start.get(view.device_id, view.start[3])
            first_start[view.device_id] = min(moment, view.start[3])
    for view in by_key.values():
        holes.extend(_holes(view))
        if view.start is None:
            continue
        reason, follows, follows_seq, sealed_at = view.start
        if reason == START_RESTORED or sealed_at > first_start[view.device_id]:
            restarts.append(
                Restart(
                    view.device_id,
                    view.chain_id,
                    reason == START_RESTORED,
                    follows,
                    follows_seq,
                    sealed_at,
                )
            )
        if follows is None or follows_seq < 1:
            continue
        old = by_key.get((view.device_id, follows))
        last, since = old.links[-1] if old is not None and old.links else (0, None)
        if last < follows_seq:
            # The restored copy had sealed up to follows_seq: those after the last that
            # came never did (the holes before it are the old chain's own).
            holes.append(Gap(view.device_id, follows, last + 1, follows_seq, since))
    gaps = [
        part for hole in holes for part in _split(hole, by_key.get((hole.device_id, hole.chain_id)))
    ]
    gaps.sort(key=lambda g: (g.device_id, g.chain_id, g.first))
    restarts.sort(key=lambda r: (r.device_id, r.sealed_at))
    return gaps, restarts


def _holes(view: ChainView) -> list[Gap]:
    found: list[Gap] = []
    expected: int = 1
    since: int | None = None
    for seq, sealed_at in view.links:
        if seq > expected:
            found.append(Gap(view.device_id, view.chain_id, expected, seq - 1, since))
        expected, since = seq + 1, sealed_at
    return found


def _split(hole: Gap, view: ChainView | None) -> list[Gap]:
    """The parts of ``hole`` that a carried range covers, and the rest, in order."""
    spans = sorted(view.carried) if view is not None else []
    parts: list[Gap] = []
    at = hole.first
    for first, last, moment in spans:
        low, high = max(first, at), min(last, hole.last)
        if low > high:
            continue
        if low > at:
            parts.append(Gap(hole.device_id, hole.chain_id, at, low - 1, hole.since))
        parts.append(Gap(hole.device_id, hole.chain_id, low, high, hole.since, moment))
        at = high + 1
    if at <= hole.last:
        parts.append(Gap(hole.device_id, hole.chain_id, at, hole.last, hole.since))
    return parts
