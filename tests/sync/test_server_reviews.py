"""``POST /v1/reviews``: desks share review envelopes through the server, devices cannot."""

from __future__ import annotations

import uuid

from sync.envelope import DESK_SENDER_ID, derive_desk_signing_key, seal
from tests.sync.conftest import Device, Srv, b64, sealed


def _review(srv: Srv, payload: bytes = b"review events") -> tuple[str, bytes]:
    eid = str(uuid.uuid4())
    data = seal(
        payload,
        kind="review",
        envelope_id=eid,
        device_id=DESK_SENDER_ID,
        device_key=derive_desk_signing_key(srv.newsroom),
        recipient=srv.newsroom.public_key,
    )
    return eid, data


def _post(
    srv: Srv, headers: dict[str, str], *envelopes: tuple[str, bytes]
) -> list[dict[str, object]]:
    body = {"envelopes": [{"envelope_id": eid, "data": b64(data)} for eid, data in envelopes]}
    response = srv.http.post(f"{srv.url}/v1/reviews", json=body, headers=headers)
    assert response.status_code == 200, response.text
    results: list[dict[str, object]] = response.json()["results"]
    return results


def test_a_desk_review_is_stored_once_and_every_desk_pulls_it(srv: Srv) -> None:
    desk = srv.desk()
    review = _review(srv)
    first = _post(srv, desk, review)
    again = _post(srv, desk, review)
    assert first[0]["ok"] is True
    assert again == first  # idempotent: the same receipt
    page = srv.http.get(f"{srv.url}/v1/envelopes", headers=srv.desk()).json()
    [stored] = [e for e in page["envelopes"] if e["envelope_id"] == review[0]]
    assert stored["kind"] == "review"
    assert stored["device_id"] == DESK_SENDER_ID


def test_a_desk_may_post_only_reviews_under_the_desk_sender_id(srv: Srv) -> None:
    desk = srv.desk()
    device = srv.enroll()
    report = sealed(device, srv.newsroom.public_key, kind="report")
    as_device = sealed(device, srv.newsroom.public_key, kind="review")
    results = _post(srv, desk, report, as_device)
    assert [r["error"] for r in results] == ["wrong_device", "wrong_device"]
    forged_kind = seal(
        b"x",
        kind="report",
        envelope_id=(eid := str(uuid.uuid4())),
        device_id=DESK_SENDER_ID,
        device_key=derive_desk_signing_key(srv.newsroom),
        recipient=srv.newsroom.public_key,
    )
    [refused] = _post(srv, desk, (eid, forged_kind))
    assert refused["error"] == "kind_not_allowed"
    assert "desk" in str(refused["message"]).lower()


def test_a_device_token_cannot_post_reviews(srv: Srv) -> None:
    device: Device = srv.enroll()
    body = {"envelopes": [{"envelope_id": (r := _review(srv))[0], "data": b64(r[1])}]}
    response = srv.http.post(f"{srv.url}/v1/reviews", json=body, headers=device.auth)
    assert response.status_code == 403
    assert response.json()["error"] == "wrong_token_kind"
    # Nor can a device upload a review under the desk's sender id through its own route.
    [refused] = srv.upload(device, _review(srv)).json()["results"]
    assert refused["error"] == "wrong_device"


def test_the_desk_sender_is_no_device_in_any_listing(srv: Srv) -> None:
    _post(srv, srv.desk(), _review(srv))
    devices = srv.http.get(f"{srv.url}/v1/devices", headers=srv.desk()).json()["devices"]
    assert DESK_SENDER_ID not in {d["device_id"] for d in devices}
    assert srv.stats()["devices_revoked"] == 0
