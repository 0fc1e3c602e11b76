"""The desk's Export dialog: CSV, GeoJSON, JSON or the PDF briefing, with a progress bar.

The export runs on the store worker (a `DeskSession` command); its progress callbacks come
from that thread and reach the bar through a queued Qt signal. The PDF is gathered on the
worker, painted here on the GUI thread (Qt's painting of the map scene belongs there), and
written and recorded on the worker again. Pseudonyms are left out unless the box, off by
default, is ticked; the dialog says so in a sentence beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.review import CONFIRMED_STATES, ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.services.changes import Done
from desktop.services.desk.export_output import ExportError, ExportResult, ExportWriteError
from desktop.services.desk.export_profile import Profile
from desktop.services.desk.session import DeskSession
from desktop.store.database import Store
from desktop.ui.desk.pdf import Briefing, render_briefing
from desktop.ui.desk_clock import aware, picker_time, zone_label
from desktop.ui.errors import user_message
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

FORMATS = ("csv", "geojson", "json", "pdf")
SUFFIXES = {"csv": ".csv", "geojson": ".geojson", "json": ".json", "pdf": ".pdf"}


class _ProgressRelay(QObject):
    """Lives on the GUI thread; an emit from the worker thread is queued to it."""

    progressed = Signal(int, int)


class ExportDialog(QDialog):
    """Choose what to export and where; the export runs on the store worker."""

    use_native_file_dialog = True  # tests turn it off: a native dialog cannot be driven

    def __init__(
        self,
        worker: StoreWorker,
        gazetteer: Gazetteer,
        language: Callable[[], str],
        parent: QWidget | None = None,
        desk_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk_folder = desk_folder
        self._profile_chosen = False  # the editor's choice wins over the default
        self._worker = worker
        self._gazetteer = gazetteer
        self._language = language
        self._running = False
        self.failed = False
        self.result_of_export: ExportResult | None = None
        self.file_chooser: QFileDialog | None = None
        self.setWindowTitle(self.tr("Export"))

        self.format = QComboBox()
        names = {
            "csv": self.tr("CSV table of reports (spreadsheets)"),
            "geojson": self.tr("GeoJSON map of the crossings (board status)"),
            "json": self.tr("JSON of the full reports"),
            "pdf": self.tr("PDF briefing (board, map, changes)"),
        }
        for code in FORMATS:
            self.format.addItem(names[code], code)
        self.state = QComboBox()
        self.state.addItem(self.tr("Any state"), None)
        states = {
            ReviewState.NEW: self.tr("New"),
            ReviewState.NEEDS_FOLLOW_UP: self.tr("Needs follow-up"),
            ReviewState.VERIFIED: self.tr("Verified"),
            ReviewState.REJECTED: self.tr("Rejected"),
            ReviewState.PUBLISHED: self.tr("Published"),
        }
        for state, name in states.items():
            self.state.addItem(name, state.value)
        self.profile = QComboBox()
        self.profile.addItem(self.tr("Internal: everything, for the newsroom"), "internal")
        self.profile.addItem(
            self.tr("External: nothing that identifies a person, verified reports only"),
            "external",
        )
        self.profile.activated.connect(self._profile_activated)
        self.use_since = QCheckBox(self.tr("Only reports observed since:"))
        self.since = QDateTimeEdit(picker_time(datetime.now(UTC) - timedelta(days=1)))
        self.since_zone = QLabel(zone_label())
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.since.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.pseudonyms = QCheckBox(self.tr("Include source &pseudonyms"))
        self.pseudonyms.setChecked(False)
        self.pseudonym_note = WrapLabel(
            self.tr(
                "Exports never include source pseudonyms unless you tick this box. "
                "Pseudonyms let someone link reports to one source: share them only "
                "inside the newsroom."
            )
        )
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Choose where to save the file"))
        self.choose = QPushButton(self.tr("&Choose…"))
        self.choose.clicked.connect(self._choose_path)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = WrapLabel("")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.choose)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&State:"), self.state)
        form.addRow(self.tr("P&rofile:"), self.profile)
        since_row = QHBoxLayout()
        since_row.addWidget(self.since, 1)
        since_row.addWidget(self.since_zone)
        form.addRow(self.use_since, since_row)
        file_label = QLabel(self.tr("F&ile:"))
        file_label.setBuddy(self.path)
        form.addRow(file_label, path_row)
        self.state_note = WrapLabel("")
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = buttons.addButton(
            self.tr("Cl&ose"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.export_button.clicked.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state_note)
        layout.addWidget(self.pseudonyms)
        layout.addWidget(self.pseudonym_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._show_progress)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path.textChanged.connect(self._path_changed)
        self._format_changed()
        self.setMinimumWidth(640)  # Burmese labels and the format names fit

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self) -> None:
        fmt = self.chosen_format()
        # A briefing is the board as editors decided it: no state filter, and "since"
        # chooses its "what changed" section. Pseudonyms exist only in CSV and JSON.
        self.state.setEnabled(fmt != "pdf")
        self.use_since.setText(
            self.tr("Changes since:") if fmt == "pdf" else self.tr("Only reports observed since:")
        )
        self.pseudonyms.setEnabled(fmt in ("csv", "json"))
        self.profile.setEnabled(fmt != "pdf")
        notes = {
            "geojson": self.tr(
                "The state and time choose which reports the board considers; "
                "the file holds no pseudonyms."
            ),
            "pdf": self.tr(
                "The briefing shows the whole board; the time chooses what counts as "
                "changed (the last 24 hours if not set). It holds no pseudonyms."
            ),
        }
        self.state_note.setText(notes.get(fmt, ""))
        self.state_note.setVisible(fmt in notes)
        current = self.path.text().strip()
        if current:
            self.path.setText(str(Path(current).with_suffix(SUFFIXES[fmt])))

    def chosen_profile(self) -> Profile:
        return Profile(str(self.profile.currentData()))

    def _profile_activated(self, _index: int) -> None:
        self._profile_chosen = True

    def _path_changed(self, text: str) -> None:
        """A file bound outside the desk's folder gets the external profile by default."""
        if self._profile_chosen or self._desk_folder is None or not text.strip():
            return
        target = Path(text.strip()).expanduser().resolve()
        inside = target.is_relative_to(self._desk_folder.expanduser().resolve())
        wanted = Profile.INTERNAL if inside else Profile.EXTERNAL
        self.profile.setCurrentIndex(self.profile.findData(wanted.value))

    def _choose_path(self) -> None:
        fmt = self.chosen_format()
        start = self.path.text() or str(Path.home() / f"gatewatch-export{SUFFIXES[fmt]}")
        chooser = QFileDialog(self, self.tr("Export to"), start, f"*{SUFFIXES[fmt]}")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix(SUFFIXES[fmt].lstrip("."))
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog, not self.use_native_file_dialog)
        chooser.fileSelected.connect(self.path.setText)
        self.file_chooser = chooser
        chooser.open()  # window-modal, not blocking: the answer comes by fileSelected

    def start(self) -> None:
        """Run the export on the worker; the bar and the status line follow it."""
        if self._running:
            return
        text = self.path.text().strip()
        if not text:
            self._fail(self.tr("Choose where to save the file first."))
            return
        out = Path(text)
        fmt = self.chosen_format()
        since = self._since()
        state_value = self.state.currentData()
        state = ReviewState(state_value) if state_value and fmt != "pdf" else None
        profile = self.chosen_profile()
        pseudonyms = self.pseudonyms.isChecked() and fmt in ("csv", "json")
        if profile is Profile.EXTERNAL and (
            pseudonyms or (state is not None and state not in CONFIRMED_STATES)
        ):
            self._fail(
                self.tr(
                    "An external export holds no pseudonyms and only verified and "
                    "published reports: change the state or the profile."
                )
            )
            return
        self._set_running(True)
        self.status.setText(self.tr("Exporting…"))
        self.progress.setRange(0, 0)  # busy until the first count arrives
        relay = self._relay

        def report(done: int, total: int) -> None:
            relay.progressed.emit(done, total)  # from the worker thread: queued

        if fmt == "pdf":
            gazetteer = self._gazetteer
            self._worker.submit(
                lambda store: DeskSession(store).briefing(gazetteer, since=since),
                lambda briefing: self._render_pdf(briefing, out),
                self._failed,
            )
            return

        def work(store: Store) -> Done[ExportResult]:
            return DeskSession(store).export(
                self._gazetteer,
                fmt,  # type: ignore[arg-type]
                out,
                states=() if state is None else (state,),
                since=since,
                include_pseudonyms=pseudonyms,
                profile=profile,
                progress=report,
            )

        self._worker.command(work, self._done, self._failed)

    def _render_pdf(self, briefing: Briefing, out: Path) -> None:
        self._show_progress(1, 3)
        try:
            pdf = render_briefing(briefing, self._gazetteer, self._language())
        except Exception as error:  # shown in the dialog like any other failure
            self._failed(error)
            return
        self._show_progress(2, 3)
        self._worker.command(
            lambda store: DeskSession(store).save_briefing(briefing, pdf, out),
            self._done,
            self._failed,
        )

    def _since(self) -> datetime | None:
        if not self.use_since.isChecked():
            return None
        picked = self.since.dateTime().toPython()
        assert isinstance(picked, datetime)
        return aware(picked).astimezone(UTC)

    def _show_progress(self, done: int, total: int) -> None:
        if not self._running:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _done(self, result: ExportResult) -> None:
        self._set_running(False)
        self.result_of_export = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(
            self.tr("Exported %n report(s) to {path}.", "", result.reports).format(
                path=str(result.path)
            )
        )

    def _failed(self, error: Exception) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._fail(self._message(error))

    def _message(self, error: Exception) -> str:
        if isinstance(error, ExportWriteError):
            if error.reason == "no_space":
                return self.tr(
                    "The file could not be written: the disk is full. Free some space or "
                    "choose another place. Nothing was written."
                )
            return self.tr(
                "The file could not be written there. Choose another folder. Nothing was written."
            )
        if isinstance(error, ExportError):
            return str(error)
        return user_message(error)

    def _fail(self, message: str) -> None:
        self.failed = True
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.setText(message)

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.failed = False
        self.status.setStyleSheet("")
        for widget in (self.export_button, self.format, self.choose, self.path):
            widget.setEnabled(not running)
        self.close_button.setEnabled(not running)
