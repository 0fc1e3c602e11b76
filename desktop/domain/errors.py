"""Typed errors of the domain layer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldError:
    """One problem with one field. `path` is like "prices[0].amount" ("" for the whole).

    `message` names what is allowed and never contains what was typed: errors get logged,
    and a report's values may identify a source. `got` is a short escaped description of
    the offending value (at most 40 characters, or None) for a UI to show to the person who
    typed it; it never reaches `str()` or `repr()`.
    """

    path: str
    message: str
    got: str | None = field(default=None, repr=False, compare=False)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ReportValidationError(ValueError):
    """A report was refused. `errors` lists every problem found, each naming its field."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors) or (FieldError("", "invalid report"),)
        super().__init__("; ".join(str(e) for e in self.errors))

    @property
    def fields(self) -> tuple[str, ...]:
        """The paths of the fields at fault, in the order found."""
        return tuple(e.path for e in self.errors)
