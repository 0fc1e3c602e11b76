"""Settings: language, size of Burmese text, auto-lock, wipe after wrong passphrases, photo
size; at a desk, the time zone times are shown in.

Values live in the encrypted store; the two the unlock screen needs before the store is
open (language, wipe-after-N) are mirrored into the unlock state beside the keyfile.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import desk_clock
from desktop.ui.i18n import LANGUAGES, TEXT_SIZES
from desktop.ui.wrapping import WrapLabel


@dataclass(frozen=True)
class AppSettings:
    """The settings a correspondent can change, with their defaults."""

    language: str = "en"
    idle_lock_minutes: int = 5
    wipe_after: int = 10
    max_photo_edge: int = 2560
    desk_time_zone: str = desk_clock.MYANMAR
    text_size: str = "normal"

    KEYS: ClassVar[dict[str, str]] = {
        "ui.language": "language",
        "lock.idle_minutes": "idle_lock_minutes",
        "unlock.wipe_after": "wipe_after",
        "photos.max_edge": "max_photo_edge",
        "desk.time_zone": "desk_time_zone",
        "ui.text_size": "text_size",
    }

    def as_store_values(self) -> dict[str, object]:
        return {key: getattr(self, attribute) for key, attribute in self.KEYS.items()}

    @classmethod
    def from_store_values(cls, values: dict[str, object]) -> AppSettings:
        defaults = cls()
        chosen: dict[str, object] = {}
        for key, attribute in cls.KEYS.items():
            value = values.get(key, getattr(defaults, attribute))
            default = getattr(defaults, attribute)
            chosen[attribute] = value if isinstance(value, type(default)) else default
        settings = cls(**chosen)  # type: ignore[arg-type]
        if settings.language not in LANGUAGES:
            settings = cls(**{**chosen, "language": "en"})  # type: ignore[arg-type]
        if settings.text_size not in TEXT_SIZES:
            settings = dataclasses.replace(settings, text_size="normal")
        if settings.desk_time_zone not in desk_clock.ZONES:
            settings = dataclasses.replace(settings, desk_time_zone=desk_clock.MYANMAR)
        return settings


class SettingsDialog(QDialog):
    """Edits an `AppSettings`; `chosen()` gives the result after `exec()` is accepted.
    `exec()` returns `DURESS` when the user asked for the duress passphrase instead, and
    `CONNECTION` for the connection to the newsroom (proxy, Tor, test)."""

    DURESS = 2
    CONNECTION = 3

    def __init__(
        self, current: AppSettings, parent: QWidget | None = None, *, desk: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(current.idle_lock_minutes)
        self.wipe_after = QSpinBox()
        self.wipe_after.setRange(0, 1000)
        self.wipe_after.setSpecialValueText(self.tr("never"))
        self.wipe_after.setValue(current.wipe_after)
        self.max_edge = QSpinBox()
        self.max_edge.setRange(640, 8000)
        self.max_edge.setSingleStep(160)
        self.max_edge.setSuffix(self.tr(" px"))
        self.max_edge.setValue(current.max_photo_edge)
        self.text_size = QComboBox()
        self.text_size.addItem(self.tr("Normal"), "normal")
        self.text_size.addItem(self.tr("Large"), "large")
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(current.text_size)))
        self.time_zone = QComboBox()
        local = _local_offset()
        self.time_zone.addItem(self.tr("Myanmar time (MMT, UTC+06:30)"), desk_clock.MYANMAR)
        self.time_zone.addItem(
            self.tr("This computer's time (%1)").replace("%1", local), desk_clock.LOCAL
        )
        self.time_zone.setCurrentIndex(max(0, self.time_zone.findData(current.desk_time_zone)))
        rows = [
            (self.tr("&Language:"), self.language),
            (self.tr("Burmese te&xt size:"), self.text_size),
            (self.tr("Lock after &idle:"), self.idle),
            (self.tr("&Wipe after wrong passphrases:"), self.wipe_after),
            (self.tr("Largest photo &edge:"), self.max_edge),
        ]
        if desk:  # a desk's times; the correspondent's form says its own zone
            rows.append((self.tr("&Times shown in:"), self.time_zone))
        else:
            self.time_zone.hide()
        form = QFormLayout()
        for text, widget in rows:
            caption = QLabel(text)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        note = WrapLabel(
            self.tr(
                "Wiping after wrong passphrases protects you if the laptop is taken; "
                "0 turns it off. Larger photos are scaled down when they are added."
            )
        )
        # Our own texts: Qt's standard button names would need Qt's translations too.
        buttons = QDialogButtonBox()
        self.duress_button = buttons.addButton(
            self.tr("&Duress passphrase…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.duress_button.clicked.connect(lambda: self.done(self.DURESS))
        self.connection_button = buttons.addButton(
            self.tr("Co&nnection…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.connection_button.clicked.connect(lambda: self.done(self.CONNECTION))
        buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> AppSettings:
        return AppSettings(
            language=str(self.language.currentData()),
            idle_lock_minutes=self.idle.value(),
            wipe_after=self.wipe_after.value(),
            max_photo_edge=self.max_edge.value(),
            desk_time_zone=str(self.time_zone.currentData()),
            text_size=str(self.text_size.currentData()),
        )


def _local_offset() -> str:
    offset = datetime.now().astimezone().strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
