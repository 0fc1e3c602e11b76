"""What full-text search indexes and how a query is read: one form for both.

Plain Python. A text is folded, then cut into tokens:

- folding: Burmese marks in one order (`desktop.domain.myanmar`), NFKC (full-width digits
  and Latin letters become ASCII), zero-width spaces, joiners and soft hyphens dropped,
  case folded, accents of Latin letters dropped, Traditional and variant Chinese
  characters read as Simplified (`resources/chinese/han_fold.tsv`, from OpenCC), Burmese
  and Shan digits read as 0-9;
- tokens: a word of Latin (or other alphabetic) letters, a number (letters and digits
  part: "KM105" is "km" "105"); each Chinese character on its own; each Burmese syllable.
  Spaces and punctuation only separate.

A query is read the same way, term by term (terms are what spaces separate). A term
becomes a phrase: its tokens, next to each other in the text. The last token of a phrase
may be the start of a longer word when it is a word (Latin letters match at word starts);
Chinese characters and Burmese syllables must be whole tokens, so Chinese is found
anywhere and a Burmese syllable never inside another.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from desktop.domain.myanmar import SYLLABLE_START, canonical_text, canonical_text_nfc
from desktop.resources import resource_path

__all__ = ["FORM_VERSION", "Phrase", "fold", "index_text", "name_key", "query_phrases", "tokens"]

FORM_VERSION: Final = "1"
"""Changes whenever the tokens of a text change (rules or the Chinese table): stored
indexes are then rebuilt (`desktop.store.reports.ensure_search_index`)."""

_HAN: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_MYANMAR: Final = "\u1000-\u1049\u104c-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f"
# One pass, in C: a Chinese character, a Burmese syllable (a Burmese letter or sign and what
# follows it up to the next syllable start), a number, a word of letters.
_TOKEN: Final = re.compile(
    rf"(?P<han>[{_HAN}])"
    rf"|(?P<my>[{_MYANMAR}](?:(?!{SYLLABLE_START})[{_MYANMAR}])*)"
    r"|(?P<num>\d+)"
    rf"|(?P<word>(?:(?![{_HAN}{_MYANMAR}\d])[^\W_])+)"
)
# The same without the groups, for findall; and what it comes to on folded ASCII text.
_TOKEN_TEXT: Final = re.compile(re.sub(r"\(\?P<\w+>", "(?:", _TOKEN.pattern))
_ASCII_TOKEN: Final = re.compile(r"[0-9]+|[a-z]+")
_INVISIBLE: Final = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_ACCENTS: Final = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_DIGITS: Final = str.maketrans(
    {**{0x1040 + i: str(i) for i in range(10)}, **{0x1090 + i: str(i) for i in range(10)}}
)


@dataclass(frozen=True)
class Phrase:
    """One query term: `tokens` next to each other; the last may start a longer word."""

    tokens: tuple[str, ...]
    prefix: bool


@functools.cache
def _han_fold() -> dict[int, str]:
    table: dict[int, str] = {}
    path = resource_path("chinese", "han_fold.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, target = line.split("\t")
            table[ord(source)] = target
    return table


@functools.cache
def _variants() -> tuple[dict[int, str], re.Pattern[str], re.Pattern[str]]:
    """The Chinese table then the digits as one table; a quick test for a character it
    may change; runs of such characters, each translated alone (str.translate is slow on
    long non-ASCII text). Both patterns use ranges: a class of the table's ~3,000
    characters, some beyond the BMP, would test each character against all of them."""
    table = {**_DIGITS, **{key: value.translate(_DIGITS) for key, value in _han_fold().items()}}
    ranges = f"\u1040-\u1049\u1090-\u1099{_HAN}"
    inside = re.compile(f"[{ranges}]")
    others = "".join(re.escape(chr(key)) for key in table if not inside.match(chr(key)))
    any_han = f"\u1040-\u1049\u1090-\u1099{_HAN[0]}-{_HAN[-1]}"  # one range for Chinese
    return table, re.compile(f"[{any_han}{others}]"), re.compile(f"[{ranges}{others}]+")


def fold(text: str) -> str:
    """`text` in the form search compares (see the module's description).

    Each step is skipped where it provably changes nothing (ASCII text, text already
    canonical, no character to translate); tests/domain/test_fold_paths.py holds the
    steps in full and compares."""
    if text.isascii():  # no step but case folding changes ASCII
        return text.lower()
    canonical, is_nfc = canonical_text_nfc(text)
    text = unicodedata.normalize("NFKD", _INVISIBLE.sub("", canonical)).casefold()
    text = _ACCENTS.sub("", text)
    if not (is_nfc and text == canonical):  # else NFC and canonical_text change nothing
        text = unicodedata.normalize("NFC", text)
        is_nfc = False
    # The table's characters are neither Burmese signs nor ever changed or composed by
    # NFC (tests/domain/test_fold_paths.py checks), so translating keeps the text canonical.
    table, maybe, runs = _variants()
    if first := maybe.search(text):
        if first.group() < "\u3400":  # a digit in Burmese text: translate its few runs
            text = runs.sub(lambda run: run.group().translate(table), text)
        else:  # Chinese: most of the text
            text = text.translate(table)
    return text if is_nfc else canonical_text(text)


def _kinds(folded: str) -> list[tuple[str | None, str]]:
    """(kind, token) of a folded text; kind is "han", "my", "num" or "word"."""
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(folded)]


def tokens(text: str) -> list[str]:
    """The tokens of `text`, in order."""
    if text.isascii():
        return _ASCII_TOKEN.findall(text.lower())
    return _TOKEN_TEXT.findall(fold(text))


def index_text(texts: list[str]) -> str:
    """What the full-text index holds for these texts: their tokens, one space apart,
    each text on its own line."""
    return "\n".join(" ".join(tokens(t)) for t in texts)


def query_phrases(query: str) -> list[Phrase]:
    """The phrases of `query`, one per term that holds a letter or digit."""
    phrases: list[Phrase] = []
    for term in _INVISIBLE.sub("", query).split():
        kinds = _kinds(fold(term))
        if kinds:
            prefix = kinds[-1][0] in ("num", "word")
            phrases.append(Phrase(tuple(t for _, t in kinds), prefix=prefix))
    return phrases


def name_key(text: str) -> str:
    """The form in which a query names a crossing: its tokens without spaces, so
    "Mai Ja Yang", "mai-ja-yang" and "MaiJaYang" are one name."""
    return "".join(tokens(text))
