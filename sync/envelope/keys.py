"""Newsroom HPKE key pairs, device Ed25519 signing keys, and key fingerprints.

Raw forms (documented byte by byte in docs/envelope.md):

- ``x25519`` newsroom key: private 32 bytes (X25519 scalar), public 32 bytes.
- ``mlkem768x25519`` newsroom key: private 96 bytes = ML-KEM-768 seed (64, FIPS 203 ``d||z``)
  followed by the X25519 private key (32); public 1216 bytes = ML-KEM-768 encapsulation key
  (1184) followed by the X25519 public key (32).
- Device key: Ed25519, private 32 bytes (seed), public 32 bytes.

The fingerprint of a newsroom public key is the first 16 bytes of SHA-256 over its raw public
bytes, written as 32 lowercase hex digits. The KEM is implied by the raw length (32 or 1216),
so a fingerprint names one key of one KEM.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass, field
from typing import Literal, TypeAlias, get_args

from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric import ed25519, mlkem, x25519
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KemName: TypeAlias = Literal["mlkem768x25519", "x25519"]
KEM_NAMES: tuple[KemName, ...] = get_args(KemName)
DEFAULT_KEM: KemName = "mlkem768x25519"

X25519_SIZE = 32
MLKEM768_SEED_SIZE = 64
MLKEM768_PUBLIC_SIZE = 1184
PRIVATE_SIZES: dict[KemName, int] = {
    "x25519": X25519_SIZE,
    "mlkem768x25519": MLKEM768_SEED_SIZE + X25519_SIZE,
}
PUBLIC_SIZES: dict[KemName, int] = {
    "x25519": X25519_SIZE,
    "mlkem768x25519": MLKEM768_PUBLIC_SIZE + X25519_SIZE,
}
FINGERPRINT_SIZE = 16
TEXT_PREFIX = "gatewatch-newsroom-key"

HpkePublicKey: TypeAlias = x25519.X25519PublicKey | hpke.MLKEM768X25519PublicKey
HpkePrivateKey: TypeAlias = x25519.X25519PrivateKey | hpke.MLKEM768X25519PrivateKey


def fingerprint_bytes(public_raw: bytes) -> bytes:
    """The 16-byte key id of a raw newsroom public key: SHA-256(public_raw)[:16]."""
    return hashlib.sha256(public_raw).digest()[:FINGERPRINT_SIZE]


def check_kem(kem: str) -> KemName:
    """Return ``kem`` as a :data:`KemName`; raise ``ValueError`` for an unknown name."""
    if kem not in KEM_NAMES:
        raise ValueError(f"unknown KEM {kem!r}; expected one of {', '.join(KEM_NAMES)}")
    return kem


_P25519 = 2**255 - 19
_ED25519_SMALL_ORDER_Y = frozenset(
    {
        0,
        1,
        _P25519 - 1,
        int.from_bytes(
            bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
            "little",
        ),
        int.from_bytes(
            bytes.fromhex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
            "little",
        ),
    }
)
"""The y-coordinates of Ed25519's eight points of small order (either sign of x)."""


def check_x25519_public(raw: bytes) -> x25519.X25519PublicKey:
    """Load a raw X25519 public key that a shared secret can be computed with.

    Raises ``ValueError`` for a non-canonical encoding (top bit set, or u >= p) and for a
    low-order point (all zero, one…): every exchange with one gives the all-zero secret,
    which HPKE refuses, so a peer that registered one would make sealing to it fail.
    """
    if len(raw) != X25519_SIZE:
        raise ValueError(f"an X25519 public key is {X25519_SIZE} bytes")
    if raw[31] & 0x80 or int.from_bytes(raw, "little") >= _P25519:
        raise ValueError("the X25519 public key is not in canonical form")
    key = x25519.X25519PublicKey.from_public_bytes(raw)
    try:  # a low-order point gives the all-zero secret with any scalar: cryptography refuses
        x25519.X25519PrivateKey.generate().exchange(key)
    except ValueError:
        raise ValueError(
            "the X25519 public key is a low-order point: no secret can be shared"
        ) from None
    return key


def check_ed25519_public(raw: bytes) -> ed25519.Ed25519PublicKey:
    """Load a raw Ed25519 public key fit to be registered as a signer.

    Raises ``ValueError`` for a wrong length, a non-canonical encoding (y >= p), or a point
    of small order (signatures under it would not bind the message to one signer).
    """
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    y = int.from_bytes(raw, "little") & ((1 << 255) - 1)
    if y >= _P25519:
        raise ValueError("the Ed25519 public key is not in canonical form")
    if y in _ED25519_SMALL_ORDER_Y:
        raise ValueError("the Ed25519 public key is a point of small order")
    return ed25519.Ed25519PublicKey.from_public_bytes(raw)


