"""The keyfile, version 1: the store's data key, wrapped under the user's passphrase.

New stores write version 2 (keyslots.py: fixed key slots, for the duress passphrase); a
version-1 file is read here and upgraded on its first unlock (duress.migrate_keyfile).
The KDF, its bounds and the passphrase rules here serve both versions.

``store.key`` version 1 is a small JSON document::

    {"format": "gatewatch-keyfile", "version": 1,
     "kdf": {"name": "argon2id", "memory_cost": 65536, "iterations": 3, "lanes": 4,
             "salt": "<base64, 16 bytes>"},
     "aead": "chacha20poly1305",
     "nonce": "<base64, 12 bytes>",
     "wrapped_key": "<base64, 32-byte data key + 16-byte tag>"}

The key-encryption key is Argon2id(passphrase) with the parameters above (``memory_cost``
in KiB). The passphrase is NFC-normalised, then UTF-8 encoded, so the same words typed
through different Burmese or Jinghpaw input methods unlock the same store. The AEAD's
associated data is the canonical JSON of format, version, kdf (salt included) and aead, so
none of them can be altered without the tag failing.

Everything read from disk is validated and bounded before any work is done with it: a
damaged or hostile keyfile is refused as corrupt; it can never make us allocate 2**40 KiB
or run for hours.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _argon2_cffi_bindings import ffi, lib
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from desktop.domain.passphrase_policy import MIN_CHARS, STORE_FLOOR, refusal
from desktop.fsread import TooLargeError, read_bounded
from desktop.store import fsutil
from desktop.store.errors import (
    KeyfileCorruptError,
    KeyfileMissingError,
    PassphraseChangeUnconfirmedError,
    StoreExistsError,
    StoreIOError,
    WeakPassphraseError,
    WrongPassphraseError,
)

FORMAT_NAME = "gatewatch-keyfile"
FORMAT_VERSION = 1
KDF_NAME = "argon2id"
AEAD_NAME = "chacha20poly1305"

DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
MIN_PASSPHRASE_CHARS = MIN_CHARS

# Bounds on what a keyfile may ask of us. The minimums are invariant 2 of
# docs/architecture.md (>= 64 MiB, t = 3); the maximums keep a hostile file from
# exhausting memory or time.
MIN_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 1024 * 1024
MIN_ITERATIONS = 3
MAX_ITERATIONS = 20
MIN_LANES = 1
MAX_LANES = 16
MAX_KEYFILE_BYTES = 4096


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters. ``memory_cost`` is in KiB."""

    memory_cost: int
    iterations: int
    lanes: int

    def check(self) -> None:
        """Raise ValueError unless every parameter is an int within the accepted bounds."""
        for name, value, low, high in (
            ("memory_cost", self.memory_cost, MIN_MEMORY_KIB, MAX_MEMORY_KIB),
            ("iterations", self.iterations, MIN_ITERATIONS, MAX_ITERATIONS),
            ("lanes", self.lanes, MIN_LANES, MAX_LANES),
        ):
            if type(value) is not int or not low <= value <= high:
                raise ValueError(f"kdf {name} must be an int in [{low}, {high}]")
        if self.memory_cost < 8 * self.lanes:  # Argon2's own rule
            raise ValueError("kdf memory_cost must be at least 8 KiB per lane")


DEFAULT_KDF = KdfParams(memory_cost=MIN_MEMORY_KIB, iterations=3, lanes=4)


@dataclass(frozen=True)
class WrappedKey:
    """A parsed and validated keyfile. Holds no secret: the data key inside is sealed."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    version: int = FORMAT_VERSION
    aead: str = AEAD_NAME

    def associated_data(self) -> bytes:
        """The bytes bound into the AEAD tag: format, version, KDF (with salt), AEAD name."""
        header = {
            "format": FORMAT_NAME,
            "version": self.version,
            "kdf": kdf_json(self.kdf, self.salt),
            "aead": self.aead,
        }
        return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")

    def to_json(self) -> bytes:
        """Serialise as the keyfile's bytes."""
        doc = {
            "format": FORMAT_NAME,
            "version": self.version,
            "kdf": kdf_json(self.kdf, self.salt),
            "aead": self.aead,
            "nonce": encode_b64(self.nonce),
            "wrapped_key": encode_b64(self.wrapped_key),
        }
        return (json.dumps(doc, indent=1) + "\n").encode("ascii")


def check_passphrase(passphrase: str, floor: int = STORE_FLOOR) -> None:
    """Raise WeakPassphraseError if ``passphrase`` is under 8 characters or below ``floor``
    (desktop/domain/passphrase_policy.py: zxcvbn's score, 3 for a store).

    Used when a passphrase is chosen, never when one is only checked against an existing
    keyfile.
    """
    reason = refusal(passphrase, floor)
    if reason is not None:
        raise WeakPassphraseError(reason)


