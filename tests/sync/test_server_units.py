"""Server pieces without HTTP: invites, tokens, the rate limiter, the schema, the store."""

from __future__ import annotations

import base64
import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlcipher3 import dbapi2

from sync import protocol
from sync.envelope import NewsroomKeyPair
from sync.server import schema
from sync.server.ratelimit import RateLimiter, retry_after_header
from sync.server.store import (
    DB_NAME,
    AlreadyInitializedError,
    NotInitializedError,
    ServerStore,
    ServerStoreError,
    new_token,
    token_hash,
)

FP = "0123456789abcdef0123456789abcdef"


def test_invites_round_trip() -> None:
    invite = protocol.Invite(
        token=new_token(),
        newsroom_fingerprint=FP,
        tls_sha256="ab" * 32,
        server_url="https://example.org:8443",
        release_key="cd" * 32,
    )
    text = protocol.encode_invite(invite)
    assert text.startswith("gwinvite1:")
    assert " " not in text
    assert protocol.decode_invite("  " + text + "\n") == invite
    bare = protocol.Invite(token=invite.token, newsroom_fingerprint=FP)
    assert protocol.decode_invite(protocol.encode_invite(bare)) == bare


def _raw_invite(fields: Any) -> str:
    raw = json.dumps(fields).encode()
    return "gwinvite1:" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "gwinvite2:abc",
        "gwinvite1:",
        "gwinvite1:!!!",
        "gwinvite1:" + "A" * 3000,
        "gwinvite1:AAAA",
        _raw_invite([1, 2]),
        _raw_invite({"token": "x"}),
        _raw_invite({"token": "short", "fp": FP}),
        _raw_invite({"token": "A" * 43, "fp": FP.upper()}),
        _raw_invite({"token": "A" * 43, "fp": FP, "tls": "zz"}),
        _raw_invite({"token": "A" * 43, "fp": FP, "url": "ftp://x"}),
        _raw_invite({"token": "A" * 43, "fp": FP, "rel": "AB" * 32}),
        _raw_invite({"token": "A" * 43, "fp": FP, "rel": FP}),
        _raw_invite({"token": "A" * 43, "fp": FP, "extra": 1}),
        _raw_invite({"token": 5, "fp": FP}),
    ],
)
def test_bad_invites_are_refused_without_echo(text: str) -> None:
    with pytest.raises(protocol.InviteError) as caught:
        protocol.decode_invite(text)
    assert "A" * 20 not in str(caught.value)


@given(st.text(max_size=300))
def test_decode_invite_raises_only_invite_error(text: str) -> None:
    with contextlib.suppress(protocol.InviteError):
        protocol.decode_invite("gwinvite1:" + text)


def test_tokens_are_canonical_and_hashed() -> None:
    token = new_token()
    assert protocol.TOKEN_PATTERN.fullmatch(token)
    digest = token_hash(token)
    assert digest is not None
    assert len(digest) == 32
    assert token_hash(token) == digest
    assert new_token() != token
    assert token_hash("A" * 42 + "B") is None  # spare bits set
    assert token_hash("A" * 44) is None
    assert token_hash("A" * 42 + "!") is None


def test_a_token_never_starts_with_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    # 0xF8 would spell "-" first: such a token after --token reads as an option.
    monkeypatch.setattr("secrets.token_bytes", lambda n: bytes([0xF8]) + bytes(n - 1))
    token = new_token()
    assert not token.startswith("-")
    assert token_hash(token) is not None


def test_base64_decoding_is_strict() -> None:
    assert protocol.decode_base64("AAEC") == b"\x00\x01\x02"
    for bad in ("AAE", "AA=C", "AA\nEC", "AA-_", "ÄÄÄÄ"):
        with pytest.raises(ValueError, match="base64"):
            protocol.decode_base64(bad)


def test_limits_hold_together() -> None:
    assert protocol.MAX_BATCH_BYTES >= protocol.MAX_ENVELOPE_BYTES
    assert protocol.base64_length(protocol.MAX_BATCH_BYTES) < protocol.MAX_UPLOAD_REQUEST_BYTES
    assert protocol.base64_length(protocol.MAX_ENVELOPE_BYTES) < protocol.MAX_MESSAGE_REQUEST_BYTES
    assert protocol.MAX_SMALL_REQUEST_BYTES > protocol.MAX_MISSING_IDS * 40


