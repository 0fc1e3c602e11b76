"""The JSON of a ``GET /v1/envelopes`` page, written straight from the database rows.

A page is up to 500 envelopes and 36 MiB of ciphertext. Built as a pydantic
``protocol.EnvelopePage``, each envelope would become a model, its base64 a ``str`` and
the serializer would scan every byte of it again for characters to escape. Here each body
is base64-encoded once, to bytes, and spliced into the reply as it is: the base64 alphabet
needs no escaping in JSON. The other text fields go through the json module's escaping.

The bytes are exactly those pydantic writes for the same page (keys in the model's order,
no spaces, UTF-8 unescaped, control characters escaped); tests/sync/test_page_json.py holds
the two equal, and the route still declares ``protocol.EnvelopePage`` for the OpenAPI
document.
"""

from __future__ import annotations

import binascii
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

__all__ = ["PAGE_COLUMNS", "envelope_page_json"]

PAGE_COLUMNS = (
    "seq, envelope_id, device_id, kind, recipient_key_id, kem, size, sha256, received_at, body"
)
"""The columns of a page's rows, in the order :func:`envelope_page_json` reads them."""

_b64 = binascii.b2a_base64
_text = encode_basestring  # quoted and escaped; raises TypeError on anything but a str


def envelope_page_json(rows: Sequence[Sequence[Any]], next_after: int, more: bool) -> bytes:
    """``{"envelopes": [...], "next_after": N, "more": B}`` for rows of ``PAGE_COLUMNS``."""
    # One join at the end: the page's few MiB are copied once, into memory touched once.
    parts: list[bytes] = []
    opening = '{"envelopes":['
    for row in rows:
        parts.append(
            f'{opening}{{"seq":{int(row[0])},"envelope_id":{_text(row[1])},'
            f'"device_id":{_text(row[2])},"kind":{_text(row[3])},'
            f'"recipient_key_id":{_text(row[4])},"kem":{_text(row[5])},'
            f'"size":{int(row[6])},"sha256":{_text(row[7])},'
            f'"received_at":{_text(row[8])},"data":"'.encode()
        )
        parts.append(_b64(row[9], newline=False))
        opening = '"},'
    closing = '"}' if rows else opening
    flag = "true" if more else "false"
    parts.append(f'{closing}],"next_after":{int(next_after)},"more":{flag}}}'.encode())
    return b"".join(parts)