def create_keyfile(
    path: Path, passphrase: str, data_key: bytes | bytearray, kdf: KdfParams = DEFAULT_KDF
) -> None:
    """Wrap ``data_key`` under ``passphrase`` and write it as a new file ``path``, mode 0600.

    Never replaces anything at ``path`` (a keyfile overwritten is a store lost): the file
    appears whole or not at all (see fsutil.write_new), and no temp file is left behind on
    an exception.
    Raises WeakPassphraseError, StoreExistsError (something is already at ``path``; it is
    left as it was), StoreIOError (disk full, permissions), and ValueError for a
    programming error (``data_key`` not 32 bytes, ``kdf`` out of bounds).
    """
    check_passphrase(passphrase)
    try:
        fsutil.write_new(path, _seal(passphrase, data_key, kdf))
    except FileExistsError as e:
        raise StoreExistsError() from e
    except OSError as e:
        raise StoreIOError() from e


def _seal(passphrase: str, data_key: bytes | bytearray, kdf: KdfParams) -> bytes:
    """The keyfile's bytes: ``data_key`` wrapped under ``passphrase`` with a fresh salt."""
    if len(data_key) != DATA_KEY_BYTES:
        raise ValueError("data key must be 32 bytes")
    kdf.check()
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    header = WrappedKey(kdf=kdf, salt=salt, nonce=nonce, wrapped_key=b"")
    kek = _derive(passphrase, kdf, salt)
    try:
        sealed = ChaCha20Poly1305(kek).encrypt(nonce, data_key, header.associated_data())
    finally:
        zero(kek)
    return WrappedKey(kdf=kdf, salt=salt, nonce=nonce, wrapped_key=sealed).to_json()


def read_keyfile(path: Path) -> WrappedKey:
    """Read, parse and validate the keyfile at ``path``. Does no key derivation.

    Raises KeyfileMissingError if there is no file, KeyfileCorruptError if it is too large,
    not JSON, of another format or version, or has fields of the wrong type, size or bounds,
    and StoreIOError if it cannot be read.
    """
    try:
        raw = read_bounded(path, MAX_KEYFILE_BYTES)
    except FileNotFoundError as e:
        raise KeyfileMissingError() from e
    except OSError as e:
        raise StoreIOError() from e
    except TooLargeError as e:
        raise KeyfileCorruptError() from e
    return parse_keyfile(raw)


def parse_keyfile(raw: bytes) -> WrappedKey:
    """Parse and validate keyfile bytes. Raises KeyfileCorruptError."""
    try:
        doc = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise KeyfileCorruptError() from e
    try:
        return _validate(doc)
    except (ValueError, TypeError, KeyError, binascii.Error) as e:
        raise KeyfileCorruptError() from e


def unwrap(wrapped: WrappedKey, passphrase: str) -> bytearray:
    """Derive the key-encryption key from ``passphrase`` and open the data key.

    Returns the 32-byte data key as a bytearray, so the caller can overwrite it once used.
    Raises WrongPassphraseError if the tag does not verify (wrong passphrase, or a keyfile
    whose bound fields were altered: the two cannot be told apart).
    """
    kek = _derive(passphrase, wrapped.kdf, wrapped.salt)
    data_key = bytearray(DATA_KEY_BYTES)
    try:
        ChaCha20Poly1305(kek).decrypt_into(
            wrapped.nonce, wrapped.wrapped_key, wrapped.associated_data(), data_key
        )
    except InvalidTag:
        raise WrongPassphraseError() from None
    finally:
        zero(kek)
    return data_key


def rewrap(path: Path, old_passphrase: str, new_passphrase: str) -> None:
    """Re-wrap the data key in the keyfile at ``path`` under ``new_passphrase``.

    The data key (and so the database) is unchanged. The file is replaced atomically: after a
    crash at any point either the old or the new passphrase works, and an exception leaves
    no temp file. Once the new file is durable, the old file's bytes are overwritten with
    random data (POSIX, best effort; see fsutil.atomic_write): the old wrapping is not left
    in a free inode. Copies of the keyfile made earlier (a backup, a seized disk image) still
    open with the old passphrase: a passphrase change cannot revoke them.
    The KDF cost is raised to DEFAULT_KDF where the file's was lower, never lowered.
    Raises WeakPassphraseError (checked first), KeyfileMissingError, KeyfileCorruptError,
    WrongPassphraseError, StoreIOError.
    """
    check_passphrase(new_passphrase)
    wrapped = read_keyfile(path)
    data_key = unwrap(wrapped, old_passphrase)
    try:
        kdf = KdfParams(
            memory_cost=max(wrapped.kdf.memory_cost, DEFAULT_KDF.memory_cost),
            iterations=max(wrapped.kdf.iterations, DEFAULT_KDF.iterations),
            lanes=max(wrapped.kdf.lanes, DEFAULT_KDF.lanes),
        )
        sealed = _seal(new_passphrase, data_key, kdf)
    finally:
        zero(data_key)
    try:
        fsutil.atomic_write(path, sealed, shred_old=True)
    except fsutil.NotDurableError as e:
        raise PassphraseChangeUnconfirmedError() from e
    except OSError as e:
        raise StoreIOError() from e


