"""Photo chunks that do not tell the server how many photos a report has, or their sizes.

- Every chunk fills the same padding bucket (`CHUNK_PADDED`, 256 KiB), the last chunk of a
  photo too: a chunk's size says nothing about the photo it belongs to.
- A report's chunk count is padded up to a power of two (1, 2, 4, 8, …) with filler
  chunks: ``attachment_chunk`` envelopes with an empty payload, padded like the others,
  named by no report (the desk keeps them as empty chunks nothing asks for). A report
  without photos sends no chunk.
- The sync sends the chunks of all the reports of a pass in random order, in batches of
  their own, before the report envelopes (desktop/services/sync.py).

What the server still learns is in docs/server.md ("What the server can and cannot see").
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Sequence
from typing import TypeVar

from desktop.store.outbox import SealedChunk
from sync.envelope.chain import MAX_CHAIN_BLOCK
from sync.envelope.padding import FRAME_OVERHEAD_V2

CHUNK_PADDED = 256 * 1024
"""The padded plaintext size of every chunk."""
CHUNK_SIZE = CHUNK_PADDED - FRAME_OVERHEAD_V2 - MAX_CHAIN_BLOCK
"""A chunk's payload with the framing and the largest chain block fills `CHUNK_PADDED` at
most (docs/envelope.md): every chunk pads to the same bucket, whatever its chain block."""
FILLER_POSITION = 1_000_000
"""The outbox position of filler chunks (no photo has it: a report holds few photos)."""

T = TypeVar("T")
Sealer = Callable[[bytes, str], bytes]
"""Seals one chunk payload under an envelope id, padded to `CHUNK_PADDED`."""


def padded_count(chunks: int) -> int:
    """The chunk count a report sends for ``chunks`` real ones: 0, or a power of two."""
    return 0 if chunks <= 0 else 1 << (chunks - 1).bit_length()


def filler_chunks(real: int, seal: Sealer) -> list[SealedChunk]:
    """The filler chunks that bring ``real`` chunks up to `padded_count`."""
    return [
        SealedChunk(envelope_id, FILLER_POSITION, index, seal(b"", envelope_id))
        for index, envelope_id in ((i, str(uuid.uuid4())) for i in range(padded_count(real) - real))
    ]


def mixed(items: Sequence[T]) -> list[T]:
    """``items`` in a random order (the chunks of several reports, interleaved)."""
    out = list(items)
    secrets.SystemRandom().shuffle(out)
    return out
