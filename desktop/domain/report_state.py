"""Where a report revision stands on this device: a draft being written, queued to go,
sent (the server's receipt is stored), or sent and its content since removed here."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ReportState"]


class ReportState(StrEnum):
    """Where a report revision stands on this device."""

    DRAFT = "draft"
    QUEUED = "queued"
    SENT = "sent"
    PURGED = "purged"
