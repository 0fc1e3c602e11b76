"""A plain-words strength hint for a new passphrase. No Qt; the first-run screen shows it."""

from __future__ import annotations

import math
import unicodedata
from enum import Enum

MIN_LENGTH = 8  # the store refuses shorter ones (desktop/store/keyfile.py)


class Strength(Enum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


def estimate_bits(passphrase: str) -> float:
    """A rough entropy estimate: length times log2 of the alphabet the characters span.

    Deliberately crude (no dictionary): it only separates "short and samey" from "long and
    varied", which is what a hint at a checkpoint-ready passphrase needs.
    """
    text = unicodedata.normalize("NFC", passphrase)
    if not text:
        return 0.0
    pools = 0
    if any(c.islower() for c in text):
        pools += 26
    if any(c.isupper() for c in text):
        pools += 26
    if any(c.isdigit() for c in text):
        pools += 10
    if any(c.isspace() or (not c.isalnum() and c.isascii()) for c in text):
        pools += 33
    if any(not c.isascii() for c in text):
        pools += 100  # Burmese or another script
    distinct = len(set(text))
    return len(text) * math.log2(max(pools, 2)) * min(1.0, distinct / max(len(text) * 0.5, 1))


def strength(passphrase: str) -> Strength:
    """TOO_SHORT below MIN_LENGTH characters, then by estimated bits: <45 weak, <70 fair."""
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_LENGTH:
        return Strength.TOO_SHORT
    bits = estimate_bits(passphrase)
    if bits < 45:
        return Strength.WEAK
    if bits < 70:
        return Strength.FAIR
    return Strength.STRONG
