"""The sync client as the services use it: the part of `sync.client.SyncClient` they call
(tests pass fakes), how one is made from a configuration, and what kind of failure each of
its errors is."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from desktop.services.sync_state import SyncErrorKind
from sync.client import (
    ClientConfig,
    OfflineError,
    OverloadedError,
    PinMismatchError,
    RevokedError,
    ServerRefusedError,
    SyncError,
    UnauthorizedError,
)
from sync.messages import DeviceInfo, EnrollResponse, EnvelopePage, UploadResult


class SyncClientLike(Protocol):
    """The part of `sync.client.SyncClient` used here (tests pass fakes)."""

    def enroll(self, device_public_key: bytes, label: str | None = None) -> EnrollResponse: ...
    def upload(
        self,
        envelopes: Sequence[tuple[str, bytes]],
        *,
        on_batch: Callable[[list[UploadResult]], None] | None = None,
        route: str = ...,
    ) -> list[UploadResult]: ...
    def missing(self, envelope_ids: Sequence[str]) -> list[str]: ...
    def pull(self, after: int, limit: int = ...) -> EnvelopePage: ...
    def devices(self) -> list[DeviceInfo]: ...
    def health(self) -> dict[str, object]: ...
    def close(self) -> None: ...


ClientFactory = Callable[[ClientConfig], SyncClientLike]


def kind_of(error: SyncError) -> SyncErrorKind:
    """What a sync result says of this failure."""
    if isinstance(error, OverloadedError):
        return SyncErrorKind.OVERLOADED
    if isinstance(error, OfflineError):
        return SyncErrorKind.OFFLINE
    if isinstance(error, RevokedError):
        return SyncErrorKind.REVOKED
    if isinstance(error, UnauthorizedError):
        return SyncErrorKind.UNAUTHORIZED
    if isinstance(error, PinMismatchError):
        return SyncErrorKind.PIN_MISMATCH
    if isinstance(error, ServerRefusedError):
        return SyncErrorKind.REFUSED
    return SyncErrorKind.FAILED
