"""Report payloads: what a device's ``report`` envelope carries.

Canonical JSON (keys sorted, compact, UTF-8, no NaN) of::

    {"format": "gatewatch-report/1",
     "report": <the report's record: identity keys and content>,
     "attachments": [{"position", "media_type", "size", "sha256", "width", "height",
                      "chunks": [{"envelope_id", "sha256", "size"}, ...]}, ...]}

Each photo travels as ``attachment_chunk`` envelopes whose payload is the photo's bytes
from ``chunk * CHUNK_SIZE`` on (desktop/services/photo_chunks.py); the report names them.
The record's fields and rules are `desktop.domain.report.Report`'s; the desk reads the
document in `desktop/services/desk/open.py`. Vector: tests/sync/vectors/report_v1.json.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

__all__ = ["REPORT_FORMAT", "report_payload"]

REPORT_FORMAT = "gatewatch-report/1"
"""The document a report envelope carries: {format, report (`Report.to_json`), attachments}."""


def report_payload(record: dict[str, Any], attachments: Sequence[dict[str, Any]]) -> bytes:
    """The canonical JSON bytes of a report envelope's payload."""
    document = {"format": REPORT_FORMAT, "report": record, "attachments": list(attachments)}
    return json.dumps(
        document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")
