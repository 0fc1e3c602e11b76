"""The client through a fault-injecting proxy (tests/sync/faultproxy.py) to a real server:
every envelope is stored exactly once whatever the network does."""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from sync.client import ClientConfig, OfflineError, SyncClient, UnauthorizedError
from sync.envelope import DeviceSigningKey
from sync.messages import UploadResult
from tests.helpers.servers import GENEROUS
from tests.sync.conftest import Device, Srv, sealed
from tests.sync.faultproxy import Fault, FaultProxy


@pytest.fixture
def srv(server_factory: Any) -> Srv:
    server: Srv = server_factory(GENEROUS)
    return server


@pytest.fixture
def proxy(srv: Srv) -> Iterator[FaultProxy]:
    with FaultProxy(srv.url) as fault_proxy:
        yield fault_proxy


def client(url: str, token: str, **kw: Any) -> SyncClient:
    kw.setdefault("backoff_base", 0.01)
    kw.setdefault("backoff_max", 0.05)
    kw.setdefault("connect_timeout", 2.0)
    kw.setdefault("read_timeout", 5.0)
    kw.setdefault("retries", 4)
    return SyncClient(ClientConfig(base_url=url, token=token, **kw))


def enrolled(srv: Srv) -> Device:
    device_id, token = srv.invite()
    key = DeviceSigningKey.generate()
    with client(srv.url, token) as c:
        response = c.enroll(key.public_bytes())
    assert response.device_token is not None
    return Device(device_id, response.device_token, key)


def stored_ids(srv: Srv) -> Counter[str]:
    """Every envelope id the desk can pull, with how often it appears."""
    token = srv.desk()["Authorization"].removeprefix("Bearer ")
    seen: Counter[str] = Counter()
    after = 0
    with client(srv.url, token) as desk:
        for _ in range(1000):
            page = desk.pull(after, limit=500)
            seen.update(e.envelope_id for e in page.envelopes)
            after = page.next_after
            if not page.more:
                break
    return seen


def assert_exactly_once(srv: Srv, envelopes: list[tuple[str, bytes]], note: str = "") -> None:
    seen = stored_ids(srv)
    assert set(seen) == {eid for eid, _ in envelopes}, note
    assert set(seen.values()) == {1}, note
    assert srv.stats()["envelopes"] == len(envelopes), note


def batch(srv: Srv, device: Device, count: int) -> list[tuple[str, bytes]]:
    return [sealed(device, srv.newsroom.public_key, b"f%d" % i) for i in range(count)]


@pytest.mark.parametrize(
    "fault",
    [
        Fault.cut_request(after_bytes=0),
        Fault.cut_request(after_bytes=300),  # headers sent, body cut
        Fault.reset(),
        Fault.drop_response(),  # the server committed; the client never hears
    ],
    ids=["cut-at-once", "cut-mid-body", "reset", "drop-response-after-commit"],
)
def test_one_fault_is_retried_and_stores_each_envelope_once(
    srv: Srv, proxy: FaultProxy, fault: Fault
) -> None:
    device = enrolled(srv)
    envelopes = batch(srv, device, 5)
    proxy.push(fault)
    with client(proxy.url, device.token) as c:
        results = c.upload(envelopes)
    assert all(r.ok for r in results)
    assert [i for i, _ in proxy.applied] == [0]
    assert proxy.connections == 2
    assert_exactly_once(srv, envelopes)


def test_dropped_response_then_resend_gives_the_original_receipts(
    srv: Srv, proxy: FaultProxy
) -> None:
    device = enrolled(srv)
    envelopes = batch(srv, device, 3)
    proxy.push(Fault.drop_response())
    with client(proxy.url, device.token) as c:
        retried = c.upload(envelopes)
    with client(srv.url, device.token) as direct:
        again = direct.upload(envelopes)
    assert [r.receipt for r in retried] == [r.receipt for r in again]
    assert_exactly_once(srv, envelopes)


def test_a_response_slower_than_the_read_timeout_is_retried(srv: Srv, proxy: FaultProxy) -> None:
    device = enrolled(srv)
    envelopes = batch(srv, device, 4)
    proxy.push(Fault.delay(1.5))
    with client(proxy.url, device.token, read_timeout=0.4) as c:
        results = c.upload(envelopes)
    assert all(r.ok for r in results)
    assert proxy.connections == 2
    assert_exactly_once(srv, envelopes)


