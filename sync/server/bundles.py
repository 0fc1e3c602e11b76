"""Hand-carried bundles relayed by a device that has a connection (docs/handcarry.md).

A bundle is sealed to the newsroom key; the device that relays it cannot open it and
neither can the server. ``POST /v1/bundles`` (device token) stores one whole bundle, after
checking that its size is one a sealed container can have; the same bytes again return
the same number. ``GET /v1/bundles?after=N`` (desk token) hands the next one to a desk,
which opens it and stores its envelopes through the same path as a carried file.

The table (``relayed_bundles``, schema.py) and its SQL live here, beside the store.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import Field, StringConstraints

from sync import protocol
from sync.payloads.bundle import MAX_RELAYED_BUNDLE
from sync.payloads.container import container_segments
from sync.server.errors import ApiError
from sync.server.gate import principal_of
from sync.server.store import ServerStore, timestamp, utc_now

ROUTE = f"{protocol.API_PREFIX}/bundles"
ERROR_NOT_A_BUNDLE = "not_a_bundle"

BundleData = Annotated[
    str,
    StringConstraints(
        pattern=protocol.BASE64_RE, max_length=protocol.base64_length(MAX_RELAYED_BUNDLE)
    ),
]


class BundleUpload(protocol._Request):
    """``POST /v1/bundles``: one whole bundle file, base64."""

    data: BundleData = Field(description="The bundle file, base64")


class BundleReceipt(protocol._Response):
    seq: int
    size: int


class RelayedBundle(protocol._Response):
    seq: int
    data: str
    received_at: str


class BundlePage(protocol._Response):
    """At most one bundle (they are large); ask again with ``after=next_after``."""

    bundles: list[RelayedBundle]
    next_after: int


def store_bundle(store: ServerStore, device_id: str, data: bytes) -> int:
    """Keep ``data``; return its number (the same bytes keep their first number)."""
    digest = hashlib.sha256(data).digest()
    with store.db.transaction() as conn:
        row = conn.execute("SELECT seq FROM relayed_bundles WHERE sha256 = ?", (digest,)).fetchone()
        if row is not None:
            return int(row[0])
        row = conn.execute(
            "INSERT INTO relayed_bundles (sha256, data, size, device_id, received_at)"
            " VALUES (?, ?, ?, ?, ?) RETURNING seq",
            (digest, data, len(data), device_id, timestamp(utc_now())),
        ).fetchone()
        return int(row[0])


def next_bundle(store: ServerStore, after: int) -> tuple[int, bytes, str] | None:
    with store.db.reading() as conn:
        row = conn.execute(
            "SELECT seq, data, received_at FROM relayed_bundles WHERE seq > ? ORDER BY seq LIMIT 1",
            (after,),
        ).fetchone()
    return None if row is None else (int(row[0]), bytes(row[1]), str(row[2]))


def router(store: ServerStore) -> APIRouter:
    routes = APIRouter()
    kem = store.newsroom_key.kem

    @routes.post(ROUTE)
    def relay_bundle(body: BundleUpload, request: Request) -> BundleReceipt:
        """Keep a bundle a device relays without being able to open it."""
        data = protocol.decode_base64(body.data)
        if not container_segments(len(data), kem):
            raise ApiError(
                422,
                ERROR_NOT_A_BUNDLE,
                "This file is not a hand-carried bundle for this newsroom: carry it to a desk.",
                field="body.data",
            )
        seq = store_bundle(store, principal_of(request.scope).id, data)
        return BundleReceipt(seq=seq, size=len(data))

    @routes.get(ROUTE)
    def relayed_bundles(
        after: Annotated[int, Query(ge=0, le=protocol.MAX_CURSOR)] = 0,
    ) -> BundlePage:
        """The next relayed bundle after ``after`` (none: an empty list)."""
        found = next_bundle(store, after)
        if found is None:
            return BundlePage(bundles=[], next_after=after)
        seq, data, received_at = found
        return BundlePage(
            bundles=[
                RelayedBundle(seq=seq, data=protocol.encode_base64(data), received_at=received_at)
            ],
            next_after=seq,
        )

    return routes
