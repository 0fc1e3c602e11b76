"""The FastAPI application: the ``/v1`` routers (routes/), behind the gate (gate.py).

By the time a route runs, the gate has authenticated the token, checked its kind, applied
the rate limit and read the body within the route's size limit. Routes validate the body
(pydantic, 422 naming the field) and get the store, the configuration and the token holder
through ``Depends`` (routes/common.py).

Every error is JSON ``{"error", "message", "field"?}`` and never echoes submitted content.
Route functions are plain ``def``: FastAPI runs them in worker threads, so the database
never blocks the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync import protocol
from sync.server.audit import RefusalCounter
from sync.server.bundles import router as bundles_router
from sync.server.config import ServerConfig
from sync.server.errors import ApiError
from sync.server.gate import Gate
from sync.server.housekeeping import Housekeeper
from sync.server.releases import router as release_router
from sync.server.routes import devices, envelopes, health, keys, messages, opened
from sync.server.routes.common import responses
from sync.server.routes.health import server_version
from sync.server.store import ServerStore

__all__ = ["create_app", "server_version"]

_bearer = HTTPBearer(auto_error=False, description="Device, invite or desk token")


def create_app(store: ServerStore, config: ServerConfig | None = None) -> FastAPI:
    """The ASGI application for ``store``. The caller owns and closes the store."""
    config = config or ServerConfig()
    app = FastAPI(
        title="Gatewatch newsroom server",
        version=server_version(),
        description="Stores sealed envelopes from correspondents' devices for the desk. "
        "Ciphertext only. See docs/server.md.",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(_bearer)],
    )
    app.state.store = store
    app.state.config = config
    counter = RefusalCounter()
    app.state.housekeeper = Housekeeper(
        store,
        counter,
        flush_seconds=config.flush_seconds,
        sweep_seconds=config.sweep_seconds,
        vacuum_seconds=config.vacuum_seconds,
    )
    app.add_middleware(Gate, store=store, config=config, counter=counter)
    _install_error_handlers(app)
    app.include_router(release_router(store), responses=responses())
    app.include_router(bundles_router(store), responses=responses(422))
    for module in (devices, envelopes, messages, opened, keys, health):
        app.include_router(module.router)
    return app


def _json_error(error: ApiError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers or None)


_STATUS_CODES = {
    400: protocol.ERROR_BAD_REQUEST,
    404: protocol.ERROR_NOT_FOUND,
    405: protocol.ERROR_METHOD_NOT_ALLOWED,
    413: protocol.ERROR_TOO_LARGE,
}
_STATUS_MESSAGES = {
    400: "The request body could not be parsed as JSON: it may be nested too deeply, hold a "
    "number too large, or not be UTF-8.",
    404: "There is no such route; see /openapi.json.",
    405: "This route does not take this method; see /openapi.json.",
}


def _install_error_handlers(app: FastAPI) -> None:
    async def api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return _json_error(exc)

    async def validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = exc.errors()
        first = errors[0] if errors else {}
        loc = [str(part) for part in first.get("loc", ("body",))]
        if first.get("type") == "json_invalid":
            return _json_error(
                ApiError(
                    400,
                    protocol.ERROR_INVALID_REQUEST,
                    "body: the request body is not valid JSON.",
                    field="body",
                )
            )
        field = ".".join(loc)
        # pydantic's message (never the input: "input" and "ctx" are dropped), bounded.
        message = str(first.get("msg", "invalid value"))[:160]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return _json_error(
            ApiError(422, protocol.ERROR_INVALID_REQUEST, f"{field}: {message}{more}", field=field)
        )

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        status = exc.status_code
        code = _STATUS_CODES.get(status, protocol.ERROR_BAD_REQUEST if status < 500 else "error")
        message = _STATUS_MESSAGES.get(status, "The request was refused.")
        field = "body" if status == 400 else None
        return _json_error(ApiError(status, code, message, field=field, headers=exc.headers))

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _json_error(
            ApiError(
                500,
                protocol.ERROR_INTERNAL,
                "The server failed on this request; nothing partial was stored. Try again "
                "later and tell the admin if it persists.",
            )
        )

    handlers: dict[type[Exception], Callable[[Request, Exception], Any]] = {
        ApiError: api_error,
        RequestValidationError: validation_error,
        StarletteHTTPException: http_error,
        Exception: unexpected,
    }
    for kind, handler in handlers.items():
        app.add_exception_handler(kind, handler)