def test_a_short_delay_is_just_waited_for(srv: Srv, proxy: FaultProxy) -> None:
    device = enrolled(srv)
    envelopes = batch(srv, device, 2)
    proxy.push(Fault.delay(0.3), Fault.delay(0.3, where="request"))
    with client(proxy.url, device.token, read_timeout=3.0) as c:
        assert all(r.ok for r in c.upload(envelopes))
        assert c.missing([eid for eid, _ in envelopes]) == []
    assert proxy.connections == 1  # keep-alive: one connection, no retry
    assert_exactly_once(srv, envelopes)


def test_faults_on_every_retry_end_in_offline_with_nothing_lost(
    srv: Srv, proxy: FaultProxy
) -> None:
    device = enrolled(srv)
    envelopes = batch(srv, device, 3)
    proxy.down = True
    with client(proxy.url, device.token, retries=3) as c:
        with pytest.raises(OfflineError) as caught:
            c.upload(envelopes)
        assert proxy.connections == 4  # the first try and three retries
        assert "offline" in str(caught.value)
        proxy.down = False
        assert all(r.ok for r in c.upload(envelopes))
    assert_exactly_once(srv, envelopes)


def test_upload_error_carries_the_batches_done_before_it(srv: Srv, proxy: FaultProxy) -> None:
    device = enrolled(srv)
    envelopes = batch(srv, device, 150)
    done: list[UploadResult] = []
    with client(proxy.url, device.token, retries=1) as c:
        # The first batch passes; then the connection resets and no new one gets through.
        proxy.rule = lambda index: Fault.reset(nth=2) if index == 0 else Fault.refuse()
        with pytest.raises(OfflineError) as caught:
            c.upload(envelopes, on_batch=done.extend)
    assert [r.envelope_id for r in caught.value.completed] == [eid for eid, _ in envelopes[:100]]
    assert caught.value.completed == done


def test_enroll_is_not_retried_after_a_lost_answer(srv: Srv, proxy: FaultProxy) -> None:
    device_id, token = srv.invite()
    key = DeviceSigningKey.generate()
    proxy.push(Fault.drop_response())
    with client(proxy.url, token) as c:
        with pytest.raises(OfflineError):
            c.enroll(key.public_bytes())
        assert proxy.connections == 1  # not retried blindly
        with pytest.raises(UnauthorizedError, match="already used"):
            c.enroll(key.public_bytes())  # the caller's retry: the first one spent the invite
    with srv.admin() as store:
        (row,) = [d for d in store.tokens.devices() if d.device_id == device_id]
    assert row.enrolled


def test_random_faults_deliver_every_envelope_exactly_once(srv: Srv, proxy: FaultProxy) -> None:
    seed = int(os.environ.get("GATEWATCH_FAULT_SEED", "20250611"))
    print(f"fault seed: {seed} (set GATEWATCH_FAULT_SEED to replay)")
    rng = random.Random(seed)  # noqa: S311 - reproducible faults, not secrets
    device = enrolled(srv)
    envelopes = batch(srv, device, 240)

    def rule(index: int) -> Fault:
        # Every connection ends in a fault after 0-2 good requests (a connection that
        # passed untouched would carry all the rest over keep-alive).
        nth = rng.randint(1, 3)
        return rng.choice(
            [
                Fault.cut_request(after_bytes=rng.randrange(0, 1500), nth=nth),
                Fault.reset(nth=nth),
                Fault.drop_response(nth=nth),
                Fault.drop_response(nth=nth),
            ]
        )

    proxy.rule = rule
    pending = list(envelopes)
    receipts: dict[str, int] = {}
    offline = 0
    with client(proxy.url, device.token, retries=3) as c:
        for _ in range(200):  # an outbox's sync loop, bounded
            if not pending:
                break
            chunk = pending[: rng.randint(1, 20)]
            try:
                results = c.upload(chunk)
            except OfflineError as exc:
                offline += 1
                results = exc.completed
            for r in results:
                assert r.ok, (seed, r)
                assert r.receipt is not None
                assert receipts.setdefault(r.envelope_id, r.receipt.seq) == r.receipt.seq, seed
            done = {r.envelope_id for r in results}
            pending = [e for e in pending if e[0] not in done]
    assert not pending, f"seed {seed}: {len(pending)} never delivered"
    assert len(proxy.applied) >= 8, f"seed {seed}: too few faults fired to mean anything"
    assert_exactly_once(srv, envelopes, f"seed {seed}")
    print(f"faults fired: {len(proxy.applied)}, calls that ended offline: {offline}")
