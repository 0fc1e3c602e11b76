"""The server's SQLite database: devices, desk tokens, envelopes, messages, audit, settings.

One file, ``server.db``, in the data folder (folder 0700, files 0600), WAL journal,
``synchronous=FULL`` so a receipt is only given for an envelope that is on disk.

It holds ciphertext only: envelopes and messages are stored as the sealed bytes received,
with the cleartext header fields the server needs; tokens only as SHA-256 hashes; the
newsroom *public* key. The audit log records who called which route, the status and the
sizes, never a body or a token.

The standard ``sqlite3`` module may not be imported anywhere under sync/ (tests/
test_architecture.py), so the server talks to SQLite through ``sqlcipher3`` **without a
key**, which is plain SQLite: encryption at rest would protect nothing here, since the
contents are already sealed to a key the server never has.

One connection, shared by uvicorn's worker threads under a lock: SQLite serializes writers
anyway and every operation is short.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from sqlcipher3 import dbapi2

from sync import protocol
from sync.envelope import DESK_SENDER_ID, EnvelopeHeader, NewsroomPublicKey
from sync.server.schema import SchemaTooNewError, apply_migrations

DB_NAME = "server.db"
SETTING_NEWSROOM_KEY = "newsroom_public_key"
SETTING_NEWSROOM_FINGERPRINT = "newsroom_fingerprint"
SETTING_TLS_CERT = "tls_cert_path"
SETTING_DESK_SIGNING_KEY = "desk_signing_key"

TokenKind = Literal["invite", "device", "desk"]


class ServerStoreError(Exception):
    """A refusal of the server database, with a message that says what to do."""


class NotInitializedError(ServerStoreError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"{data_dir} holds no Gatewatch server: run "
            f"'gatewatch-server --data-dir {data_dir} init --newsroom-key FILE' first"
        )


class AlreadyInitializedError(ServerStoreError):
    """``init`` on a folder that already holds a server (with another newsroom key)."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def timestamp(moment: datetime) -> str:
    """UTC ISO 8601 with milliseconds and ``Z``."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_token() -> str:
    """A fresh token: base64url without padding of 32 random bytes, never starting with "-".

    Admins paste tokens after ``--token``/``--code``; one that began with "-" would be read
    as an option (argparse: "expected one argument"). Flipping the top bit of a first byte
    that would spell "-" costs a fraction of a bit of the 256.
    """
    raw = bytearray(secrets.token_bytes(protocol.TOKEN_BYTES))
    if raw[0] >> 2 == _DASH_INDEX:
        raw[0] ^= 0x80
    return base64.urlsafe_b64encode(bytes(raw)).decode()[:43]


_DASH_INDEX = 62  # "-" in the base64url alphabet


def token_hash(token: str) -> bytes | None:
    """SHA-256 of the token's 32 raw bytes, or ``None`` when it is not a well-formed token."""
    if not protocol.TOKEN_PATTERN.fullmatch(token):
        return None
    raw = base64.urlsafe_b64decode(token + "=")
    if base64.urlsafe_b64encode(raw).decode()[:43] != token:
        return None  # the last character's two spare bits must be zero: one spelling only
    return hashlib.sha256(raw).digest()


@dataclass(frozen=True)
class TokenRecord:
    """Who a token belongs to. ``kind`` "invite" is a device not yet enrolled."""

    kind: TokenKind
    id: str
    revoked: bool
    expired: bool = False


@dataclass(frozen=True)
class Candidate:
    """An envelope that passed every check that needs no database; ready to store."""

    header: EnvelopeHeader
    data: bytes
    sha256: str


@dataclass(frozen=True)
class Conflict:
    """Another body is already stored under this envelope id."""

    envelope_id: str


@dataclass(frozen=True)
class DeviceRow:
    device_id: str
    label: str | None
    public_key: bytes | None
    enrolled: bool
    revoked: bool
    created_at: str
    enrolled_at: str | None
    invite_expires_at: str
    envelopes: int
    last_upload_at: str | None
    encryption_key: str | None = None
    encryption_key_signature: bytes | None = None