def _kem_for_length(size: int, sizes: dict[KemName, int], what: str) -> KemName:
    for name, expected in sizes.items():
        if size == expected:
            return name
    allowed = " or ".join(str(n) for n in sizes.values())
    raise ValueError(f"a raw newsroom {what} key is {allowed} bytes, not {size}")


@dataclass(frozen=True)
class NewsroomPublicKey:
    """A newsroom public key: what a device seals to and what the server publishes.

    Build it with :meth:`from_raw` or :meth:`from_text`; never holds secret material.
    """

    kem: KemName
    raw: bytes
    _hpke: HpkePublicKey = field(repr=False, compare=False)

    @classmethod
    def from_raw(cls, data: bytes, kem: str | None = None) -> NewsroomPublicKey:
        """Load a raw public key; the KEM is inferred from the length unless given.

        Raises ``ValueError`` when the bytes are not a valid key of that KEM: an ML-KEM
        part that fails FIPS 203's modulus check, an X25519 part that is not canonical or of
        low order (`check_x25519_public`).
        """
        data = bytes(data)
        name = _kem_for_length(len(data), PUBLIC_SIZES, "public")
        if kem is not None and check_kem(kem) != name:
            raise ValueError(f"a {kem} public key is {PUBLIC_SIZES[check_kem(kem)]} bytes")
        key: HpkePublicKey
        if name == "x25519":
            key = check_x25519_public(data)
        else:
            key = hpke.MLKEM768X25519PublicKey(
                mlkem.MLKEM768PublicKey.from_public_bytes(data[:MLKEM768_PUBLIC_SIZE]),
                check_x25519_public(data[MLKEM768_PUBLIC_SIZE:]),
            )
        return cls(name, data, key)

    @property
    def fingerprint(self) -> str:
        """32 lowercase hex digits: SHA-256(raw)[:16]. Shown to people and put in headers."""
        return fingerprint_bytes(self.raw).hex()

    @property
    def fingerprint_raw(self) -> bytes:
        """The 16 raw bytes of :attr:`fingerprint`."""
        return fingerprint_bytes(self.raw)

    def to_text(self) -> str:
        """One line for files and invites: ``gatewatch-newsroom-key:v1:<kem>:<base64url>``."""
        encoded = base64.urlsafe_b64encode(self.raw).decode("ascii").rstrip("=")
        return f"{TEXT_PREFIX}:v1:{self.kem}:{encoded}"

    @classmethod
    def from_text(cls, text: str) -> NewsroomPublicKey:
        """Parse :meth:`to_text` output (surrounding whitespace allowed).

        Raises ``ValueError`` with a plain message when the text is not such a key.
        """
        parts = text.strip().split(":")
        if len(parts) != 4 or parts[0] != TEXT_PREFIX or parts[1] != "v1":
            raise ValueError(f"not a newsroom public key: expected '{TEXT_PREFIX}:v1:KEM:DATA'")
        kem = check_kem(parts[2])
        data = parts[3]
        if len(data) > 2 * PUBLIC_SIZES[kem]:
            raise ValueError("the newsroom public key text is too long")
        try:
            raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
        except (binascii.Error, ValueError) as exc:
            raise ValueError("the newsroom public key text is not valid base64url") from exc
        return cls.from_raw(raw, kem)

    def hpke_key(self) -> HpkePublicKey:
        """The ``cryptography`` HPKE public key object."""
        return self._hpke


