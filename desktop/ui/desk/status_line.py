"""The desk page's status line: the server, the last pull and what it brought, refusals,
held and unsent review changes, in words."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.services.desk import core as desk
from desktop.services.desk.session import DeskStatus
from desktop.ui.desk_clock import desk_time


class DeskStatusLine(QLabel):
    """See the module docstring; the page also writes its own words here (a pull going on,
    a failed one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def show_status(self, status: DeskStatus | None, outcome: desk.PullOutcome | None) -> None:
        if status is None:
            self.clear()
        else:
            self.setText(self.text_for(status, outcome))

    def text_for(self, status: DeskStatus, outcome: desk.PullOutcome | None) -> str:
        """The line for `status`, with what the last pull of this session brought."""
        parts: list[str] = []
        if status.server_url is None:
            parts.append(self.tr("Not connected to a server yet (Desk menu, Connect to server…)."))
        elif status.last_pull_at is None:
            parts.append(self.tr("Never pulled."))
        else:
            when = desk_time(status.last_pull_at, with_zone=True)
            parts.append(self.tr("Last pull {time}.").format(time=when))
        if outcome is not None:
            parts.append(self.tr("%n new report(s).", "", outcome.reports))
            for warning in outcome.warnings[:1]:
                parts.append(
                    self.tr("Moves or questions could not be sent: {reason}").format(reason=warning)
                )
        skew = None if outcome is None else outcome.clock_skew
        if skew is not None and abs(skew) >= desk.CLOCK_SKEW_SHOWN:
            minutes = round(abs(skew) / 60)
            parts.append(
                self.tr(
                    "This computer's clock is %n minute(s) ahead of the server's.",
                    "",
                    minutes,
                )
                if skew > 0
                else self.tr(
                    "This computer's clock is %n minute(s) behind the server's.",
                    "",
                    minutes,
                )
            )
        if outcome is not None and outcome.relabels:
            parts.append(
                self.tr(
                    "The server renamed %n device(s); this desk keeps the approved names "
                    "(Desk menu, Devices…).",
                    "",
                    len(outcome.relabels),
                )
            )
        if status.unapproved:
            parts.append(
                self.tr(
                    "%n report(s) from devices no editor approved (Desk menu, Devices…).",
                    "",
                    status.unapproved,
                )
            )
        if status.refused:
            parts.append(self.tr("%n envelope(s) refused.", "", status.refused))
        if status.held:
            parts.append(
                self.tr(
                    "%n review change(s) held: dated ahead of this computer's clock "
                    "(gatewatch desk held --accept).",
                    "",
                    status.held,
                )
            )
        if status.unsent:
            parts.append(self.tr("%n review change(s) waiting to be sent.", "", status.unsent))
        elif status.server_url is not None:
            parts.append(self.tr("Every review change was sent."))
        return " ".join(parts)
