"""The keyfile, version 2: a fixed number of key slots, unused ones random (as LUKS).

``store.key`` (version 2) is a JSON document of one fixed size::

    {"format": "gatewatch-keyfile", "version": 2,
     "kdf": {"name": "argon2id", "memory_cost": 65536, "iterations": 3, "lanes": 4,
             "salt": "<base64, 16 bytes>"},
     "aead": "chacha20poly1305",
     "slots": [{"nonce": "<base64, 12 bytes>", "sealed": "<base64, 50 bytes>"}, × 4]}

One Argon2id derivation per unlock (the salt is the file's) gives the key-encryption key;
every slot is then tried with it (ChaCha20-Poly1305, microseconds each), always all four,
so which slot opens takes no longer or shorter than another. A slot's plaintext is 34
bytes: its kind (1 = the store, 2 = duress), the 32-byte data key of its database, and,
in the store's slot, the index of the duress slot (255: none). Only the store's own
passphrase can tell which slot is the duress one; every other slot is 62 random bytes.
The associated data binds the header and the slot's index.

With or without a duress passphrase the file has the same size, the same fields and the
same lengths: a test compares them.
"""

from __future__ import annotations

import binascii
import json
import secrets
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from desktop.fsread import TooLargeError, read_bounded
from desktop.store.errors import (
    KeyfileCorruptError,
    KeyfileMissingError,
    StoreIOError,
    WrongPassphraseError,
)
from desktop.store.keyfile import (
    AEAD_NAME,
    DATA_KEY_BYTES,
    DEFAULT_KDF,
    FORMAT_NAME,
    KDF_NAME,
    MAX_KEYFILE_BYTES,
    NONCE_BYTES,
    SALT_BYTES,
    TAG_BYTES,
    KdfParams,
    WrappedKey,
    decode_b64,
    derive_wrapping_key,
    encode_b64,
    kdf_json,
    parse_keyfile,
    zero,
)

SLOTS_VERSION = 2
SLOT_COUNT = 4
KIND_STORE = 1
KIND_DURESS = 2
NO_DURESS = 255
PLAIN_BYTES = 1 + DATA_KEY_BYTES + 1
SEALED_BYTES = PLAIN_BYTES + TAG_BYTES


@dataclass(frozen=True)
class Slot:
    nonce: bytes
    sealed: bytes


@dataclass(frozen=True)
class SlotFile:
    """A parsed version-2 keyfile. Holds no secret: every slot is sealed or random."""

    kdf: KdfParams
    salt: bytes
    slots: tuple[Slot, ...]

    def associated_data(self, index: int) -> bytes:
        header = {
            "format": FORMAT_NAME,
            "version": SLOTS_VERSION,
            "kdf": kdf_json(self.kdf, self.salt),
            "aead": AEAD_NAME,
            "slot": index,
        }
        return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")

    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT_NAME,
            "version": SLOTS_VERSION,
            "kdf": kdf_json(self.kdf, self.salt),
            "aead": AEAD_NAME,
            "slots": [
                {"nonce": encode_b64(s.nonce), "sealed": encode_b64(s.sealed)} for s in self.slots
            ],
        }
        return (json.dumps(doc, indent=1) + "\n").encode("ascii")


@dataclass
class Opened:
    """What a passphrase opened: the slot's index, kind and data key (zero it after use),
    the duress slot's index as the store's slot names it, and the key-encryption key (to
    reseal slots without a second derivation; zero it too)."""

    index: int
    kind: int
    data_key: bytearray
    duress_index: int
    kek: bytearray

    def wipe(self) -> None:
        zero(self.data_key)
        zero(self.kek)


def new_slot_file(kdf: KdfParams = DEFAULT_KDF) -> SlotFile:
    """A file with every slot random and a fresh salt."""
    kdf.check()
    return SlotFile(
        kdf, secrets.token_bytes(SALT_BYTES), tuple(_random_slot() for _ in range(SLOT_COUNT))
    )


def derive(slot_file: SlotFile, passphrase: str) -> bytearray:
    """The key-encryption key of ``passphrase`` for this file (one Argon2id run)."""
    return derive_wrapping_key(passphrase, slot_file.kdf, slot_file.salt)


def seal_slot(
    slot_file: SlotFile,
    index: int,
    kek: bytearray,
    kind: int,
    data_key: bytes | bytearray,
    duress_index: int = NO_DURESS,
) -> SlotFile:
    """``slot_file`` with slot ``index`` sealing (kind, data key, duress index) under ``kek``."""
    if len(data_key) != DATA_KEY_BYTES:
        raise ValueError("data key must be 32 bytes")
    plain = bytearray([kind]) + bytearray(data_key) + bytearray([duress_index])
    nonce = secrets.token_bytes(NONCE_BYTES)
    try:
        sealed = ChaCha20Poly1305(bytes(kek)).encrypt(
            nonce, bytes(plain), slot_file.associated_data(index)
        )
    finally:
        zero(plain)
    return _with_slot(slot_file, index, Slot(nonce, sealed))


