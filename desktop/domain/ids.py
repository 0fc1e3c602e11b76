"""Report ids: UUIDv7 (RFC 9562), so ids sort by creation time and reveal nothing else."""

from __future__ import annotations

import os
import re
import uuid
from datetime import datetime

# Exactly what str(uuid.UUID(...)) writes, matched without building a UUID.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def new_report_id(created: datetime) -> str:
    """A fresh UUIDv7 string whose 48-bit prefix is `created` in Unix milliseconds."""
    millis = int(created.timestamp() * 1000) & ((1 << 48) - 1)
    rand = int.from_bytes(os.urandom(10), "big")
    rand_a = rand >> 68  # 12 bits
    rand_b = rand & ((1 << 62) - 1)
    value = (millis << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    return str(uuid.UUID(int=value))


def is_report_id(text: str) -> bool:
    """True for a canonical lowercase UUID string (any version: older ids stay readable)."""
    return _CANONICAL_UUID.fullmatch(text) is not None
