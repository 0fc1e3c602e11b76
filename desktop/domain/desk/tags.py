"""Tags on reports at the desk: a newsroom-wide set with translated names, plus free tags.

A tag is stored and shared in its normal form: a newsroom tag by its key
(``rare_earths``), a free tag as the editor typed it with spaces collapsed and case folded
(so "Jade " and "jade" are one tag). A free tag spelled like a newsroom tag's English name
("Rare earths") becomes that tag. The window shows newsroom tags in the editor's language.
"""

from __future__ import annotations

import unicodedata

MAX_TAG_CHARS = 40

NEWSROOM_TAGS: tuple[tuple[str, str], ...] = (
    ("rare_earths", "Rare earths"),
    ("fuel", "Fuel"),
    ("refugees", "Refugees"),
    ("food", "Food"),
    ("medicine", "Medicine"),
    ("armed_clash", "Armed clash"),
    ("checkpoint_fees", "Checkpoint fees"),
    ("detentions", "Detentions"),
    ("trade", "Trade"),
    ("humanitarian_aid", "Humanitarian aid"),
)
"""Newsroom tags: (key, English name). The window translates the names."""

NEWSROOM_TAG_KEYS = frozenset(key for key, _ in NEWSROOM_TAGS)
_BY_NAME = {name.casefold(): key for key, name in NEWSROOM_TAGS}


class TagError(ValueError):
    """A tag that cannot be used: empty, too long, or holding control characters."""


def normalize_tag(text: str) -> str:
    """The normal form of a tag as typed; `TagError` for one that cannot be a tag."""
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"} for ch in text):
        raise TagError("a tag holds no control or invisible characters")
    folded = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    if not folded or len(folded) > MAX_TAG_CHARS:
        raise TagError(f"a tag has 1 to {MAX_TAG_CHARS} characters")
    if folded.replace("_", " ") in _BY_NAME:
        return _BY_NAME[folded.replace("_", " ")]
    return folded


def is_newsroom_tag(tag: str) -> bool:
    return tag in NEWSROOM_TAG_KEYS