class NewsroomKeyPair:
    """The newsroom's HPKE key pair. Only the editor desk holds one; the server never does."""

    def __init__(self, kem: KemName, private_raw: bytes) -> None:
        """Prefer :meth:`generate` or :meth:`from_private_bytes`.

        Raises ``ValueError`` when ``private_raw`` is not a valid private key of ``kem``.
        """
        kem = check_kem(kem)
        if len(private_raw) != PRIVATE_SIZES[kem]:
            raise ValueError(f"a raw {kem} private key is {PRIVATE_SIZES[kem]} bytes")
        self._kem: KemName = kem
        self._private_raw = bytes(private_raw)
        if kem == "x25519":
            xk = x25519.X25519PrivateKey.from_private_bytes(private_raw)
            self._hpke: HpkePrivateKey = xk
            public_raw = xk.public_key().public_bytes_raw()
        else:
            mk = mlkem.MLKEM768PrivateKey.from_seed_bytes(private_raw[:MLKEM768_SEED_SIZE])
            xk = x25519.X25519PrivateKey.from_private_bytes(private_raw[MLKEM768_SEED_SIZE:])
            self._hpke = hpke.MLKEM768X25519PrivateKey(mk, xk)
            public_raw = mk.public_key().public_bytes_raw() + xk.public_key().public_bytes_raw()
        self._public = NewsroomPublicKey.from_raw(public_raw, kem)
        self._fingerprint = self._public.fingerprint  # a hash: looked up for every envelope

    @classmethod
    def generate(cls, kem: str = DEFAULT_KEM) -> NewsroomKeyPair:
        """A fresh random key pair; ``kem`` is "mlkem768x25519" (default) or "x25519"."""
        name = check_kem(kem)
        xk = x25519.X25519PrivateKey.generate().private_bytes_raw()
        if name == "x25519":
            return cls(name, xk)
        return cls(name, mlkem.MLKEM768PrivateKey.generate().private_bytes_raw() + xk)

    @classmethod
    def from_private_bytes(cls, data: bytes, kem: str | None = None) -> NewsroomKeyPair:
        """Load a raw private key (32 bytes x25519, 96 bytes mlkem768x25519).

        The KEM is inferred from the length unless given. Raises ``ValueError``.
        """
        name = _kem_for_length(len(data), PRIVATE_SIZES, "private")
        if kem is not None and check_kem(kem) != name:
            raise ValueError(f"a raw {kem} private key is {PRIVATE_SIZES[check_kem(kem)]} bytes")
        return cls(name, bytes(data))

    @property
    def kem(self) -> KemName:
        return self._kem

    def private_bytes(self) -> bytes:
        """The raw private key. Secret: store it only inside the desk's encrypted store."""
        return self._private_raw

    @property
    def public_key(self) -> NewsroomPublicKey:
        return self._public

    def public_bytes(self) -> bytes:
        return self._public.raw

    @property
    def fingerprint(self) -> str:
        """The public key's fingerprint (32 hex digits)."""
        return self._fingerprint

    def hpke_key(self) -> HpkePrivateKey:
        """The ``cryptography`` HPKE private key object."""
        return self._hpke

    def __repr__(self) -> str:
        return f"NewsroomKeyPair(kem={self._kem!r}, fingerprint={self.fingerprint!r})"


class DeviceSigningKey:
    """A correspondent device's Ed25519 signing key; its public half is registered at enrolment."""

    def __init__(self, key: ed25519.Ed25519PrivateKey) -> None:
        self._key = key

    @classmethod
    def generate(cls) -> DeviceSigningKey:
        return cls(ed25519.Ed25519PrivateKey.generate())

    @classmethod
    def from_private_bytes(cls, data: bytes) -> DeviceSigningKey:
        """Load the 32-byte raw Ed25519 private key. Raises ``ValueError`` on a bad length."""
        return cls(ed25519.Ed25519PrivateKey.from_private_bytes(bytes(data)))

    def private_bytes(self) -> bytes:
        """The raw 32-byte private key. Secret: store it only inside the encrypted store."""
        return self._key.private_bytes_raw()

    @property
    def public_key(self) -> ed25519.Ed25519PublicKey:
        return self._key.public_key()

    def public_bytes(self) -> bytes:
        """The raw 32-byte public key the server registers for this device."""
        return self._key.public_key().public_bytes_raw()

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)

    @property
    def ed25519(self) -> ed25519.Ed25519PrivateKey:
        return self._key

    def __repr__(self) -> str:
        return f"DeviceSigningKey(public={self.public_bytes().hex()[:16]}…)"


DESK_SENDER_ID = "newsroom-desk"
"""The sender id in the header of every envelope a desk seals (reviews, follow-up questions)."""
_DESK_SIGNING_INFO = b"gatewatch desk signing key v1"


def derive_desk_signing_key(newsroom: NewsroomKeyPair) -> DeviceSigningKey:
    """The Ed25519 key every desk of a newsroom signs with, derived from the newsroom key.

    Every editor desk holds the same newsroom private key, so each derives the same signing
    key (HKDF-SHA256 over the private bytes): a review or question signed with it can only
    come from a holder of the newsroom private key — not from a device, not from the server.
    """
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_DESK_SIGNING_INFO).derive(
        newsroom.private_bytes()
    )
    return DeviceSigningKey.from_private_bytes(seed)
