"""Tags in the editor's language: newsroom tags by their translated names, free tags as
typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.desk.tags import NEWSROOM_TAGS, TagError, normalize_tag


def _names() -> dict[str, str]:
    # Each name spelled out for lupdate (it reads literal calls only).
    return {
        "rare_earths": QCoreApplication.translate("DeskTags", "Rare earths"),
        "fuel": QCoreApplication.translate("DeskTags", "Fuel"),
        "refugees": QCoreApplication.translate("DeskTags", "Refugees"),
        "food": QCoreApplication.translate("DeskTags", "Food"),
        "medicine": QCoreApplication.translate("DeskTags", "Medicine"),
        "armed_clash": QCoreApplication.translate("DeskTags", "Armed clash"),
        "checkpoint_fees": QCoreApplication.translate("DeskTags", "Checkpoint fees"),
        "detentions": QCoreApplication.translate("DeskTags", "Detentions"),
        "trade": QCoreApplication.translate("DeskTags", "Trade"),
        "humanitarian_aid": QCoreApplication.translate("DeskTags", "Humanitarian aid"),
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
