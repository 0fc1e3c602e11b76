"""The order of a desk pull's work: fetching, opening and storing pages overlap.

While page N is stored on the store's thread, the pages after it are being opened (in
threads or worker processes, `desktop.services.desk.open`) and the next one fetched (one
fetching thread: the client is never used from two threads at once). Up to ``depth``
pages are opened ahead of the one being stored, so a worker that finishes its share of a
page starts on the next page instead of waiting for the slowest share.

Pages are stored in the order they were fetched. A page that is opened is stored before a
slow or failing fetch is waited for, and before an error in starting the next page is
raised: progress shows, and a cut loses nothing opened.

When storing is the slower stage (a large desk, where each commit rewrites index pages
scattered by the new rows), the pages already opened behind the one being stored are kept
with it, up to ``MAX_BATCH`` pages in one transaction: the scattered index pages are
written once for all of them. When opening is the slower stage, each page is kept alone.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any, Generic, Protocol, TypeVar

from sync.messages import EnvelopePage

__all__ = ["MAX_BATCH", "OPEN_AHEAD", "PagePipeline", "Pending"]

OPEN_AHEAD = 3
"""Pages opened ahead of the one being stored."""
MAX_BATCH = 4
"""Pages kept in one transaction at most (a crash repeats at most these)."""

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Pending(Protocol[T_co]):
    """A page being opened (`desktop.services.desk.open.PendingPage`)."""

    def result(self) -> Sequence[T_co]: ...
    def futures(self) -> Sequence[Future[Any]]: ...


class PagePipeline(Generic[T]):
    """Runs one pull's pages: ``fetch(after)`` on the fetching thread, ``start(page,
    unstored)`` and ``keep(batch)`` on the caller's, ``batch`` being one or more
    consecutive pages with their opened envelopes, to store in one transaction.
    ``unstored`` are the envelope ids of pages fetched and not stored yet (a server that
    lists an envelope twice gets it opened once). No fetch is in flight while ``start``
    runs: it may use the client. At most ``max_pages`` pages are fetched, the first
    included."""

    def __init__(
        self,
        fetch: Callable[[int], EnvelopePage],
        start: Callable[[EnvelopePage, set[str]], Pending[T]],
        keep: Callable[[Sequence[tuple[EnvelopePage, Sequence[T]]]], None],
        *,
        max_pages: int | None = None,
        depth: int = OPEN_AHEAD,
    ) -> None:
        self._fetch = fetch
        self._start = start
        self._keep = keep
        self._max_pages = max_pages
        self._depth = max(1, depth)
        self._fetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-pull-fetch")
        self._upcoming: Future[EnvelopePage] | None = None
        self._last: EnvelopePage | None = None
        self._fetched = 0
        self._pages: deque[tuple[EnvelopePage, Pending[T]]] = deque()

    def run(self, first: EnvelopePage) -> None:
        """Open and store ``first`` and every page after it."""
        try:
            self._fetched = 1
            self._last = first
            self._open(first)
            self._fetch_next()
            while self._pages:
                page, pending = self._pages[0]
                opened = self._opened(pending)
                self._pages.popleft()
                batch = [(page, opened)]
                while self._pages and len(batch) < MAX_BATCH and _opened(self._pages[0][1]):
                    page, pending = self._pages.popleft()
                    batch.append((page, pending.result()))
                self._keep(batch)
                if not self._pages:
                    self._take_fetched(block=True)
        finally:
            self._fetcher.shutdown(wait=False, cancel_futures=True)

    def _opened(self, pending: Pending[T]) -> Sequence[T]:
        """The page's opened envelopes; pages that arrive meanwhile start opening."""
        while True:
            self._top_up()
            upcoming = self._upcoming
            chunks = pending.futures()
            if (
                upcoming is None
                or upcoming.done()  # failed: raised once the pages in hand are stored
                or len(self._pages) > self._depth
                or all(chunk.done() for chunk in chunks)
            ):
                return pending.result()
            # only what is still running: a finished chunk would end the wait at once
            wait([upcoming, *(c for c in chunks if not c.done())], return_when=FIRST_COMPLETED)

    def _open(self, page: EnvelopePage) -> None:
        unstored = {e.envelope_id for p, _ in self._pages for e in p.envelopes}
        try:
            pending = self._start(page, unstored)
        except BaseException:
            self._keep_opened()
            raise
        self._pages.append((page, pending))

    def _keep_opened(self) -> None:
        """Store the pages already being opened, in order (before an error is raised)."""
        while self._pages:
            page, pending = self._pages.popleft()
            self._keep([(page, pending.result())])

    def _top_up(self) -> None:
        while len(self._pages) <= self._depth and self._take_fetched(block=False):
            pass

    def _take_fetched(self, *, block: bool) -> bool:
        """Start opening the fetched page, when it has arrived (or ``block``: when it
        arrives); a fetch's error is raised only when blocking, with nothing left to store."""
        upcoming = self._upcoming
        if upcoming is None or not (block or upcoming.done()):
            return False
        if not block and upcoming.exception() is not None:
            return False
        self._upcoming = None
        page = upcoming.result()
        self._last = page
        self._open(page)
        self._fetch_next()
        return True

    def _fetch_next(self) -> None:
        last = self._last
        if last is None or not last.more or self._upcoming is not None:
            return
        if self._max_pages is not None and self._fetched >= self._max_pages:
            return
        self._fetched += 1
        self._upcoming = self._fetcher.submit(self._fetch, last.next_after)


def _opened(pending: Pending[Any]) -> bool:
    return all(chunk.done() for chunk in pending.futures())
