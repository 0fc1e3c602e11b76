"""A developer-only pseudo-locale: every string 40% longer, accented and in brackets.

The standard way to find clipped, concatenated or untranslated text before translators
do: "Save dra&ft" shows as "[Sàvé drà&ft ·····]". A clipped label loses its closing
bracket; a string shown without brackets was never passed through `tr()`. Placeholders
(``{time}``, ``%n``), the Alt letter after "&" and markup are kept as they are.

Never offered to users nor stored: `GATEWATCH_PSEUDO_LOCALE=1` (or
`LanguageSwitcher.switch(PSEUDO)`, as the tests and the screenshots do) turns it on.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QObject, QTranslator

PSEUDO = "qps"  # the code of Microsoft's and CLDR's pseudo-locales ("qps-ploc")
PSEUDO_ENV = "GATEWATCH_PSEUDO_LOCALE"
GROWTH = 0.4

_ACCENTED = str.maketrans("aeiouyAEIOUYcnCN", "àéîöûýÀÉÎÖÛÝçñÇÑ")
# Kept as written: placeholders, Qt's %n, "&&", an Alt letter, entities and tags.
_KEPT = re.compile(r"(\{[^{}]*\}|%L?n|%\d|&&|&[a-zA-Z]+;|&.|<[^<>]*>)")
_PAD_WORD = "·" * 5


def pseudo_text(text: str) -> str:
    """`text` accented, padded by `GROWTH` of its length (in words that can wrap), and
    bracketed; empty text stays empty."""
    if not text.strip():
        return text
    parts = _KEPT.split(text)
    body = "".join(part if i % 2 else part.translate(_ACCENTED) for i, part in enumerate(parts))
    pad = math.ceil(len(text) * GROWTH)
    words = [_PAD_WORD] * (pad // len(_PAD_WORD))
    if pad % len(_PAD_WORD):
        words.append("·" * (pad % len(_PAD_WORD)))
    return f"[{body} {' '.join(words)}]"


class PseudoTranslator(QTranslator):
    """Translates every string of every context to `pseudo_text`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(
        self,
        context: str,
        sourceText: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return pseudo_text(sourceText)

    def isEmpty(self) -> bool:
        return False  # an empty translator would not be asked
