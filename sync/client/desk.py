"""The desk's calls (desk token): pull envelopes page by page and acknowledge them, list
devices, post follow-up questions and opened lists, register the desk signing key."""

from __future__ import annotations

import dataclasses
import hashlib
import re

from sync import messages
from sync import wire as protocol  # the API's limits and codes, as the server names them
from sync.client.errors import bad_response
from sync.client.session import (
    DEVICES_REPLY_BYTES,
    PAGE_REPLY_BYTES,
    SMALL_REPLY_BYTES,
    ClientSession,
    check_page,
    check_page_args,
    signing_key,
    to_json,
)
from sync.messages import (
    CheckedEnvelope,
    DeviceInfo,
    EnvelopePage,
    MessageReceipt,
    StoredEnvelope,
)
from sync.wire import DEFAULT_PAGE_COUNT

__all__ = ["DeskCalls"]

_UUID = re.compile(protocol.UUID_RE)
_STORED_FIELDS = tuple(f.name for f in dataclasses.fields(StoredEnvelope))


class DeskCalls(ClientSession):
    """What an editor desk asks of the server."""

    def pull(self, after: int, limit: int = DEFAULT_PAGE_COUNT) -> EnvelopePage:
        """``GET /v1/envelopes`` (desk token): the page of envelopes with ``seq > after``.
        Ask again with ``after=page.next_after`` while ``page.more``. Each envelope's data
        is checked against its size and SHA-256 and handed on decoded as well
        (`sync.messages.CheckedEnvelope.raw`; ``data`` stays the base64 text)."""
        check_page_args(after, limit)
        reply = self._call(
            "GET",
            "/v1/envelopes",
            params={"after": after, "limit": limit},
            idempotent=True,
            cap=PAGE_REPLY_BYTES,
        )
        page = self._parse(EnvelopePage, reply)
        decoded = check_page(after, limit, page.next_after, page.envelopes)
        checked: list[StoredEnvelope] = [
            CheckedEnvelope(**{f: getattr(e, f) for f in _STORED_FIELDS}, raw=raw)
            for e, raw in zip(page.envelopes, decoded, strict=True)
        ]
        return EnvelopePage(envelopes=checked, next_after=page.next_after, more=page.more)

    def acknowledge(self, through: int) -> int:
        """``POST /v1/envelopes/ack`` (desk token): every envelope up to ``through`` is
        stored at this desk, so the server may delete its bytes once every desk due it has
        said so. Idempotent; returns the desk's acknowledgement cursor on the server."""
        check_page_args(through, 1)
        body = to_json({"through": through})
        reply = self._call(
            "POST", "/v1/envelopes/ack", body=body, idempotent=True, cap=SMALL_REPLY_BYTES
        )
        return self._parse(messages.AckResponse, reply).acknowledged

    def devices(self) -> list[DeviceInfo]:
        """``GET /v1/devices`` (desk token): every device the server knows."""
        reply = self._call("GET", "/v1/devices", idempotent=True, cap=DEVICES_REPLY_BYTES)
        return self._parse(messages.DeviceList, reply).devices

    def post_message(self, device_id: str, message_id: str, data: bytes) -> MessageReceipt:
        """``POST /v1/messages`` (desk token): queue an opaque sealed message for a device.
        Idempotent by ``message_id`` (a UUID the desk chooses), so it is retried."""
        if not _UUID.fullmatch(message_id):
            raise ValueError("a message id is a canonical lowercase UUID")
        if not data or len(data) > protocol.MAX_ENVELOPE_BYTES:
            raise ValueError("a message is 1 byte to 32 MiB")
        body = to_json(
            {"device_id": device_id, "message_id": message_id, "data": protocol.encode_base64(data)}
        )
        reply = self._call(
            "POST", "/v1/messages", body=body, idempotent=True, cap=SMALL_REPLY_BYTES
        )
        receipt = self._parse(MessageReceipt, reply)
        if (
            receipt.message_id != message_id
            or receipt.device_id != device_id
            or receipt.sha256 != hashlib.sha256(data).hexdigest()
        ):
            raise bad_response("the message receipt does not match the message sent")
        return receipt

    def post_opened(self, device_id: str, data: bytes) -> int:
        """``POST /v1/opened`` (desk token): keep a desk-signed opened list for a device.
        Idempotent by the list's bytes, so retried; returns its number on the server."""
        if not data or len(data) > protocol.MAX_ENVELOPE_BYTES:
            raise ValueError("an opened list is 1 byte to 32 MiB")
        body = to_json({"device_id": device_id, "data": protocol.encode_base64(data)})
        reply = self._call("POST", "/v1/opened", body=body, idempotent=True, cap=SMALL_REPLY_BYTES)
        return self._parse(messages.OpenedReceipt, reply).seq

    def register_desk_signing_key(self, public_key: bytes) -> None:
        """``PUT /v1/desk-signing-key`` (desk token): register the desks' signing key.
        Idempotent for the same key; another one is ``ServerRefusedError``
        (``key_conflict``, 409)."""
        if len(public_key) != 32:
            raise ValueError("an Ed25519 public key is 32 bytes")
        body = to_json({"public_key": protocol.encode_base64(public_key)})
        reply = self._call(
            "PUT", "/v1/desk-signing-key", body=body, idempotent=True, cap=SMALL_REPLY_BYTES
        )
        if signing_key(self._parse(messages.DeskSigningKey, reply)) != public_key:
            raise bad_response("the server confirmed another desk signing key")
