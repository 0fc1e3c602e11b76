"""An anonymous client that holds connections to a server: some silent, some trickling
one header line after another (slowloris). Each connection the server closes is opened
again, so the count held stays up for as long as the attack runs.

Runs its own event loop in a thread; bounded by ``stop()`` (or leaving the ``with``) and by
``max_connects``.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from types import TracebackType
from urllib.parse import urlsplit

FIRST_LINE = b"GET /v1/health HTTP/1.1\r\nHost: x\r\n"


class HeldSockets:
    def __init__(
        self,
        url: str,
        *,
        silent: int,
        slow: int,
        trickle_seconds: float = 2.0,
        reconnect_seconds: float = 0.05,
        max_connects: int = 200_000,
    ) -> None:
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.silent = silent
        self.slow = slow
        self.trickle_seconds = trickle_seconds
        self.reconnect_seconds = reconnect_seconds
        self.max_connects = max_connects
        self.connects = 0
        self.closed = 0
        self.open_now = 0
        self.failed = 0
        self._ready = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="held-sockets", daemon=True)

    def __enter__(self) -> HeldSockets:
        self._thread.start()
        if not self._ready.wait(timeout=60):
            self.stop()
            raise RuntimeError("the held connections were not all opened within 60 s")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        if self._stop is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=30)
        if self._thread.is_alive():
            raise RuntimeError("the held connections did not stop within 30 s")

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._main())
        finally:
            self._loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        total = self.silent + self.slow
        holders = [
            asyncio.create_task(self._hold(slow=index < self.slow)) for index in range(total)
        ]
        await self._stop.wait()
        for holder in holders:
            holder.cancel()
        await asyncio.gather(*holders, return_exceptions=True)

    async def _hold(self, *, slow: bool) -> None:
        assert self._stop is not None
        while not self._stop.is_set() and self.connects < self.max_connects:
            try:
                reader, writer = await asyncio.open_connection(self.host, self.port)
            except OSError:
                self.failed += 1
                await asyncio.sleep(self.reconnect_seconds)
                continue
            self.connects += 1
            self.open_now += 1
            if self.open_now >= self.silent + self.slow:
                self._ready.set()
            try:
                if slow:
                    writer.write(FIRST_LINE)
                while True:
                    try:
                        data = await asyncio.wait_for(reader.read(4096), self.trickle_seconds)
                    except TimeoutError:
                        if slow:
                            writer.write(b"X-Wait: 1\r\n")
                        continue
                    if not data:
                        break
            except OSError:
                pass
            finally:
                self.open_now -= 1
                self.closed += 1
                writer.close()
                with contextlib.suppress(OSError):
                    await writer.wait_closed()
            await asyncio.sleep(self.reconnect_seconds)
