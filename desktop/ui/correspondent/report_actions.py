"""The correspondent's menu and toolbar: the Report menu (a report in the form, the list,
sending, delivery by hand, and the shell's lock, wipe and quit) and when each action is
enabled. Desk stores never show them.

The actions call the correspondent's pages through `CorrespondentRole`; those taking the
form reach it through the role, since the form is built on first use (each is enabled
only while the form shows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from desktop.ui.actions import shortcut_action

if TYPE_CHECKING:
    from desktop.ui.correspondent.role import CorrespondentRole
    from desktop.ui.window import GatewatchWindow


class ReportActions(QObject):
    """The Report menu, the toolbar and their actions."""

    def __init__(self, window: GatewatchWindow, role: CorrespondentRole) -> None:
        super().__init__(window)
        self._role = role

        def action(
            *shortcuts: str | QKeySequence.StandardKey, slot: Callable[[], object] | None = None
        ) -> QAction:
            return shortcut_action(window, *shortcuts, slot=slot)

        self.new_action = action(QKeySequence.StandardKey.New, slot=role.new_report)
        self.save_action = action(
            QKeySequence.StandardKey.Save, slot=lambda: role.form.save(explicit=True)
        )
        self.queue_action = action("Ctrl+Return", "Ctrl+Enter", slot=lambda: role.form.queue())
        self.back_action = action("Esc", slot=lambda: role.form.close_form())
        self.add_photos_action = action("Ctrl+O", slot=lambda: role.form.add_photos())
        self.remove_photo_action = action("Ctrl+Shift+R", slot=lambda: role.form.remove_photo())
        self.pseudonym_action = action("Ctrl+G", slot=lambda: role.form.generate_pseudonym())
        self.convert_action = action("Ctrl+Shift+U", slot=lambda: role.form.convert_zawgyi())
        self.delete_action = action("Ctrl+D", slot=role.delete_draft)
        self.sync_action = action("Ctrl+Shift+S", slot=role.send_now)
        self.connect_action = action(slot=role.connect_to_newsroom)

        self.report_menu = window.menuBar().addMenu("")
        menu = self.report_menu
        shell = window.shell_actions
        menu.addActions([self.new_action, self.save_action, self.queue_action, self.back_action])
        menu.addSeparator()
        menu.addActions(
            [
                self.add_photos_action,
                self.remove_photo_action,
                self.pseudonym_action,
                self.convert_action,
            ]
        )
        menu.addSeparator()
        menu.addActions([self.delete_action, shell.search_action])
        menu.addSeparator()
        menu.addActions([self.sync_action, window.safety.travel_action])
        menu.addActions([role.handcarry.send_action, role.handcarry.receipts_action])
        menu.addSeparator()
        menu.addActions([shell.lock_action, shell.wipe_action])
        menu.addSeparator()
        menu.addAction(shell.quit_action)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.new_action, self.sync_action, shell.lock_action])
        window.addToolBar(self.toolbar)
        for each in (*self._form_actions(), self.new_action, self.delete_action):
            each.setEnabled(False)
        for each in (self.sync_action, self.connect_action):
            each.setEnabled(False)

    def _form_actions(self) -> tuple[QAction, ...]:
        """The actions of the report form (enabled only while it shows)."""
        return (
            self.save_action,
            self.queue_action,
            self.back_action,
            self.add_photos_action,
            self.remove_photo_action,
            self.pseudonym_action,
            self.convert_action,
        )

    def retranslate(self) -> None:
        self.report_menu.setTitle(self.tr("&Report"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.new_action.setText(self.tr("&New report"))
        self.save_action.setText(self.tr("&Save draft"))
        self.queue_action.setText(self.tr("&Queue for sending"))
        self.back_action.setText(self.tr("&Back to list"))
        self.add_photos_action.setText(self.tr("Add &photos…"))
        self.remove_photo_action.setText(self.tr("Re&move photo"))
        self.pseudonym_action.setText(self.tr("&Generate pseudonym"))
        self.convert_action.setText(self.tr("Con&vert to Unicode"))
        self.delete_action.setText(self.tr("Dele&te draft…"))
        self.sync_action.setText(self.tr("Sen&d now"))
        self.sync_action.setToolTip(self.tr("Send queued reports to the newsroom (Ctrl+Shift+S)"))
        self.connect_action.setText(self.tr("&Connect to newsroom…"))

    def update(self, store_open: bool, desk: bool) -> None:
        """Enable what applies to the page showing; a desk's store shows none of these."""
        role = self._role
        on_form = store_open and role.on_form() and role.form.active
        on_list = store_open and role.on_list()
        form = role.form if on_form else None
        for action in self._form_actions():
            action.setEnabled(on_form)
        self.queue_action.setEnabled(form is not None and not form.queueing)
        self.convert_action.setEnabled(form is not None and form.zawgyi.offered)
        self.new_action.setEnabled(on_list and not desk)
        self.delete_action.setEnabled(
            (form is not None and (form.draft_id is not None or form.replaces is None))
            or (on_list and role.main_page.selected_draft is not None)
        )
        for action in (self.sync_action, self.connect_action):
            action.setEnabled(store_open and not desk)
        role.handcarry.update(store_open and not desk)
        for action in (self.new_action, self.sync_action, self.connect_action):
            action.setVisible(not desk)
        # Without an open store (first run, unlock) there are no menus and no toolbar at all.
        self.report_menu.menuAction().setVisible(store_open and not desk)
        self.toolbar.setVisible(store_open and not desk)
