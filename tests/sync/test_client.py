"""sync.client against a real uvicorn server on 127.0.0.1 (sync.server.testing)."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from sync import protocol
from sync.client import (
    PAGE_REPLY_BYTES,
    AlreadyEnrolledError,
    BadResponseError,
    ClientConfig,
    ConfigError,
    OfflineError,
    RevokedError,
    ServerRefusedError,
    SyncClient,
    SyncError,
    UnauthorizedError,
)
from sync.envelope import DeviceSigningKey
from sync.messages import CheckedEnvelope
from sync.server.config import ServerConfig
from sync.transport import user_agent
from tests.helpers.servers import free_port
from tests.sync.conftest import Device, Srv, sealed


def client(url: str, token: str | None = None, **kw: Any) -> SyncClient:
    kw.setdefault("backoff_base", 0.02)
    kw.setdefault("connect_timeout", 2.0)
    kw.setdefault("read_timeout", 5.0)
    return SyncClient(ClientConfig(base_url=url, token=token, **kw))


def desk_token(srv: Srv) -> str:
    return srv.desk()["Authorization"].removeprefix("Bearer ")


def enrolled(srv: Srv, label: str | None = None) -> Device:
    device_id, token = srv.invite(label)
    key = DeviceSigningKey.generate()
    with client(srv.url, token) as c:
        response = c.enroll(key.public_bytes(), label)
    assert response.device_id == device_id
    assert response.device_token is not None
    return Device(device_id, response.device_token, key)


# --- Happy paths ---------------------------------------------------------------------------


def test_health(srv: Srv) -> None:
    with client(srv.url, desk_token(srv)) as c:
        health = c.health()
    assert health["status"] == "ok"
    assert health["api"] == protocol.API_VERSION


def test_enroll_returns_the_newsroom_key_and_refuses_a_second_time(srv: Srv) -> None:
    device_id, token = srv.invite("laptop 3")
    key = DeviceSigningKey.generate()
    with client(srv.url, token) as c:
        response = c.enroll(key.public_bytes(), "laptop 3")
        assert response.device_id == device_id
        assert response.newsroom_fingerprint == srv.newsroom.fingerprint
        assert response.newsroom_public_key == srv.newsroom.public_key.to_text()
        with pytest.raises(UnauthorizedError) as caught:  # the invite was spent
            c.enroll(key.public_bytes(), "laptop 3")
    assert caught.value.reason == protocol.ERROR_UNAUTHENTICATED
    assert "already used" in str(caught.value)


def test_upload_batches_and_resend_is_idempotent(srv: Srv) -> None:
    device = enrolled(srv)
    envelopes = [sealed(device, srv.newsroom.public_key, b"r%d" % i) for i in range(230)]
    before = srv.stats()["envelopes"]
    batches: list[int] = []
    with client(srv.url, device.token) as c:
        first = c.upload(envelopes, on_batch=lambda got: batches.append(len(got)))
        again = c.upload(envelopes)
    assert batches == [100, 100, 30]
    assert [r.envelope_id for r in first] == [eid for eid, _ in envelopes]
    assert all(r.ok and r.receipt for r in first)
    assert [r.receipt for r in again] == [r.receipt for r in first]
    for (_, data), r in zip(envelopes, first, strict=True):
        assert r.receipt is not None
        assert r.receipt.sha256 == hashlib.sha256(data).hexdigest()
    assert srv.stats()["envelopes"] == before + 230


def test_upload_reports_per_envelope_refusals_in_order(srv: Srv) -> None:
    device = enrolled(srv)
    other = enrolled(srv)
    good = sealed(device, srv.newsroom.public_key)
    foreign = sealed(other, srv.newsroom.public_key)  # another device's header
    with client(srv.url, device.token) as c:
        got = c.upload([good, ("not-a-uuid", b"x"), foreign, (str(uuid.uuid4()), b"")])
    assert [r.ok for r in got] == [True, False, False, False]
    assert got[1].error == "malformed"
    assert got[2].error == protocol.REFUSAL_WRONG_DEVICE
    assert got[3].error == "malformed"


def test_missing_lists_what_the_server_lacks(srv: Srv) -> None:
    device = enrolled(srv)
    stored = sealed(device, srv.newsroom.public_key)
    unknown = [str(uuid.uuid4()) for _ in range(1200)]
    with client(srv.url, device.token) as c:
        c.upload([stored])
        assert c.missing([stored[0], *unknown]) == unknown
        assert c.missing([]) == []
        with pytest.raises(ValueError, match="UUID"):
            c.missing(["nope"])


def test_pull_pages_through_everything_once(
    server_factory: Any,
) -> None:
    srv: Srv = server_factory(ServerConfig(rate_burst=10_000, rate_per_second=10_000))
    device = enrolled(srv)
    envelopes = [sealed(device, srv.newsroom.public_key, b"p%d" % i) for i in range(25)]
    with client(srv.url, device.token) as c:
        c.upload(envelopes)
    seen: list[str] = []
    after, pages = 0, 0
    with client(srv.url, desk_token(srv)) as desk:
        while True:
            page = desk.pull(after, limit=10)
            pages += 1
            seen.extend(e.envelope_id for e in page.envelopes)
            after = page.next_after
            if not page.more:
                break
        assert desk.pull(after).envelopes == []
    assert pages == 3
    assert seen == [eid for eid, _ in envelopes]
    by_id = dict(envelopes)
    assert all(protocol.decode_base64(e.data) == by_id[e.envelope_id] for e in page.envelopes)
    # handed on decoded too, so the desk does not decode every envelope a second time
    assert all(
        isinstance(e, CheckedEnvelope) and e.raw == by_id[e.envelope_id] for e in page.envelopes
    )


def test_devices_and_messages(srv: Srv) -> None:
    device = enrolled(srv, "laptop 9")
    message_id = str(uuid.uuid4())
    with client(srv.url, desk_token(srv)) as desk:
        listed = {d.device_id: d for d in desk.devices()}
        assert listed[device.device_id].label == "laptop 9"
        assert listed[device.device_id].enrolled
        receipt = desk.post_message(device.device_id, message_id, b"sealed question")
        assert desk.post_message(device.device_id, message_id, b"sealed question") == receipt
    with client(srv.url, device.token) as c:
        page = c.messages(0)
        assert [m.message_id for m in page.messages] == [message_id]
        assert protocol.decode_base64(page.messages[0].data) == b"sealed question"
        assert c.messages(page.next_after).messages == []


# --- Errors --------------------------------------------------------------------------------


def test_wrong_token_is_unauthorized(srv: Srv) -> None:
    with client(srv.url, "A" * 43) as c, pytest.raises(UnauthorizedError) as caught:
        c.upload([(str(uuid.uuid4()), b"x")])
    assert caught.value.reason == protocol.ERROR_UNAUTHENTICATED
    assert "invite" in str(caught.value)
    assert "A" * 43 not in str(caught.value)


def test_revoked_device_says_revoked_not_unreachable(srv: Srv) -> None:
    device = enrolled(srv)
    with srv.admin() as store:
        store.tokens.revoke_device(device.device_id)
    with client(srv.url, device.token) as c, pytest.raises(RevokedError) as caught:
        c.upload([sealed(device, srv.newsroom.public_key)])
    text = str(caught.value).lower()
    assert caught.value.reason == protocol.ERROR_DEVICE_REVOKED
    assert "revoked" in text
    assert "new invite" in text
    assert "unreachable" not in text
    assert "offline" not in text


def test_revoked_desk_token(srv: Srv) -> None:
    with srv.admin() as store:
        number, token = store.tokens.create_desk_token("old desk")
        store.tokens.revoke_desk_token(number)
    with client(srv.url, token) as c, pytest.raises(RevokedError, match="desk token"):
        c.devices()


def test_server_down_is_offline_and_says_reports_stay_queued() -> None:
    with client(f"http://127.0.0.1:{free_port()}", "A" * 43, retries=2) as c:
        with pytest.raises(OfflineError) as caught:
            c.upload([(str(uuid.uuid4()), b"x")])
        with pytest.raises(OfflineError):
            c.health()
    assert "offline" in str(caught.value)
    assert "stay" in str(caught.value)


def test_oversized_request_is_refused_413(server_factory: Any) -> None:
    srv: Srv = server_factory(ServerConfig(max_upload_request=2048, max_batch_bytes=4096))
    device = enrolled(srv)
    envelopes = [sealed(device, srv.newsroom.public_key) for _ in range(3)]
    with client(srv.url, device.token) as c, pytest.raises(ServerRefusedError) as caught:
        c.upload(envelopes)
    assert caught.value.status == 413
    assert caught.value.error == protocol.ERROR_TOO_LARGE
    assert "too large" in str(caught.value)


def test_schema_refusal_is_422_with_the_field(srv: Srv) -> None:
    with client(srv.url, desk_token(srv)) as desk, pytest.raises(ServerRefusedError) as caught:
        desk.post_message("bad device id!", str(uuid.uuid4()), b"x")
    assert caught.value.status == 422
    assert caught.value.error == protocol.ERROR_INVALID_REQUEST
    assert caught.value.field == "body.device_id"


def test_wrong_token_kind_is_a_refusal(srv: Srv) -> None:
    device = enrolled(srv)
    with client(srv.url, device.token) as c, pytest.raises(ServerRefusedError) as caught:
        c.pull(0)
    assert caught.value.status == 403
    assert caught.value.error == protocol.ERROR_WRONG_TOKEN_KIND


def test_rate_limit_waits_for_retry_after_then_succeeds(server_factory: Any) -> None:
    srv: Srv = server_factory(ServerConfig(rate_burst=2, rate_per_second=5))
    token = desk_token(srv)
    with client(srv.url, token) as desk:
        for _ in range(4):  # the third and fourth wait about a second each
            assert desk.health()["status"] == "ok"

    def burst(desk: SyncClient) -> None:
        for _ in range(5):
            desk.health()

    with client(srv.url, token, retries=0) as desk, pytest.raises(ServerRefusedError) as caught:
        burst(desk)
    assert caught.value.status == 429


def test_enrolment_failure_mid_call_can_be_retried_by_the_caller(srv: Srv) -> None:
    _, token = srv.invite()
    key = DeviceSigningKey.generate()
    with client(srv.url, token) as c:
        c.enroll(key.public_bytes())
        # Had the first answer been lost, the caller's retry reports it clearly.
        with pytest.raises(UnauthorizedError, match="devices list"):
            c.enroll(key.public_bytes())


# --- Settings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["http://example.org", "http://10.0.0.5:8443", "http://news.example.com:80/"],
)
def test_plain_http_to_the_network_is_refused(url: str) -> None:
    with pytest.raises(ConfigError) as caught:
        SyncClient(ClientConfig(base_url=url))
    assert caught.value.reason == "insecure_url"
    assert "https" in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8443",
        "http://localhost:8443",
        "http://[::1]:8443",
        "https://news.example.com",
    ],
)
def test_local_onion_and_https_urls_are_accepted(url: str) -> None:
    SyncClient(ClientConfig(base_url=url)).close()
    onion = "http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion"
    SyncClient(ClientConfig(base_url=onion, proxy="socks5h://127.0.0.1:9050")).close()


@pytest.mark.parametrize(
    ("config", "reason"),
    [
        (ClientConfig("http://127.0.0.1:1", tls_fingerprint="ab" * 32), "insecure_url"),
        (ClientConfig("https://h", tls_fingerprint="xyz"), "bad_fingerprint"),
        (ClientConfig("ftp://h"), "bad_url"),
        (ClientConfig("https://user:pw@h"), "bad_url"),
        (ClientConfig("https://h", proxy="socks5h://127.0.0.1"), "bad_proxy"),
        (ClientConfig("https://h", token="short\r\nX-Evil: 1"), "bad_token"),
    ],
)
def test_bad_settings_are_refused(config: ClientConfig, reason: str) -> None:
    with pytest.raises(ConfigError) as caught:
        SyncClient(config)
    assert caught.value.reason == reason


def test_environment_proxies_are_ignored(srv: Srv, monkeypatch: pytest.MonkeyPatch) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, dead)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with client(srv.url, desk_token(srv), retries=0) as desk:
        assert desk.health()["status"] == "ok"
        assert desk._session.trust_env is False


# --- Replies that break the protocol (a stub server) ---------------------------------------


class _Stub(http.server.BaseHTTPRequestHandler):
    reply: tuple[int, dict[str, str], bytes] = (200, {}, b"{}")
    seen: list[dict[str, str]]

    def _answer(self) -> None:
        self.seen.append(dict(self.headers.items()))
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        status, headers, body = self.reply
        self.send_response(status)
        for name, value in headers.items():
            if value != "omit":
                self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def stub() -> Iterator[tuple[str, type[_Stub]]]:
    handler = type("Handler", (_Stub,), {"seen": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_request_headers_reveal_nothing_but_the_app(stub: tuple[str, type[_Stub]]) -> None:
    url, handler = stub
    handler.reply = (200, {}, json.dumps({"status": "ok", "version": "x", "api": 1}).encode())
    with client(url, "T" * 43) as c:
        c.health()
    headers = {k.lower(): v for k, v in handler.seen[0].items()}
    assert headers["user-agent"] == user_agent()
    assert user_agent().startswith("Gatewatch/")
    assert headers["authorization"] == "Bearer " + "T" * 43
    assert set(headers) <= {
        "host", "user-agent", "accept", "accept-encoding", "connection", "authorization",
    }  # fmt: skip


def test_upload_sends_an_idempotency_key_per_request(stub: tuple[str, type[_Stub]]) -> None:
    url, handler = stub
    handler.reply = (503, {}, b"busy")
    with client(url, "T" * 43, retries=2) as c, pytest.raises(OfflineError) as caught:
        c.upload([(str(uuid.uuid4()), b"x")])
    assert caught.value.reason == "server_unavailable"
    keys = [h.get("Idempotency-Key") for h in handler.seen]
    assert len(keys) == 3
    assert keys[0]
    assert len(set(keys)) == 1  # the same key on every retry of one request


def test_enroll_is_not_retried_after_the_request_was_sent(stub: tuple[str, type[_Stub]]) -> None:
    url, handler = stub
    handler.reply = (503, {}, b"busy")
    with client(url, "T" * 43, retries=3) as c, pytest.raises(OfflineError):
        c.enroll(bytes(32))
    assert len(handler.seen) == 1


@pytest.mark.parametrize(
    "reply",
    [
        (200, {}, b"not json"),
        (200, {}, b'{"status": "broken"}'),
        (200, {"Content-Encoding": "gzip"}, b"\x1f\x8b"),
        (200, {"Content-Length": str(10 * 1024 * 1024)}, b""),
    ],
    ids=["not-json", "wrong-shape", "compressed", "declared-oversized"],
)
def test_bad_replies_are_refused(
    stub: tuple[str, type[_Stub]], reply: tuple[int, dict[str, str], bytes]
) -> None:
    url, handler = stub
    handler.reply = reply
    with client(url, "T" * 43) as c, pytest.raises(BadResponseError):
        c.health()


def test_oversized_streamed_reply_is_refused_without_reading_it_all(
    stub: tuple[str, type[_Stub]],
) -> None:
    url, handler = stub
    big = b"[" + b" " * (PAGE_REPLY_BYTES + 1024) + b"]"
    handler.reply = (200, {"Content-Length": "omit"}, big)  # HTTP/1.0: ends at close
    with client(url, "T" * 43) as c, pytest.raises(BadResponseError) as caught:
        c.pull(0)
    assert caught.value.reason == "oversized_response"


def test_inconsistent_page_is_refused(stub: tuple[str, type[_Stub]]) -> None:
    url, handler = stub
    data = protocol.encode_base64(b"envelope")
    item = {
        "seq": 5, "envelope_id": str(uuid.uuid4()), "device_id": "gw-1", "kind": "report",
        "recipient_key_id": "0" * 32, "kem": "x25519", "size": 8, "sha256": "0" * 64,
        "received_at": "2026-01-01T00:00:00.000Z", "data": data,
    }  # fmt: skip
    handler.reply = (
        200,
        {},
        json.dumps({"envelopes": [item], "next_after": 5, "more": False}).encode(),
    )
    with client(url, "T" * 43) as c, pytest.raises(BadResponseError, match="hash"):
        c.pull(0)


def test_every_error_is_a_sync_error() -> None:
    for cls in (OfflineError, UnauthorizedError, RevokedError, BadResponseError, ConfigError):
        assert issubclass(cls, SyncError)
    assert issubclass(AlreadyEnrolledError, ServerRefusedError)
