"""The desk's chain tables: each link once, and what does not fit named once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.desk.chain_gaps import find_gaps
from desktop.domain.report import Report, ReportContent
from desktop.store.database import Store, create_store
from desktop.store.desk.chain import DeskChainRepository, record_links
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.records import ChainArrival, EnvelopeRecord, ReceivedReport
from tests.helpers.reports import example
from tests.helpers.stores import PASSPHRASE

NOW = datetime(2026, 12, 12, 8, 0, tzinfo=UTC)
DEVICE = "gw-00000000000000000001"
CHAIN = "c0" * 16


def link(seq: int, *, previous: int | None = None, envelope: str | None = None) -> ChainArrival:
    """Number ``seq`` whose hash is bytes([seq]) and whose previous is bytes([previous])."""
    before = seq - 1 if previous is None else previous
    return ChainArrival(
        DEVICE,
        envelope or f"00000000-0000-4000-8000-{seq:012d}",
        CHAIN,
        seq,
        bytes([seq]) * 32,
        bytes([before]) * 32 if seq > 1 else bytes(32),
        1_765_526_400 + seq,
        1 if seq == 1 else 0,
        None,
        0,
        ((2, 3, 1_765_526_500),) if seq == 5 else (),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "desk", PASSPHRASE) as opened:
        yield opened


def record(store: Store, *arrivals: ChainArrival) -> None:
    with store.transaction() as conn:
        record_links(conn, arrivals, NOW)


def kinds(store: Store) -> list[tuple[int | None, str]]:
    return [(e.seq, e.kind) for e in DeskChainRepository(store).events()]


def test_pages_in_any_order_leave_no_gap_and_name_late_ones(store: Store) -> None:
    record(store, link(1), link(5))
    record(store, link(3), link(2))
    record(store, link(4))
    [view] = DeskChainRepository(store).views()
    assert [seq for seq, _ in view.links] == [1, 2, 3, 4, 5]
    assert view.carried == ((2, 3, 1_765_526_500),)
    assert find_gaps([view]) == ([], [])
    assert kinds(store) == [(3, "late"), (2, "late"), (4, "late")]  # as they arrived


def test_a_number_twice_and_links_that_do_not_follow_are_named_once(store: Store) -> None:
    record(store, link(1), link(2))
    record(store, link(2, envelope="00000000-0000-4000-8000-999999999999"))
    record(store, link(2))  # the same envelope: not a conflict
    record(store, link(4, previous=9), link(3))  # 4 does not follow 3, seen in one page
    record(store, link(6))
    record(store, link(5, previous=4))  # 5 follows 4 but 6 does not follow 5? it does
    assert kinds(store) == [(2, "conflict"), (3, "late"), (4, "broken"), (5, "late")]
    record(store, link(7, previous=9))
    record(store, link(8, previous=7))
    assert kinds(store)[-1] == (7, "broken")
    record(store, link(10))
    record(store, link(9, previous=8))  # stored 10 says its previous is 9's hash: fits
    assert kinds(store)[-1] == (9, "late")


def test_which_arrivals_were_late_does_not_depend_on_how_they_were_stored(
    store: Store, tmp_path: Path
) -> None:
    # A pull stores its pages one by one, or several in one transaction when storing falls
    # behind: the same arrivals must name the same late ones either way.
    arrivals = [link(1), link(4), link(3), link(6), link(2), link(5)]
    for arrival in arrivals:
        record(store, arrival)
    with create_store(tmp_path / "together", PASSPHRASE) as together:
        record(together, *arrivals)
        assert kinds(together) == kinds(store) == [(3, "late"), (2, "late"), (5, "late")]


def test_a_page_names_late_ones_in_the_servers_order_whatever_their_kind(store: Store) -> None:
    # The server handed over the report (number 2) before a refused envelope (number 1)
    # of the same chain: number 1 came late, though refusals are written first.
    signed = Report.new(ReportContent.from_json(example())).to_json()
    report = ReceivedReport(
        EnvelopeRecord(link(2).envelope_id, 10, DEVICE, "report", 1, "t", "stored", chain=link(2)),
        signed,
    )
    refused = EnvelopeRecord(
        link(1).envelope_id, 11, DEVICE, "report", 1, "t", "refused", "invalid_report", "bad"
    )
    DeskRepository(store).store_page([replace(refused, chain=link(1))], [report], None, NOW)
    assert kinds(store) == [(1, "late")]
