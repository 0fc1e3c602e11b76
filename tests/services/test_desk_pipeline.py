"""The order of a desk pull's work (`desktop.services.desk.pipeline`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from typing import Any

import pytest

from desktop.services.desk import pipeline as desk_pipeline
from desktop.services.desk.pipeline import PagePipeline
from sync.messages import EnvelopePage


class Opening:
    """A page being opened in two chunks: the first already done, the second done when
    the test says."""

    def __init__(self, page: EnvelopePage) -> None:
        self.page = page
        self.first: Future[list[str]] = Future()
        self.first.set_result([f"{page.next_after}a"])
        self.second: Future[list[str]] = Future()

    def futures(self) -> Sequence[Future[Any]]:
        return [self.first, self.second]

    def result(self) -> Sequence[str]:
        return [*self.first.result(), *self.second.result()]


def test_waiting_for_a_page_never_waits_on_a_chunk_already_opened(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A finished chunk in the wait ends it at once, and the store's thread would spin
    # until the page is opened, taking the processor from the workers.
    first = EnvelopePage(envelopes=[], next_after=1, more=True)
    last = EnvelopePage(envelopes=[], next_after=2, more=False)
    fetched: Future[EnvelopePage] = Future()
    openings: list[Opening] = []
    waited_on_done: list[bool] = []
    real_wait = desk_pipeline.wait

    def watched(futures: Iterable[Future[Any]], **kwargs: Any) -> Any:
        futures = list(futures)
        waited_on_done.append(any(f.done() for f in futures))
        fetched.set_result(last)  # the next page arrives and the first is opened
        openings[0].second.set_result([])
        return real_wait(futures, **kwargs)

    def start(page: EnvelopePage, unstored: set[str]) -> Opening:
        opening = Opening(page)
        if openings:
            opening.second.set_result([])
        openings.append(opening)
        return opening

    kept: list[tuple[int, Sequence[str]]] = []
    monkeypatch.setattr(desk_pipeline, "wait", watched)
    pipeline = PagePipeline(
        lambda after: fetched.result(timeout=30),  # only once the pipeline waits
        start,
        lambda batch: kept.extend((page.next_after, opened) for page, opened in batch),
    )
    pipeline.run(first)
    assert waited_on_done == [False]
    assert kept == [(1, ["1a"]), (2, ["2a"])]


@pytest.mark.parametrize(
    ("slow_page", "first_batch"),
    [(None, list(range(1, desk_pipeline.MAX_BATCH + 1))), (3, [1, 2])],
)
def test_pages_opened_behind_the_one_being_stored_are_kept_with_it(
    slow_page: int | None, first_batch: list[int]
) -> None:
    # Storing is the slower stage: the pages behind the first are opened by the time the
    # first is, so they share its transaction, up to MAX_BATCH pages; a page still being
    # opened (slow_page) is not waited for, nor are the pages after it.
    assert desk_pipeline.OPEN_AHEAD + 1 >= desk_pipeline.MAX_BATCH
    count = desk_pipeline.MAX_BATCH + 2
    pages = {
        n: EnvelopePage(envelopes=[], next_after=n, more=n < count) for n in range(1, count + 1)
    }
    openings: dict[int, Opening] = {}

    def start(page: EnvelopePage, unstored: set[str]) -> Opening:
        opening = openings[page.next_after] = Opening(page)
        if page.next_after not in (1, slow_page):
            opening.second.set_result([])
        if page.next_after == desk_pipeline.OPEN_AHEAD + 1:
            openings[1].second.set_result([])  # the first is opened once the rest are
        return opening

    batches: list[list[int]] = []

    def keep(batch: Sequence[tuple[EnvelopePage, Sequence[str]]]) -> None:
        batches.append([page.next_after for page, _ in batch])
        if slow_page is not None and not openings[slow_page].second.done():
            openings[slow_page].second.set_result([])  # opened while the first is stored

    PagePipeline(lambda after: pages[after + 1], start, keep).run(pages[1])
    assert batches[0] == first_batch
    assert [n for batch in batches for n in batch] == list(range(1, count + 1))
    assert all(len(batch) <= desk_pipeline.MAX_BATCH for batch in batches)
