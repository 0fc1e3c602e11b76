"""The desk's Delivery view names, per device, what has not arrived, what is on its way by
hand, a restored device's new chain, and an alarm for a number used twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.database import open_store
from desktop.store.desk.chain import record_links
from desktop.store.desk.records import ChainArrival
from tests.helpers.desk_stores import LAIZA_LAPTOP, MAI_JA_YANG_LAPTOP, NOW
from tests.helpers.desk_ui import desk_window, make_desk_store, unlock_desk
from tests.ui.conftest import PASSPHRASE

OLD = "a1" * 16
NEW = "b2" * 16
DAY = int(NOW.timestamp())


def arrival(device: str, chain: str, seq: int, sealed_at: int, **more: object) -> ChainArrival:
    fields: dict[str, object] = {
        "device_id": device,
        "envelope_id": f"00000000-0000-4000-8000-{seq:06d}{len(chain) + len(device):06d}",
        "chain_id": chain,
        "seq": seq,
        "sha256": bytes([seq]) * 32,
        "previous": bytes([seq - 1]) * 32 if seq > 1 else bytes(32),
        "sealed_at": sealed_at,
        "start": 1 if seq == 1 else 0,
        "follows_chain": None,
        "follows_seq": 0,
        "carried": (),
    }
    fields.update(more)
    return ChainArrival(**fields)  # type: ignore[arg-type]


def test_the_delivery_view_names_gaps_carried_envelopes_restarts_and_alarms(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_desk_store(tmp_path / "desk")
    hour = 3600
    with open_store(tmp_path / "desk", PASSPHRASE) as store, store.transaction() as conn:
        # Laiza laptop: 1, 2, then 6; number 7 says 4 and 5 went by hand; then restored.
        record_links(
            conn,
            [
                arrival(LAIZA_LAPTOP, OLD, 1, DAY),
                arrival(LAIZA_LAPTOP, OLD, 2, DAY + hour),
                arrival(LAIZA_LAPTOP, OLD, 6, DAY + 5 * hour),
                arrival(LAIZA_LAPTOP, OLD, 7, DAY + 6 * hour, carried=((4, 5, DAY + 4 * hour),)),
                arrival(
                    LAIZA_LAPTOP,
                    NEW,
                    1,
                    DAY + 2 * 86400,
                    start=2,
                    follows_chain=OLD,
                    follows_seq=7,
                ),
            ],
            NOW,
        )
        # Mai Ja Yang laptop: number 2 twice.
        record_links(
            conn,
            [arrival(MAI_JA_YANG_LAPTOP, OLD, n, DAY) for n in (1, 2)],
            NOW,
        )
        twin = arrival(
            MAI_JA_YANG_LAPTOP, OLD, 2, DAY, envelope_id="0" * 8 + "-0000-4000-8000-" + "9" * 12
        )
        record_links(conn, [twin], NOW)
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        page.tabs.setCurrentWidget(page.gaps)
        view = page.gaps
        qtbot.waitUntil(lambda: view.found is not None and view.list.count() > 0, timeout=10_000)
        texts = [view.list.item(i).text().strip() for i in range(view.list.count())]
        assert texts == [
            "Laiza laptop",
            "1 missing since 2024-12-14 (number 3)",
            "2 on the way by hand (numbers 4 to 5), carried 2024-12-14 as a later envelope said",
            "Restored from a backup on 2024-12-16, after number 7 of the chain before",
            "Mai Ja Yang laptop",
            "Nothing missing",
            "⚠ Number 2 was used by two different envelopes: a copy of this device, or its "
            "key in other hands",
        ]
        assert page.tabs.tabText(page.tabs.indexOf(view)) == "Deliver&y"
    finally:
        window.close()


def test_nothing_numbered_yet_says_so(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    make_desk_store(tmp_path / "desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        page.tabs.setCurrentWidget(page.gaps)
        qtbot.waitUntil(lambda: page.gaps.found is not None, timeout=10_000)
        assert page.gaps.list.item(0).text().strip() == "No numbered envelopes have arrived yet."
    finally:
        window.close()