# Two Argon2id derivations with lanes > 1 running at once in one process never return
# (cryptography 50 on OpenSSL 3.6: seen here with two threads). The window's store and
# its sync connection unlock side by side, so derivations take turns.
_KDF_LOCK = threading.Lock()


def derive_wrapping_key(passphrase: str, kdf: KdfParams, salt: bytes) -> bytearray:
    """The 32-byte Argon2id key that wraps a secret under ``passphrase`` (zero it after use).

    For other files that wrap a key under a passphrase (the desk's newsroom key export);
    derivations take turns like the keyfile's own.
    """
    return _derive(passphrase, kdf, salt)


def _derive(passphrase: str, kdf: KdfParams, salt: bytes) -> bytearray:
    with _KDF_LOCK:
        return _derive_unlocked(passphrase, kdf, salt)


def _derive_unlocked(passphrase: str, kdf: KdfParams, salt: bytes) -> bytearray:
    kek = bytearray(DATA_KEY_BYTES)
    # The encoded passphrase is an immutable bytes object we cannot wipe; Python gives no
    # way around that. The derived key at least lives in a buffer we overwrite.
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogatepass")
    # The reference Argon2 (argon2-cffi-bindings) releases the GIL while it works, where
    # the cryptography package's held it for the whole derivation: the window froze for
    # as long as an unlock's (and its health check's) Argon2id ran on another thread.
    code = lib.argon2_hash(
        kdf.iterations,
        kdf.memory_cost,
        kdf.lanes,
        secret,
        len(secret),
        salt,
        len(salt),
        ffi.from_buffer(kek),
        len(kek),
        ffi.NULL,
        0,
        lib.Argon2_id,
        lib.ARGON2_VERSION_13,
    )
    if code == lib.ARGON2_MEMORY_ALLOCATION_ERROR:
        raise MemoryError("Argon2id could not allocate its memory")
    if code != lib.ARGON2_OK:
        message = ffi.string(lib.argon2_error_message(code)).decode("ascii", "replace")
        raise RuntimeError(f"Argon2id failed: {message}")
    return kek


def zero(buf: bytearray) -> None:
    """Overwrite a buffer that held key material with zeros."""
    buf[:] = bytes(len(buf))


def encode_b64(data: bytes) -> str:
    """Standard base64 text, as key files hold their fields."""
    return base64.b64encode(data).decode("ascii")


def decode_b64(value: object, size: int) -> bytes:
    """The bytes of a base64 field of exactly `size`; TypeError or ValueError otherwise."""
    if not isinstance(value, str):
        raise TypeError("expected base64 text")
    data = base64.b64decode(value.encode("ascii"), validate=True)
    if len(data) != size:
        raise ValueError("wrong length")
    return data


def kdf_json(kdf: KdfParams, salt: bytes) -> dict[str, object]:
    """The key file's `kdf` object: Argon2id parameters and salt."""
    return {
        "name": KDF_NAME,
        "memory_cost": kdf.memory_cost,
        "iterations": kdf.iterations,
        "lanes": kdf.lanes,
        "salt": encode_b64(salt),
    }


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _validate(doc: object) -> WrappedKey:
    if not isinstance(doc, dict):
        raise TypeError("keyfile must be a JSON object")
    if doc.get("format") != FORMAT_NAME:
        raise ValueError("not a Gatewatch keyfile")
    version = doc.get("version")
    if type(version) is not int:
        raise TypeError("version must be an int")
    if version != FORMAT_VERSION:
        raise KeyfileCorruptError(
            "The store's key file was written by another version of Gatewatch "
            f"(key file version {version}). Use that version, or restore the key file."
        )
    if set(doc) != {"format", "version", "kdf", "aead", "nonce", "wrapped_key"}:
        raise ValueError("unexpected or missing fields")
    if doc["aead"] != AEAD_NAME:
        raise ValueError("unknown aead")
    kdf_doc = doc["kdf"]
    if not isinstance(kdf_doc, dict):
        raise TypeError("kdf must be an object")
    if set(kdf_doc) != {"name", "memory_cost", "iterations", "lanes", "salt"}:
        raise ValueError("unexpected or missing kdf fields")
    if kdf_doc["name"] != KDF_NAME:
        raise ValueError("unknown kdf")
    kdf = KdfParams(
        memory_cost=kdf_doc["memory_cost"],
        iterations=kdf_doc["iterations"],
        lanes=kdf_doc["lanes"],
    )
    kdf.check()
    return WrappedKey(
        kdf=kdf,
        salt=decode_b64(kdf_doc["salt"], SALT_BYTES),
        nonce=decode_b64(doc["nonce"], NONCE_BYTES),
        wrapped_key=decode_b64(doc["wrapped_key"], DATA_KEY_BYTES + TAG_BYTES),
    )
