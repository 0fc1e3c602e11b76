"""The errors of every client call: one typed `SyncError` subclass per kind of failure,
whose ``str()`` is a plain sentence telling the user what to do and never contains a token
or report content; and how a reply or a transport failure becomes one."""

from __future__ import annotations

import re

import requests
import urllib3.exceptions

from sync import messages
from sync import wire as protocol  # the API's limits and codes, as the server names them
from sync.messages import MessageError, UploadResult
from sync.transport import PinNotAppliedError

__all__ = [
    "OFFLINE_HINT",
    "RETRY_STATUSES",
    "AlreadyEnrolledError",
    "BadResponseError",
    "CertificateError",
    "ConfigError",
    "OfflineError",
    "OverloadedError",
    "PinMismatchError",
    "RevokedError",
    "ServerRefusedError",
    "SyncError",
    "UnauthorizedError",
    "bad_response",
    "error_for",
    "oversized",
    "transport_error",
]

MAX_SERVER_MESSAGE = 300
"""Characters of a server's error message passed on to the user."""
RETRY_STATUSES = frozenset({502, 503, 504})

OFFLINE_HINT = (
    "This device is offline for now; queued reports stay on this device and are sent at "
    "the next sync."
)


class SyncError(Exception):
    """Any failure of a sync call. ``reason`` is a short stable code; ``str(e)`` plain words
    saying what to do. ``completed`` holds the upload results received before the failure
    (only :meth:`SyncClient.upload` fills it)."""

    default_reason = "sync_failed"

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason: str = reason or self.default_reason
        self.completed: list[UploadResult] = []


class OfflineError(SyncError):
    """The server cannot be reached: refused, timed out, DNS, proxy down, connection cut,
    or a gateway saying the server is unavailable (502/503/504). Nothing is lost: retry later.
    """

    default_reason = "offline"


class OverloadedError(OfflineError):
    """The server said it is at its limit of requests (503 ``server_busy``): busy, or a
    flood of requests against it. Nothing is lost: retry later."""

    default_reason = "overloaded"


class UnauthorizedError(SyncError):
    """401: the server does not know the token (unknown, expired invite)."""

    default_reason = protocol.ERROR_UNAUTHENTICATED


class RevokedError(SyncError):
    """403 ``device_revoked`` / ``token_revoked``: the newsroom revoked this device or token."""

    default_reason = protocol.ERROR_DEVICE_REVOKED


class PinMismatchError(SyncError):
    """The server's TLS certificate is not the pinned one (possible interception)."""

    default_reason = "pin_mismatch"


class CertificateError(SyncError):
    """Without a pin: the server's TLS certificate failed normal validation."""

    default_reason = "tls_unverified"


class ServerRefusedError(SyncError):
    """Any other refusal: ``status`` (HTTP), ``error`` (the server's code), ``field``."""

    default_reason = "refused"

    def __init__(self, message: str, *, status: int, error: str, field: str | None = None) -> None:
        super().__init__(message, error)
        self.status = status
        self.error = error
        self.field = field


class AlreadyEnrolledError(ServerRefusedError):
    """409 ``already_enrolled`` on enrolment: the invite's token was used already."""


class BadResponseError(SyncError):
    """The server's reply broke the protocol: not JSON, wrong shape, oversized, inconsistent."""

    default_reason = "bad_response"


class ConfigError(SyncError):
    """The settings are refused before anything is sent (plain http to the network, an onion
    address without Tor, a bad fingerprint, URL, proxy or token). ``reason``: insecure_url,
    onion_needs_tor, bad_url, bad_fingerprint, bad_proxy, bad_token."""

    default_reason = "bad_config"


def _clean(text: str) -> str:
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", text).strip()
    return text[:MAX_SERVER_MESSAGE]


