"""Qt parts of `gatewatch --self-test` (desktop/selftest.py) and the startup probe.

The checks render the main window offscreen (unless QT_QPA_PLATFORM names another
platform: `QT_QPA_PLATFORM=xcb gatewatch --self-test` also proves the display libraries
load), load the Burmese translation and the bundled Padauk font, and exercise the ICU
data Qt uses for collation and case mapping (the bundle carries a trimmed copy).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCollator, QCoreApplication, QEvent, QLocale, QObject, QTimer, qVersion
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from desktop.selftest import Check, process_age_ms

MYANMAR_LETTERS = "ကခဂဃင"


def application() -> QApplication:
    """The running QApplication, or a new one (offscreen unless a platform is chosen)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(sys.argv[:1])


def qt_versions() -> dict[str, str]:
    return {"qt": qVersion(), "pyside6": PySide6.__version__}


def qt_checks() -> list[Check]:
    return [
        Check("window", check_window),
        Check("burmese", lambda _: check_burmese()),
        Check("icu", lambda _: check_icu()),
    ]


def check_window(workdir: Path) -> str:
    from desktop.services.unlock import create_store
    from desktop.ui.app import build_window

    app = application()
    data_dir = workdir / "store"
    create_store(data_dir, "self-test passphrase, thrown away").close()
    window = build_window(app, data_dir)
    try:
        window.show()
        app.processEvents()
        if window.pages.currentWidget() is not window.unlock_page:
            raise AssertionError("the window did not open on the unlock page")
        image = window.grab().toImage()
        if image.isNull() or image.width() < 100 or image.height() < 100:
            raise AssertionError("the window rendered no image")
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), max(1, image.width() // 40))
            for y in range(0, image.height(), max(1, image.height() // 40))
        }
        if len(colours) < 3:
            raise AssertionError("the rendered window is blank")
        return f"unlock page rendered {image.width()}x{image.height()} on {app.platformName()}"
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


def check_burmese() -> str:
    from desktop.ui.i18n import LanguageSwitcher

    app = application()
    switcher = LanguageSwitcher.current or LanguageSwitcher(app)
    try:
        if not switcher.switch("my"):
            raise AssertionError("the Burmese translation did not load")
        text = QCoreApplication.translate("UnlockPage", "Gatewatch is locked")
        if text == "Gatewatch is locked" or not any("\u1000" <= c <= "\u109f" for c in text):
            raise AssertionError("the Burmese translation has no Burmese for the unlock page")
        family = switcher.myanmar_family
        if family is None:
            raise AssertionError("the bundled Myanmar font did not load")
        metrics = QFontMetrics(QFont(family))
        missing = [c for c in MYANMAR_LETTERS if not metrics.inFontUcs4(ord(c))]
        if missing:
            raise AssertionError(f"{family} lacks {missing}")
        if metrics.horizontalAdvance(MYANMAR_LETTERS) <= 0:
            raise AssertionError(f"{family} draws nothing")
        return f"translation loaded, font {family}"
    finally:
        switcher.switch("en")


def check_icu() -> str:
    upper = QLocale(QLocale.Language.English).toUpper("straße")
    if upper != "STRASSE":  # full case mapping comes from ICU
        raise AssertionError(f"case mapping gave {upper!r}")
    burmese = QCollator(QLocale(QLocale.Language.Burmese))
    chinese = QCollator(QLocale(QLocale.Language.Chinese))
    if not (burmese.compare("က", "ခ") < 0 and chinese.compare("中", "中国") < 0):
        raise AssertionError("collation is wrong")
    return "case mapping and Burmese and Chinese collation"


def install_startup_probe() -> None:
    """Create the application now; once its first window is exposed, print how long the
    process took to get there and close every window (the app then exits)."""
    app = application() if QApplication.instance() is None else QApplication.instance()
    assert isinstance(app, QApplication)
    app.installEventFilter(_ShownProbe(app))


class _ShownProbe(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Expose:
            self._done = True
            print(f"shown after {process_age_ms():.0f} ms", flush=True)
            QTimer.singleShot(0, self._app.closeAllWindows)
        return False
