"""Times in UTC: the one zone reports, records and the store write times in."""

from __future__ import annotations

from datetime import UTC, datetime


def to_utc(moment: datetime) -> datetime:
    """The same instant in UTC. Raises ValueError for a naive datetime."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a time without a zone is ambiguous")
    return moment.astimezone(UTC)


def format_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a trailing Z, to the second unless sub-second parts exist."""
    text = to_utc(moment).isoformat()
    return text.removesuffix("+00:00") + "Z"


def utc_now() -> datetime:
    return datetime.now(UTC)
