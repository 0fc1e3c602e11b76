"""Tags in the editor's language: newsroom tags by their translated names, free tags as
typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.tags import NEWSROOM_TAGS, TagError, normalize_tag


def _names() -> dict[str, str]:
    # Each name spelled out for lupdate (it reads literal strings only).
    tr = QCoreApplication.translate
    return {
        "rare_earths": tr("DeskTags", "Rare earths"),
        "fuel": tr("DeskTags", "Fuel"),
        "refugees": tr("DeskTags", "Refugees"),
        "food": tr("DeskTags", "Food"),
        "medicine": tr("DeskTags", "Medicine"),
        "armed_clash": tr("DeskTags", "Armed clash"),
        "checkpoint_fees": tr("DeskTags", "Checkpoint fees"),
        "detentions": tr("DeskTags", "Detentions"),
        "trade": tr("DeskTags", "Trade"),
        "humanitarian_aid": tr("DeskTags", "Humanitarian aid"),
    }


def tag_label(tag: str) -> str:
    """A tag as the editor reads it."""
    return _names().get(tag, tag)


def newsroom_tag_labels() -> list[tuple[str, str]]:
    """(key, translated name) of every newsroom tag, in the newsroom's order."""
    names = _names()
    return [(key, names[key]) for key, _ in NEWSROOM_TAGS]


def tag_from_text(text: str) -> str:
    """The tag an editor typed: a newsroom tag by its name in either language, else a free
    tag; `TagError` for one that cannot be a tag."""
    wanted = " ".join(text.split()).casefold()
    for key, name in newsroom_tag_labels():
        if name.casefold() == wanted:
            return key
    return normalize_tag(text)


__all__ = ["TagError", "newsroom_tag_labels", "tag_from_text", "tag_label"]
