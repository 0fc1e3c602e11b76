"""The newsroom server's HTTP API, against a real uvicorn on 127.0.0.1."""

from __future__ import annotations

import hashlib
import http.client
import json
import socket
import threading
import uuid
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync import protocol
from sync.envelope import DeviceSigningKey, NewsroomKeyPair
from sync.server.config import ServerConfig
from sync.server.store import DB_NAME, URL_NAME, ServerStore
from sync.server.testing import init_server, running_server, self_signed_cert
from tests.helpers.servers import assert_error
from tests.sync.conftest import Srv, b64, sealed

CANARY = "CANARY-Laiza-gate-7f3a"


def results(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    out: list[dict[str, Any]] = response.json()["results"]
    return out


# --- Enrolment -----------------------------------------------------------------------------


def test_enroll_registers_the_key_once(srv: Srv) -> None:
    device_id, token = srv.invite("laptop 3")
    auth = {"Authorization": f"Bearer {token}"}
    key = DeviceSigningKey.generate()
    key_b64 = b64(key.public_bytes())
    first = srv.http.post(f"{srv.url}/v1/enroll", json={"device_public_key": key_b64}, headers=auth)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["device_id"] == device_id
    assert body["newsroom_fingerprint"] == srv.newsroom.fingerprint
    assert body["newsroom_public_key"] == srv.newsroom.public_key.to_text()

    again = srv.http.post(f"{srv.url}/v1/enroll", json={"device_public_key": key_b64}, headers=auth)
    assert_error(again, 401, protocol.ERROR_UNAUTHENTICATED)  # the invite is spent
    device = {"Authorization": f"Bearer {body['device_token']}"}
    as_device = srv.http.post(
        f"{srv.url}/v1/enroll", json={"device_public_key": key_b64}, headers=device
    )
    assert_error(as_device, 409, protocol.ERROR_ALREADY_ENROLLED)

    devices = srv.http.get(f"{srv.url}/v1/devices", headers=srv.desk()).json()["devices"]
    mine = next(d for d in devices if d["device_id"] == device_id)
    assert mine["public_key"] == key_b64
    assert mine["enrolled"] is True
    assert mine["revoked"] is False
    assert mine["label"] == "laptop 3"


def test_enroll_refuses_a_bad_key_and_keeps_the_invite(srv: Srv) -> None:
    _, token = srv.invite()
    auth = {"Authorization": f"Bearer {token}"}
    short = srv.http.post(
        f"{srv.url}/v1/enroll", json={"device_public_key": b64(b"x" * 31)}, headers=auth
    )
    body = assert_error(short, 422, protocol.ERROR_INVALID_REQUEST)
    assert body["field"] == "body.device_public_key"
    # The invite is still good.
    key = DeviceSigningKey.generate().public_bytes()
    ok = srv.http.post(f"{srv.url}/v1/enroll", json={"device_public_key": b64(key)}, headers=auth)
    assert ok.status_code == 200


def test_an_expired_invite_is_refused(srv: Srv) -> None:
    _, token = srv.invite(valid_days=0)
    response = srv.http.post(
        f"{srv.url}/v1/enroll",
        json={"device_public_key": b64(bytes(32))},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert_error(response, 401, protocol.ERROR_INVITE_EXPIRED)


def test_an_invite_cannot_upload_before_enrolling(srv: Srv) -> None:
    _, token = srv.invite()
    response = srv.http.post(
        f"{srv.url}/v1/envelopes",
        json={"envelopes": []},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert_error(response, 403, protocol.ERROR_NOT_ENROLLED)


# --- Upload --------------------------------------------------------------------------------


def test_upload_a_batch_then_resend_gives_the_same_receipts(srv: Srv) -> None:
    device = srv.enroll()
    key = srv.newsroom.public_key
    batch = [
        sealed(device, key, b"report one"),
        sealed(device, key, b"chunk", kind="attachment_chunk"),
        sealed(device, key, b"reply to the desk", kind="message"),
    ]
    before = srv.stats()["envelopes"]
    first = results(srv.upload(device, *batch))
    assert [r["ok"] for r in first] == [True, True, True]
    assert [r["envelope_id"] for r in first] == [eid for eid, _ in batch]
    seqs = [r["receipt"]["seq"] for r in first]
    assert seqs == sorted(seqs)

    assert [r["receipt"]["sha256"] for r in first] == [
        hashlib.sha256(data).hexdigest() for _, data in batch
    ]
    assert srv.stats()["envelopes"] == before + 3

    again = results(srv.upload(device, *batch))
    assert [r["receipt"] for r in again] == [r["receipt"] for r in first]
    twice_in_one = results(srv.upload(device, batch[0], batch[0]))
    assert [r["receipt"] for r in twice_in_one] == [first[0]["receipt"]] * 2
    assert srv.stats()["envelopes"] == before + 3


def test_a_different_body_under_an_existing_id_is_refused(srv: Srv) -> None:
    device = srv.enroll()
    key = srv.newsroom.public_key
    eid, original = sealed(device, key, b"original")
    assert results(srv.upload(device, (eid, original)))[0]["ok"]
    before = srv.stats()
    _, other = sealed(device, key, b"forged", envelope_id=eid)
    (result,) = results(srv.upload(device, (eid, other)))
    assert result == {
        "envelope_id": eid,
        "ok": False,
        "receipt": None,
        "error": protocol.REFUSAL_CONFLICT,
        "status": 409,
        "message": result["message"],
    }
    after = srv.stats()
    assert (after["envelopes"], after["envelope_bytes"]) == (
        before["envelopes"],
        before["envelope_bytes"],
    )
    with srv.admin() as store:
        page, _, _ = store.envelopes.page(0, 10_000, 2**40)
    stored = [e for e in page if e.envelope_id == eid]
    assert len(stored) == 1
    assert stored[0].data == b64(original)


def test_an_envelope_of_another_device_is_refused(srv: Srv) -> None:
    device = srv.enroll()
    other = srv.enroll()
    before = srv.stats()["envelopes"]
    eid, data = sealed(device, srv.newsroom.public_key, device_id=other.device_id)
    (result,) = results(srv.upload(device, (eid, data)))
    assert (result["ok"], result["status"], result["error"]) == (
        False,
        403,
        protocol.REFUSAL_WRONG_DEVICE,
    )
    assert srv.stats()["envelopes"] == before


def test_an_envelope_for_another_newsroom_key_is_refused_with_the_reason(srv: Srv) -> None:
    device = srv.enroll()
    stranger = NewsroomKeyPair.generate("x25519").public_key
    eid, data = sealed(device, stranger)
    (result,) = results(srv.upload(device, (eid, data)))
    assert (result["ok"], result["status"], result["error"]) == (
        False,
        422,
        protocol.REFUSAL_WRONG_RECIPIENT,
    )
    assert stranger.fingerprint in result["message"]
    assert srv.newsroom.fingerprint in result["message"]


def test_a_mixed_batch_stores_the_good_and_explains_the_rest_in_order(srv: Srv) -> None:
    device = srv.enroll()
    key = srv.newsroom.public_key
    good = sealed(device, key, b"good")
    review = sealed(device, key, b"a review", kind="review")
    eid_a, data_a = sealed(device, key)
    mismatched = (str(uuid.uuid4()), data_a)
    garbage = (str(uuid.uuid4()), b"GWEV" + bytes(100))
    not_ours = (str(uuid.uuid4()), b"not an envelope at all")
    out = results(srv.upload(device, good, review, mismatched, garbage, not_ours))
    assert [r["ok"] for r in out] == [True, False, False, False, False]
    assert [r["error"] for r in out[1:]] == [
        protocol.REFUSAL_KIND_NOT_ALLOWED,
        protocol.REFUSAL_ID_MISMATCH,
        "unsupported_version",
        "malformed",
    ]
    assert all(r["status"] in {413, 422} for r in out[1:])
    missing = srv.http.post(
        f"{srv.url}/v1/envelopes/missing",
        json={"envelope_ids": [good[0], review[0], eid_a]},
        headers=device.auth,
    )
    assert missing.json() == {"missing": [review[0], eid_a]}


def test_missing_lists_what_this_device_has_not_sent(srv: Srv) -> None:
    device = srv.enroll()
    chunks = [sealed(device, srv.newsroom.public_key, kind="attachment_chunk") for _ in range(4)]
    results(srv.upload(device, chunks[0], chunks[2]))
    ids = [eid for eid, _ in chunks]
    response = srv.http.post(
        f"{srv.url}/v1/envelopes/missing", json={"envelope_ids": ids}, headers=device.auth
    )
    assert response.json() == {"missing": [ids[1], ids[3]]}
    # Another device's question does not see this device's chunks as present.
    other = srv.enroll()
    response = srv.http.post(
        f"{srv.url}/v1/envelopes/missing", json={"envelope_ids": ids}, headers=other.auth
    )
    assert response.json() == {"missing": ids}


def test_the_default_hybrid_kem_uploads_too(server_factory: Any) -> None:
    # The module server uses X25519 for speed; one round with the default ML-KEM hybrid key.
    newsroom = NewsroomKeyPair.generate()
    server: Srv = server_factory(ServerConfig(), newsroom)
    device = server.enroll()
    (result,) = results(server.upload(device, sealed(device, newsroom.public_key)))
    assert result["ok"]
    page = server.http.get(f"{server.url}/v1/envelopes", headers=server.desk()).json()
    assert page["envelopes"][0]["kem"] == "mlkem768x25519"


# --- Authentication and revocation ---------------------------------------------------------


def test_a_revoked_device_is_told_so(srv: Srv) -> None:
    device = srv.enroll()
    with srv.admin() as store:
        assert store.tokens.revoke_device(device.device_id)
    response = srv.upload(device, sealed(device, srv.newsroom.public_key))
    body = assert_error(response, 403, protocol.ERROR_DEVICE_REVOKED)
    assert "revoked" in body["message"]
    assert "invite" in body["message"]
    health = srv.http.get(f"{srv.url}/v1/health", headers=device.auth)
    assert_error(health, 403, protocol.ERROR_DEVICE_REVOKED)


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer " + "A" * 43,
        "Bearer short",
        "Basic dXNlcjpwYXNz",
        "Bearer " + "A" * 42 + "B",  # spare bits set: not a canonical token
        "Bearer",
    ],
)
def test_unknown_or_malformed_tokens_get_401(srv: Srv, header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    for method, path in [("GET", "/v1/health"), ("POST", "/v1/envelopes"), ("GET", "/nowhere")]:
        response = srv.http.request(method, f"{srv.url}{path}", headers=headers, json={})
        body = assert_error(response, 401, protocol.ERROR_UNAUTHENTICATED)
        assert response.headers["WWW-Authenticate"] == "Bearer"
        assert "A" * 20 not in str(body)


def test_tokens_work_only_on_their_routes(srv: Srv) -> None:
    device = srv.enroll()
    desk = srv.desk()
    assert_error(
        srv.http.get(f"{srv.url}/v1/envelopes", headers=device.auth),
        403,
        protocol.ERROR_WRONG_TOKEN_KIND,
    )
    assert_error(
        srv.http.get(f"{srv.url}/v1/devices", headers=device.auth),
        403,
        protocol.ERROR_WRONG_TOKEN_KIND,
    )
    assert_error(
        srv.http.post(f"{srv.url}/v1/envelopes", json={"envelopes": []}, headers=desk),
        403,
        protocol.ERROR_WRONG_TOKEN_KIND,
    )
    for auth in (device.auth, desk):
        health = srv.http.get(f"{srv.url}/v1/health", headers=auth)
        assert health.json() == {"status": "ok", "version": health.json()["version"], "api": 1}


def test_a_revoked_desk_token_is_refused(srv: Srv) -> None:
    with srv.admin() as store:
        token_id, token = store.tokens.create_desk_token(None)
        store.tokens.revoke_desk_token(token_id)
    response = srv.http.get(f"{srv.url}/v1/devices", headers={"Authorization": f"Bearer {token}"})
    assert_error(response, 403, protocol.ERROR_TOKEN_REVOKED)


def test_openapi_is_published_and_unknown_routes_are_json(srv: Srv) -> None:
    spec = srv.http.get(f"{srv.url}/openapi.json", headers=srv.desk()).json()
    assert {
        "/v1/enroll",
        "/v1/envelopes",
        "/v1/envelopes/missing",
        "/v1/devices",
        "/v1/messages",
        "/v1/health",
    } <= set(spec["paths"])
    device = srv.enroll()
    assert_error(srv.http.get(f"{srv.url}/v1/nothing", headers=device.auth), 404, "not_found")
    assert_error(
        srv.http.delete(f"{srv.url}/v1/health", headers=device.auth), 405, "method_not_allowed"
    )
    assert srv.http.get(f"{srv.url}/docs").status_code == 401


# --- Sizes ---------------------------------------------------------------------------------


def _raw_request(url: str, head: bytes, body: bytes = b"") -> tuple[int, bytes]:
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(head + body)
        response = b""
        while chunk := sock.recv(65536):
            response += chunk
            if b"\r\n\r\n" in response:
                head_part, _, rest = response.partition(b"\r\n\r\n")
                length = [
                    int(line.split(b":")[1])
                    for line in head_part.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ]
                if length and len(rest) >= length[0]:
                    break
    status = int(response.split(b" ", 2)[1])
    return status, response.partition(b"\r\n\r\n")[2]


def test_a_content_length_over_the_limit_is_refused_before_any_body(srv: Srv) -> None:
    device = srv.enroll()
    parts = urlsplit(srv.url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        conn.putrequest("POST", "/v1/envelopes")
        conn.putheader("Authorization", f"Bearer {device.token}")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Content-Length", str(protocol.MAX_UPLOAD_REQUEST_BYTES + 1))
        conn.endheaders()  # and not one byte of body
        response = conn.getresponse()
        assert response.status == 413
        body = json.loads(response.read())
        assert body["error"] == protocol.ERROR_TOO_LARGE
        assert str(protocol.MAX_UPLOAD_REQUEST_BYTES) in body["message"]
    finally:
        conn.close()
    # Small routes have a small limit.
    big = srv.http.post(
        f"{srv.url}/v1/envelopes/missing",
        data=b"{" + b" " * protocol.MAX_SMALL_REQUEST_BYTES + b"}",
        headers={**device.auth, "Content-Type": "application/json"},
    )
    assert_error(big, 413, protocol.ERROR_TOO_LARGE)


def test_a_chunked_body_is_cut_off_at_the_limit(server_factory: Any) -> None:
    server: Srv = server_factory(ServerConfig(max_upload_request=2048))
    device = server.enroll()
    chunk = b"x" * 1000
    encoded = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(4)) + b"0\r\n\r\n"
    head = (
        b"POST /v1/envelopes HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Authorization: Bearer " + device.token.encode() + b"\r\n"
        b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    status, body = _raw_request(server.url, head, encoded)
    assert status == 413
    assert b'"too_large"' in body
    # Within the limit, the same route answers normally.
    assert results(server.upload(device, sealed(device, server.newsroom.public_key)))[0]["ok"]


def test_a_batch_over_its_decoded_size_is_refused(server_factory: Any) -> None:
    server: Srv = server_factory(ServerConfig(max_batch_bytes=3000))
    device = server.enroll()
    key = server.newsroom.public_key
    batch = [sealed(device, key) for _ in range(3)]  # ~1.1 KiB each (the 1 KiB bucket)
    assert_error(server.upload(device, *batch), 413, protocol.ERROR_TOO_LARGE)
    assert server.stats()["envelopes"] == 0


# --- Malformed input -----------------------------------------------------------------------


# Fixed, so that every pytest process collects the same parameters.
_FIXED_IDS = [str(uuid.UUID(int=n)).encode() for n in (1, 2, 3)]


@pytest.mark.parametrize(
    ("raw", "status", "field"),
    [
        (b"{not json", 400, "body"),
        (b'{"envelopes": [' * 20000, 400, "body"),
        (b"[" * 100_000 + b"]" * 100_000, 400, "body"),
        (b'{"envelopes": ' + b"9" * 5000 + b"}", 400, "body"),
        (b'{"envelopes": 1e999999}', 422, "body.envelopes"),
        (b"\xff\xfe garbage", 400, "body"),
        (b"{}", 422, "body.envelopes"),
        (b"null", 422, "body"),
        (b'{"envelopes": []}', 422, "body.envelopes"),
        (b'{"envelopes": [{"data": "AAAA"}]}', 422, "body.envelopes.0.envelope_id"),
        (
            b'{"envelopes": [{"envelope_id": "%s", "data": "A==="}]}' % _FIXED_IDS[0],
            422,
            "body.envelopes.0.data",
        ),
        (
            b'{"envelopes": [{"envelope_id": "%s", "data": 12}]}' % _FIXED_IDS[1],
            422,
            "body.envelopes.0.data",
        ),
        (
            b'{"envelopes": [{"envelope_id": "%s", "data": "", "x": 1}]}' % _FIXED_IDS[2],
            422,
            "body.envelopes.0.x",
        ),
    ],
)
def test_malformed_bodies_are_4xx_naming_the_field(
    srv: Srv, raw: bytes, status: int, field: str
) -> None:
    device = srv.enroll()
    response = srv.http.post(
        f"{srv.url}/v1/envelopes",
        data=raw,
        headers={**device.auth, "Content-Type": "application/json"},
    )
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] in {protocol.ERROR_INVALID_REQUEST, protocol.ERROR_BAD_REQUEST}
    assert body["field"] == field


def test_bad_base64_that_passes_the_pattern_is_refused_by_decoding(srv: Srv) -> None:
    # Valid-looking padding with non-zero spare bits is accepted by the pattern; decoding
    # still gives bytes, which then fail as an envelope, never a 5xx.
    device = srv.enroll()
    eid = str(uuid.uuid4())
    response = srv.http.post(
        f"{srv.url}/v1/envelopes",
        json={"envelopes": [{"envelope_id": eid, "data": "AB=="}]},
        headers=device.auth,
    )
    (result,) = results(response)
    assert result["error"] == "malformed"


def test_error_bodies_never_echo_what_was_sent(srv: Srv) -> None:
    device = srv.enroll()
    attempts: list[Any] = [
        {"envelopes": [{"envelope_id": CANARY, "data": CANARY}]},
        {"envelopes": [{"envelope_id": str(uuid.uuid4()), "data": CANARY + "=="}]},
        {"envelopes": CANARY},
        {CANARY: 1},
    ]
    for attempt in attempts:
        response = srv.http.post(f"{srv.url}/v1/envelopes", json=attempt, headers=device.auth)
        assert 400 <= response.status_code < 500
        assert CANARY not in response.text
    enroll = srv.http.post(
        f"{srv.url}/v1/enroll",
        json={"device_public_key": b64(b"x" * 32), "label": CANARY + "\n"},
        headers=device.auth,
    )
    assert CANARY not in enroll.text
    query = srv.http.get(f"{srv.url}/v1/envelopes?after={CANARY}", headers=srv.desk())
    assert query.status_code == 422
    assert query.json()["field"] == "query.after"
    assert CANARY not in query.text


@pytest.mark.parametrize(
    "query", ["after=-1", "after=99999999999999999999", "limit=0", "limit=501"]
)
def test_bad_cursors_are_422(srv: Srv, query: str) -> None:
    response = srv.http.get(f"{srv.url}/v1/envelopes?{query}", headers=srv.desk())
    assert response.status_code == 422, response.text


# --- Desk pull -----------------------------------------------------------------------------


def test_the_desk_pulls_in_pages_with_a_cursor(server_factory: Any) -> None:
    server: Srv = server_factory(ServerConfig())
    device = server.enroll()
    batch = [sealed(device, server.newsroom.public_key, b"r%d" % i) for i in range(7)]
    results(server.upload(device, *batch))
    desk = server.desk()
    after, pages = 0, []
    while True:
        page = server.http.get(
            f"{server.url}/v1/envelopes", params={"after": after, "limit": 3}, headers=desk
        ).json()
        pages.append(page)
        after = page["next_after"]
        if not page["more"]:
            break
    assert [len(p["envelopes"]) for p in pages] == [3, 3, 1]
    pulled = [e for p in pages for e in p["envelopes"]]
    assert [e["envelope_id"] for e in pulled] == [eid for eid, _ in batch]
    assert [e["data"] for e in pulled] == [b64(data) for _, data in batch]
    assert {e["device_id"] for e in pulled} == {device.device_id}
    assert {e["kind"] for e in pulled} == {"report"}
    empty = server.http.get(
        f"{server.url}/v1/envelopes", params={"after": after}, headers=desk
    ).json()
    assert empty == {"envelopes": [], "next_after": after, "more": False}


def test_a_page_stops_at_its_byte_budget(server_factory: Any) -> None:
    server: Srv = server_factory(ServerConfig(max_page_bytes=2500))
    device = server.enroll()
    results(server.upload(device, *(sealed(device, server.newsroom.public_key) for _ in range(5))))
    page = server.http.get(f"{server.url}/v1/envelopes", headers=server.desk()).json()
    assert len(page["envelopes"]) == 2
    assert page["more"] is True


# --- Messages to devices -------------------------------------------------------------------


def test_messages_from_the_desk_wait_for_their_device(srv: Srv) -> None:
    device = srv.enroll()
    other = srv.enroll()
    desk = srv.desk()
    message_id = str(uuid.uuid4())
    body = {"device_id": device.device_id, "message_id": message_id, "data": b64(b"sealed q")}
    first = srv.http.post(f"{srv.url}/v1/messages", json=body, headers=desk)
    assert first.status_code == 200, first.text
    assert srv.http.post(f"{srv.url}/v1/messages", json=body, headers=desk).json() == first.json()
    changed = {**body, "data": b64(b"something else")}
    assert_error(
        srv.http.post(f"{srv.url}/v1/messages", json=changed, headers=desk),
        409,
        protocol.ERROR_CONFLICT,
    )
    unknown = {**body, "device_id": "gw-nobody", "message_id": str(uuid.uuid4())}
    assert_error(
        srv.http.post(f"{srv.url}/v1/messages", json=unknown, headers=desk),
        404,
        protocol.ERROR_UNKNOWN_DEVICE,
    )
    assert_error(
        srv.http.post(f"{srv.url}/v1/messages", json=body, headers=device.auth),
        403,
        protocol.ERROR_WRONG_TOKEN_KIND,
    )
    page = srv.http.get(f"{srv.url}/v1/messages", headers=device.auth).json()
    assert [m["message_id"] for m in page["messages"]] == [message_id]
    assert page["messages"][0]["data"] == b64(b"sealed q")
    later = srv.http.get(
        f"{srv.url}/v1/messages", params={"after": page["next_after"]}, headers=device.auth
    ).json()
    assert later["messages"] == []
    assert srv.http.get(f"{srv.url}/v1/messages", headers=other.auth).json()["messages"] == []


# --- Rate limit ----------------------------------------------------------------------------


def test_the_rate_limit_is_per_token_with_retry_after(server_factory: Any) -> None:
    server: Srv = server_factory(ServerConfig(rate_burst=3, rate_per_second=0.5))
    device = server.enroll()  # the invite token's own bucket
    statuses = [
        server.http.get(f"{server.url}/v1/health", headers=device.auth).status_code
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    limited = server.http.get(f"{server.url}/v1/health", headers=device.auth)
    body = assert_error(limited, 429, protocol.ERROR_RATE_LIMITED)
    assert 1 <= int(limited.headers["Retry-After"]) <= 2
    assert body["message"]
    other = server.enroll()
    assert server.http.get(f"{server.url}/v1/health", headers=other.auth).status_code == 200


# --- What the server holds -----------------------------------------------------------------


def test_the_database_holds_no_plaintext_and_the_audit_no_contents(srv: Srv) -> None:
    device = srv.enroll()
    payload = ("Gate open on the China side; " + CANARY + " ၁၂၃ trucks waiting").encode()
    eid, data = sealed(device, srv.newsroom.public_key, payload)
    assert results(srv.upload(device, (eid, data)))[0]["ok"]
    # The server saw the envelope and can hand it back byte for byte ...
    with srv.admin() as store:
        page, _, _ = store.envelopes.page(0, 10_000, 2**40)
        audit = store.audit.rows(100_000)
        engine = store.db.dialect
    assert b64(data) in {e.data for e in page}
    # ... but no file it wrote holds the plaintext (PostgreSQL: only the address is here).
    files = [p for p in srv.data_dir.iterdir() if p.is_file()]
    assert any(p.name == (DB_NAME if engine == "sqlite" else URL_NAME) for p in files)
    for path in files:
        content = path.read_bytes()
        assert CANARY.encode() not in content, path.name
        assert payload not in content
        assert "၁၂၃ trucks".encode() not in content
    # Audit rows: present, and free of tokens and envelope bytes.
    assert audit
    dump = repr(audit)
    for secret in (device.token, b64(data)[:40], CANARY, eid):
        assert secret not in dump
    mine = [r for r in audit if r["token_id"] == device.device_id]
    assert {(r["method"], r["route"], r["status"]) for r in mine} >= {
        ("POST", "/v1/envelopes", 200)
    }
    upload = next(r for r in mine if r["route"] == "/v1/envelopes")
    assert upload["request_bytes"] > len(data)
    assert set(upload) == {
        "id",
        "at",
        "token_kind",
        "token_id",
        "method",
        "route",
        "status",
        "request_bytes",
        "response_bytes",
    }
    # Refused requests are counted, not written one by one (test_refusals_cost_nothing.py).
    assert not any(r["token_kind"] == "anonymous" for r in audit)


def test_data_folder_and_database_are_private(srv: Srv) -> None:
    assert srv.data_dir.stat().st_mode & 0o777 == 0o700
    for path in srv.data_dir.iterdir():
        assert path.stat().st_mode & 0o077 == 0, path.name


def server_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "gatewatch-test-server"}


def test_the_server_stops_with_keep_alive_clients_still_connected(
    tmp_path: Any, server_newsroom: NewsroomKeyPair
) -> None:
    init_server(tmp_path / "server", server_newsroom.public_key)
    with ServerStore.open(tmp_path / "server") as store:
        _, desk = store.tokens.create_desk_token(None)
    before = server_threads()
    with running_server(tmp_path / "server") as url:
        port = urlsplit(url).port
        assert port is not None
        answered = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        answered.request("GET", "/v1/health", headers={"Authorization": f"Bearer {desk}"})
        response = answered.getresponse()
        response.read()
        assert response.status == 200
        assert response.getheader("connection", "keep-alive").lower() != "close"
        silent = socket.create_connection(("127.0.0.1", port), timeout=10)  # never sends
    try:
        assert server_threads() <= before  # the serving thread has ended
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=10).close()
    finally:
        answered.close()
        silent.close()
    # How long starting, answering and stopping take is a figure of bench/lifecycle_bench.py.


# --- No 5xx for any input ------------------------------------------------------------------

ROUTES = [
    ("POST", "/v1/enroll"),
    ("POST", "/v1/envelopes"),
    ("POST", "/v1/envelopes/missing"),
    ("GET", "/v1/envelopes"),
    ("POST", "/v1/messages"),
    ("GET", "/v1/messages"),
]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    route=st.sampled_from(ROUTES),
    body=st.one_of(
        st.binary(max_size=200),
        JSON.map(lambda v: json.dumps(v).encode()),
        st.fixed_dictionaries(
            {
                "envelopes": st.lists(
                    st.fixed_dictionaries(
                        {
                            "envelope_id": st.uuids().map(str),
                            "data": st.binary(max_size=80).map(b64),
                        }
                    ),
                    max_size=3,
                )
            }
        ).map(lambda v: json.dumps(v).encode()),
    ),
    query=st.text(alphabet="afterlimt=&0123456789-", max_size=30),
)
def test_no_input_gets_a_5xx(srv: Srv, route: tuple[str, str], body: bytes, query: str) -> None:
    if not hasattr(test_no_input_gets_a_5xx, "tokens"):
        device = srv.enroll()
        test_no_input_gets_a_5xx.tokens = (device.auth, srv.desk())  # type: ignore[attr-defined]
    device_auth, desk_auth = test_no_input_gets_a_5xx.tokens  # type: ignore[attr-defined]
    method, path = route
    for auth in (device_auth, desk_auth):
        response = srv.http.request(
            method,
            f"{srv.url}{path}?{query}",
            data=body,
            headers={**auth, "Content-Type": "application/json"},
        )
        assert response.status_code < 500, response.text
        assert response.headers["content-type"] == "application/json"


def test_running_server_serves_tls(tmp_path: Any, server_newsroom: NewsroomKeyPair) -> None:
    cert, key = self_signed_cert(tmp_path)
    init_server(tmp_path / "tls", server_newsroom.public_key)
    with ServerStore.open(tmp_path / "tls") as store:
        _, desk = store.tokens.create_desk_token(None)
    with (
        running_server(tmp_path / "tls", tls_cert=cert, tls_key=key) as url,
        requests.Session() as http,
    ):
        assert url.startswith("https://127.0.0.1:")
        response = http.get(
            f"{url}/v1/health", headers={"Authorization": f"Bearer {desk}"}, verify=str(cert)
        )
        assert response.status_code == 200
