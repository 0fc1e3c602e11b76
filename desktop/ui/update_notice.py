"""The status bar's release line: a newer version the newsroom signed, or a refused notice.

Shows nothing until there is news; the tooltip holds what changed (in the interface's
language), each archive's SHA-256 and how to check it. The app never downloads the build
(desktop/services/updates.py); ``gatewatch update status`` prints the same in full.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.i18n import LanguageSwitcher

if TYPE_CHECKING:  # the services module pulls in the network client, slow to import
    from desktop.services.updates import UpdateStatus


class UpdateNotice(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("update_notice")
        self.hide()

    def show_status(self, status: UpdateStatus) -> None:
        manifest = status.manifest
        if status.refusal is not None:
            self.setText(self.tr("Release notice refused: tell the newsroom"))
            self.setToolTip(status.refusal)
        elif status.available and manifest is not None:
            self.setText(self.tr("Version %1 is available").replace("%1", manifest.version))
            switcher = LanguageSwitcher.current
            burmese = switcher is not None and switcher.language == "my"
            notes = manifest.notes_my if burmese else manifest.notes_en
            archives = "\n".join(f"{a.platform}: {a.name}\n  {a.sha256}" for a in manifest.archives)
            how = self.tr(
                "Get the archive from the newsroom by hand. Before opening it, check that its "
                "SHA-256 is the one listed here (Windows: certutil -hashfile NAME SHA256; "
                "macOS: shasum -a 256 NAME)."
            )
            self.setToolTip(f"{notes}\n\n{archives}\n\n{how}")
        else:
            self.hide()
            return
        self.show()
