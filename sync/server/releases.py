"""Release manifests on the server: the configured release public key, the latest signed
manifest, and ``GET /v1/release``.

The server never holds the release private key. It checks a manifest before storing it
(signed by the configured key, not older than the one it replaces) so the admin learns of
a mistake at once, but devices and desks check it again against the key they pinned: a
server that swaps the key or serves an old manifest is refused there (sync/release.py).
"""

from __future__ import annotations

from fastapi import APIRouter

from sync import protocol, release
from sync.server.store import ServerStore

SETTING_RELEASE_KEY = "release_public_key"
SETTING_RELEASE_SIGNED = "release_signed_manifest"


class ReleasePublishError(ValueError):
    """Publishing refused; the message says why."""


def release_key(store: ServerStore) -> bytes | None:
    """The configured release public key (32 bytes), or None."""
    value = store.settings.get(SETTING_RELEASE_KEY)
    return None if value is None else bytes.fromhex(value)


def release_fingerprint(store: ServerStore) -> str | None:
    key = release_key(store)
    return None if key is None else release.key_fingerprint(key)


def set_release_key(store: ServerStore, public_key: bytes, *, replace: bool = False) -> bool:
    """Configure the release key; False (nothing changed) when another one is configured
    and ``replace`` is not given. Devices enrolled before a replacement keep the old pin
    and refuse manifests signed by the new key: they need a new invite."""
    current = release_key(store)
    if current is not None and current != public_key and not replace:
        return False
    store.settings.put({SETTING_RELEASE_KEY: public_key.hex()})
    return True


def latest(store: ServerStore) -> release.SignedManifest | None:
    text = store.settings.get(SETTING_RELEASE_SIGNED)
    return None if text is None else release.SignedManifest.from_text(text)


def publish(store: ServerStore, signed: release.SignedManifest) -> release.Manifest:
    """Store ``signed`` as the latest manifest after the checks a client makes too."""
    fingerprint = release_fingerprint(store)
    if fingerprint is None:
        raise ReleasePublishError(
            "no release key is configured: run 'release set-key PUBLIC_KEY_FILE' first"
        )
    try:
        manifest = release.verify(signed, fingerprint)
    except release.ReleaseError as error:
        raise ReleasePublishError(str(error)) from None
    current = latest(store)
    if current is not None:
        previous = release.parse_manifest(current.manifest)
        if manifest.version_key < previous.version_key or (
            manifest.version_key == previous.version_key and current.manifest != signed.manifest
        ):
            raise ReleasePublishError(
                f"version {manifest.version} is not newer than the published "
                f"{previous.version}: devices would refuse it"
            )
    store.settings.put({SETTING_RELEASE_SIGNED: signed.to_text()})
    return manifest


def router(store: ServerStore) -> APIRouter:
    routes = APIRouter()

    @routes.get(f"{protocol.API_PREFIX}/release")
    def get_release() -> protocol.Release:
        """The latest signed release manifest (device or desk token); nulls until the
        admin publishes one. Clients verify it against their pinned release key."""
        signed = latest(store)
        if signed is None:
            return protocol.Release(public_key=None, manifest=None, signature=None)
        return protocol.Release(
            public_key=protocol.encode_base64(signed.public_key),
            manifest=protocol.encode_base64(signed.manifest),
            signature=protocol.encode_base64(signed.signature),
        )

    return routes