def test_the_rate_limiter_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(burst=2, rate=1.0, clock=lambda: now[0])
    assert limiter.take("a") == 0.0
    assert limiter.take("a") == 0.0
    wait = limiter.take("a")
    assert wait == pytest.approx(1.0)
    assert retry_after_header(wait) == "1"
    assert limiter.take("b") == 0.0
    now[0] = 1.0
    assert limiter.take("a") == 0.0
    assert limiter.take("a") > 0
    now[0] = 100.0
    assert limiter.take("a") == 0.0
    assert limiter.take("a") == 0.0  # never more than the burst
    assert limiter.take("a") > 0
    with pytest.raises(ValueError, match="burst"):
        RateLimiter(burst=0, rate=1)


def test_the_store_is_wal_full_sync_and_versioned(tmp_path: Path) -> None:
    key = NewsroomKeyPair.generate("x25519").public_key
    with ServerStore.create(tmp_path / "s", key) as store:
        assert store.newsroom_key == key
    conn = dbapi2.connect(str(tmp_path / "s" / DB_NAME))
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert schema.user_version(conn) == len(schema.MIGRATIONS)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"settings", "devices", "desk_tokens", "envelopes", "messages", "audit"} <= tables
        # The FULL sync level is per connection: check the store's own.
    finally:
        conn.close()
    with ServerStore.open(tmp_path / "s") as store, store.db.reading() as own:
        assert int(own.execute("PRAGMA synchronous").fetchone()[0]) == 2


def test_the_store_refuses_what_it_cannot_serve(tmp_path: Path) -> None:
    with pytest.raises(NotInitializedError):
        ServerStore.open(tmp_path / "nothing")
    key = NewsroomKeyPair.generate("x25519").public_key
    ServerStore.create(tmp_path / "s", key).close()
    with pytest.raises(AlreadyInitializedError):
        ServerStore.create(tmp_path / "s", NewsroomKeyPair.generate("x25519").public_key)
    conn = dbapi2.connect(str(tmp_path / "s" / DB_NAME))
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(ServerStoreError, match="newer"):
        ServerStore.open(tmp_path / "s")
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / DB_NAME).write_bytes(b"not a database at all" * 100)
    with pytest.raises(ServerStoreError, match="not a Gatewatch server"):
        ServerStore.open(tmp_path / "junk")


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    conn = dbapi2.connect(str(tmp_path / "m.db"), isolation_level=None)

    def broken(c: Any) -> None:
        c.execute("CREATE TABLE half (x)")
        raise RuntimeError("boom")

    try:
        with pytest.raises(RuntimeError, match="boom"):
            schema.apply_migrations(conn, (*schema.MIGRATIONS, broken))
        assert schema.user_version(conn) == len(schema.MIGRATIONS)
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half" not in names
    finally:
        conn.close()


def test_invites_enroll_once_and_revocation_sticks(tmp_path: Path) -> None:
    key = NewsroomKeyPair.generate("x25519").public_key
    with ServerStore.create(tmp_path / "s", key) as store:
        device_id, token, _ = store.tokens.create_invite("x", 7)
        digest = token_hash(token)
        assert digest is not None
        record = store.tokens.lookup_token(digest)
        assert record is not None
        assert (record.kind, record.id, record.revoked, record.expired) == (
            "invite",
            device_id,
            False,
            False,
        )
        assert store.tokens.enroll(device_id, bytes(32), None)
        assert not store.tokens.enroll(device_id, bytes(32), None)
        record = store.tokens.lookup_token(digest)
        assert record is not None
        assert record.kind == "device"
        assert store.tokens.revoke_device(device_id)
        assert store.tokens.revoke_device(device_id)  # idempotent
        record = store.tokens.lookup_token(digest)
        assert record is not None
        assert record.revoked
        assert not store.tokens.revoke_device("gw-nobody")
        assert store.tokens.lookup_token(bytes(32)) is None
        # Only the hash of the token is stored.
        for path in (tmp_path / "s").iterdir():
            assert token.encode() not in path.read_bytes()
            assert base64.urlsafe_b64decode(token + "=") not in path.read_bytes()
