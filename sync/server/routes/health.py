"""``/v1/health``: liveness, for any valid token."""

from __future__ import annotations

from importlib import metadata

from fastapi import APIRouter

from sync import protocol
from sync.server.routes.common import responses

router = APIRouter()


def server_version() -> str:
    """The installed gatewatch package version, or "unknown" (e.g. a frozen build)."""
    try:
        return metadata.version("gatewatch")
    except metadata.PackageNotFoundError:  # pragma: no cover - depends on installation
        return "unknown"


@router.get(f"{protocol.API_PREFIX}/health", responses=responses())
def health() -> protocol.Health:
    """Liveness, for any valid token."""
    return protocol.Health(status="ok", version=server_version(), api=protocol.API_VERSION)
