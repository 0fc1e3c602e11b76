"""A token bucket per API token, in memory.

Each key (a device, a desk token, or "anonymous" for requests without a known token) may
spend ``burst`` requests at once and regains ``rate`` per second. Memory is bounded by the
number of keys, which is bounded by the tokens the server issued (plus one).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


class RateLimiter:
    """Thread-safe token buckets. ``take(key)`` returns 0.0 when allowed, else seconds to wait."""

    def __init__(
        self, burst: float, rate: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if burst < 1 or rate <= 0:
            raise ValueError("burst must be at least 1 and rate positive")
        self._burst = float(burst)
        self._rate = float(rate)
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """Spend one request for ``key``; 0.0 if allowed, else the seconds until one is."""
        with self._lock:
            now = self._clock()
            tokens, last = self._buckets.get(key, (self._burst, now))
            tokens = min(self._burst, tokens + (now - last) * self._rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self._rate


def retry_after_header(wait: float) -> str:
    """Whole seconds for a Retry-After header (at least 1)."""
    return str(max(1, math.ceil(wait)))