def randomize_slot(slot_file: SlotFile, index: int) -> SlotFile:
    """``slot_file`` with slot ``index`` replaced by random bytes (unused)."""
    return _with_slot(slot_file, index, _random_slot())


def open_slots(slot_file: SlotFile, passphrase: str) -> Opened:
    """Derive once, try every slot (always all of them), return the one that opens.

    Raises WrongPassphraseError when none does.
    """
    kek = derive(slot_file, passphrase)
    found: Opened | None = None
    cipher = ChaCha20Poly1305(bytes(kek))
    for index, slot in enumerate(slot_file.slots):
        try:
            plain = bytearray(
                cipher.decrypt(slot.nonce, slot.sealed, slot_file.associated_data(index))
            )
        except InvalidTag:
            continue
        if found is None and plain[0] in (KIND_STORE, KIND_DURESS):
            found = Opened(
                index, plain[0], bytearray(plain[1 : 1 + DATA_KEY_BYTES]), plain[-1], kek
            )
        zero(plain)
    if found is None:
        zero(kek)
        raise WrongPassphraseError()
    return found


def free_slot(slot_file: SlotFile, opened: Opened) -> int:
    """A slot index that is neither the store's nor its duress slot (random choice)."""
    taken = {opened.index, opened.duress_index}
    free = [i for i in range(SLOT_COUNT) if i not in taken]
    return secrets.choice(free)


def parse_slot_file(doc: dict[str, object]) -> SlotFile:
    """Validate a version-2 document (already JSON). Raises KeyfileCorruptError."""
    try:
        if set(doc) != {"format", "version", "kdf", "aead", "slots"}:
            raise ValueError("unexpected or missing fields")
        if doc["aead"] != AEAD_NAME:
            raise ValueError("unknown aead")
        kdf_doc = doc["kdf"]
        if not isinstance(kdf_doc, dict) or set(kdf_doc) != {
            "name",
            "memory_cost",
            "iterations",
            "lanes",
            "salt",
        }:
            raise ValueError("bad kdf")
        if kdf_doc["name"] != KDF_NAME:
            raise ValueError("unknown kdf")
        kdf = KdfParams(kdf_doc["memory_cost"], kdf_doc["iterations"], kdf_doc["lanes"])
        kdf.check()
        slots_doc = doc["slots"]
        if not isinstance(slots_doc, list) or len(slots_doc) != SLOT_COUNT:
            raise ValueError("wrong slot count")
        slots = []
        for entry in slots_doc:
            if not isinstance(entry, dict) or set(entry) != {"nonce", "sealed"}:
                raise ValueError("bad slot")
            slots.append(
                Slot(
                    decode_b64(entry["nonce"], NONCE_BYTES),
                    decode_b64(entry["sealed"], SEALED_BYTES),
                )
            )
        return SlotFile(kdf, decode_b64(kdf_doc["salt"], SALT_BYTES), tuple(slots))
    except (ValueError, TypeError, KeyError, binascii.Error) as e:
        raise KeyfileCorruptError() from e


def _with_slot(slot_file: SlotFile, index: int, slot: Slot) -> SlotFile:
    slots = list(slot_file.slots)
    slots[index] = slot
    return replace(slot_file, slots=tuple(slots))


def _random_slot() -> Slot:
    return Slot(secrets.token_bytes(NONCE_BYTES), secrets.token_bytes(SEALED_BYTES))


def parse_any(raw: bytes) -> WrappedKey | SlotFile:
    """Parse keyfile bytes of version 1 (one wrapped key) or 2 (slots).

    Raises KeyfileCorruptError (not JSON, another format, a newer version, bad fields).
    """
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise KeyfileCorruptError() from e
    if isinstance(doc, dict) and doc.get("format") == FORMAT_NAME and doc.get("version") == 2:
        return parse_slot_file(doc)
    return parse_keyfile(raw)


def read_any(path: Path) -> WrappedKey | SlotFile:
    """Read and parse the keyfile at ``path`` (version 1 or 2). Raises KeyfileMissingError,
    KeyfileCorruptError, StoreIOError."""
    try:
        raw = read_bounded(path, MAX_KEYFILE_BYTES)
    except FileNotFoundError as e:
        raise KeyfileMissingError() from e
    except OSError as e:
        raise StoreIOError() from e
    except TooLargeError as e:
        raise KeyfileCorruptError() from e
    return parse_any(raw)
