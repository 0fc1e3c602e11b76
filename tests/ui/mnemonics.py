"""Which Alt letters the visible controls of one window or dialog use, and the clashes."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" (Qt's Alt shortcut), lower case; None without one."""
    index = 0
    while (index := text.find("&", index)) >= 0 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return None


def _texts(top: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not top:
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or labelled:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    if isinstance(top, QMainWindow):
        texts += [a.text() for a in top.menuBar().actions() if a.isVisible()]
    return texts


def clashes(top: QWidget) -> dict[str, list[str]]:
    """Alt letters used by more than one visible control of `top` (its menu bar's titles
    included), each with the texts that use it."""
    return _shared(_texts(top))


def menu_clashes(menu: QMenu) -> dict[str, list[str]]:
    return _shared([a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()])


def _shared(texts: list[str]) -> dict[str, list[str]]:
    users: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        letter = mnemonic(text)
        if letter is not None:
            users[letter].append(text)
    return {letter: names for letter, names in users.items() if len(names) > 1}
