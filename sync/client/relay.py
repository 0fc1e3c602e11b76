"""Hand-carried bundles relayed through the server: a connected device hands over a
bundle it carries but cannot open (device token), a desk takes the next one in
(desk token). The bundle format is :mod:`sync.payloads.bundle`."""

from __future__ import annotations

from sync import messages
from sync import wire as protocol  # the API's limits and codes, as the server names them
from sync.client.errors import bad_response
from sync.client.session import KIB, SMALL_REPLY_BYTES, ClientSession, check_page_args, to_json
from sync.payloads.bundle import MAX_RELAYED_BUNDLE

__all__ = ["RelayCalls"]


class RelayCalls(ClientSession):
    """Bundles relayed by one device for the desks."""

    def relay_bundle(self, data: bytes) -> int:
        """``POST /v1/bundles`` (device token): hand over a bundle this device cannot
        open, for the desks; return its number. Idempotent (the same bytes keep their
        number), so retried."""
        if not data or len(data) > MAX_RELAYED_BUNDLE:
            raise ValueError("a relayed bundle is 1 byte to 64 MiB")
        body = to_json({"data": protocol.encode_base64(data)})
        reply = self._call("POST", "/v1/bundles", body=body, idempotent=True, cap=SMALL_REPLY_BYTES)
        receipt = self._parse(messages.BundleReceipt, reply)
        if receipt.size != len(data) or receipt.seq < 1:
            raise bad_response("the bundle receipt does not match the bundle sent")
        return receipt.seq

    def relayed_bundle(self, after: int) -> tuple[int, bytes] | None:
        """``GET /v1/bundles`` (desk token): the next relayed bundle after ``after`` as
        ``(seq, bytes)``, or None when there is none."""
        check_page_args(after, 1)
        reply = self._call(
            "GET",
            "/v1/bundles",
            params={"after": after},
            idempotent=True,
            cap=protocol.base64_length(MAX_RELAYED_BUNDLE) + 64 * KIB,
        )
        page = self._parse(messages.BundlePage, reply)
        if not page.bundles:
            return None
        [bundle] = page.bundles[:1]
        if bundle.seq <= after or len(page.bundles) > 1:
            raise bad_response("the relayed bundle page is out of order")
        try:
            return bundle.seq, protocol.decode_base64(bundle.data)
        except ValueError:
            raise bad_response("a relayed bundle is not valid base64") from None
