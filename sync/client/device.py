"""The correspondent's calls (device token; the invite token for :meth:`enroll`): enrol,
upload envelopes and keep their receipts, ask what is missing, read follow-up questions
and opened lists, register the encryption key questions are sealed to."""

from __future__ import annotations

import hashlib
import itertools
import re
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from sync import messages
from sync import wire as protocol  # the API's limits and codes, as the server names them
from sync.client.errors import SyncError, UnauthorizedError, bad_response
from sync.client.session import (
    PAGE_REPLY_BYTES,
    SMALL_REPLY_BYTES,
    ClientSession,
    check_page,
    check_page_args,
    to_json,
)
from sync.envelope import DESK_SENDER_ID, NewsroomPublicKey
from sync.messages import EnrollResponse, MessagePage, OpenedPage, UploadResult
from sync.wire import DEFAULT_PAGE_COUNT

__all__ = ["DeviceCalls"]

_UUID = re.compile(protocol.UUID_RE)


class DeviceCalls(ClientSession):
    """What a correspondent's device asks of the server."""

    def enroll(self, device_public_key: bytes, label: str | None = None) -> EnrollResponse:
        """``POST /v1/enroll`` with the invite token: register the device's Ed25519 key.

        Checks that the returned newsroom key has the returned fingerprint and that the
        device id and device token are well formed (:class:`BadResponseError`); the caller
        must still compare that fingerprint with the invite's, and keep ``device_token``
        (the invite token is dead once it is issued). Not retried once the request may have
        reached the server: after an :class:`OfflineError` the caller may call again; if the
        first attempt had landed, the invite is spent and the server answers
        :class:`UnauthorizedError` (``already_enrolled`` from servers that kept invites).
        """
        if len(device_public_key) != 32:
            raise ValueError("an Ed25519 public key is 32 bytes")
        body: dict[str, Any] = {"device_public_key": protocol.encode_base64(device_public_key)}
        if label is not None:
            body["label"] = label
        try:
            reply = self._call(
                "POST", "/v1/enroll", body=to_json(body), idempotent=False, cap=SMALL_REPLY_BYTES
            )
        except UnauthorizedError as error:
            if error.reason != protocol.ERROR_UNAUTHENTICATED:
                raise
            raise UnauthorizedError(
                "The server does not know this invite: it was already used to enroll a device "
                "(an invite works once; see the devices list), revoked, or is for another "
                "server. Ask the newsroom admin for a new invite.",
                error.reason,
            ) from None
        response = self._parse(EnrollResponse, reply)
        try:
            key = NewsroomPublicKey.from_text(response.newsroom_public_key)
        except ValueError:
            raise bad_response("the newsroom key it sent is not a key") from None
        if key.fingerprint != response.newsroom_fingerprint:
            raise bad_response("the newsroom key does not have the fingerprint it claims")
        if not re.fullmatch(protocol.DEVICE_ID_RE, response.device_id):
            raise bad_response("the device id it sent is not a device id")
        if response.device_id == DESK_SENDER_ID:  # the desks' sender id is never a device's
            raise bad_response("the device id it sent is the desks' own")
        if response.device_token is not None and not protocol.TOKEN_PATTERN.fullmatch(
            response.device_token
        ):
            raise bad_response("the device token it sent is not a token")
        return response

    def upload(
        self,
        envelopes: Sequence[tuple[str, bytes]],
        *,
        on_batch: Callable[[list[UploadResult]], None] | None = None,
        route: str = "/v1/envelopes",
    ) -> list[UploadResult]:
        """``POST /v1/envelopes`` (a desk's reviews: ``route="/v1/reviews"``) in batches
        within the protocol's limits (100 envelopes, 36 MiB). Returns one
        :class:`UploadResult` per envelope, in the given order.

        Envelopes the server would refuse anyway are not sent and get a local result with
        ``ok=False``: an id that is not a canonical UUID (``malformed``, 422), an empty or
        over-32-MiB envelope (``malformed`` 422 / ``oversized`` 413). ``on_batch`` is
        called with each batch's results as soon as they arrive (store receipts there). On a
        failure the error's ``completed`` holds the results of the batches done before it.
        Safe to call again with the same envelopes: the server returns the same receipts.
        """
        results: dict[int, UploadResult] = {}
        batch: list[int] = []
        batch_bytes = 0

        def flush() -> None:
            nonlocal batch, batch_bytes
            if not batch:
                return
            try:
                got = self._upload_batch([envelopes[i] for i in batch], route)
            except SyncError as exc:
                exc.completed = [results[i] for i in sorted(results)]
                raise
            for index, item in zip(batch, got, strict=True):
                results[index] = item
            if on_batch is not None:
                on_batch(got)
            batch, batch_bytes = [], 0

        for index, (envelope_id, data) in enumerate(envelopes):
            local = _local_refusal(envelope_id, data)
            if local is not None:
                results[index] = local
                continue
            if batch and (
                len(batch) >= protocol.MAX_BATCH_COUNT
                or batch_bytes + len(data) > protocol.MAX_BATCH_BYTES
            ):
                flush()
            batch.append(index)
            batch_bytes += len(data)
        flush()
        return [results[i] for i in range(len(envelopes))]

    def _upload_batch(self, batch: list[tuple[str, bytes]], route: str) -> list[UploadResult]:
        body = to_json(
            {
                "envelopes": [
                    {"envelope_id": eid, "data": protocol.encode_base64(data)}
                    for eid, data in batch
                ]
            }
        )
        reply = self._call(
            "POST",
            route,
            body=body,
            idempotent=True,
            cap=SMALL_REPLY_BYTES,
            idempotency_key=str(uuid.uuid4()),
        )
        got = self._parse(messages.UploadResponse, reply).results
        if [r.envelope_id for r in got] != [eid for eid, _ in batch]:
            raise bad_response("its upload results do not match the envelopes sent")
        for (_, data), item in zip(batch, got, strict=True):
            if item.ok and (
                item.receipt is None or item.receipt.sha256 != hashlib.sha256(data).hexdigest()
            ):
                raise bad_response("a receipt does not match the envelope sent")
        return got

    def missing(self, envelope_ids: Sequence[str]) -> list[str]:
        """``POST /v1/envelopes/missing``: the given ids this device has not stored yet, in
        the given order (asked in chunks of 1000). Raises ``ValueError`` for an id that is
        not a canonical UUID."""
        for eid in envelope_ids:
            if not _UUID.fullmatch(eid):
                raise ValueError("envelope ids are canonical lowercase UUIDs")
        out: list[str] = []
        for start in range(0, len(envelope_ids), protocol.MAX_MISSING_IDS):
            chunk = list(envelope_ids[start : start + protocol.MAX_MISSING_IDS])
            reply = self._call(
                "POST",
                "/v1/envelopes/missing",
                body=to_json({"envelope_ids": chunk}),
                idempotent=True,
                cap=SMALL_REPLY_BYTES,
            )
            got = self._parse(messages.MissingResponse, reply).missing
            if not set(got) <= set(chunk):
                raise bad_response("it listed ids that were not asked about")
            out.extend(got)
        return out

    def messages(self, after: int, limit: int = DEFAULT_PAGE_COUNT) -> MessagePage:
        """``GET /v1/messages`` (device token): this device's messages with ``seq > after``,
        paged like :meth:`pull`, each checked against its size and SHA-256."""
        check_page_args(after, limit)
        reply = self._call(
            "GET",
            "/v1/messages",
            params={"after": after, "limit": limit},
            idempotent=True,
            cap=PAGE_REPLY_BYTES,
        )
        page = self._parse(MessagePage, reply)
        check_page(after, limit, page.next_after, page.messages)
        return page

    def opened(self, after: int, limit: int = DEFAULT_PAGE_COUNT) -> OpenedPage:
        """``GET /v1/opened`` (device token): opened lists for this device past ``after``;
        the server forgets those up to ``after``. Each list is checked by the caller."""
        check_page_args(after, limit)
        reply = self._call(
            "GET",
            "/v1/opened",
            params={"after": after, "limit": limit},
            idempotent=True,
            cap=PAGE_REPLY_BYTES,
        )
        page = self._parse(OpenedPage, reply)
        if len(page.lists) > limit:
            raise bad_response("it sent a page longer than asked")
        seqs = [after, *(item.seq for item in page.lists)]
        if any(b <= a for a, b in itertools.pairwise(seqs)) or page.next_after < seqs[-1]:
            raise bad_response("its page is out of order")
        return page

    def register_encryption_key(self, encryption_key: str, signature: bytes) -> str:
        """``PUT /v1/device/encryption-key`` (device token): register the public key desks
        seal follow-up questions to, signed by the device (see
        :func:`sync.protocol.encryption_key_statement`). Idempotent for the same key, so
        retried; another key already registered is a ``ServerRefusedError``
        (``key_conflict``, 409). Returns the key's fingerprint as the server computed it."""
        body = to_json(
            {"encryption_key": encryption_key, "signature": protocol.encode_base64(signature)}
        )
        reply = self._call(
            "PUT", "/v1/device/encryption-key", body=body, idempotent=True, cap=SMALL_REPLY_BYTES
        )
        answer = self._parse(messages.EncryptionKeyResponse, reply)
        if answer.encryption_key != encryption_key:
            raise bad_response("the server confirmed another encryption key")
        return answer.fingerprint


def _local_refusal(envelope_id: str, data: bytes) -> UploadResult | None:
    if not isinstance(envelope_id, str) or not _UUID.fullmatch(envelope_id):
        return UploadResult(
            envelope_id=str(envelope_id),
            ok=False,
            error="malformed",
            status=422,
            message="The envelope id is not a canonical UUID; the envelope was not sent.",
        )
    if not data:
        return UploadResult(
            envelope_id=envelope_id,
            ok=False,
            error="malformed",
            status=422,
            message="The envelope is empty; it was not sent.",
        )
    if len(data) > protocol.MAX_ENVELOPE_BYTES:
        return UploadResult(
            envelope_id=envelope_id,
            ok=False,
            error="oversized",
            status=413,
            message="The envelope is over 32 MiB; it was not sent.",
        )
    return None
