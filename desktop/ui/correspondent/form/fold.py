"""A titled section of the form that the user can fold; folded, it sums up its content
in one line. Only the user folds or unfolds: filling the form never moves it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout

from desktop.ui.correspondent.form.section import FormSection

FOLD_STYLE = (
    "QFrame#fold { border: 1px solid palette(mid); border-radius: 4px; }"
    "QToolButton#foldTitle { font-weight: 600; border: none; padding: 4px; }"
)


class SummaryLabel(QLabel):
    """One line that shortens itself with "…" to its width; the whole text is its tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("color: #555;")
        self.setTextFormat(Qt.TextFormat.PlainText)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(0, self.contentsRect().width() - 2)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room))


class Fold(QFrame):
    """`section` under a title button that folds it; the summary shows while folded."""

    def __init__(self, section: FormSection) -> None:
        super().__init__()
        self.section = section
        self.setObjectName("fold")
        self.setStyleSheet(FOLD_STYLE)
        self.button = QToolButton()
        self.button.setObjectName("foldTitle")
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.summary = SummaryLabel()
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.button)
        header.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.addLayout(header)
        layout.addWidget(section)
        section.setVisible(False)
        self.button.toggled.connect(self._toggled)
        section.changed.connect(self.refresh)

    @property
    def folded(self) -> bool:
        return not self.button.isChecked()

    def set_folded(self, folded: bool) -> None:
        self.button.setChecked(not folded)

    def _toggled(self, unfolded: bool) -> None:
        self.section.setVisible(unfolded)
        self.button.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)
        self.button.setAccessibleDescription(
            self.tr("Folded: click to show") if not unfolded else self.tr("Click to fold")
        )
        self.refresh()

    def title(self) -> str:
        return self.button.text()

    def refresh(self) -> None:
        """Say again what the section holds (it shows only while folded)."""
        self.summary.set_full_text(self.section.summary() if self.folded else "")

    def retranslate(self) -> None:
        self.section.retranslate()
        self.button.setText(self.section.title())
        self._toggled(self.button.isChecked())
