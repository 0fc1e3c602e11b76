"""Work handed to the unlock runs on the open store inside the unlock's padding: it takes
the place of waiting, the padding ends when it would have, and a failure closes the store.

The clock is the test's: the padding is read from the calls the unlock makes to it, never
from the wall clock."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.store import database, duress
from desktop.store.database import MIN_UNLOCK_PAD_S, Store, create_store, open_store
from desktop.store.reports import ReportRepository
from tests.helpers.reports import example

PASSPHRASE = "a long test passphrase"
DURESS = "kettle window orange tide, not a secret"


class Clock:
    """A monotonic clock that moves only when told to; `sleep` records and moves it."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(
        database, "time", SimpleNamespace(monotonic=fake.monotonic, sleep=fake.sleep)
    )
    return fake


def make_store(folder: Path, narrative: str) -> str:
    report = Report.new(ReportContent.from_json(example(narrative=narrative)))
    with create_store(folder, PASSPHRASE) as store:
        ReportRepository(store, default_gazetteer()).add(report)
    return report.id


def test_the_work_reads_the_open_store_before_it_is_returned(tmp_path: Path) -> None:
    report_id = make_store(tmp_path / "store", "Trucks wait at the gate.")
    seen: list[tuple[Store, list[str], str]] = []

    def meanwhile(store: Store) -> None:
        seen.append((store, ReportRepository(store).ids(), threading.current_thread().name))

    with open_store(tmp_path / "store", PASSPHRASE, meanwhile=meanwhile) as store:
        assert [(s is store, ids, thread) for s, ids, thread in seen] == [
            (True, [report_id], threading.current_thread().name)
        ]


def test_the_work_takes_the_place_of_the_padding(tmp_path: Path, clock: Clock) -> None:
    make_store(tmp_path / "store", "Trucks wait at the gate.")
    open_store(tmp_path / "store", PASSPHRASE).close()
    assert clock.slept == [pytest.approx(MIN_UNLOCK_PAD_S)]  # the derivation took no time

    clock.slept.clear()

    def short(_: Store) -> None:
        clock.now += 0.2

    open_store(tmp_path / "store", PASSPHRASE, meanwhile=short).close()
    assert clock.slept == [pytest.approx(MIN_UNLOCK_PAD_S - 0.2)]

    clock.slept.clear()

    def long(_: Store) -> None:
        clock.now += MIN_UNLOCK_PAD_S + 0.3

    open_store(tmp_path / "store", PASSPHRASE, meanwhile=long).close()
    assert clock.slept == [0.0]  # past the padding: nothing more is added


def test_the_duress_path_pads_its_work_the_same_way(tmp_path: Path, clock: Clock) -> None:
    folder = tmp_path / "store"
    make_store(folder, "The real report.")
    duress.set_duress(folder, PASSPHRASE, DURESS, ["Rice is 2,500 kyat a pyi."])
    counts: list[int] = []

    def meanwhile(store: Store) -> None:
        counts.append(len(ReportRepository(store).ids()))
        clock.now += 0.2

    with open_store(folder, DURESS, meanwhile=meanwhile) as decoy:
        assert counts == [len(ReportRepository(decoy).ids())]
    assert clock.slept == [pytest.approx(MIN_UNLOCK_PAD_S - 0.2)]


def test_failing_work_closes_the_store_and_raises_after_the_padding(
    tmp_path: Path, clock: Clock
) -> None:
    report_id = make_store(tmp_path / "store", "Trucks wait at the gate.")
    given: list[Store] = []

    def failing(store: Store) -> None:
        given.append(store)
        raise LookupError("the work failed")

    with pytest.raises(LookupError, match="the work failed"):
        open_store(tmp_path / "store", PASSPHRASE, meanwhile=failing)
    assert given[0].closed
    assert clock.slept == [pytest.approx(MIN_UNLOCK_PAD_S)]
    with open_store(tmp_path / "store", PASSPHRASE) as store:  # nothing was lost
        assert ReportRepository(store).ids() == [report_id]
