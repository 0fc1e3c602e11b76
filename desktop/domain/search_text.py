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

from desktop.domain.myanmar import SYLLABLE_START, canonical_text
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


def fold(text: str) -> str:
    """`text` in the form search compares (see the module's description)."""
    text = _INVISIBLE.sub("", canonical_text(text))
    text = unicodedata.normalize("NFKD", text).casefold()
    text = unicodedata.normalize("NFC", _ACCENTS.sub("", text))
    return canonical_text(text.translate(_han_fold()).translate(_DIGITS))


def _kinds(folded: str) -> list[tuple[str | None, str]]:
    """(kind, token) of a folded text; kind is "han", "my", "num" or "word"."""
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(folded)]


def tokens(text: str) -> list[str]:
    """The tokens of `text`, in order."""
    return [token for _, token in _kinds(fold(text))]


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