def error_for(status: int, body: bytes) -> SyncError:
    """The typed error for a non-200 reply."""
    code, server_message, field = "", "", None
    try:
        parsed = messages.parse(messages.ErrorBody, body)
        code, server_message, field = parsed.error, _clean(parsed.message), parsed.field
    except MessageError:
        pass
    if status == 401:
        if code == protocol.ERROR_INVITE_EXPIRED:
            return UnauthorizedError(
                "The invite has expired. Ask the newsroom admin for a new invite.", code
            )
        return UnauthorizedError(
            "The server does not accept this device's token (unknown or expired). Ask the "
            "newsroom admin for a new invite; queued reports stay on this device.",
            code or protocol.ERROR_UNAUTHENTICATED,
        )
    if status == 403 and code == protocol.ERROR_DEVICE_REVOKED:
        return RevokedError(
            "This device was revoked by the newsroom; ask the newsroom admin for a new "
            "invite. Queued reports stay on this device.",
            code,
        )
    if status == 403 and code == protocol.ERROR_TOKEN_REVOKED:
        return RevokedError(
            "This desk token was revoked by the newsroom; ask the newsroom admin for a new "
            "desk token.",
            code,
        )
    if status == 503 and code == protocol.ERROR_SERVER_BUSY:
        return OverloadedError(
            "The newsroom server is overloaded or under attack and refused the request for "
            "now. Queued reports stay on this device and are sent at the next sync."
        )
    if status in RETRY_STATUSES:
        return OfflineError(
            f"The newsroom server is not available right now (HTTP {status}). {OFFLINE_HINT}",
            "server_unavailable",
        )
    if status == 409 and code == protocol.ERROR_ALREADY_ENROLLED:
        return AlreadyEnrolledError(
            "This invite was already used to enroll a device. If this device's enrolment "
            "was cut off, it may have gone through: ask the newsroom admin to check the "
            "devices list, and for a new invite if needed.",
            status=status,
            error=code,
        )
    error = code or f"http_{status}"
    detail = f": {server_message}" if server_message else "."
    if status == 429:
        text = f"The server is busy with this token's requests; try again in a minute{detail}"
    elif status == 413:
        text = f"The server refused the request as too large{detail}"
    else:
        text = f"The server refused the request (HTTP {status}, {error}){detail}"
    return ServerRefusedError(text, status=status, error=error, field=field)


def bad_response(what: str) -> BadResponseError:
    return BadResponseError(
        f"The server's reply is not valid: {what}. Check the server address, or ask the "
        "newsroom admin whether the server and this app are up to date.",
    )


def oversized() -> BadResponseError:
    return BadResponseError(
        "The server's reply is larger than this app accepts; it was refused. Ask the newsroom "
        "admin to check the server.",
        "oversized_response",
    )


def transport_error(exc: BaseException, *, proxied: bool) -> SyncError:
    """Map a requests/urllib3/socket exception to a typed error (never echoing a token)."""
    text = str(exc)
    if isinstance(exc, PinNotAppliedError):
        return PinMismatchError(
            "The connection could not be pinned to the newsroom's certificate, so nothing "
            "was sent. Update the app or report this to the newsroom admin.",
            "pin_not_applied",
        )
    if "Fingerprints did not match" in text:
        return PinMismatchError(
            "The server's TLS certificate is not the one in the invite: someone may be "
            "intercepting the connection, or the newsroom changed its certificate. Nothing "
            "was sent. Do not continue on this network; ask the newsroom admin."
        )
    if isinstance(exc, requests.exceptions.SSLError) and "CERTIFICATE_VERIFY_FAILED" in text:
        return CertificateError(
            "The server's TLS certificate could not be verified. Use the address and invite "
            "from the newsroom admin (the invite pins the certificate)."
        )
    if isinstance(exc, requests.exceptions.ConnectTimeout) or _never_connected(exc):
        where = "the proxy (is Tor running?) or the server" if proxied else "the server"
        return OfflineError(f"Could not connect to {where}. {OFFLINE_HINT}", "not_connected")
    if isinstance(exc, requests.exceptions.Timeout | urllib3.exceptions.TimeoutError):
        return OfflineError(f"The server did not answer in time. {OFFLINE_HINT}", "timeout")
    return OfflineError(f"The connection to the server was cut. {OFFLINE_HINT}", "connection_cut")


def _never_connected(exc: BaseException) -> bool:
    """Whether the failure happened before a connection existed (so nothing was sent)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(
            current,
            urllib3.exceptions.NewConnectionError
            | urllib3.exceptions.NameResolutionError
            | urllib3.exceptions.ConnectTimeoutError,
        ):
            return True
        if isinstance(current, urllib3.exceptions.MaxRetryError):
            current = current.reason
            continue
        args = getattr(current, "args", ())
        nested = args[0] if args and isinstance(args[0], BaseException) else None
        current = nested or current.__cause__ or current.__context__
    return False
