"""Duplicates and corroboration at the desk: reports that tell of one observation.

Two reports tell of the same observation when they are about the same crossing, were
observed within `WINDOW` of each other, and their facts agree: every board aspect both
speak of (each side, each kind of traffic, civilian passage) has the same value in both,
and they share at least one such aspect. A report that says "unknown" about an aspect
says nothing about it, so it neither agrees nor disagrees there.

Grouping goes through one crossing's reports in observation order; a report joins the
first open group all of whose reports it agrees with and whose first report is within
the window, else it starts a group. So a group never chains two observations that
disagree, and never spans more than the window. The group's independent sources are
counted as the board counts them (`BoardReport.source_key`: a pseudonym on one device,
or the device itself), so one trader reporting three times is one source.

Photos are compared by a 64-bit difference hash (`desktop.services.desk.photo_hash`): two
photos within `PHOTO_DISTANCE` bits are the same picture, whatever the re-encoding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from desktop.domain.desk.board_report import BoardReport

WINDOW = timedelta(hours=6)
PHOTO_DISTANCE = 6


@dataclass(frozen=True)
class DuplicateGroup:
    """Reports telling of one observation: the first observed leads."""

    gate: str
    report_ids: tuple[str, ...]
    sources: int

    @property
    def lead(self) -> str:
        return self.report_ids[0]


def facts_agree(first: Mapping[str, str], second: Mapping[str, str]) -> bool:
    """Same value wherever both speak, and at least one aspect both speak of."""
    shared = first.keys() & second.keys()
    return bool(shared) and all(first[aspect] == second[aspect] for aspect in shared)


def group_duplicates(
    reports: Iterable[BoardReport], *, window: timedelta = WINDOW
) -> list[DuplicateGroup]:
    """Groups of two or more reports telling of one observation (see the module docstring),
    by crossing and then time."""
    by_gate: dict[str, list[BoardReport]] = {}
    for report in reports:
        if report.gate:
            by_gate.setdefault(report.gate, []).append(report)
    groups: list[DuplicateGroup] = []
    for gate in sorted(by_gate):
        ordered = sorted(by_gate[gate], key=lambda r: (r.observed_at, r.report_id))
        made: list[list[BoardReport]] = []
        open_groups: list[list[BoardReport]] = []
        for report in ordered:
            open_groups = [
                g for g in open_groups if report.observed_at - g[0].observed_at <= window
            ]
            fitting = [
                g for g in open_groups if all(facts_agree(report.values, o.values) for o in g)
            ]
            if fitting:
                # The group it agrees with on most facts; ties: the nearest in time.
                best = max(
                    fitting,
                    key=lambda g: (_shared(report, g), g[-1].observed_at),
                )
                best.append(report)
            else:
                open_groups.append([report])
                made.append(open_groups[-1])
        groups += [
            DuplicateGroup(
                gate, tuple(r.report_id for r in members), len({r.source_key for r in members})
            )
            for members in made
            if len(members) >= 2
        ]
    return groups


def _shared(report: BoardReport, group: Sequence[BoardReport]) -> int:
    """How many facts the report shares with the group's reports (each counted once)."""
    spoken: set[str] = set()
    for other in group:
        spoken |= other.values.keys()
    return len(report.values.keys() & spoken)


def hamming(first: int, second: int) -> int:
    return (first ^ second).bit_count()


def same_photos(
    hashes: Sequence[tuple[str, int, int]], *, distance: int = PHOTO_DISTANCE
) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    """Pairs of photos in different reports that are the same picture: from
    (report id, photo position, hash) triples, pairs of (report id, position)."""
    pairs = []
    for i, (report_a, position_a, hash_a) in enumerate(hashes):
        for report_b, position_b, hash_b in hashes[i + 1 :]:
            if report_a != report_b and hamming(hash_a, hash_b) <= distance:
                pairs.append(((report_a, position_a), (report_b, position_b)))
    return pairs


def pair_scores(
    predicted: Iterable[Sequence[str]], truth: Iterable[Sequence[str]]
) -> tuple[float, float]:
    """Precision and recall of the pairs of reports grouped together, against known groups."""

    def pairs(groups: Iterable[Sequence[str]]) -> set[frozenset[str]]:
        found: set[frozenset[str]] = set()
        for group in groups:
            members = list(group)
            for i, first in enumerate(members):
                for second in members[i + 1 :]:
                    found.add(frozenset({first, second}))
        return found

    got, want = pairs(predicted), pairs(truth)
    right = len(got & want)
    return (right / len(got) if got else 1.0, right / len(want) if want else 1.0)
