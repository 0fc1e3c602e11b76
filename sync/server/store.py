"""The server's database, opened: its repositories, one per group of tables.

A data folder (0700, files 0600) holds either ``server.db``, a SQLite database (the
default, database.py), or ``database.url``, the address of a PostgreSQL database
(pgdatabase.py) that any number of server processes share. Everything else is the same:
:class:`ServerStore` hands out the same repositories over either.

It holds ciphertext only: envelopes and messages are stored as the sealed bytes received,
with the cleartext header fields the server needs; tokens only as SHA-256 hashes; the
newsroom *public* key. The audit log records who called which route, the status and the
sizes, never a body or a token.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sync.envelope import NewsroomPublicKey
from sync.server.audit import AuditLog
from sync.server.database import Database, SqliteDatabase
from sync.server.envelopes import Envelopes
from sync.server.keys import Keys
from sync.server.messages import Messages
from sync.server.opened import OpenedLists
from sync.server.records import (
    Candidate,
    Conflict,
    DeviceRow,
    ServerStoreError,
    TokenKind,
    TokenRecord,
    new_token,
    timestamp,
    token_hash,
    utc_now,
)
from sync.server.retention import Retention
from sync.server.schema import SchemaTooNewError
from sync.server.settings import SETTING_NEWSROOM_FINGERPRINT, SETTING_NEWSROOM_KEY, Settings
from sync.server.stats import stats
from sync.server.tokens import Tokens

__all__ = [
    "DB_NAME",
    "URL_NAME",
    "AlreadyInitializedError",
    "Candidate",
    "Conflict",
    "DeviceRow",
    "NotInitializedError",
    "ServerStore",
    "ServerStoreError",
    "TokenKind",
    "TokenRecord",
    "new_token",
    "timestamp",
    "token_hash",
    "utc_now",
]

DB_NAME = "server.db"
URL_NAME = "database.url"


class NotInitializedError(ServerStoreError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"{data_dir} holds no Gatewatch server: run "
            f"'gatewatch-server --data-dir {data_dir} init --newsroom-key FILE' first"
        )


class AlreadyInitializedError(ServerStoreError):
    """``init`` on a folder that already holds a server (with another newsroom key)."""


def _mkdir_private(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        path.chmod(0o700)


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text + "\n")


def connect_postgres(url: str) -> Database:
    from sync.server.pgdatabase import PostgresDatabase  # psycopg only when asked for

    return PostgresDatabase(url)


class ServerStore:
    """The open server database and its repositories; thread-safe.

    Build with :meth:`create` (``init``) or :meth:`open`; :meth:`close` when done.
    Raises :class:`ServerStoreError` subclasses for refusals a person can act on.
    """

    def __init__(self, db: Database, data_dir: Path) -> None:
        self.db = db
        self._data_dir = data_dir
        self.settings = Settings(db)
        self.tokens = Tokens(db)
        self.envelopes = Envelopes(db)
        self.messages = Messages(db)
        self.opened = OpenedLists(db)
        self.keys = Keys(db)
        self.audit = AuditLog(db)
        self.retention = Retention(db)
        key_text = self.settings.get(SETTING_NEWSROOM_KEY)
        if key_text is None:
            raise NotInitializedError(data_dir)
        self._newsroom_key = NewsroomPublicKey.from_text(key_text)

    @staticmethod
    def _connect(data_dir: Path, database: str | None) -> Database:
        if database is not None:
            return connect_postgres(database)
        return SqliteDatabase(data_dir / DB_NAME)

    @classmethod
    def create(
        cls, data_dir: Path, newsroom_key: NewsroomPublicKey, database: str | None = None
    ) -> ServerStore:
        """Create (or confirm) a server in ``data_dir`` for ``newsroom_key``; its data in
        ``data_dir`` (SQLite) or, with ``database`` (a ``postgresql://`` URL), there.

        Idempotent for the same key and database. Raises :class:`AlreadyInitializedError`
        when the folder already serves another newsroom key (changing it would strand every
        device) or keeps its data elsewhere.
        """
        _mkdir_private(data_dir)
        db_path, url_path = data_dir / DB_NAME, data_dir / URL_NAME
        existing = _read_url(url_path)
        if (db_path.exists() and database is not None) or (
            url_path.exists() and existing != database
        ):
            where = str(db_path) if db_path.exists() else "the database in " + str(url_path)
            raise AlreadyInitializedError(
                f"{data_dir} already keeps its data in {where}; use a new --data-dir, or "
                "'gatewatch-server migrate' to move it"
            )
        if database is None and not db_path.exists():
            fd = os.open(db_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        db = cls._connect(data_dir, database)
        try:
            settings = Settings(db)
            found = settings.get(SETTING_NEWSROOM_FINGERPRINT)
            if found is None:
                with db.transaction() as conn:  # both or neither, and the first one wins
                    conn.executemany(
                        "INSERT INTO settings (key, value) VALUES (?, ?)"
                        " ON CONFLICT (key) DO NOTHING",
                        [
                            (SETTING_NEWSROOM_KEY, newsroom_key.to_text()),
                            (SETTING_NEWSROOM_FINGERPRINT, newsroom_key.fingerprint),
                        ],
                    )
                found = settings.get(SETTING_NEWSROOM_FINGERPRINT)
            if found != newsroom_key.fingerprint:
                raise AlreadyInitializedError(
                    f"{data_dir} already serves newsroom key {found}; devices enrolled to it "
                    "would be stranded. Use a new --data-dir for another key."
                )
            if database is not None and existing is None:
                _write_private(url_path, database)
            return cls(db, data_dir)
        except BaseException:
            db.close()
            raise

    @classmethod
    def open(cls, data_dir: Path) -> ServerStore:
        """Open an initialized server. Raises :class:`NotInitializedError` if there is none."""
        db_path = data_dir / DB_NAME
        url = _read_url(data_dir / URL_NAME)
        if url is None and not db_path.is_file():
            raise NotInitializedError(data_dir)
        if url is None:
            with contextlib.suppress(OSError):
                db_path.chmod(0o600)
        try:
            db = cls._connect(data_dir, url)
        except SchemaTooNewError as exc:
            raise ServerStoreError(str(exc)) from exc
        except ServerStoreError:
            raise
        except Exception as exc:  # sqlcipher3's DatabaseError: not a database at all
            raise ServerStoreError(
                f"{db_path} is not a Gatewatch server database ({exc.__class__.__name__})"
            ) from exc
        try:
            return cls(db, data_dir)
        except BaseException:
            db.close()
            raise

    def close(self) -> None:
        """Close the database (SQLite checkpoints its WAL). Idempotent."""
        self.db.close()

    def __enter__(self) -> ServerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    @property
    def db_path(self) -> Path:
        """The SQLite file (absent when the data is in PostgreSQL)."""
        return self._data_dir / DB_NAME

    @property
    def newsroom_key(self) -> NewsroomPublicKey:
        return self._newsroom_key

    def stats(self) -> dict[str, int]:
        """Counts for ``gatewatch-server stats`` (stats.py)."""
        return stats(self.db)


def _read_url(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ServerStoreError(f"cannot read {path}: {exc.strerror}") from exc
    if not text:
        raise ServerStoreError(f"{path} is empty: it should hold the postgresql:// address")
    return text
