"""Enrolment: this device registered once with the newsroom server through an invite, and
the connection it uses from then on (the proxy)."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.services import updates
from desktop.services.sync_client import ClientFactory
from desktop.store.database import Store
from desktop.store.identity import AlreadyEnrolledError, DeviceIdentity, IdentityRepository
from sync import wire
from sync.client import ClientConfig, SyncClient, normalize_proxy
from sync.envelope import DeviceSigningKey, NewsroomPublicKey


class EnrollmentError(Exception):
    """Enrolment refused on this side; ``reason`` is a code, ``str()`` says what to do.

    Reasons: ``invalid_invite``, ``no_server``, ``fingerprint_mismatch``.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def set_proxy(store: Store, proxy: str | None) -> None:
    """Use this proxy from the next sync on (e.g. ``socks5h://127.0.0.1:9050`` for Tor;
    None for a direct connection; ``socks5://`` is kept as ``socks5h://``: names resolve at
    the proxy). Raises LookupError when not enrolled, `sync.client.ConfigError` for an
    address that is not a proxy URL."""
    IdentityRepository(store).set_connection(proxy=normalize_proxy(proxy) or "")


def enroll(
    store: Store,
    server_url: str | None,
    invite_text: str,
    label: str | None = None,
    proxy: str | None = None,
    *,
    client_factory: ClientFactory = SyncClient,
    now: datetime | None = None,
) -> DeviceIdentity:
    """Enrol this store's device with the newsroom server, once; return the identity.

    Decodes the invite, generates the device's Ed25519 signing key, registers its public
    half with the invite token, and checks that the newsroom key the server hands over has
    the fingerprint the invite carries. Only then is anything stored (one transaction):
    the signing key, device id, server address, the device token the server issued in
    exchange for the invite's (dead from then on), the newsroom key and fingerprint, the
    pinned TLS fingerprint and the proxy (``socks5://`` kept as ``socks5h://``); the desks'
    signing key when the invite carries it (pinned: questions signed by any other key are
    refused, whatever the server says later).
    ``server_url`` may be None when the invite carries the address.

    Raises `AlreadyEnrolledError` (before any network call), `EnrollmentError`
    (``invalid_invite``, ``no_server``, ``fingerprint_mismatch`` — then nothing is stored,
    and the admin should be told: the server handed over another key than the invite's),
    and `sync.client.SyncError` subclasses (offline, invite expired or already used, pin
    mismatch…). Reports already queued are sealed at the next `sync_once`.
    """
    identities = IdentityRepository(store)
    existing = identities.get()
    if existing is not None:
        raise AlreadyEnrolledError(existing.device_id)
    try:
        invite = wire.decode_invite(invite_text)
    except wire.InviteError as error:
        raise EnrollmentError("invalid_invite", f"The invite is not valid: {error}.") from None
    url = server_url or invite.server_url
    if not url:
        raise EnrollmentError(
            "no_server", "The invite does not name the server: give its address (--server)."
        )
    proxy = normalize_proxy(proxy)
    key = DeviceSigningKey.generate()
    config = ClientConfig(
        base_url=url, token=invite.token, tls_fingerprint=invite.tls_sha256, proxy=proxy
    )
    client = client_factory(config)
    try:
        response = client.enroll(key.public_bytes(), label)
    finally:
        client.close()
    try:
        newsroom = NewsroomPublicKey.from_text(response.newsroom_public_key)
    except ValueError:
        newsroom = None
    if (
        newsroom is None
        or newsroom.fingerprint != invite.newsroom_fingerprint
        or response.newsroom_fingerprint != invite.newsroom_fingerprint
    ):
        raise EnrollmentError(
            "fingerprint_mismatch",
            "The server handed over a different newsroom key than the invite names "
            f"(invite: {invite.newsroom_fingerprint}). Nothing was stored and nothing will "
            "be sent there. Tell the newsroom admin at once and ask for a new invite.",
        )
    identity = DeviceIdentity(
        device_id=response.device_id,
        signing_key=key.private_bytes(),
        server_url=url,
        # the server's fresh device token; the invite's own from a server that kept invites
        token=response.device_token or invite.token,
        newsroom_key=newsroom.to_text(),
        newsroom_fingerprint=newsroom.fingerprint,
        tls_fingerprint=invite.tls_sha256,
        proxy=proxy,
        label=label,
        enrolled_at=now or datetime.now(UTC),
    )
    identities.save(identity)
    if invite.release_key is not None:
        updates.pin_release_key(store, invite.release_key)
    if invite.desk_signing_key is not None:
        from desktop.services import followup_sync  # it builds on this module

        followup_sync.pin_desk_signing_key(
            store, bytes.fromhex(invite.desk_signing_key), now=identity.enrolled_at
        )
    return identity
