"""``/v1/opened`` on both engines: a desk posts a list for one device (the same bytes once),
only that device reads it, and the server forgets it once the device has asked past it."""

from __future__ import annotations

from sync.client import ClientConfig, SyncClient
from tests.helpers.servers import assert_error
from tests.sync.conftest import Srv, b64

ROUTE = "/v1/opened"


def test_a_list_reaches_only_its_device_once_and_is_then_forgotten(srv: Srv) -> None:
    alice, bob, desk = srv.enroll(), srv.enroll(), srv.desk()
    body = {"device_id": alice.device_id, "data": b64(b"a desk-signed list")}
    first = srv.http.post(f"{srv.url}{ROUTE}", json=body, headers=desk)
    again = srv.http.post(f"{srv.url}{ROUTE}", json=body, headers=srv.desk())
    assert first.status_code == again.status_code == 200, first.text
    assert first.json() == again.json()  # the same bytes keep their number

    alice_client = SyncClient(ClientConfig(base_url=srv.url, token=alice.token))
    bob_client = SyncClient(ClientConfig(base_url=srv.url, token=bob.token))
    try:
        assert bob_client.opened(0).lists == []
        page = alice_client.opened(0)
        assert [item.data for item in page.lists] == [body["data"]]
        assert page.next_after == first.json()["seq"]
        assert not page.more
        assert alice_client.opened(page.next_after).lists == []
        assert alice_client.opened(0).lists == []  # asked past it: gone
    finally:
        alice_client.close()
        bob_client.close()


def test_only_desks_post_and_only_devices_read(srv: Srv) -> None:
    device, desk = srv.enroll(), srv.desk()
    body = {"device_id": device.device_id, "data": b64(b"x")}
    assert_error(
        srv.http.post(f"{srv.url}{ROUTE}", json=body, headers=device.auth), 403, "wrong_token_kind"
    )
    assert_error(srv.http.get(f"{srv.url}{ROUTE}", headers=desk), 403, "wrong_token_kind")
    unknown = {"device_id": "gw-nobody", "data": b64(b"x")}
    assert_error(
        srv.http.post(f"{srv.url}{ROUTE}", json=unknown, headers=desk), 404, "unknown_device"
    )
