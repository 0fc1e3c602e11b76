"""What a command changed, told to every view after it ran.

A command of a session (`desktop/services/correspondent/session.py`,
`desktop/services/desk/session.py`) returns `Changes`, or `Done` when it also has a
value for its caller. The store worker broadcasts the `Changes` on the GUI thread
(`StoreWorker.changed`) before it calls the caller back; every view connected to it decides
for itself whether what it shows is touched, so no command has to know which screens to
refresh.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Which kinds of state a command touched. Combine with ``|``."""

    reports: bool = False  # a report's text, state, or which reports exist
    delivery: bool = False  # the outbox: queued, carried, sent, with the newsroom
    photos: bool = False
    followups: bool = False  # questions and answers
    settings: bool = False
    review: bool = False  # desk: review states, notes, assignments, tags, marks, attention
    devices: bool = False  # desk: device approvals and revocations
    envelopes: bool = False  # desk: a pull or an import brought envelopes or reports

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @property
    def board(self) -> bool:
        """Whether the gate status board may read differently (it derives from these)."""
        return self.review or self.devices or self.envelopes


NOTHING = Changes()


@dataclass(frozen=True)
class Done(Generic[T]):
    """A command's value for its caller, and what it changed for everyone else."""

    value: T
    changes: Changes
