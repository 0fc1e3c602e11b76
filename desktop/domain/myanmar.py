"""Burmese text: one spelling for the marks typed in any order, and syllables.

Plain Python. Keyboards let the signs after a consonant be typed in several orders that
render the same: "ု" and "ံ", "ွ" and "ှ", "့" and "်". `canonical_text` gives every
such spelling one form: NFC (which puts "့" before "်", as Unicode's canonical order
says) with the other signs of each cluster in the storage order of Unicode Technical Note
#11 (medials ျ ြ ွ ှ, the vowel ေ, the upper vowels, the lower vowels, the vowel ာ/ါ,
then ံ, ့ and း). An asat (်) or a virama (္) ends a cluster, so spellings that need a
sign after an asat, as in ကျွန်ုပ်, are kept.

`syllables` cuts a run of Burmese letters where a syllable starts: at a consonant not
stacked under another (after ္) and not killed by an asat, at an independent vowel, and
at the one-letter words ၌ ၍ ၎ ၏.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from typing import Final

__all__ = ["SYLLABLE_START", "canonical_text", "canonical_text_nfc", "syllables"]

# Rank of each reorderable sign: UTN #11 storage order.
_RANK: Final = {
    "\u103b": 1,
    "\u103c": 2,
    "\u103d": 3,
    "\u103e": 4,
    "\u1031": 5,
    "\u102d": 6,
    "\u102e": 6,
    "\u1032": 6,
    "\u102f": 7,
    "\u1030": 7,
    "\u102b": 8,
    "\u102c": 8,
    "\u1036": 9,
    "\u1037": 10,
    "\u1038": 11,
}
_CLUSTER_SIGNS: Final = re.compile("[" + "".join(_RANK) + "]{2,}")
# Two adjacent signs out of that order. Without one, sorting every cluster (stable, by
# rank) changes nothing: most stored text is already in this form.
_UNSORTED: Final = re.compile(
    "|".join(
        f"{sign}[{''.join(c for c, r in _RANK.items() if r < rank)}]"
        for sign, rank in _RANK.items()
        if rank > 1
    )
)
# Consonants and independent vowels, with the extensions for Shan and other languages.
_CONSONANTS: Final = (
    "\u1000-\u102a\u103f\u1050-\u1055\u105a-\u105d\u1061\u1065\u1066"
    "\u106e-\u1070\u1075-\u1081\u108e"
)
SYLLABLE_START: Final = rf"(?<!\u1039)[{_CONSONANTS}](?!\u1037?[\u103a\u1039])|[\u104c-\u104f]"
"""A regular expression matching where a syllable starts (for patterns built on it)."""
_SYLLABLE_START: Final = re.compile(SYLLABLE_START)
# The texts last found canonical and NFC, so that seeing one again costs a comparison: a
# received report's texts are made canonical when it is validated, then folded for search
# (NFC of Burmese text is most of that). Appending to a deque and testing membership are
# each one step under the GIL, so threads may share it.
_SETTLED: Final[deque[str]] = deque(maxlen=16)


def canonical_text(text: str) -> str:
    """`text` in NFC with the signs of each Burmese cluster in one order. Idempotent;
    text without Burmese is only NFC-normalised."""
    return canonical_text_nfc(text)[0]


def canonical_text_nfc(text: str) -> tuple[str, bool]:
    """`canonical_text(text)`, and True when that is NFC too (no cluster was reordered),
    so that a caller may skip normalising it again."""
    if text.isascii():  # NFC already, and no Burmese
        return text, True
    if text in _SETTLED:
        return text, True
    text = unicodedata.normalize("NFC", text)
    if not _UNSORTED.search(text):
        _SETTLED.append(text)
        return text, True
    return _CLUSTER_SIGNS.sub(_sorted_signs, text), False


def _sorted_signs(cluster: re.Match[str]) -> str:
    return "".join(sorted(cluster.group(), key=_RANK.__getitem__))


def syllables(run: str) -> list[str]:
    """The syllables of `run`, a stretch of Burmese letters and signs (in canonical form)."""
    starts = [m.start() for m in _SYLLABLE_START.finditer(run)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return [run[a:b] for a, b in zip(starts, [*starts[1:], len(run)], strict=True)]
