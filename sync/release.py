"""Signed release manifests: what a build is, signed with the newsroom's release key.

The admin signs a manifest (version, per-platform archive names and SHA-256, release
notes in English and Burmese) with an Ed25519 release-signing key kept off the server
(``gatewatch-server release keygen`` / ``release sign``, run on the admin's own machine).
The server stores and serves the signed manifest; devices and desks check it against the
key fingerprint they pinned from the invite or at ``desk connect``, so a server (or
whoever holds it) can withhold a manifest but never forge, alter or roll one back past
what a client has seen. The app only tells the user; it never downloads code.

A signed manifest on disk and on the wire::

    {"format": "gatewatch-signed-release/1", "public_key": <base64, 32 bytes>,
     "manifest": <base64 of the canonical manifest JSON>, "signature": <base64, 64 bytes>}

The signature covers ``SIGNATURE_DOMAIN + manifest bytes``. A key's fingerprint is the
SHA-256 of its 32 raw bytes (64 lowercase hex). Shared by the server and the app; no
validation library, no network, no disk.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from sync import wire

MANIFEST_FORMAT = "gatewatch-release/1"
SIGNED_FORMAT = "gatewatch-signed-release/1"
SIGNATURE_DOMAIN = b"gatewatch release manifest v1\x00"
PUBLIC_PREFIX = "gwrelease1-public:"
PRIVATE_PREFIX = "gwrelease1-private:"
PLATFORMS = ("windows-x64", "macos-arm64", "macos-x86_64", "linux-x86_64")
MAX_MANIFEST_BYTES = 32 * 1024
MAX_SIGNED_BYTES = 48 * 1024
MAX_NOTES = 4000
VERSION_RE = re.compile(r"(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})")
_ARCHIVE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,127}")
_HEX64 = re.compile(wire.HEX64_RE)


class ReleaseError(ValueError):
    """A manifest, signature or key that is refused; ``code`` is one of wire's
    ``RELEASE_*`` codes, the message says what is wrong (never echoing input)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Archive:
    platform: str
    name: str
    sha256: str


@dataclass(frozen=True)
class Manifest:
    version: str
    archives: tuple[Archive, ...]
    notes_en: str
    notes_my: str

    @property
    def version_key(self) -> tuple[int, ...]:
        return version_key(self.version)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": MANIFEST_FORMAT,
            "version": self.version,
            "archives": [
                {"platform": a.platform, "name": a.name, "sha256": a.sha256} for a in self.archives
            ],
            "notes": {"en": self.notes_en, "my": self.notes_my},
        }

    def to_bytes(self) -> bytes:
        """Canonical JSON (sorted keys, no spaces, UTF-8): the bytes that are signed."""
        return json.dumps(
            self.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ).encode("utf-8")


def version_key(version: str) -> tuple[int, ...]:
    """``"1.10.2"`` -> ``(1, 10, 2)``; raises ReleaseError for anything else."""
    match = VERSION_RE.fullmatch(version) if isinstance(version, str) else None
    if match is None:
        raise ReleaseError(
            wire.RELEASE_MALFORMED, "the version is not MAJOR.MINOR.PATCH (plain numbers)"
        )
    return tuple(int(part) for part in match.groups())


def _malformed(message: str) -> ReleaseError:
    return ReleaseError(wire.RELEASE_MALFORMED, f"the release manifest is malformed: {message}")


def manifest_from_json(data: Any, *, require_format: bool = True) -> Manifest:
    """Read a manifest document strictly (exact fields, known platforms, each once)."""
    if not isinstance(data, dict):
        raise _malformed("not a JSON object")
    allowed = {"format", "version", "archives", "notes"}
    if not data.keys() <= allowed or not {"version", "archives", "notes"} <= data.keys():
        raise _malformed(f"it needs exactly the fields {sorted(allowed)}")
    if (require_format or "format" in data) and data.get("format") != MANIFEST_FORMAT:
        raise _malformed(f"the format is not {MANIFEST_FORMAT!r}")
    version = data["version"]
    version_key(version)
    archives = data["archives"]
    if not isinstance(archives, list) or not 1 <= len(archives) <= len(PLATFORMS):
        raise _malformed(f"archives is a list of 1 to {len(PLATFORMS)} entries")
    read: list[Archive] = []
    for entry in archives:
        if not isinstance(entry, dict) or set(entry) != {"platform", "name", "sha256"}:
            raise _malformed("each archive has exactly platform, name and sha256")
        platform, name, digest = entry["platform"], entry["name"], entry["sha256"]
        if platform not in PLATFORMS:
            raise _malformed(f"an archive's platform is not one of {', '.join(PLATFORMS)}")
        if not isinstance(name, str) or not _ARCHIVE_NAME.fullmatch(name):
            raise _malformed("an archive name is a plain file name (letters, digits, . _ + -)")
        if not isinstance(digest, str) or not _HEX64.fullmatch(digest):
            raise _malformed("an archive's sha256 is not 64 lowercase hex digits")
        read.append(Archive(platform, name, digest))
    if len({a.platform for a in read}) != len(read):
        raise _malformed("a platform is listed twice")
    notes = data["notes"]
    if not isinstance(notes, dict) or set(notes) != {"en", "my"}:
        raise _malformed("notes has exactly 'en' (English) and 'my' (Burmese)")
    for text in notes.values():
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_NOTES:
            raise _malformed(f"each note is 1 to {MAX_NOTES} characters")
    return Manifest(version, tuple(read), notes["en"], notes["my"])


