"""This device's enrolment with the newsroom server, kept inside the encrypted store.

One row at most (schema v4, ``device_identity``). It holds secrets — the Ed25519 signing
key and the device token — so it lives only here: never in QSettings, a log or a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.domain.report import format_utc
from desktop.store.database import Store
from desktop.store.errors import AlreadyEnrolledError

__all__ = ["AlreadyEnrolledError", "DeviceIdentity", "IdentityRepository"]


@dataclass(frozen=True)
class DeviceIdentity:
    """Who this device is to the server, and how to reach it.

    ``signing_key`` is the raw 32-byte Ed25519 private key; ``token`` the device token;
    ``newsroom_key`` the newsroom public key in its text form and ``newsroom_fingerprint``
    its fingerprint as checked against the invite; ``tls_fingerprint`` the pinned SHA-256 of
    the server's certificate (None without TLS); ``proxy`` e.g. ``socks5h://127.0.0.1:9050``.
    ``repr`` never shows the key or the token.
    """

    device_id: str
    signing_key: bytes
    server_url: str
    token: str
    newsroom_key: str
    newsroom_fingerprint: str
    tls_fingerprint: str | None
    proxy: str | None
    label: str | None
    enrolled_at: datetime

    def __repr__(self) -> str:
        return (
            f"DeviceIdentity(device_id={self.device_id!r}, server_url={self.server_url!r}, "
            f"newsroom_fingerprint={self.newsroom_fingerprint!r})"
        )


_COLUMNS = (
    "device_id, signing_key, server_url, token, newsroom_key, newsroom_fingerprint,"
    " tls_fingerprint, proxy, label, enrolled_at"
)


class IdentityRepository:
    """The device identity of one open store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self) -> DeviceIdentity | None:
        """The enrolment, or None when this store never enrolled."""
        row = self._store.conn.execute(
            f"SELECT {_COLUMNS} FROM device_identity WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        return DeviceIdentity(
            device_id=row[0],
            signing_key=bytes(row[1]),
            server_url=row[2],
            token=row[3],
            newsroom_key=row[4],
            newsroom_fingerprint=row[5],
            tls_fingerprint=row[6],
            proxy=row[7],
            label=row[8],
            enrolled_at=datetime.fromisoformat(row[9]).astimezone(UTC),
        )

    def save(self, identity: DeviceIdentity) -> None:
        """Store the enrolment. Raises `AlreadyEnrolledError` if there is one (unchanged)."""
        with self._store.transaction() as conn:
            row = conn.execute("SELECT device_id FROM device_identity WHERE id = 1").fetchone()
            if row is not None:
                raise AlreadyEnrolledError(row[0])
            conn.execute(
                f"INSERT INTO device_identity (id, {_COLUMNS})"
                " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    identity.device_id,
                    identity.signing_key,
                    identity.server_url,
                    identity.token,
                    identity.newsroom_key,
                    identity.newsroom_fingerprint,
                    identity.tls_fingerprint,
                    identity.proxy,
                    identity.label,
                    format_utc(identity.enrolled_at),
                ),
            )

    def set_connection(self, *, server_url: str | None = None, proxy: str | None = None) -> None:
        """Change how the server is reached (a new address, a proxy; "" removes the proxy).

        Arguments left None keep their value. Raises LookupError when not enrolled.
        """
        with self._store.transaction() as conn:
            if conn.execute("SELECT 1 FROM device_identity WHERE id = 1").fetchone() is None:
                raise LookupError("this store is not enrolled")
            if server_url is not None:
                conn.execute(
                    "UPDATE device_identity SET server_url = ? WHERE id = 1", (server_url,)
                )
            if proxy is not None:
                conn.execute("UPDATE device_identity SET proxy = ? WHERE id = 1", (proxy or None,))
