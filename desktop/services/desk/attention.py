"""What needs attention at the desk, in the order an editor deals with it: answers that
arrived from correspondents, conflicts on the board, reports assigned to this desk, and
new reports. The window shows the count in its title and the list in its own tab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.gazetteer import Gazetteer
from desktop.services.desk.board import board
from desktop.store.database import Store
from desktop.store.desk.attention import AttentionRepository, Waiting

NEW_SHOWN = 50


@dataclass(frozen=True)
class Conflict:
    gate: str
    aspect: str
    report_ids: tuple[str, ...]


@dataclass(frozen=True)
class Attention:
    answers: list[Waiting]
    conflicts: list[Conflict]
    mine: list[Waiting]
    new: list[Waiting]  # the newest `NEW_SHOWN`
    new_count: int
    count: int  # everything waiting, each report once: the number in the window's title


def attention(store: Store, gazetteer: Gazetteer, *, now: datetime | None = None) -> Attention:
    repository = AttentionRepository(store)
    conflicts = [
        Conflict(status.gate, aspect.aspect, tuple(e.report_id for e in aspect.conflict))
        for status in board(store, gazetteer, now=now)
        for aspect in status.aspects.values()
        if aspect.conflict
    ]
    new, new_count = repository.new_reports(NEW_SHOWN)
    answers, mine = repository.answers_to_read(), repository.assigned_to_me()
    named = list(dict.fromkeys(w.report_id for w in [*answers, *mine]))
    count = len(conflicts) + len(named) + new_count - repository.new_among(named)
    return Attention(answers, conflicts, mine, new, new_count, count)
