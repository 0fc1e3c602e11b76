"""What every router shares: the dependencies (the store, the configuration, the token
holder the gate authenticated), the documented error responses, and small checks.

The dependencies are ``async``: they only read the request, so they run on the event loop
instead of costing each request another trip through the thread pool.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from sync import protocol
from sync.server.config import ServerConfig
from sync.server.errors import ApiError
from sync.server.gate import principal_of
from sync.server.records import TokenRecord
from sync.server.store import ServerStore


async def _store(request: Request) -> ServerStore:
    store = request.app.state.store
    assert isinstance(store, ServerStore)
    return store


async def _config(request: Request) -> ServerConfig:
    config = request.app.state.config
    assert isinstance(config, ServerConfig)
    return config


async def _principal(request: Request) -> TokenRecord:
    return principal_of(request.scope)


Store = Annotated[ServerStore, Depends(_store)]
Config = Annotated[ServerConfig, Depends(_config)]
Principal = Annotated[TokenRecord, Depends(_principal)]

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": protocol.ErrorBody, "description": text}
    for status, text in {
        400: "Unparseable body or header",
        401: "No valid token",
        403: "Revoked, or the wrong kind of token for this route",
        413: "Request body over the route's limit",
        422: "Body or query failed validation (the field is named)",
        429: "Rate limited (see Retry-After)",
    }.items()
}


def responses(*extra: int) -> dict[int | str, dict[str, Any]]:
    """The error responses every route may give, and ``extra`` ones."""
    out = dict(_ERRORS)
    for status in extra:
        out[status] = {"model": protocol.ErrorBody}
    return out


def require_kind(kind: str, *allowed: str) -> None:
    """A second check of the token kind behind the gate's route rules."""
    if kind not in allowed:
        raise ApiError(
            403, protocol.ERROR_WRONG_TOKEN_KIND, f"A {kind} token may not call this route."
        )


def decode_field(text: str, field: str) -> bytes:
    try:
        return protocol.decode_base64(text)
    except ValueError as exc:
        raise ApiError(
            422, protocol.ERROR_INVALID_REQUEST, f"{field}: {exc}", field=field
        ) from None
