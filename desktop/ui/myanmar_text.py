"""Line-break opportunities in Burmese text, for display only (never stored).

Burmese writes no spaces between words, and Qt (without ICU's dictionary) breaks a long
Myanmar run anywhere, even inside a syllable (ပို့ရ|န်). `syllable_breaks` puts a zero
width space (U+200B) before each syllable, so lines break between syllables. The text
it returns is for labels, message boxes and the detail pane: whatever is stored, searched,
copied from an editor or sent stays as the user typed it.
"""

from __future__ import annotations

ZWSP = "\u200b"
ASAT = "\u103a"
VIRAMA = "\u1039"  # stacks the next consonant under this one
DOT_BELOW = "\u1037"


def _starts_syllable(ch: str) -> bool:
    # Consonants, the independent vowels and the great sa.
    return "\u1000" <= ch <= "\u102a" or ch == "\u103f"


def _is_myanmar(ch: str) -> bool:
    return "\u1000" <= ch <= "\u109f"


def syllable_breaks(text: str) -> str:
    """`text` with U+200B before every Myanmar syllable that follows another one.

    A break goes before a consonant (or independent vowel) that follows Myanmar text,
    unless the consonant is killed by an asat (U+103A, after an optional dot below: it
    closes the syllable before it), stacks the next one with a virama (U+1039), or is
    itself stacked (preceded by U+1039). Text without Myanmar letters is returned as is;
    an existing U+200B is not doubled.
    """
    if not any(_is_myanmar(ch) for ch in text):
        return text
    out: list[str] = []
    for index, ch in enumerate(text):
        if (
            index > 0
            and _starts_syllable(ch)
            and _is_myanmar(text[index - 1])
            and text[index - 1] != VIRAMA
            and not _closes_previous(text, index)
        ):
            out.append(ZWSP)
        out.append(ch)
    return "".join(out)


def _closes_previous(text: str, index: int) -> bool:
    following = index + 1
    while following < len(text) and text[following] == DOT_BELOW:
        following += 1
    return following < len(text) and text[following] in (ASAT, VIRAMA)


def has_myanmar(text: str) -> bool:
    """True if `text` holds any character of the Myanmar block."""
    return any(_is_myanmar(ch) for ch in text)