def _reserve_desk_sender(conn: Any, now: str) -> None:
    """The devices row the desks' review envelopes hang on (envelopes name a device).

    Revoked from birth with a token hash no token has (random bytes), it can never
    authenticate or receive messages; `devices` leaves it out of every listing.
    """
    conn.execute(
        "INSERT INTO devices (id, label, token_hash, enrolled, revoked, created_at,"
        " invite_expires_at, revoked_at) VALUES (?, 'newsroom desks', ?, 0, 1, ?, ?, ?)"
        " ON CONFLICT (id) DO NOTHING",
        (DESK_SENDER_ID, secrets.token_bytes(32), now, now, now),
    )


def _mkdir_private(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        path.chmod(0o700)


class ServerStore:
    """The open server database. Thread-safe: every method takes the one lock.

    Build with :meth:`create` (``init``) or :meth:`open`; :meth:`close` when done.
    Raises :class:`ServerStoreError` subclasses for refusals a person can act on.
    """

    def __init__(self, conn: Any, data_dir: Path) -> None:
        self._conn = conn
        self._data_dir = data_dir
        self._lock = threading.Lock()
        key_text = self._setting(SETTING_NEWSROOM_KEY)
        if key_text is None:
            raise NotInitializedError(data_dir)
        self._newsroom_key = NewsroomPublicKey.from_text(key_text)

    # --- Opening ---------------------------------------------------------------------------

    @staticmethod
    def _connect(db_path: Path) -> Any:
        conn = dbapi2.connect(str(db_path), isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA secure_delete = ON")
            apply_migrations(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    @classmethod
    def create(cls, data_dir: Path, newsroom_key: NewsroomPublicKey) -> ServerStore:
        """Create (or confirm) a server in ``data_dir`` for ``newsroom_key``.

        Idempotent for the same key. Raises :class:`AlreadyInitializedError` when the folder
        already serves another newsroom key (changing it would strand every device).
        """
        _mkdir_private(data_dir)
        db_path = data_dir / DB_NAME
        if not db_path.exists():
            fd = os.open(db_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        conn = cls._connect(db_path)
        try:
            row = conn.execute(
                "SELECT value FROM settings WHERE key = ?", (SETTING_NEWSROOM_FINGERPRINT,)
            ).fetchone()
            if row is None:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany(
                    "INSERT INTO settings (key, value) VALUES (?, ?)",
                    [
                        (SETTING_NEWSROOM_KEY, newsroom_key.to_text()),
                        (SETTING_NEWSROOM_FINGERPRINT, newsroom_key.fingerprint),
                    ],
                )
                conn.execute("COMMIT")
            elif str(row[0]) != newsroom_key.fingerprint:
                raise AlreadyInitializedError(
                    f"{data_dir} already serves newsroom key {row[0]}; devices enrolled to it "
                    "would be stranded. Use a new --data-dir for another key."
                )
        except BaseException:
            conn.close()
            raise
        return cls(conn, data_dir)

    @classmethod
    def open(cls, data_dir: Path) -> ServerStore:
        """Open an initialized server. Raises :class:`NotInitializedError` if there is none."""
        db_path = data_dir / DB_NAME
        if not db_path.is_file():
            raise NotInitializedError(data_dir)
        with contextlib.suppress(OSError):
            db_path.chmod(0o600)
        try:
            conn = cls._connect(db_path)
        except SchemaTooNewError as exc:
            raise ServerStoreError(str(exc)) from exc
        except dbapi2.DatabaseError as exc:
            raise ServerStoreError(
                f"{db_path} is not a Gatewatch server database ({exc.__class__.__name__})"
            ) from exc
        try:
            return cls(conn, data_dir)
        except BaseException:
            conn.close()
            raise

    def close(self) -> None:
        """Close the connection (checkpoints the WAL). Idempotent."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> ServerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    @property
    def db_path(self) -> Path:
        return self._data_dir / DB_NAME

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self._lock:
            conn = self._conn
            if conn is None:
                raise ServerStoreError("the server database is closed")
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                with contextlib.suppress(Exception):
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def transaction(self) -> contextlib.AbstractContextManager[Any]:
        """A write transaction on the one connection, for the repositories beside this
        class (audit.py, retention.py): they keep their tables' SQL out of this module."""
        return self._transaction()

    @contextlib.contextmanager
    def reading(self) -> Iterator[Any]:
        """The connection under the lock, outside any transaction (reads, PRAGMAs)."""
        with self._lock:
            if self._conn is None:
                raise ServerStoreError("the server database is closed")
            yield self._conn

    def _setting(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    # --- Settings --------------------------------------------------------------------------

    @property
    def newsroom_key(self) -> NewsroomPublicKey:
        return self._newsroom_key

    def tls_cert_path(self) -> Path | None:
        with self._lock:
            value = self._setting(SETTING_TLS_CERT)
        return None if value is None else Path(value)

    def set_tls_cert_path(self, path: Path | None) -> None:
        with self._transaction() as conn:
            if path is None:
                conn.execute("DELETE FROM settings WHERE key = ?", (SETTING_TLS_CERT,))
            else:
                conn.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                    (SETTING_TLS_CERT, str(path)),
                )

    # --- Tokens ----------------------------------------------------------------------------

    def create_invite(self, label: str | None, valid_days: int) -> tuple[str, str, str]:
        """A new device awaiting enrolment; return ``(device_id, token, expires_at)``.

        The token is shown once and stored only as its hash.
        """
        token = new_token()
        digest = token_hash(token)
        device_id = "gw-" + secrets.token_hex(10)
        now = utc_now()
        expires = timestamp(now + timedelta(days=valid_days))
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO devices (id, label, token_hash, created_at, invite_expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (device_id, label, digest, timestamp(now), expires),
            )
        return device_id, token, expires

    def create_desk_token(self, label: str | None) -> tuple[int, str]:
        """A new desk token; return ``(id, token)``. Stored only as its hash."""
        token = new_token()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO desk_tokens (label, token_hash, created_at) VALUES (?, ?, ?)",
                (label, token_hash(token), timestamp(utc_now())),
            )
            return int(cursor.lastrowid), token

    def lookup_token(self, digest: bytes) -> TokenRecord | None:
        """Who holds the token whose hash is ``digest``; ``None`` for nobody.

        The row is found by its hash (an index) and then compared in constant time.
        """
        with self._lock:
            row = self._conn.execute(
                "SELECT id, token_hash, enrolled, revoked, invite_expires_at FROM devices "
                "WHERE token_hash = ?",
                (digest,),
            ).fetchone()
            if row is not None and hmac.compare_digest(bytes(row[1]), digest):
                if row[2]:
                    return TokenRecord("device", str(row[0]), bool(row[3]))
                expired = str(row[4]) <= timestamp(utc_now())
                return TokenRecord("invite", str(row[0]), bool(row[3]), expired)
            row = self._conn.execute(
                "SELECT id, token_hash, revoked FROM desk_tokens WHERE token_hash = ?", (digest,)
            ).fetchone()
            if row is not None and hmac.compare_digest(bytes(row[1]), digest):
                return TokenRecord("desk", str(row[0]), bool(row[2]))
        return None

    def enroll(
        self,
        device_id: str,
        public_key: bytes,
        label: str | None,
        device_token_hash: bytes | None = None,
    ) -> bool:
        """Register the signing key of an invited device, once; with ``device_token_hash``
        the device's token replaces the invite's, which is dead from then on.

        Returns False (and changes nothing) when the device is already enrolled, revoked
        or unknown.
        """
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE devices SET public_key = ?, enrolled = 1, enrolled_at = ?, "
                "label = coalesce(label, ?), token_hash = coalesce(?, token_hash) "
                "WHERE id = ? AND enrolled = 0 AND revoked = 0",
                (public_key, timestamp(utc_now()), label, device_token_hash, device_id),
            )
            return int(cursor.rowcount) == 1

    def revoke_device(self, device_id: str) -> bool:
        """Revoke a device (or an unused invite); False when no such device. Idempotent."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE devices SET revoked = 1, revoked_at = coalesce(revoked_at, ?) WHERE id = ?",
                (timestamp(utc_now()), device_id),
            )
            return int(cursor.rowcount) == 1

    def revoke_desk_token(self, token_id: int) -> bool:
        with self._transaction() as conn:
            cursor = conn.execute("UPDATE desk_tokens SET revoked = 1 WHERE id = ?", (token_id,))
            return int(cursor.rowcount) == 1

    # --- Envelopes -------------------------------------------------------------------------

    def store_envelopes(
        self, device_id: str, candidates: Sequence[Candidate]
    ) -> list[protocol.Receipt | Conflict]:
        """Store each new envelope; return one receipt or conflict per candidate, in order.

        All in one transaction: either every receipt returned is on disk, or an exception
        is raised and nothing was stored. An envelope already stored with the same bytes
        (sha256) from this device gets its original receipt again; any other body under an
        existing id is a :class:`Conflict` and stores nothing.
        """
        results: list[protocol.Receipt | Conflict] = []
        now = timestamp(utc_now())
        with self._transaction() as conn:
            if device_id == DESK_SENDER_ID:
                _reserve_desk_sender(conn, now)
            for item in candidates:
                header = item.header
                row = conn.execute(
                    "SELECT seq, device_id, sha256, received_at FROM envelopes "
                    "WHERE envelope_id = ?",
                    (header.envelope_id,),
                ).fetchone()
                if row is None:
                    cursor = conn.execute(
                        "INSERT INTO envelopes (envelope_id, device_id, kind, recipient_key_id,"
                        " kem, size, body, sha256, received_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            header.envelope_id,
                            device_id,
                            str(header.kind),
                            header.recipient_key_id,
                            header.kem,
                            len(item.data),
                            item.data,
                            item.sha256,
                            now,
                        ),
                    )
                    row = (cursor.lastrowid, device_id, item.sha256, now)
                same = str(row[1]) == device_id and hmac.compare_digest(str(row[2]), item.sha256)
                results.append(
                    protocol.Receipt(
                        envelope_id=header.envelope_id,
                        seq=int(row[0]),
                        received_at=str(row[3]),
                        sha256=item.sha256,
                    )
                    if same
                    else Conflict(header.envelope_id)
                )
        return results

    def missing_envelopes(self, device_id: str, envelope_ids: Sequence[str]) -> list[str]:
        """The ids among ``envelope_ids`` this device has not stored, in the order asked."""
        with self._lock:
            have = {
                str(row[0])
                for row in self._conn.execute(
                    "SELECT envelope_id FROM envelopes WHERE device_id = ? AND envelope_id IN "
                    "(SELECT value FROM json_each(?))",
                    (device_id, _json_list(envelope_ids)),
                )
            }
        seen: set[str] = set()
        out: list[str] = []
        for eid in envelope_ids:
            if eid not in have and eid not in seen:
                seen.add(eid)
                out.append(eid)
        return out

    def envelope_page(
        self, after: int, limit: int, max_bytes: int
    ) -> tuple[list[protocol.StoredEnvelope], int, bool]:
        """Envelopes still held with ``seq > after`` ascending: at most ``limit`` of them and,
        past the first, at most ``max_bytes`` together. Returns ``(envelopes, next_after,
        more)``. Purged envelopes (retention.py) are skipped: their seqs are never reused."""
        out: list[protocol.StoredEnvelope] = []
        total = 0
        next_after = after
        with self._lock:
            cursor = self._conn.execute(
                "SELECT seq, envelope_id, device_id, kind, recipient_key_id, kem, size, "
                "sha256, received_at, body FROM envelopes WHERE seq > ? AND purged_at IS NULL "
                "ORDER BY seq LIMIT ?",
                (after, limit),
            )
            try:
                for row in cursor:
                    size = int(row[6])
                    if out and total + size > max_bytes:
                        break
                    total += size
                    next_after = int(row[0])
                    out.append(
                        protocol.StoredEnvelope(
                            seq=int(row[0]),
                            envelope_id=str(row[1]),
                            device_id=str(row[2]),
                            kind=str(row[3]),
                            recipient_key_id=str(row[4]),
                            kem=str(row[5]),
                            size=size,
                            sha256=str(row[7]),
                            received_at=str(row[8]),
                            data=protocol.encode_base64(bytes(row[9])),
                        )
                    )
            finally:
                cursor.close()
            more = (
                self._conn.execute(
                    "SELECT 1 FROM envelopes WHERE seq > ? AND purged_at IS NULL LIMIT 1",
                    (next_after,),
                ).fetchone()
                is not None
            )
        return out, next_after, more

    # --- Messages to devices ---------------------------------------------------------------

    def device_state(self, device_id: str) -> TokenRecord | None:
        """Whether ``device_id`` exists, is enrolled and is revoked; ``None`` if unknown."""
        with self._lock:
            row = self._conn.execute(
                "SELECT enrolled, revoked FROM devices WHERE id = ?", (device_id,)
            ).fetchone()
        if row is None:
            return None
        return TokenRecord("device" if row[0] else "invite", device_id, bool(row[1]))

    def put_message(
        self, desk_token_id: int, device_id: str, message_id: str, data: bytes
    ) -> protocol.MessageReceipt | Conflict:
        """Queue an opaque message for a device; idempotent by ``message_id`` like uploads."""
        digest = hashlib.sha256(data).hexdigest()
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT seq, device_id, sha256, created_at FROM messages WHERE message_id = ?",
                (message_id,),
            ).fetchone()
            if row is None:
                now = timestamp(utc_now())
                cursor = conn.execute(
                    "INSERT INTO messages (message_id, device_id, desk_token_id, size, body, "
                    "sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (message_id, device_id, desk_token_id, len(data), data, digest, now),
                )
                row = (cursor.lastrowid, device_id, digest, now)
            if str(row[1]) != device_id or str(row[2]) != digest:
                return Conflict(message_id)
            return protocol.MessageReceipt(
                message_id=message_id,
                device_id=device_id,
                seq=int(row[0]),
                created_at=str(row[3]),
                sha256=digest,
            )

    def message_page(
        self, device_id: str, after: int, limit: int, max_bytes: int
    ) -> tuple[list[protocol.StoredMessage], int, bool]:
        """Messages for ``device_id`` with ``seq > after``, ascending, bounded like
        :meth:`envelope_page`. Also records ``after`` as what the device has received."""
        out: list[protocol.StoredMessage] = []
        total = 0
        next_after = after
        with self._transaction() as conn:
            conn.execute(
                "UPDATE devices SET message_cursor = max(message_cursor, ?) WHERE id = ?",
                (after, device_id),
            )
            rows = conn.execute(
                "SELECT seq, message_id, size, sha256, created_at, body FROM messages "
                "WHERE device_id = ? AND seq > ? AND purged_at IS NULL ORDER BY seq LIMIT ?",
                (device_id, after, limit),
            ).fetchall()
            for row in rows:
                size = int(row[2])
                if out and total + size > max_bytes:
                    break
                total += size
                next_after = int(row[0])
                out.append(
                    protocol.StoredMessage(
                        seq=int(row[0]),
                        message_id=str(row[1]),
                        size=size,
                        sha256=str(row[3]),
                        created_at=str(row[4]),
                        data=protocol.encode_base64(bytes(row[5])),
                    )
                )
            more = (
                conn.execute(
                    "SELECT 1 FROM messages WHERE device_id = ? AND seq > ? AND purged_at IS NULL"
                    " LIMIT 1",
                    (device_id, next_after),
                ).fetchone()
                is not None
            )
        return out, next_after, more

    # --- Follow-up keys --------------------------------------------------------------------

    def set_encryption_key(self, device_id: str, key_text: str, signature: bytes) -> bool:
        """Register the encryption key of an enrolled device, once.

        Returns True when it is now the device's key (newly set, or the same key again:
        idempotent), False when a different key is already registered (nothing changed).
        """
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT encryption_key FROM devices WHERE id = ?", (device_id,)
            ).fetchone()
            if row is None:
                return False
            if row[0] is not None:
                return hmac.compare_digest(str(row[0]), key_text)
            conn.execute(
                "UPDATE devices SET encryption_key = ?, encryption_key_signature = ? WHERE id = ?",
                (key_text, signature, device_id),
            )
            return True

    def device_public_key(self, device_id: str) -> bytes | None:
        """The enrolled signing key of ``device_id``, or None."""
        with self._lock:
            row = self._conn.execute(
                "SELECT public_key FROM devices WHERE id = ? AND enrolled = 1", (device_id,)
            ).fetchone()
        return None if row is None or row[0] is None else bytes(row[0])

    def desk_signing_key(self) -> bytes | None:
        """The desks' Ed25519 public key (32 bytes), or None until a desk registered it."""
        with self._lock:
            value = self._setting(SETTING_DESK_SIGNING_KEY)
        return None if value is None else bytes.fromhex(value)

    def set_desk_signing_key(self, public_key: bytes) -> bool:
        """Register the desks' signing key, once: True when it is now the key (new or the
        same again), False when another one is registered (nothing changed)."""
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT value FROM settings WHERE key = ?", (SETTING_DESK_SIGNING_KEY,)
            ).fetchone()
            if row is not None:
                return hmac.compare_digest(str(row[0]), public_key.hex())
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)",
                (SETTING_DESK_SIGNING_KEY, public_key.hex()),
            )
            return True

    def setting(self, key: str) -> str | None:
        """One value of the settings table (e.g. sync/server/releases.py's), or None."""
        with self._lock:
            return self._setting(key)

    def put_settings(self, values: dict[str, str]) -> None:
        """Write these settings together, in one transaction."""
        with self._transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", values.items()
            )

    # --- Devices, stats -------------------------------------------------------------------

    def devices(self) -> list[DeviceRow]:
        """Every device, invited or enrolled, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT d.id, d.label, d.public_key, d.enrolled, d.revoked, d.created_at, "
                "d.enrolled_at, d.invite_expires_at, count(e.seq), max(e.received_at), "
                "d.encryption_key, d.encryption_key_signature "
                "FROM devices d LEFT JOIN envelopes e ON e.device_id = d.id "
                "WHERE d.id != ? GROUP BY d.id ORDER BY d.created_at, d.id",
                (DESK_SENDER_ID,),
            ).fetchall()
        return [
            DeviceRow(
                device_id=str(r[0]),
                label=None if r[1] is None else str(r[1]),
                public_key=None if r[2] is None else bytes(r[2]),
                enrolled=bool(r[3]),
                revoked=bool(r[4]),
                created_at=str(r[5]),
                enrolled_at=None if r[6] is None else str(r[6]),
                invite_expires_at=str(r[7]),
                envelopes=int(r[8]),
                last_upload_at=None if r[9] is None else str(r[9]),
                encryption_key=None if r[10] is None else str(r[10]),
                encryption_key_signature=None if r[11] is None else bytes(r[11]),
            )
            for r in rows
        ]

    def stats(self) -> dict[str, int]:
        """Counts for ``gatewatch-server stats``: ``envelopes`` and ``envelope_bytes`` as
        received (receipts included), ``envelopes_stored`` and ``bytes_stored`` still held."""
        with self._lock:
            one = self._conn.execute
            envelopes, stored_bytes = one(
                "SELECT count(*), coalesce(sum(size), 0) FROM envelopes"
            ).fetchone()
            devices, revoked = one(
                "SELECT count(*), coalesce(sum(revoked), 0) FROM devices WHERE enrolled = 1"
            ).fetchone()
            invites = one(
                "SELECT count(*) FROM devices WHERE enrolled = 0 AND revoked = 0 "
                "AND invite_expires_at > ?",
                (timestamp(utc_now()),),
            ).fetchone()[0]
            messages, messages_held = one(
                "SELECT count(*), count(*) FILTER (WHERE purged_at IS NULL) FROM messages"
            ).fetchone()
            desk = one("SELECT count(*) FROM desk_tokens WHERE revoked = 0").fetchone()[0]
            audit = one("SELECT count(*) FROM audit").fetchone()[0]
            audit_counts = one("SELECT count(*) FROM audit_counts").fetchone()[0]
            held, held_bytes = one(
                "SELECT count(*), coalesce(sum(length(body)), 0) FROM envelopes"
                " WHERE purged_at IS NULL"
            ).fetchone()
        return {
            "envelopes": int(envelopes),
            "envelope_bytes": int(stored_bytes),
            "envelopes_stored": int(held),
            "bytes_stored": int(held_bytes),
            "devices": int(devices),
            "devices_revoked": int(revoked),
            "invites_pending": int(invites),
            "messages": int(messages),
            "messages_stored": int(messages_held),
            "desk_tokens": int(desk),
            "audit_rows": int(audit),
            "audit_count_rows": int(audit_counts),
        }


def _json_list(items: Sequence[str]) -> str:
    return json.dumps(list(items))
