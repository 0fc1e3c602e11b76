"""The envelope header and the wire layout around it.

Wire form (all integers unsigned big-endian; docs/envelope.md has the full table)::

    offset  size  field
    0       4     magic "GWEV"
    4       1     format version (2; 1 is still read)
    5       2     header length H (35..1024)
    7       H     header: kind(1) kem(1) envelope_id(16) recipient_key_id(16)
                          device_id_length(1) device_id(n)        -- H = 35 + n
    7+H     ...   sealed body: HPKE enc || AEAD ciphertext of the padded plaintext

The first 7+H bytes (magic to the end of the header) are the *header bytes*: the HPKE
``info`` of the seal and the start of what the device signs. Every field has exactly one
encoding, so a header that parses also re-encodes to the same bytes.

Everything here runs without any key and before any cryptography.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from enum import StrEnum

from cryptography.hazmat.primitives import hpke

from sync.envelope.errors import (
    MalformedEnvelope,
    OversizedEnvelope,
    UnsupportedKem,
    UnsupportedVersion,
)
from sync.envelope.keys import FINGERPRINT_SIZE, KemName
from sync.envelope.padding import MAX_PADDED, is_bucket

MAGIC = b"GWEV"
FORMAT_VERSION = 2
"""The version this code writes: 2 adds the chain block inside the seal (`chain.py`)."""
READABLE_VERSIONS = (1, 2)
PREFIX_SIZE = len(MAGIC) + 1 + 2
MAX_HEADER = 1024
MAX_DEVICE_ID = 64
FIXED_HEADER = 1 + 1 + 16 + FINGERPRINT_SIZE + 1
MIN_HEADER = FIXED_HEADER + 1
AEAD_TAG_SIZE = 16
MAX_ENVELOPE = 32 * 1024 * 1024
DEVICE_ID_PATTERN = re.compile(r"[A-Za-z0-9._:-]{1,64}")
# Exactly what str(uuid.UUID(...)) writes: checked and written without building a UUID,
# which costs more than the rest of the header.
CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HEX_KEY_ID = re.compile(f"[0-9a-f]{{{2 * FINGERPRINT_SIZE}}}")


class EnvelopeKind(StrEnum):
    """What an envelope carries; the code is its byte in the header."""

    REPORT = "report"
    ATTACHMENT_CHUNK = "attachment_chunk"
    REVIEW = "review"
    MESSAGE = "message"


KIND_CODES: dict[EnvelopeKind, int] = {
    EnvelopeKind.REPORT: 1,
    EnvelopeKind.ATTACHMENT_CHUNK: 2,
    EnvelopeKind.REVIEW: 3,
    EnvelopeKind.MESSAGE: 4,
}
KINDS_BY_CODE = {code: kind for kind, code in KIND_CODES.items()}
KEM_CODES: dict[KemName, int] = {"x25519": 1, "mlkem768x25519": 2}
KEMS_BY_CODE = {code: kem for kem, code in KEM_CODES.items()}
HPKE_KEMS: dict[KemName, hpke.KEM] = {
    "x25519": hpke.KEM.X25519,
    "mlkem768x25519": hpke.KEM.MLKEM768_X25519,
}
# Nenc, the encapsulated key's length (RFC 9180; ML-KEM-768's 1088-byte ciphertext plus
# X25519's 32): written here because cryptography offers KEM.enc_length() only from 49 on,
# and the pin is 48.0.1, the last release with a macOS x86_64 wheel (docs/packaging.md).
ENC_LENGTHS: dict[KemName, int] = {"x25519": 32, "mlkem768x25519": 1120}
SUITES: dict[KemName, hpke.Suite] = {
    name: hpke.Suite(kem, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
    for name, kem in HPKE_KEMS.items()
}


def canonical_uuid(value: str) -> str:
    """Return ``value`` if it is a UUID in canonical form (lowercase, hyphenated).

    Raises ``ValueError`` otherwise, so the header never carries two spellings of one id.
    """
    if isinstance(value, str) and CANONICAL_UUID.fullmatch(value):
        return value
    try:
        parsed = uuid.UUID(value)
    except (ValueError, AttributeError, TypeError) as exc:
        raise ValueError(f"envelope id {value!r} is not a UUID") from exc
    if str(parsed) != value:
        raise ValueError(f"envelope id {value!r} is not in canonical form ({parsed})")
    return value


def uuid_text(raw: bytes) -> str:
    """The canonical form of the 16-byte UUID ``raw`` (as ``str(uuid.UUID(bytes=raw))``)."""
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def check_device_id(value: str) -> str:
    """Return ``value`` if it is 1–64 characters of ``A–Z a–z 0–9 . _ : -``; else ValueError."""
    if not isinstance(value, str) or not DEVICE_ID_PATTERN.fullmatch(value):
        raise ValueError("a device id is 1 to 64 characters of A-Z a-z 0-9 . _ : -")
    return value


@dataclass(frozen=True)
class EnvelopeHeader:
    """The cleartext header: readable by the server, bound into the seal and the signature.

    ``recipient_key_id`` is the newsroom key fingerprint (32 lowercase hex digits).
    Construction validates every field and raises ``ValueError`` on a bad one.
    """

    kind: EnvelopeKind
    envelope_id: str
    device_id: str
    recipient_key_id: str
    kem: KemName
    version: int = FORMAT_VERSION

    def __post_init__(self) -> None:
        if type(self.kind) is not EnvelopeKind:
            object.__setattr__(self, "kind", EnvelopeKind(self.kind))
        canonical_uuid(self.envelope_id)
        check_device_id(self.device_id)
        if self.kem not in KEM_CODES:
            raise ValueError(f"unknown KEM {self.kem!r}")
        if self.version not in READABLE_VERSIONS:
            raise ValueError(f"format version {self.version} is not one this code knows")
        if not HEX_KEY_ID.fullmatch(self.recipient_key_id):
            raise ValueError("recipient_key_id is 32 lowercase hex digits")

    def encode(self) -> bytes:
        """The header bytes: magic, version, length and header fields (the HPKE ``info``)."""
        device = self.device_id.encode("ascii")
        body = b"".join(
            (
                bytes((KIND_CODES[self.kind], KEM_CODES[self.kem])),
                bytes.fromhex(self.envelope_id.replace("-", "")),  # canonical: checked
                bytes.fromhex(self.recipient_key_id),
                bytes((len(device),)),
                device,
            )
        )
        return MAGIC + bytes((self.version,)) + len(body).to_bytes(2, "big") + body


def split_envelope(envelope: bytes) -> tuple[EnvelopeHeader, bytes, bytes]:
    """Parse an envelope into ``(header, header_bytes, sealed_body)`` without any key.

    Checks, in order and before any cryptography: total size, magic, version, header
    length, each header field, and that the body length is a possible sealed size for the
    header's KEM. Raises only :class:`EnvelopeError` subclasses.
    """
    if not isinstance(envelope, bytes | bytearray | memoryview):
        raise MalformedEnvelope("an envelope is bytes")
    size = len(envelope)
    if size > MAX_ENVELOPE:
        raise OversizedEnvelope(f"the envelope is {size} bytes; the limit is {MAX_ENVELOPE}")
    if size < PREFIX_SIZE:
        raise MalformedEnvelope("the envelope is too short to hold its header: it was cut")
    envelope = bytes(envelope)
    if envelope[:4] != MAGIC:
        raise MalformedEnvelope("this is not a Gatewatch envelope (bad magic bytes)")
    version = envelope[4]
    if version not in READABLE_VERSIONS:
        raise UnsupportedVersion(
            f"envelope format version {version} is not supported (this app reads "
            f"versions 1 to {FORMAT_VERSION}); update the app"
        )
    length = int.from_bytes(envelope[5:7], "big")
    if length > MAX_HEADER:
        raise OversizedEnvelope(f"the header is {length} bytes; the limit is {MAX_HEADER}")
    if length < MIN_HEADER:
        raise MalformedEnvelope(f"the header is {length} bytes; at least {MIN_HEADER} needed")
    end = PREFIX_SIZE + length
    if size < end:
        raise MalformedEnvelope("the envelope ends inside its header: it was cut")
    raw = envelope[PREFIX_SIZE:end]
    kind = KINDS_BY_CODE.get(raw[0])
    if kind is None:
        raise MalformedEnvelope(f"unknown envelope kind code {raw[0]}")
    kem = KEMS_BY_CODE.get(raw[1])
    if kem is None:
        raise UnsupportedKem(f"unknown KEM code {raw[1]}; update the app")
    device_length = raw[FIXED_HEADER - 1]
    if device_length < 1 or device_length > MAX_DEVICE_ID:
        raise MalformedEnvelope("the device id length is out of range")
    if FIXED_HEADER + device_length != length:
        raise MalformedEnvelope("the header length does not match its fields")
    device_raw = raw[FIXED_HEADER:]
    device_id = device_raw.decode("ascii", errors="replace")
    if not DEVICE_ID_PATTERN.fullmatch(device_id):
        raise MalformedEnvelope("the device id holds characters that are not allowed")
    header = EnvelopeHeader(
        kind=kind,
        envelope_id=uuid_text(raw[2:18]),
        device_id=device_id,
        recipient_key_id=raw[18:34].hex(),
        kem=kem,
        version=version,
    )
    if header.encode() != envelope[:end]:  # pragma: no cover - every field is canonical
        raise MalformedEnvelope("the header is not in canonical form")
    body = envelope[end:]
    padded = len(body) - ENC_LENGTHS[kem] - AEAD_TAG_SIZE
    if not is_bucket(padded) or padded > MAX_PADDED:
        raise MalformedEnvelope(
            f"the sealed body is {len(body)} bytes, which no padded {kem} seal has: "
            "it was cut or altered"
        )
    return header, envelope[:end], body
