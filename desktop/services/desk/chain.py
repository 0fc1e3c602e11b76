"""What the desk knows is missing, per device: the holes in its envelope chains, what is on
its way by hand, chains that began again, and what did not fit (docs/desk.md, "Missing
envelopes"). For `gatewatch desk gaps` and the desk's *Missing envelopes* view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.domain.desk.chain_gaps import Gap, Restart, find_gaps
from desktop.store.database import Store
from desktop.store.desk.chain import ChainEvent, DeskChainRepository
from desktop.store.desk.core import DeskRepository


@dataclass(frozen=True)
class DeviceGaps:
    """One device's account: holes (carried or missing), restarts, and events."""

    device_id: str
    label: str | None
    gaps: tuple[Gap, ...]
    restarts: tuple[Restart, ...]
    late: int
    again: int
    conflicts: tuple[ChainEvent, ...]
    broken: tuple[ChainEvent, ...]

    @property
    def name(self) -> str:
        return self.label or self.device_id

    @property
    def missing(self) -> int:
        return sum(g.count for g in self.gaps if g.carried_at is None)

    @property
    def carried(self) -> int:
        return sum(g.count for g in self.gaps if g.carried_at is not None)

    @property
    def alarming(self) -> bool:
        """A number used twice or a link that does not follow: a copy of the device, or
        its key in other hands. Missing and late envelopes are not alarms."""
        return bool(self.conflicts or self.broken)


def device_gaps(store: Store) -> list[DeviceGaps]:
    """Every device with chained envelopes at this desk, by name."""
    labels = {d.device_id: d.label for d in DeskRepository(store).devices()}
    repo = DeskChainRepository(store)
    views = repo.views()
    gaps, restarts = find_gaps(views)
    events = repo.events()
    devices = sorted(
        {g.device_id for g in gaps}
        | {r.device_id for r in restarts}
        | {v.device_id for v in views}
        | {e.device_id for e in events},
        key=lambda d: ((labels.get(d) or d).casefold(), d),
    )
    return [
        DeviceGaps(
            device_id=device,
            label=labels.get(device),
            gaps=tuple(g for g in gaps if g.device_id == device),
            restarts=tuple(r for r in restarts if r.device_id == device),
            late=sum(1 for e in events if e.device_id == device and e.kind == "late"),
            again=sum(1 for e in events if e.device_id == device and e.kind == "again"),
            conflicts=tuple(e for e in events if e.device_id == device and e.kind == "conflict"),
            broken=tuple(e for e in events if e.device_id == device and e.kind == "broken"),
        )
        for device in devices
    ]


def day(seconds: int) -> str:
    """A seal time as a day, "12 Dec 2026" (UTC: the device's clock, as it signed it)."""
    moment = datetime.fromtimestamp(seconds, UTC)
    return f"{moment.day} {moment:%b %Y}"


def describe_gap(name: str, gap: Gap) -> str:
    """One line in words: "Laiza laptop: 3 envelopes missing since 12 Dec 2026 (numbers
    42 to 44)"."""
    count = "1 envelope" if gap.count == 1 else f"{gap.count} envelopes"
    numbers = f"number {gap.first}" if gap.count == 1 else f"numbers {gap.first} to {gap.last}"
    since = f" since {day(gap.since)}" if gap.since is not None else ""
    if gap.carried_at is not None:
        return (
            f"{name}: {count} on the way by hand{since} ({numbers}, carried "
            f"{day(gap.carried_at)}, as a later envelope said)"
        )
    return f"{name}: {count} missing{since} ({numbers})"


def describe_restart(name: str, restart: Restart) -> str:
    how = "restored from a backup" if restart.restored else "started a new chain"
    after = (
        f" after number {restart.follows_seq} of the chain before"
        if restart.follows_chain is not None
        else ""
    )
    return f"{name}: {how} on {day(restart.sealed_at)}{after}"


def gaps_json(found: list[DeviceGaps]) -> list[dict[str, Any]]:
    """The account as JSON for `gatewatch desk gaps --json`."""
    return [
        {
            "device_id": d.device_id,
            "label": d.label,
            "missing": d.missing,
            "carried": d.carried,
            "gaps": [
                {
                    "chain_id": g.chain_id,
                    "first": g.first,
                    "last": g.last,
                    "since": g.since,
                    "carried_at": g.carried_at,
                }
                for g in d.gaps
            ],
            "restarts": [
                {
                    "chain_id": r.chain_id,
                    "restored": r.restored,
                    "follows_chain": r.follows_chain,
                    "follows_seq": r.follows_seq,
                    "sealed_at": r.sealed_at,
                }
                for r in d.restarts
            ],
            "late": d.late,
            "again": d.again,
            "conflicts": [[e.chain_id, e.seq, e.envelope_id] for e in d.conflicts],
            "broken": [[e.chain_id, e.seq, e.envelope_id] for e in d.broken],
        }
        for d in found
    ]
