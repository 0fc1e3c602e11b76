"""Export profiles: what an export may hold (docs/desk.md, "Profiles").

``internal`` is everything the desk knows, for the newsroom. ``external`` holds nothing
that leads back to a person or to the newsroom's records: no device ids or labels,
envelope ids, desk ids or labels, editors' notes, photos' hashes or pseudonyms; report
ids replaced by ids that hold only within this export; times to the hour; only verified
and published reports.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from desktop.domain.desk.tags import is_newsroom_tag
from desktop.domain.report import format_utc

__all__ = ["EXTERNAL_DROPPED", "Profile", "Redactor"]


class Profile(StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"


EXTERNAL_DROPPED = (
    "created_at",  # the device's clock, to the microsecond
    "device_id",
    "device_label",
    "envelope_id",  # links a report to the server's upload records
    "photos",  # their hashes match the files on the device
    "review_history",  # desk ids, editors' labels and notes
)


class Redactor:
    """Rewrites a report's identifying values for the external profile of one export."""

    def __init__(self, export_id: str) -> None:
        self._salt = export_id.encode()

    def id(self, value: object) -> str | None:
        """An id that is the same for one report throughout this export and unrelated to
        its real id (whose first bits are its creation time) or to other exports."""
        if not isinstance(value, str) or not value:
            return None
        return "x-" + hashlib.sha256(self._salt + b"\0" + value.encode()).hexdigest()[:20]

    @staticmethod
    def hour(value: object) -> str | None:
        """A UTC time rounded down to the hour, ``2024-11-12T03:00:00Z``."""
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, str) and value:
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                return None
        else:
            return None
        return format_utc(moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0))

    def entry(self, entry: dict[str, Any]) -> dict[str, Any]:
        """A JSON export entry with the identifying keys dropped, ids and times redacted."""
        kept = {k: v for k, v in entry.items() if k not in EXTERNAL_DROPPED}
        for key in ("id", "lineage_id", "replaces", "superseded_by"):
            if key in kept:
                kept[key] = self.id(kept[key])
        for key in ("observed_at", "received_at"):
            if key in kept:
                kept[key] = self.hour(kept[key])
        source = kept.get("source")
        if isinstance(source, dict):
            kept["source"] = {**source, "pseudonym": None}
        if isinstance(kept.get("tags"), list):  # a free tag may say what only the desk knows
            kept["tags"] = [tag for tag in kept["tags"] if is_newsroom_tag(tag)]
        return kept