def parse_manifest(data: bytes) -> Manifest:
    """The signed bytes read back; they must be exactly the canonical form."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise _malformed("it is too large")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _malformed("not UTF-8 JSON") from None
    manifest = manifest_from_json(document)
    if manifest.to_bytes() != data:
        raise _malformed("not in canonical form")
    return manifest


def key_fingerprint(public_key: bytes) -> str:
    """SHA-256 of the raw 32-byte Ed25519 public key, 64 lowercase hex."""
    return hashlib.sha256(public_key).hexdigest()


@dataclass(frozen=True)
class SignedManifest:
    public_key: bytes
    manifest: bytes
    signature: bytes

    def to_text(self) -> str:
        return json.dumps(
            {
                "format": SIGNED_FORMAT,
                "public_key": wire.encode_base64(self.public_key),
                "manifest": wire.encode_base64(self.manifest),
                "signature": wire.encode_base64(self.signature),
            },
            sort_keys=True,
            indent=1,
        )

    @classmethod
    def from_parts(cls, public_key: str, manifest: str, signature: str) -> SignedManifest:
        """From the three base64 fields (as ``GET /v1/release`` serves them)."""
        try:
            parts = [wire.decode_base64(p) for p in (public_key, manifest, signature)]
        except ValueError:
            raise _malformed("a field is not base64") from None
        if len(parts[0]) != 32 or len(parts[2]) != 64:
            raise _malformed("the key is not 32 bytes or the signature not 64")
        return cls(parts[0], parts[1], parts[2])

    @classmethod
    def from_text(cls, text: str) -> SignedManifest:
        if len(text) > MAX_SIGNED_BYTES:
            raise _malformed("the signed manifest is too large")
        try:
            document = json.loads(text)
        except ValueError:
            raise _malformed("the signed manifest is not JSON") from None
        fields = {"format", "public_key", "manifest", "signature"}
        if not isinstance(document, dict) or set(document) != fields:
            raise _malformed(f"a signed manifest has exactly the fields {sorted(fields)}")
        if document["format"] != SIGNED_FORMAT or not all(
            isinstance(document[f], str) for f in fields
        ):
            raise _malformed(f"the format is not {SIGNED_FORMAT!r}")
        return cls.from_parts(document["public_key"], document["manifest"], document["signature"])

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.public_key)


def sign(manifest: Manifest, private_key: ed25519.Ed25519PrivateKey) -> SignedManifest:
    data = manifest.to_bytes()
    public = private_key.public_key().public_bytes_raw()
    return SignedManifest(public, data, private_key.sign(SIGNATURE_DOMAIN + data))


def verify(signed: SignedManifest, pinned_fingerprint: str) -> Manifest:
    """The manifest, if ``signed`` is by the pinned key and its signature holds.

    Raises ReleaseError: ``release_key_mismatch`` (another key than the pinned one),
    ``release_bad_signature``, ``release_malformed``.
    """
    if signed.fingerprint != pinned_fingerprint:
        raise ReleaseError(
            wire.RELEASE_KEY_MISMATCH,
            "the release manifest is signed by another key than the release key pinned "
            f"when this computer joined the newsroom (pinned {pinned_fingerprint[:16]}…, "
            f"signed by {signed.fingerprint[:16]}…)",
        )
    try:
        key = ed25519.Ed25519PublicKey.from_public_bytes(signed.public_key)
        key.verify(signed.signature, SIGNATURE_DOMAIN + signed.manifest)
    except (InvalidSignature, ValueError):
        raise ReleaseError(
            wire.RELEASE_BAD_SIGNATURE,
            "the release manifest's signature does not verify: it was altered or forged",
        ) from None
    return parse_manifest(signed.manifest)


# --- Key files ------------------------------------------------------------------------------


def generate_key() -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.generate()


def private_key_text(key: ed25519.Ed25519PrivateKey) -> str:
    return PRIVATE_PREFIX + base64.b64encode(key.private_bytes_raw()).decode("ascii") + "\n"


def public_key_text(public_key: bytes) -> str:
    return PUBLIC_PREFIX + public_key.hex() + "\n"


def load_private_key(text: str) -> ed25519.Ed25519PrivateKey:
    body = text.strip()
    if not body.startswith(PRIVATE_PREFIX):
        raise ReleaseError(
            wire.RELEASE_MALFORMED,
            f"not a release signing key file (it starts with {PRIVATE_PREFIX!r})",
        )
    try:
        raw = base64.b64decode(body[len(PRIVATE_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ReleaseError(wire.RELEASE_MALFORMED, "the release signing key file is damaged")
    return ed25519.Ed25519PrivateKey.from_private_bytes(raw)


def load_public_key(text: str) -> bytes:
    body = text.strip()
    if not body.startswith(PUBLIC_PREFIX) or not _HEX64.fullmatch(body[len(PUBLIC_PREFIX) :]):
        raise ReleaseError(
            wire.RELEASE_MALFORMED,
            f"not a release public key file (one line: {PUBLIC_PREFIX} and 64 hex digits)",
        )
    raw = bytes.fromhex(body[len(PUBLIC_PREFIX) :])
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise ReleaseError(wire.RELEASE_MALFORMED, "not an Ed25519 public key") from None
    return raw
