"""How many photos a report may carry, how large, and of which types: the device's store
and the desk's pull check the same limits."""

from __future__ import annotations

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
MAX_ATTACHMENTS_PER_REPORT = 20
MEDIA_TYPES = ("image/jpeg", "image/png")
