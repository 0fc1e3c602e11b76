"""New versions, told verifiably: the newsroom's signed release manifest (sync/release.py).

A device pins the release key's fingerprint from its invite (`sync.enroll`); a desk takes
it at ``desk connect --release-key``. With each sync or pull, `check_for_update` fetches
``GET /v1/release`` and keeps the manifest only if it is signed by the pinned key, is not
older than a manifest already seen nor than this app, and is not a different manifest
under a version already seen. Anything else is refused and kept as the refusal to show
(`UpdateStatus.refusal`); the last good manifest stays. The app never downloads or runs
code: it says what changed and how to check the archive the newsroom hands over.

All state is in the encrypted store's settings. Every function takes the open `Store`
first and runs on the store worker; none touches Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib import metadata
from typing import Protocol

from desktop.services.newsroom_server import server_config
from desktop.store.database import Store
from desktop.store.settings import SettingsRepository
from sync import release, wire
from sync.client import ClientConfig, SyncClient, SyncError
from sync.messages import Release

PINNED_KEY = "release.key_fingerprint"
MANIFEST = "release.signed_manifest"
SEEN_VERSION = "release.seen_version"
REFUSAL = "release.refusal"
CHECKED_AT = "release.checked_at"


class ReleaseClient(Protocol):
    def release(self) -> Release: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class UpdateStatus:
    """What this computer knows of new versions (no network)."""

    running: str
    pinned: str | None
    manifest: release.Manifest | None
    """The newest manifest that verified (None: none yet)."""
    refusal_code: str | None = None
    refusal: str | None = None
    refused_at: str | None = None
    checked_at: str | None = None
    error: str | None = None
    """Why this check could not reach the server (not kept)."""

    @property
    def available(self) -> bool:
        return self.manifest is not None and (
            self.manifest.version_key > _version_key_or_zero(self.running)
        )


def running_version() -> str:
    try:
        return metadata.version("gatewatch")
    except metadata.PackageNotFoundError:  # pragma: no cover - a build without metadata
        return "0.0.0"


def _version_key_or_zero(version: str) -> tuple[int, ...]:
    try:
        return release.version_key(version)
    except release.ReleaseError:
        return (0, 0, 0)


def pin_release_key(store: Store, fingerprint: str) -> None:
    """Pin the release key (64 lowercase hex, as the invite or the admin gives it)."""
    if not isinstance(fingerprint, str) or len(fingerprint) != 64:
        raise ValueError("a release key fingerprint is 64 hex digits")
    cleaned = fingerprint.lower()
    int(cleaned, 16)  # ValueError for anything not hex
    SettingsRepository(store).set(PINNED_KEY, cleaned)


def update_status(store: Store, *, running: str | None = None) -> UpdateStatus:
    settings = SettingsRepository(store)
    text = settings.get(MANIFEST)
    manifest = None
    if isinstance(text, str):
        manifest = release.parse_manifest(release.SignedManifest.from_text(text).manifest)
    refusal = settings.get(REFUSAL) or {}
    return UpdateStatus(
        running=running or running_version(),
        pinned=settings.get(PINNED_KEY),
        manifest=manifest,
        refusal_code=refusal.get("code"),
        refusal=refusal.get("message"),
        refused_at=refusal.get("at"),
        checked_at=settings.get(CHECKED_AT),
    )


def check_release(
    store: Store, client: ReleaseClient, *, running: str | None = None, now: datetime | None = None
) -> UpdateStatus:
    """Fetch, verify and keep or refuse the server's manifest. Raises `SyncError` for
    network or server trouble (nothing changes then)."""
    settings = SettingsRepository(store)
    pinned = settings.get(PINNED_KEY)
    if pinned is None:
        return update_status(store, running=running)
    served = client.release()
    moment = _stamp(now)
    settings.set(CHECKED_AT, moment)
    if served.public_key is None or served.manifest is None or served.signature is None:
        return update_status(store, running=running)  # nothing published (or withheld)
    runs = running or running_version()
    try:
        signed = release.SignedManifest.from_parts(
            served.public_key, served.manifest, served.signature
        )
        manifest = release.verify(signed, pinned)
        _check_order(settings, signed, manifest, runs)
    except release.ReleaseError as error:
        settings.set(REFUSAL, {"code": error.code, "message": str(error), "at": moment})
        return update_status(store, running=running)
    settings.set(MANIFEST, signed.to_text())
    settings.set(SEEN_VERSION, manifest.version)
    settings.delete(REFUSAL)
    return update_status(store, running=running)


def _check_order(
    settings: SettingsRepository,
    signed: release.SignedManifest,
    manifest: release.Manifest,
    running: str,
) -> None:
    seen = settings.get(SEEN_VERSION)
    if isinstance(seen, str):
        if manifest.version_key < release.version_key(seen):
            raise release.ReleaseError(
                wire.RELEASE_OLDER,
                f"the server offers version {manifest.version}, older than version {seen} "
                "already seen here: an old manifest replayed",
            )
        stored = settings.get(MANIFEST)
        if (
            manifest.version_key == release.version_key(seen)
            and isinstance(stored, str)
            and release.SignedManifest.from_text(stored).manifest != signed.manifest
        ):
            raise release.ReleaseError(
                wire.RELEASE_CONFLICT,
                f"the server offers another manifest for version {seen}, already seen "
                "here with different archives or notes",
            )
    if manifest.version_key < _version_key_or_zero(running):
        raise release.ReleaseError(
            wire.RELEASE_OLDER,
            f"the server offers version {manifest.version}, older than this app ({running})",
        )


def check_for_update(
    store: Store,
    *,
    server: ClientConfig | None = None,
    client_factory: Callable[[ClientConfig], ReleaseClient] = SyncClient,
    running: str | None = None,
    now: datetime | None = None,
) -> UpdateStatus:
    """`check_release` with `server`, by default the one this store talks to (a device's
    enrolment or a desk's connection, desktop/services/newsroom_server.py). Never raises
    for network trouble: the status's ``error`` says what happened."""
    config = server if server is not None else server_config(store)
    if config is None or SettingsRepository(store).get(PINNED_KEY) is None:
        return update_status(store, running=running)
    try:
        client = client_factory(config)
        try:
            return check_release(store, client, running=running, now=now)
        finally:
            client.close()
    except SyncError as error:
        return replace(update_status(store, running=running), error=f"{error.reason}: {error}")


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat().replace("+00:00", "Z")
