"""Tunable server limits; the defaults are the protocol's (sync/protocol.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sync import protocol


@dataclass(frozen=True)
class ServerConfig:
    """Limits one server process applies. Tests shrink them to exercise each refusal fast.

    ``rate_burst`` requests may arrive at once per token, refilled at ``rate_per_second``.
    ``invite_days`` is how long an unused invite stays valid. ``max_active_requests``
    bounds the authenticated requests the application reads and works on at once (memory
    stays bounded under the body limits); past it a request gets 503 ``server_busy``. One
    token holds at most ``max_active_per_token`` of them: a seized device's token cannot
    keep the desk and every other device waiting with slow uploads.
    ``flush_seconds``, ``sweep_seconds`` and ``vacuum_seconds`` time the housekeeper
    (housekeeping.py): refusal counts written, retention applied, the file compacted.
    """

    max_upload_request: int = protocol.MAX_UPLOAD_REQUEST_BYTES
    max_message_request: int = protocol.MAX_MESSAGE_REQUEST_BYTES
    max_small_request: int = protocol.MAX_SMALL_REQUEST_BYTES
    max_batch_bytes: int = protocol.MAX_BATCH_BYTES
    max_page_count: int = protocol.MAX_PAGE_COUNT
    max_page_bytes: int = protocol.MAX_PAGE_BYTES
    rate_burst: float = 60.0
    rate_per_second: float = 10.0
    invite_days: int = 7
    max_active_requests: int = 32
    max_active_per_token: int = 8
    flush_seconds: float = 60.0
    sweep_seconds: float = 3600.0
    vacuum_seconds: float = 86400.0

    def __post_init__(self) -> None:
        if self.rate_burst < 1 or self.rate_per_second <= 0:
            raise ValueError("the rate limit needs a burst of at least 1 and a positive rate")
        if min(self.max_upload_request, self.max_small_request, self.max_message_request) < 1:
            raise ValueError("request size limits must be positive")
        if min(self.flush_seconds, self.sweep_seconds, self.vacuum_seconds) <= 0:
            raise ValueError("housekeeping intervals must be positive")
        if min(self.max_active_requests, self.max_active_per_token) < 1:
            raise ValueError("at least one request must be allowed at a time")
