"""The chain block: where an envelope stands in its device's sequence (format version 2).

Every envelope a device seals names its chain, its sequence number in it, the SHA-256 of the
device's previous envelope in that chain and when it was sealed, inside the signature (the
server cannot read or change it). The first envelope of a chain says why the chain started
(a new install, or a restore from a backup) and may name the chain it continues from; any
envelope may list ranges of earlier envelopes of its chain that the device handed to a
courier and that no receipt has confirmed yet. Layout (docs/envelope.md)::

    offset  size  field
    0       16    chain id (random)
    16      8     sequence number, from 1
    24      32    SHA-256 of the previous envelope of the chain (zeros for number 1)
    56      8     sealed at, seconds since 1970 UTC (the device's clock)
    64      1     start: 0 continues, 1 new chain, 2 restored from a backup
    65      16    the chain this one follows (zeros: none)
    81      8     the last number of that chain this device knew (0: none)
    89      1     k, ranges carried by hand (at most 32)
    90      24k   each range: first number (8), last number (8), carried at (8)
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from enum import IntEnum

from sync.envelope.errors import MalformedEnvelope

CHAIN_ID_SIZE = 16
HASH_SIZE = 32
FIXED_SIZE = 90
RANGE_SIZE = 24
MAX_CARRIED = 32
MAX_CHAIN_BLOCK = FIXED_SIZE + RANGE_SIZE * MAX_CARRIED
"""The largest chain block (858 bytes): a sender that pads to a size leaves room for it."""
MAX_SEQ = (1 << 63) - 1
NO_HASH = bytes(HASH_SIZE)
NO_CHAIN = bytes(CHAIN_ID_SIZE)
# The fixed part (module doc) and one carried range, as struct reads them.
_FIXED = struct.Struct(">16sQ32sQB16sQB")
_RANGE = struct.Struct(">QQQ")


class ChainStart(IntEnum):
    """Why a chain starts; only its first envelope says so."""

    CONTINUES = 0
    NEW = 1
    RESTORED = 2


@dataclass(frozen=True)
class CarriedRange:
    """Envelopes ``first``..``last`` of the chain, handed to a courier at ``carried_at``."""

    first: int
    last: int
    carried_at: int


@dataclass(frozen=True)
class ChainLink:
    """One envelope's place in its device's chain (see the module doc).

    Construction checks every rule and raises ``ValueError`` on a broken one.
    """

    chain_id: str
    seq: int
    previous: bytes
    sealed_at: int
    start: ChainStart = ChainStart.CONTINUES
    follows_chain: str | None = None
    follows_seq: int = 0
    carried: tuple[CarriedRange, ...] = ()

    def __post_init__(self) -> None:
        if type(self.start) is not ChainStart:
            object.__setattr__(self, "start", ChainStart(self.start))
        _check_chain_id(self.chain_id)
        if not 1 <= self.seq <= MAX_SEQ:
            raise ValueError("a sequence number is 1 to 2^63-1")
        if len(self.previous) != HASH_SIZE:
            raise ValueError("the previous envelope's hash is 32 bytes")
        if not 0 <= self.sealed_at <= MAX_SEQ:
            raise ValueError("the seal time is seconds since 1970")
        first = self.seq == 1
        if first != (self.previous == NO_HASH) or first != (self.start != ChainStart.CONTINUES):
            raise ValueError("only number 1 starts a chain, has no previous hash and a reason")
        if self.follows_chain is None:
            if self.follows_seq:
                raise ValueError("a followed sequence number needs the chain it is in")
        else:
            _check_chain_id(self.follows_chain)
            if not first or self.follows_chain == self.chain_id:
                raise ValueError("only the start of a chain follows another chain")
            if not 0 <= self.follows_seq <= MAX_SEQ:
                raise ValueError("the followed sequence number is out of range")
        if len(self.carried) > MAX_CARRIED:
            raise ValueError(f"at most {MAX_CARRIED} carried ranges")
        after = 0
        for span in self.carried:
            if not after < span.first <= span.last < self.seq or span.carried_at < 0:
                raise ValueError("carried ranges are ordered, apart and before this envelope")
            after = span.last

    def encode(self) -> bytes:
        """The chain block's bytes (module doc)."""
        follows = NO_CHAIN if self.follows_chain is None else bytes.fromhex(self.follows_chain)
        parts = [
            bytes.fromhex(self.chain_id),
            self.seq.to_bytes(8, "big"),
            self.previous,
            self.sealed_at.to_bytes(8, "big"),
            bytes((int(self.start),)),
            follows,
            self.follows_seq.to_bytes(8, "big"),
            bytes((len(self.carried),)),
        ]
        for span in self.carried:
            parts += [
                span.first.to_bytes(8, "big"),
                span.last.to_bytes(8, "big"),
                span.carried_at.to_bytes(8, "big"),
            ]
        return b"".join(parts)


def decode_chain(block: bytes) -> ChainLink | None:
    """The link a chain block holds; None for an empty block (an unchained envelope).

    Raises :class:`MalformedEnvelope` when the block breaks the layout or a rule.
    """
    if not block:
        return None
    if len(block) < FIXED_SIZE:
        raise MalformedEnvelope("the chain block is too short")
    chain_id, seq, previous, sealed_at, start, follows, follows_seq, count = _FIXED.unpack_from(
        block
    )
    if len(block) != FIXED_SIZE + RANGE_SIZE * count:
        raise MalformedEnvelope("the chain block's length does not match its ranges")
    try:
        return ChainLink(
            chain_id=chain_id.hex(),
            seq=seq,
            previous=previous,
            sealed_at=sealed_at,
            start=ChainStart(start),
            follows_chain=None if follows == NO_CHAIN else follows.hex(),
            follows_seq=follows_seq,
            carried=tuple(CarriedRange(*span) for span in _RANGE.iter_unpack(block[FIXED_SIZE:])),
        )
    except ValueError as error:
        raise MalformedEnvelope(f"the chain block breaks a rule: {error}") from error


def envelope_hash(envelope: bytes) -> bytes:
    """What the next envelope of a chain names as its previous one: SHA-256 of all bytes."""
    return hashlib.sha256(envelope).digest()


def _check_chain_id(value: str) -> None:
    if (
        not isinstance(value, str)
        or len(value) != 2 * CHAIN_ID_SIZE
        or value.strip("0123456789abcdef")
        or value == NO_CHAIN.hex()
    ):
        raise ValueError("a chain id is 32 lowercase hex digits, not all zero")
