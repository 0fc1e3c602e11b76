"""A token bucket per API token, in memory, in bounded memory.

Each key (a device, a desk token, or "anonymous" for requests without a known token) may
spend ``burst`` requests at once and regains ``rate`` per second. At most ``max_keys``
buckets are held: when a new key would pass that, the buckets that have refilled are
dropped (a full bucket is the same as none), then, if still needed, the least recently
used one (its key starts again with a full burst: the bound costs the limit precision
only when more than ``max_keys`` tokens are active within one refill time).
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

MAX_KEYS = 10_000


class RateLimiter:
    """Thread-safe token buckets. ``take(key)`` returns 0.0 when allowed, else seconds to wait."""

    def __init__(
        self,
        burst: float,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = MAX_KEYS,
    ) -> None:
        if burst < 1 or rate <= 0 or max_keys < 1:
            raise ValueError("burst must be at least 1, rate positive, max_keys at least 1")
        self._burst = float(burst)
        self._rate = float(rate)
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._buckets)

    def take(self, key: str) -> float:
        """Spend one request for ``key``; 0.0 if allowed, else the seconds until one is."""
        with self._lock:
            now = self._clock()
            held = self._buckets.get(key)
            if held is None:
                self._make_room(now)
                held = (self._burst, now)
            tokens = min(self._burst, held[0] + (now - held[1]) * self._rate)
            wait = 0.0
            if tokens >= 1.0:
                tokens -= 1.0
            else:
                wait = (1.0 - tokens) / self._rate
            self._buckets[key] = (tokens, now)
            self._buckets.move_to_end(key)
            return wait

    def _make_room(self, now: float) -> None:
        if len(self._buckets) < self._max_keys:
            return
        refill = self._burst / self._rate
        for key in [k for k, (_, last) in self._buckets.items() if now - last >= refill]:
            del self._buckets[key]
        while len(self._buckets) >= self._max_keys:
            self._buckets.popitem(last=False)


def retry_after_header(wait: float) -> str:
    """Whole seconds for a Retry-After header (at least 1)."""
    return str(max(1, math.ceil(wait)))
