"""The newsroom key export: how a second editor desk gets the newsroom private key.

A small JSON file, the private key sealed with ChaCha20-Poly1305 under a key derived from a
passphrase with Argon2id (the store keyfile's code, at `EXPORT_KDF`: a cracked export opens
every report the newsroom ever received, and exports are rare, so each guess costs far more
than at the store; the file records its parameters, so exports written at the store's
parameters by older versions still open). The KEM and the public
key's fingerprint are bound into the AEAD tag, so an edited header fails like a wrong
passphrase. The file is meant to travel by hand (USB stick, in person) and the passphrase
by another way; importing shows the fingerprint for editors to compare aloud.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from desktop.domain.passphrase_policy import KEY_EXPORT_FLOOR
from desktop.fsread import TooLargeError, read_bounded
from desktop.store import fsutil
from desktop.store.keyfile import (
    NONCE_BYTES,
    SALT_BYTES,
    KdfParams,
    check_passphrase,
    derive_wrapping_key,
    zero,
)

EXPORT_KDF = KdfParams(memory_cost=256 * 1024, iterations=6, lanes=4)
"""Four times the store's memory and twice its passes (`desktop.store.keyfile.DEFAULT_KDF`):
eight times the work of a guess, with four times the memory held through it."""

FORMAT_NAME = "gatewatch-newsroom-key-export"
FORMAT_VERSION = 1
MAX_EXPORT_BYTES = 8192


class KeyExportError(Exception):
    """The export cannot be written or read; the message says what to do."""


class KeyExportPassphraseError(KeyExportError):
    def __init__(self) -> None:
        super().__init__(
            "the passphrase does not open this key file (or the file was altered): "
            "check the passphrase with the editor who exported it"
        )


@dataclass(frozen=True)
class ExportedKey:
    kem: str
    fingerprint: str
    private_key: bytes

    def __repr__(self) -> str:
        return f"ExportedKey(kem={self.kem!r}, fingerprint={self.fingerprint!r})"


def _header(kem: str, fingerprint: str, kdf: KdfParams, salt: bytes) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "kem": kem,
        "fingerprint": fingerprint,
        "kdf": {
            "name": "argon2id",
            "memory_cost": kdf.memory_cost,
            "iterations": kdf.iterations,
            "lanes": kdf.lanes,
            "salt": base64.b64encode(salt).decode("ascii"),
        },
        "aead": "chacha20poly1305",
    }


def _aad(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")


def write_key_export(
    path: Path, key: ExportedKey, passphrase: str, kdf: KdfParams = EXPORT_KDF
) -> None:
    """Write a new export file at `path` (never over an existing file), mode 0600.

    The passphrase must meet the higher floor of key exports (WeakPassphraseError)."""
    check_passphrase(passphrase, KEY_EXPORT_FLOOR)
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    header = _header(key.kem, key.fingerprint, kdf, salt)
    wrapping = derive_wrapping_key(passphrase, kdf, salt)
    try:
        sealed = ChaCha20Poly1305(bytes(wrapping)).encrypt(nonce, key.private_key, _aad(header))
    finally:
        zero(wrapping)
    document = {
        **header,
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "sealed_key": base64.b64encode(sealed).decode("ascii"),
    }
    try:
        fsutil.write_new(path, (json.dumps(document, indent=1) + "\n").encode("ascii"))
    except FileExistsError:
        raise KeyExportError(f"{path} already exists: choose a new file name") from None
    except OSError as error:
        raise KeyExportError(f"could not write {path}: {error.strerror or error}") from None


def read_key_export(path: Path, passphrase: str) -> ExportedKey:
    """Read and open an export file; `KeyExportError` says what is wrong with it."""
    try:
        raw = read_bounded(path, MAX_EXPORT_BYTES)
    except FileNotFoundError:
        raise KeyExportError(f"there is no file at {path}") from None
    except TooLargeError:
        raise KeyExportError(f"{path} is too large to be a newsroom key export") from None
    except OSError as error:
        raise KeyExportError(f"could not read {path}: {error.strerror or error}") from None
    try:
        document = json.loads(raw.decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
            raise ValueError("format")
        if document.get("version") != FORMAT_VERSION:
            raise KeyExportError(
                f"{path} was written by another version of Gatewatch "
                f"(export version {document.get('version')!r})"
            )
        kdf_doc = document["kdf"]
        kdf = KdfParams(
            memory_cost=int(kdf_doc["memory_cost"]),
            iterations=int(kdf_doc["iterations"]),
            lanes=int(kdf_doc["lanes"]),
        )
        kdf.check()
        salt = base64.b64decode(kdf_doc["salt"], validate=True)
        nonce = base64.b64decode(document["nonce"], validate=True)
        sealed = base64.b64decode(document["sealed_key"], validate=True)
        kem, fingerprint = str(document["kem"]), str(document["fingerprint"])
        if len(salt) != SALT_BYTES or len(nonce) != NONCE_BYTES or kdf_doc["name"] != "argon2id":
            raise ValueError("sizes")
    except KeyExportError:
        raise
    except (
        UnicodeDecodeError,
        ValueError,
        TypeError,
        KeyError,
        OverflowError,
        RecursionError,
        binascii.Error,
    ):
        raise KeyExportError(
            f"{path} is not a Gatewatch newsroom key export, or it is damaged"
        ) from None
    header = _header(kem, fingerprint, kdf, salt)
    wrapping = derive_wrapping_key(passphrase, kdf, salt)
    try:
        private = ChaCha20Poly1305(bytes(wrapping)).decrypt(nonce, sealed, _aad(header))
    except InvalidTag:
        raise KeyExportPassphraseError() from None
    finally:
        zero(wrapping)
    return ExportedKey(kem, fingerprint, private)


def spoken_fingerprint(fingerprint: str) -> str:
    """A fingerprint in groups of four hex digits, for editors to read out and compare."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))
