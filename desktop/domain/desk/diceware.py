"""Generated passphrases for newsroom key exports: words drawn at random from the EFF long
wordlist (`resources/wordlist/`, 7,776 words, CC BY 3.0 US).

Each word is drawn with `secrets.choice`, so a passphrase of n words is one of 7,776^n,
equally likely: n × log2(7,776) ≈ 12.9 bits a word, whatever an attacker knows about the
list. Seven words give about 90 bits. The words are plain English in lowercase, joined by
hyphens, easy to read aloud and to type on any keyboard layout.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop.resources import resource_path

WORDLIST_SIZE = 7776
WORDS_PER_PASSPHRASE = 7
SEPARATOR = "-"


@dataclass(frozen=True)
class GeneratedPassphrase:
    text: str
    words: int
    bits: float  # entropy: words × log2(wordlist size)

    def __repr__(self) -> str:
        return f"GeneratedPassphrase(words={self.words}, bits={self.bits:.0f})"


@cache
def wordlist(path: Path | None = None) -> tuple[str, ...]:
    """The EFF long wordlist ("11111<TAB>abacus" a line); `ValueError` if it is not whole."""
    source = resource_path("wordlist", "eff_large_wordlist.txt") if path is None else path
    words = tuple(
        line.split("\t", 1)[1].strip()
        for line in source.read_text(encoding="ascii").splitlines()
        if line.strip()
    )
    if len(words) != WORDLIST_SIZE or len(set(words)) != WORDLIST_SIZE:
        raise ValueError(f"{source} is not the {WORDLIST_SIZE}-word EFF long wordlist")
    return words


def generate(
    count: int = WORDS_PER_PASSPHRASE, words: Sequence[str] | None = None
) -> GeneratedPassphrase:
    """A new passphrase of `count` random words."""
    chosen = wordlist() if words is None else words
    text = SEPARATOR.join(secrets.choice(chosen) for _ in range(count))
    return GeneratedPassphrase(text, count, count * math.log2(len(set(chosen))))
