"""Type-ahead over every gazetteer name, in every language and spelling.

The completer shows the gazetteer's own ranking (`Gazetteer.match`), so "pangwa",
"Pang-War", "ပန်ဝါ" and "板瓦" all offer Pang War. The chosen crossing is kept by id.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop.domain.crossing import Crossing
from desktop.domain.gazetteer import Gazetteer
from desktop.ui.i18n import fit_font, myanmar_font


class GateChooser(QLineEdit):
    """A line edit whose value is a gazetteer id (or None while nothing is chosen)."""

    gate_changed = Signal(object)  # str | None

    def __init__(
        self, gazetteer: Gazetteer, language: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._gazetteer = gazetteer
        self._language = language
        self._gate: str | None = None
        self._offered: list[Crossing] = []
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self._completer)
        self._completer.activated.connect(self._picked)
        self.textEdited.connect(self._offer)
        self.editingFinished.connect(self._settle)
        self.textChanged.connect(lambda text: fit_font(self, text))
        self.retranslate()

    @property
    def gate(self) -> str | None:
        return self._gate

    def set_gate(self, gate: str | None) -> None:
        """Show `gate` (an id); unknown ids are kept as typed text and count as unchosen."""
        crossing = None if gate is None else self._gazetteer.get(gate)
        self._gate = None if crossing is None else crossing.id
        self.setText("" if crossing is None else self.display(crossing))
        self.gate_changed.emit(self._gate)

    def display(self, crossing: Crossing) -> str:
        """The crossing's name in the interface language, the others after it."""
        lang = self._language()
        primary = crossing.name(lang)
        others = [
            crossing.names[code]
            for code in ("en", "my", "zh", "kac")
            if code in crossing.names and crossing.names[code] != primary
        ]
        unique = list(dict.fromkeys(others))
        return f"{primary} — {' / '.join(unique)}" if unique else primary

    def sizeHint(self) -> QSize:
        return self._tall_enough(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._tall_enough(super().minimumSizeHint())

    def _tall_enough(self, hint: QSize) -> QSize:
        """Always as tall as with the (taller) Myanmar font that a chosen crossing's
        Burmese name brings: choosing a crossing must not move the form under the pointer."""
        font = myanmar_font()
        if font is not None:
            extra = QFontMetrics(font).height() - self.fontMetrics().height()
            if extra > 0:
                hint.setHeight(hint.height() + extra)
        return hint

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._gate is not None:
                self.set_gate(self._gate)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Type a crossing: Laiza, လိုင်ဇာ, 拉咱…"))
        self.setAccessibleName(self.tr("Crossing"))

    def _offer(self, text: str) -> None:
        self._gate = None
        self._offered = self._gazetteer.match(text, limit=10)
        shown = [self.display(c) for c in self._offered]
        self._model.setStringList(shown)
        popup = self._completer.popup()
        if popup is not None:
            fit_font(popup, " ".join(shown))
        if self._offered:
            self._completer.complete()
        self.gate_changed.emit(None)

    def _picked(self, shown: str) -> None:
        for crossing in self._offered:
            if self.display(crossing) == shown:
                self.set_gate(crossing.id)
                return

    def _settle(self) -> None:
        # Leaving the field with text that names exactly one crossing chooses it.
        if self._gate is not None or not self.text().strip():
            return
        matches = self._gazetteer.match(self.text().split(" — ")[0], limit=2)
        if len(matches) == 1:
            self.set_gate(matches[0].id)
