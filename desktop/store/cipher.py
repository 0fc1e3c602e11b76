"""Keying a connection: SQLCipher present, the raw data key applied, the key proved on
page 1, and a plaintext SQLite file told apart before any connection opens it."""

from __future__ import annotations

from pathlib import Path

from sqlcipher3 import dbapi2

from desktop.store.errors import KeyMismatchError, SQLCipherUnavailableError
from desktop.store.handle import Connection

# The first 16 bytes of every unencrypted SQLite database; SQLCipher's page 1 is random.
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


def prepare_cipher(conn: Connection) -> None:
    """Raise SQLCipherUnavailableError if the connection is plain SQLite."""
    # SQLCipher 4.6+ logs key failures to stderr at its default WARN level; the level is
    # process-wide, and set before anything else can log.
    conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if row is None or not row[0]:
        raise SQLCipherUnavailableError()
    # cipher_memory_security stays OFF (SQLCipher's default): SQLCipher zeroes its own key
    # material either way, and ON would mlock and wipe every SQLite allocation — most of a
    # desk pull's store time went to mlock/munlock calls — while the same report
    # text sits in Python's unlocked heap anyway. Swap is the OS's to encrypt (README).


def apply_key(conn: Connection, data_key: bytearray) -> None:
    """Key the connection; nothing is read yet (`prove_key` reads)."""
    # A raw key ("x'...'"), so SQLCipher runs no KDF of its own. The hex text is an
    # immutable str we cannot wipe: Python gives no way around that, so it lives until the
    # garbage collector reuses its memory. Never log it or put it in an exception.
    conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"").fetchall()


def prove_key(conn: Connection) -> None:
    """Read page 1 at once so a wrong key fails here (KeyMismatchError)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError as e:
        if getattr(e, "sqlite_errorname", None) != "SQLITE_NOTADB":
            raise
        raise KeyMismatchError() from e


def starts_with_plain_header(db_path: Path) -> bool:
    """True if store.db begins with the unencrypted SQLite header (SQLCipher's is random)."""
    try:
        with open(db_path, "rb") as f:
            return f.read(len(PLAIN_SQLITE_HEADER)) == PLAIN_SQLITE_HEADER
    except OSError:
        return False
