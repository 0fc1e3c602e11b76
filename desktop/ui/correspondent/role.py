"""The correspondent's pages in the window: the report list and the report form, built on
first use, wired to each other and to the shell (desktop/ui/window.py).

The shell opens the store, chooses the role, locks and wipes; this module does what the
correspondent's side needs then: show the list after unlock (and the report a lock
interrupted, at its place), keep the last edit at a lock, forget what was shown, and
what the Report menu's actions (desktop/ui/correspondent/report_actions.py) do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any, TypeAlias

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.ui.correspondent.form_place import (
    LockedReport,
    place_of,
    reopen_job,
    restore_place,
    scroll_to_top,
)
from desktop.ui.correspondent.handcarry_actions import CorrespondentHandcarryActions
from desktop.ui.correspondent.report_actions import ReportActions
from desktop.ui.errors import user_message
from desktop.ui.locks import discard
from desktop.ui.settings_dialog import AppSettings
from desktop.ui.wrapping import set_message

if TYPE_CHECKING:
    from desktop.services.correspondent import capture
    from desktop.services.correspondent.session import Listing, ListQuery, ReportRow
    from desktop.ui.correspondent.main_page import MainPage
    from desktop.ui.correspondent.report_form import ReportForm
    from desktop.ui.window import GatewatchWindow

    # A list read during the unlock: its query, the listing, its first page of rows.
    ReadList: TypeAlias = tuple[ListQuery, Listing, list[ReportRow]]


class CorrespondentRole(QObject):
    """The list and the form of a correspondent's store, and their Report menu."""

    def __init__(self, window: GatewatchWindow) -> None:
        super().__init__(window)
        self._window = window
        # Built the first time they are needed: the unlock window, the first paint, never
        # waits for them nor for what they import (PIL, the store's repositories).
        self._pages: tuple[MainPage, ReportForm] | None = None
        self._locked_report: LockedReport | None = None  # reopened after unlock
        self._count: tuple[int, int] | None = None  # (shown, total), said again on a switch
        self.count_label = QLabel()
        self.handcarry = CorrespondentHandcarryActions(window, window.worker)
        self.actions = ReportActions(window, self)

    # -- the pages -----------------------------------------------------------------------

    @property
    def built(self) -> bool:
        return self._pages is not None

    @property
    def main_page(self) -> MainPage:
        return self._built_pages()[0]

    @property
    def form(self) -> ReportForm:
        return self._built_pages()[1]

    def _built_pages(self) -> tuple[MainPage, ReportForm]:
        """The report list and the report form, built and wired on first use."""
        if self._pages is None:
            from desktop.ui.correspondent.main_page import MainPage
            from desktop.ui.correspondent.report_form import ReportForm

            window = self._window

            def language() -> str:  # read at each use: the user may switch it
                return window.languages.language

            main_page = MainPage(window.worker, window.gazetteer, language)
            form = ReportForm(window.worker, window.gazetteer, language)
            form.photos.max_edge = window.settings.max_photo_edge
            window.pages.addWidget(main_page)
            window.pages.addWidget(form)
            main_page.new_requested.connect(self.new_report)
            main_page.edit_requested.connect(self.edit)
            main_page.correct_requested.connect(self.correct)
            main_page.error.connect(window.show_error)
            main_page.counted.connect(self._counted)
            main_page.selection_changed.connect(window.update_actions)
            form.closed.connect(self._form_closed)
            form.queued.connect(self._queued)
            form.deleted.connect(self._draft_deleted)
            form.error.connect(window.show_error)
            form.photos.error.connect(window.show_error)
            form.state_changed.connect(window.update_actions)
            self._pages = (main_page, form)
        return self._pages

    def on_list(self) -> bool:
        """Whether the report list shows (without building it)."""
        return self._pages is not None and self._window.pages.currentWidget() is self._pages[0]

    def on_form(self) -> bool:
        """Whether the report form shows (without building it)."""
        return self._pages is not None and self._window.pages.currentWidget() is self._pages[1]

    def _show(self, page: MainPage | ReportForm) -> None:
        self._window.pages.setCurrentWidget(page)

    # -- after unlock, at a lock ---------------------------------------------------------

    def list_query(self) -> ListQuery | None:
        """What the list will ask for after the next unlock (None: all reports, the list
        being not built yet)."""
        return self.main_page.query() if self._pages is not None else None

    def show_list(self, read: ReadList | None = None) -> None:
        """After unlock: the list (as read during the unlock, if it still answers the
        list's query), then the report a lock interrupted, if any."""
        self._show(self.main_page)
        self._window.update_actions()
        if read is None or not self.main_page.show_read(*read):
            self.main_page.refresh()
        self.main_page.table.setFocus()
        self._reopen_locked_report()

    def remember_place(self) -> None:
        """At a lock: the report being written is opened again after unlock, at its place."""
        self._locked_report = None
        if self.on_form() and self.form.active:
            form = self.form
            self._locked_report = LockedReport(
                form.draft_id, form.replaces, datetime.now(UTC), place_of(form)
            )

    def save_if_dirty(self) -> None:
        """Send the form's last save (before the store closes: it is stored, unseen)."""
        if self._pages is not None:
            self.form.save_if_dirty()

    def drop_edit(self) -> None:
        """At a wipe: forget the report being written, with no last save."""
        self._locked_report = None
        if self._pages is not None:
            self.form.clear()

    def forget(self) -> None:
        """Clear every widget that held report text, and the count."""
        if self._pages is not None:
            self.form.clear()
            self.main_page.clear()
        self._count = None
        self.count_label.clear()

    def apply_settings(self, settings: AppSettings) -> None:
        if self._pages is not None:  # else applied when built
            self.form.photos.max_edge = settings.max_photo_edge

    def _reopen_locked_report(self) -> None:
        locked, self._locked_report = self._locked_report, None
        if locked is None:
            return
        worker = self._window.worker

        def loaded(found: Any) -> None:
            if not worker.is_open or not self.on_list():
                return
            if found.draft_id is not None:
                self.form.start_edit(found.draft_id, dict(found.detail.stored.body))
            elif found.correcting is not None:
                self.form.start_correction(found.correcting, dict(found.detail.stored.body))
            else:
                self.form.start_new()
            scroll_to_top(self.form)
            self._show(self.form)
            restore_place(self.form, locked.place)

        gazetteer = self._window.gazetteer
        worker.submit(
            lambda store: reopen_job(store, gazetteer, locked), loaded, self._window.show_error
        )

    # -- the list and the form -----------------------------------------------------------

    def new_report(self) -> None:
        if self._window.worker.is_open and self.on_list():
            self.form.start_new()
            self._show(self.form)

    def edit(self, draft_id: str) -> None:
        self._load(
            draft_id, lambda detail: self.form.start_edit(draft_id, dict(detail.stored.body))
        )

    def correct(self, report_id: str) -> None:
        def start(detail: capture.ReportDetail) -> None:
            self.form.start_correction(report_id, dict(detail.stored.body))

        self._load(report_id, start, drafts=False)

    def _load(
        self,
        report_id: str,
        start: Callable[[capture.ReportDetail], None],
        *,
        drafts: bool = True,
    ) -> None:
        """Load `report_id` on the worker, then `start(detail)` the form at its top."""
        from desktop.services.correspondent import capture

        worker = self._window.worker

        def loaded(detail: capture.ReportDetail) -> None:
            if not worker.is_open or not self.on_list():
                return
            if not drafts and detail.is_draft:
                return
            start(detail)
            scroll_to_top(self.form)  # a reopened report starts at its top
            self._show(self.form)

        worker.submit(
            partial(capture.load_detail, gazetteer=self._window.gazetteer, report_id=report_id),
            loaded,
            self._window.show_error,
        )

    def delete_draft(self) -> None:
        """Delete the draft being edited, or the one selected in the list (asks once)."""
        if self.on_form():
            self.form.delete_draft()
            return
        worker = self._window.worker
        if not self.on_list():
            return
        draft_id = self.main_page.selected_draft
        if draft_id is None or not worker.is_open:
            return
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete draft"))
        set_message(
            box, self.tr("Delete this draft and its photos from this computer? There is no undo.")
        )
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        confirmed = box.clickedButton() is delete
        discard(box)
        if not confirmed or not worker.is_open:
            return
        from desktop.services.correspondent.session import CorrespondentSession

        worker.command(
            lambda store: CorrespondentSession(store).delete_draft(draft_id),
            self._draft_deleted,
            self._window.show_error,
        )

    def _draft_deleted(self, _: object = None) -> None:
        # The list heard of it through `changed`.
        self._window.statusBar().showMessage(self.tr("Draft deleted."), 5000)

    def _form_closed(self) -> None:
        if self._window.worker.is_open:
            self._show(self.main_page)
            self.main_page.refresh()
            self.main_page.table.setFocus()

    def _queued(self, _report_id: str) -> None:
        self._window.statusBar().showMessage(self.tr("Queued for sending."), 5000)
        self._window.sync.reports_queued()  # the list heard of it through `changed`

    def focus_search(self) -> bool:
        """Put the keyboard in the list's search, if the list shows."""
        if not self.on_list():
            return False
        self.main_page.search.setFocus()
        self.main_page.search.selectAll()
        return True

    def _counted(self, shown: int, total: int) -> None:
        self._count = (shown, total)
        self.show_count()

    def show_count(self) -> None:
        if self._count is None:
            self.count_label.clear()
            return
        shown, total = self._count
        self.count_label.setText(
            self.tr("{shown} of {total} reports").format(shown=shown, total=total)
        )

    def retranslate(self) -> None:
        self.actions.retranslate()
        self.handcarry.retranslate()
        self.show_count()

    # -- sending -------------------------------------------------------------------------

    def send_now(self) -> None:
        """Send queued reports now; without a newsroom connection, offer to connect."""
        status = self._window.sync_indicator.status
        if status is not None and not status.enrolled:
            self.connect_to_newsroom()
        else:
            self._window.sync.sync_now()

    def connect_to_newsroom(self) -> None:
        """Enrol with the invite from the newsroom admin (Tools → Connect to newsroom)."""
        window = self._window
        if not window.worker.is_open:
            return
        from desktop.ui.connect_dialog import ConnectDialog

        dialog = ConnectDialog(window)

        def attempt() -> None:
            invite, server, label, proxy = dialog.values()
            if not invite:
                dialog.show_error(self.tr("Paste the invite first."))
                return
            dialog.set_busy(True)
            window.sync.enroll(invite, server, label, proxy, lambda _: dialog.accept(), failed)

        def failed(error: Exception) -> None:
            dialog.show_error(user_message(error))

        dialog.buttons.accepted.connect(attempt)
        accepted = dialog.exec()
        discard(dialog)
        if accepted and window.worker.is_open:
            window.statusBar().showMessage(self.tr("Connected to the newsroom."), 5000)
