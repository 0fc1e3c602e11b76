"""The actions every role's menu shares — search, lock, panic wipe, settings, quit — and
the Tools menu. The roles put them in their own menus (desktop/ui/correspondent/
report_actions.py, desktop/ui/desk/role.py); what search looks in is the page showing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.services.settings import write_settings
from desktop.services.unlock import set_unlock_settings
from desktop.store.database import Store
from desktop.ui.actions import shortcut_action
from desktop.ui.locks import discard
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.wrapping import set_message

if TYPE_CHECKING:
    from desktop.ui.window import GatewatchWindow


class ShellActions(QObject):
    """The shared actions of `window`, and the Settings and panic-wipe dialogs."""

    def __init__(self, window: GatewatchWindow) -> None:
        super().__init__(window)
        self._window = window
        self.lock_action = shortcut_action(window, "Ctrl+L", slot=window.lock)
        self.wipe_action = shortcut_action(window, "Ctrl+Shift+Delete", slot=self.panic_wipe)
        self.settings_action = shortcut_action(window, "Ctrl+,", slot=self.open_settings)
        self.search_action = shortcut_action(
            window, QKeySequence.StandardKey.Find, slot=window.focus_search
        )
        self.quit_action = shortcut_action(window, QKeySequence.StandardKey.Quit, slot=window.close)
        for action in (self.lock_action, self.settings_action, self.search_action):
            action.setEnabled(False)

    def add_tools_menu(self, connect_action: QAction) -> None:
        """The Tools menu, last in the menu bar: added after the roles added theirs."""
        window = self._window
        self.tools_menu = window.menuBar().addMenu("")
        self.tools_menu.addActions([connect_action, self.settings_action])
        self.tools_menu.addSeparator()
        self.tools_menu.addActions([window.safety.backup_action, window.safety.restore_action])

    def retranslate(self) -> None:
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.lock_action.setText(self.tr("&Lock"))
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.wipe_action.setText(self.tr("Panic &wipe…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.search_action.setText(self.tr("Searc&h"))
        self.quit_action.setText(self.tr("Q&uit"))

    def update(self, store_open: bool, can_search: bool) -> None:
        for action in (self.settings_action, self.lock_action):
            action.setEnabled(store_open)
        self.search_action.setEnabled(can_search)
        self.tools_menu.menuAction().setVisible(store_open)

    def panic_wipe(self) -> None:
        """One confirmation (Enter confirms), then the store is destroyed at once."""
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Panic wipe"))
        set_message(box, self.tr("Destroy every report on this computer now? There is no undo."))
        wipe = box.addButton(self.tr("&Wipe now"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(wipe)
        box.exec()
        confirmed = box.clickedButton() is wipe
        discard(box)
        if confirmed:
            self._window.wipe_now()

    def open_settings(self) -> None:
        """The Settings dialog; what it chose is kept in the store and applied."""
        window = self._window
        if not window.worker.is_open:
            return
        dialog = SettingsDialog(window.settings, window, desk=window.desk_mode)
        accepted = dialog.exec()
        chosen = dialog.chosen()
        discard(dialog)
        if accepted == SettingsDialog.DURESS and window.worker.is_open:
            window.safety.open_duress()
        if accepted == SettingsDialog.CONNECTION and window.worker.is_open:
            from desktop.ui.connection_dialog import open_connection_settings

            open_connection_settings(window, window.worker)
        if accepted != QDialog.DialogCode.Accepted or not window.worker.is_open:
            return
        data_dir = window.data_dir

        def work(store: Store) -> None:
            write_settings(store, chosen.as_store_values())
            set_unlock_settings(data_dir, wipe_after=chosen.wipe_after, language=chosen.language)

        window.worker.submit(work, lambda _: window.apply_settings(chosen), window.show_error)
