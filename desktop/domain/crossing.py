"""A border crossing as the gazetteer describes it, and the form its names are matched in.

Plain Python (no Qt, no SQL); `desktop.domain.gazetteer` holds the set of crossings.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

__all__ = ["KNOWN_LANGUAGES", "Crossing", "PortNames", "normalize"]

KNOWN_LANGUAGES: Final = ("en", "my", "zh", "kac")
"""Name languages: English, Burmese (Unicode), Simplified Chinese, Jinghpaw. ``en`` is required."""


def normalize(text: str) -> str:
    """Return the matching form of ``text``: NFKC, casefolded, letters/marks/digits only.

    Spaces, hyphens, punctuation, symbols and invisible format characters (such as the
    zero-width space often typed in Burmese) are dropped; combining marks are kept because
    Burmese vowel signs and tones are marks. So ``"Pang-War"``, ``"pang war"`` and
    ``"PANGWAR"`` all become ``"pangwar"``. Never raises.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LMN")


@dataclass(frozen=True)
class PortNames:
    """The Chinese port (口岸) opposite a crossing, in English (pinyin) and Chinese."""

    en: str
    zh: str


@dataclass(frozen=True)
class Crossing:
    """One crossing on the Kachin-China border, as the gazetteer describes it.

    ``names`` maps a language code (see :data:`KNOWN_LANGUAGES`) to the name in that
    language; it always has ``"en"`` and is read-only. Coordinates are decimal degrees
    (WGS 84) and, in the shipped file, approximate.
    """

    id: str
    names: Mapping[str, str] = field(hash=False)
    aliases: tuple[str, ...]
    township: str
    state: str
    chinese_port: PortNames | None
    lat: float
    lon: float
    approximate: bool

    def __post_init__(self) -> None:
        if "en" not in self.names:
            raise ValueError(f"crossing {self.id!r} has no English name")
        if not isinstance(self.names, MappingProxyType):
            object.__setattr__(self, "names", MappingProxyType(dict(self.names)))

    def name(self, lang: str) -> str:
        """Return the name in ``lang`` (e.g. ``"my"``), or the English name if there is none."""
        return self.names.get(lang) or self.names["en"]

    def all_names(self) -> tuple[str, ...]:
        """Return every name and alias, English first, then the other names in file order,
        then the aliases; exact duplicates are listed once. Chinese port names are not
        included (they name the other side)."""
        ordered = [self.names["en"], *(v for k, v in self.names.items() if k != "en")]
        return tuple(dict.fromkeys([*ordered, *self.aliases]))
