"""The newsroom as the desk knows it (schema v4): the newsroom key pair, the server and
its desk token with the pull cursor, and the server's list of devices.

The newsroom private key lives only in ``desk_keys``, inside the encrypted store; nothing
here writes it anywhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.domain.report import format_utc
from desktop.store.database import Store


class DeskKeyExistsError(RuntimeError):
    """The desk already holds a newsroom key pair; a second one is never made silently."""

    def __init__(self, fingerprint: str) -> None:
        super().__init__(
            f"this desk already has a newsroom key (fingerprint {fingerprint}): nothing was "
            "changed. A new key would strand every enrolled device; use another --data-dir "
            "for a separate newsroom"
        )
        self.fingerprint = fingerprint


@dataclass(frozen=True)
class DeskKey:
    """A newsroom key pair as stored: raw private bytes (secret) and the public text form."""

    fingerprint: str
    kem: str
    private_key: bytes
    public_key: str
    created_at: datetime

    def __repr__(self) -> str:
        return f"DeskKey(fingerprint={self.fingerprint!r}, kem={self.kem!r})"


@dataclass(frozen=True)
class DeskServer:
    """Where the desk pulls from, with its desk token, and the cursor (last stored seq)."""

    server_url: str
    token: str
    tls_fingerprint: str | None
    proxy: str | None
    cursor: int
    connected_at: datetime
    last_pull_at: datetime | None

    def __repr__(self) -> str:
        return f"DeskServer(server_url={self.server_url!r}, cursor={self.cursor})"


@dataclass(frozen=True)
class DeskDevice:
    device_id: str
    label: str | None
    public_key: bytes | None
    enrolled: bool
    revoked: bool
    enrolled_at: str | None


class NewsroomTables:
    """Keys, server and devices (a part of `DeskRepository`)."""

    _store: Store

    # -- keys ------------------------------------------------------------------------------

    def key(self) -> DeskKey | None:
        """The newsroom key pair, or None before `desk init`."""
        row = self._store.conn.execute(
            "SELECT fingerprint, kem, private_key, public_key, created_at FROM desk_keys"
            " ORDER BY created_at LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return DeskKey(row[0], row[1], bytes(row[2]), row[3], _time(row[4]))

    def keys(self) -> list[DeskKey]:
        """Every newsroom key pair held (more than one only after a rotation)."""
        rows = self._store.conn.execute(
            "SELECT fingerprint, kem, private_key, public_key, created_at FROM desk_keys"
            " ORDER BY created_at"
        ).fetchall()
        return [DeskKey(r[0], r[1], bytes(r[2]), r[3], _time(r[4])) for r in rows]

    def save_key(self, key: DeskKey) -> None:
        """Store the newsroom key pair. Raises `DeskKeyExistsError` if one is held."""
        with self._store.transaction() as conn:
            row = conn.execute("SELECT fingerprint FROM desk_keys LIMIT 1").fetchone()
            if row is not None:
                raise DeskKeyExistsError(row[0])
            conn.execute(
                "INSERT INTO desk_keys (fingerprint, kem, private_key, public_key, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    key.fingerprint,
                    key.kem,
                    key.private_key,
                    key.public_key,
                    format_utc(key.created_at),
                ),
            )

    # -- server ----------------------------------------------------------------------------

    def server(self) -> DeskServer | None:
        row = self._store.conn.execute(
            "SELECT server_url, token, tls_fingerprint, proxy, cursor, connected_at,"
            " last_pull_at FROM desk_server WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        return DeskServer(
            row[0], row[1], row[2], row[3], int(row[4]), _time(row[5]), _opt_time(row[6])
        )

    def connect(
        self,
        server_url: str,
        token: str,
        tls_fingerprint: str | None,
        proxy: str | None,
        now: datetime,
    ) -> None:
        """Remember the server and desk token. A different server address starts the
        cursor again at 0 (pulling again is harmless: envelopes are stored by id)."""
        with self._store.transaction() as conn:
            row = conn.execute("SELECT server_url FROM desk_server WHERE id = 1").fetchone()
            if row is None:
                conn.execute(
                    "INSERT INTO desk_server (id, server_url, token, tls_fingerprint, proxy,"
                    " cursor, connected_at) VALUES (1, ?, ?, ?, ?, 0, ?)",
                    (server_url, token, tls_fingerprint, proxy, format_utc(now)),
                )
                return
            conn.execute(
                "UPDATE desk_server SET server_url = ?, token = ?, tls_fingerprint = ?,"
                " proxy = ?, connected_at = ?,"
                " cursor = CASE WHEN server_url = ? THEN cursor ELSE 0 END WHERE id = 1",
                (server_url, token, tls_fingerprint, proxy, format_utc(now), server_url),
            )

    # -- devices ---------------------------------------------------------------------------

    def save_devices(
        self, devices: Sequence[DeskDevice], now: datetime
    ) -> list[tuple[str, str, str | None]]:
        """Upsert the server's device list. A known public key is never replaced by
        another one, nor a known label (a compromised server could swap the labels of two
        devices): the first seen are kept. Returns the labels the server now offers that
        differ from those kept, as (device id, kept label, offered label)."""
        refused: list[tuple[str, str, str | None]] = []
        with self._store.transaction() as conn:
            for d in devices:
                row = conn.execute(
                    "SELECT label FROM desk_devices WHERE device_id = ?", (d.device_id,)
                ).fetchone()
                if row is not None and row[0] is not None and row[0] != d.label:
                    refused.append((d.device_id, str(row[0]), d.label))
                conn.execute(
                    "INSERT INTO desk_devices (device_id, label, public_key, enrolled, revoked,"
                    " enrolled_at, updated_at, offered_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (device_id) DO UPDATE"
                    " SET label = coalesce(desk_devices.label, excluded.label),"
                    " offered_label = excluded.offered_label,"
                    " public_key = coalesce(desk_devices.public_key, excluded.public_key),"
                    " enrolled = excluded.enrolled, revoked = excluded.revoked,"
                    " enrolled_at = excluded.enrolled_at, updated_at = excluded.updated_at",
                    (
                        d.device_id,
                        d.label,
                        d.public_key,
                        int(d.enrolled),
                        int(d.revoked),
                        d.enrolled_at,
                        format_utc(now),
                        d.label,
                    ),
                )
        return refused

    def device_key(self, device_id: str) -> bytes | None:
        """The device's registered Ed25519 public key, or None."""
        row = self._store.conn.execute(
            "SELECT public_key FROM desk_devices WHERE device_id = ?", (device_id,)
        ).fetchone()
        return None if row is None or row[0] is None else bytes(row[0])

    def devices(self) -> list[DeskDevice]:
        rows = self._store.conn.execute(
            "SELECT device_id, label, public_key, enrolled, revoked, enrolled_at"
            " FROM desk_devices ORDER BY device_id"
        ).fetchall()
        return [DeskDevice(r[0], r[1], _blob(r[2]), bool(r[3]), bool(r[4]), r[5]) for r in rows]


# -- helpers -------------------------------------------------------------------------------


def _blob(value: object) -> bytes | None:
    return None if value is None else bytes(value)  # type: ignore[call-overload]


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _opt_time(text: str | None) -> datetime | None:
    return None if text is None else _time(text)
