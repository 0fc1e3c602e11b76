"""*Use Tor* and *Test connection*, shown in the Connect dialog and in the settings
(desktop/services/connection_check.py does the network work, on a thread of its own).

When the box is built it looks for a local Tor (9050, or Tor Browser's 9150); found, it
offers *Use Tor*, which sets the proxy to ``socks5h://`` so names are resolved through
Tor. *Test connection* tries each step and says which failed, in words a correspondent
can act on.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.ui.wrapping import WrapLabel

Target = tuple[str, str | None, str | None, str | None]
"""(server URL, token, TLS pin, proxy) to test."""


class _Relay(QObject):
    """Carries a thread's answer to the GUI thread (a queued signal)."""

    answered = Signal(object)


def run_in_thread(work: Callable[[], Any], done: Callable[[Any], None], parent: QObject) -> None:
    """Run ``work`` on a daemon thread; ``done(result)`` on the GUI thread (dropped when
    ``parent`` is gone by then)."""
    relay = _Relay(parent)
    relay.answered.connect(done)
    relay.answered.connect(relay.deleteLater)

    def body() -> None:
        try:
            result = work()
        except Exception as error:  # shown as a failed test, never raised on a thread
            result = error
        with contextlib.suppress(RuntimeError):  # the dialog (and the relay) closed meanwhile
            relay.answered.emit(result)

    threading.Thread(target=body, name="gatewatch-connection-test", daemon=True).start()


def describe(result: Any) -> str:
    """What a connection test found, in plain words."""
    failed = getattr(result, "failed", "error")
    words = {
        None: QCoreApplication.translate(
            "ConnectionTest",
            "Every step works: the server answers and accepts this computer.",
        ),
        "proxy": QCoreApplication.translate(
            "ConnectionTest",
            "The proxy does not answer. If you use Tor, start Tor or Tor Browser and keep it "
            "open, then try again; otherwise check the proxy address.",
        ),
        "name": QCoreApplication.translate(
            "ConnectionTest",
            "The server's name cannot be found. Check the server address; if names are "
            "blocked where you are, use Tor.",
        ),
        "tcp": QCoreApplication.translate(
            "ConnectionTest",
            "The server cannot be reached: the connection is blocked or the server is down. "
            "Use Tor if you can, or try again later.",
        ),
        "tls": QCoreApplication.translate(
            "ConnectionTest",
            "The server's certificate is not the newsroom's: someone may be in the way. Do "
            "not connect; tell your editor.",
        ),
        "token": QCoreApplication.translate(
            "ConnectionTest",
            "The server is reached but does not accept this computer's invite or token. Ask "
            "the newsroom admin for a new invite.",
        ),
    }
    return words.get(
        failed,
        QCoreApplication.translate(
            "ConnectionTest", "The test could not be run: check the addresses typed."
        ),
    )


class ConnectionTestBox(QWidget):
    """*Use Tor* (shown once a local Tor is found) and *Test connection* with its answer.

    ``target()`` gives what to test, or a message saying what is missing; ``proxy_changed``
    carries the proxy the box wants ("" for none) when *Use Tor* is switched."""

    proxy_changed = Signal(str)

    def __init__(
        self,
        target: Callable[[], Target | str],
        parent: QWidget | None = None,
        *,
        detect: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._target = target
        self.tor_proxy: str | None = None
        self.use_tor = QCheckBox(self.tr("Use &Tor (found on this computer)"))
        self.use_tor.hide()
        self.use_tor.toggled.connect(self._tor_toggled)
        self.test_button = QPushButton(self.tr("Test co&nnection"))
        self.test_button.clicked.connect(self.test)
        self.answer = WrapLabel()
        self.answer.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.use_tor)
        row.addStretch(1)
        row.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.answer)
        self.detected = False
        self.last_result: Any = None
        if detect is None:
            from desktop.services.connection_check import detect_tor

            detect = detect_tor
        run_in_thread(detect, self._found, self)

    def _found(self, proxy: Any) -> None:
        self.detected = True
        if isinstance(proxy, str):
            self.tor_proxy = proxy
            self.use_tor.show()

    def _tor_toggled(self, on: bool) -> None:
        self.proxy_changed.emit(self.tor_proxy if on and self.tor_proxy else "")

    def test(self) -> None:
        target = self._target()
        if isinstance(target, str):
            self._show(target)
            return
        from desktop.services.connection_check import check_connection

        url, token, pin, proxy = target
        self.test_button.setEnabled(False)
        self._show(self.tr("Testing the connection…"))
        run_in_thread(
            lambda: check_connection(url, token=token, tls_fingerprint=pin, proxy=proxy),
            self._tested,
            self,
        )

    def _tested(self, result: Any) -> None:
        self.test_button.setEnabled(True)
        self._show(describe(result))
        self.last_result = result

    def _show(self, text: str) -> None:
        self.answer.setText(text)
        self.answer.show()
