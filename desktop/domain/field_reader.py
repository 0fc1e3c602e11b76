"""Reading untrusted JSON field by field: each check records every problem with its field
path (never the value in the message), and the text rules every typed text follows."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from desktop.domain.errors import FieldError
from desktop.domain.ids import is_report_id
from desktop.domain.myanmar import canonical_text
from desktop.domain.report_values import EARLIEST_OBSERVATION, FIELD_NAME_PATTERN, MAX_AMOUNT

E = TypeVar("E", bound=StrEnum)

# C0 and C1 controls (Unicode category Cc) except tab and newline, and lone surrogates (Cs).
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def is_clean_text(text: str) -> bool:
    """False if `text` holds a C0 or C1 control character other than newline and tab
    (NUL, escape sequences, carriage returns…) or a lone surrogate (not encodable as UTF-8).

    Format characters (Cf) such as the zero-width space and (non-)joiners are kept:
    Burmese and other scripts need them.
    """
    return _FORBIDDEN_CHARS.search(text) is None


def blank_unclean_chars(text: str) -> str:
    """`text` with every character `is_clean_text` refuses replaced by a space."""
    return _FORBIDDEN_CHARS.sub(" ", text)


_NOTHING = object()


def _describe(value: object) -> str:
    """What `FieldError.got` shows: repr (control characters escaped), at most 40 chars."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class FieldReader:
    """Walks untrusted JSON, collecting every error with its field path."""

    def __init__(self, now: datetime | None = None) -> None:
        self.errors: list[FieldError] = []
        self._now = now

    def fail(self, path: str, message: str, got: object = _NOTHING) -> None:
        """Record a problem. `message` must not quote the value: pass it as `got`."""
        description = None if got is _NOTHING else _describe(got)
        self.errors.append(FieldError(path, message, description))

    def _known_keys(self, data: Mapping[Any, Any], allowed: tuple[str, ...], path: str) -> bool:
        if not data.keys() - allowed:  # the usual case, in C
            return True
        unknown = sorted(str(k) for k in data if k not in allowed)
        for key in unknown:
            # A key shaped like a field name is named in the path; any other key may be
            # content typed in the wrong place, so it goes to `got` only.
            named = key if FIELD_NAME_PATTERN.fullmatch(key) else "(unknown key)"
            self.fail(
                _join(path, named),
                "is not a report field (reports hold no names or other identifiers); "
                f"allowed: {', '.join(allowed)}",
                key,
            )
        return not unknown

    def _coordinate(self, value: object, path: str, bound: int) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, "must be a number", value)
            return None
        if not math.isfinite(value):
            self.fail(path, "must be a finite number (not NaN or Infinity)")
            return None
        if not -bound <= value <= bound:
            self.fail(path, f"must be between -{bound} and {bound}")
            return None
        return float(value)

    def timestamp(self, value: object, path: str) -> datetime | None:
        if not isinstance(value, str) or len(value) > 40:
            self.fail(path, "must be an ISO 8601 time with a zone, e.g. 2024-11-12T09:30:00+06:30")
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self.fail(path, "is not an ISO 8601 time, e.g. 2024-11-12T09:30:00+06:30", value)
            return None
        if moment.tzinfo is None or moment.utcoffset() is None:
            self.fail(path, "must carry a zone, e.g. +06:30 for Myanmar time or Z for UTC")
            return None
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:  # e.g. 9999-12-31T23:59:59-23:59 is past the year 9999 in UTC
            self.fail(path, "is out of range: check the date and the zone", value)
            return None
        if moment < EARLIEST_OBSERVATION:
            self.fail(path, "is before 2000: check the date")
            return None
        return moment

    def choice(self, value: object, path: str, kind: type[E]) -> E | None:
        member = kind._value2member_map_.get(value) if isinstance(value, str) else None
        if member is not None:
            return member  # type: ignore[return-value]
        allowed = [member.value for member in kind]
        self.fail(path, f"must be one of {', '.join(allowed)}", value)
        return None

    def _choices(self, value: object, path: str, kind: type[E]) -> tuple[E, ...] | None:
        if not isinstance(value, list):
            self.fail(path, "must be a list")
            return None
        picked: list[E] = []
        for index, item in enumerate(value):
            member = self.choice(item, f"{path}[{index}]", kind)
            if member is not None and member not in picked:
                picked.append(member)
        return tuple(picked)

    def _amount(self, value: object, path: str) -> int | float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, "must be a number", value)
            return None
        if not math.isfinite(value):
            self.fail(path, "must be a finite number (not NaN or Infinity)")
            return None
        if not 0 <= value <= MAX_AMOUNT:
            self.fail(path, f"must be between 0 and {MAX_AMOUNT:,}")
            return None
        return value

    def integer(self, value: object, path: str, low: int, high: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, f"must be a whole number from {low} to {high}", value)
            return None
        if not low <= value <= high:
            self.fail(path, f"must be from {low} to {high}", value)
            return None
        return value

    def text(self, value: object, path: str, limit: int, may_be_empty: bool) -> str | None:
        if not isinstance(value, str):
            self.fail(path, "must be text", value)
            return None
        # Windows line ends become "\n" rather than a refusal: a pasted paragraph is fine.
        unified = value.replace("\r\n", "\n").replace("\r", "\n")
        normalised = canonical_text(unified)
        if not may_be_empty and not normalised.strip():
            self.fail(path, "must not be empty")
            return None
        if len(normalised) > limit:
            self.fail(path, f"is too long: at most {limit:,} characters")
            return None
        if not is_clean_text(normalised):
            self.fail(
                path,
                "must not contain control characters (line breaks and tabs are fine) "
                "or broken characters",
            )
            return None
        return normalised

    def report_id(self, value: object, path: str) -> str | None:
        if isinstance(value, str) and is_report_id(value):
            return value
        self.fail(path, "must be a report id (a UUID)", value)
        return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
