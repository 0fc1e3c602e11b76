"""A page of ``GET /v1/envelopes`` is written without pydantic (sync/server/page_json.py):
its bytes are held here to what pydantic writes for ``protocol.EnvelopePage``, and to what
the desk's client reads back."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sync import messages, protocol
from sync.client import ClientConfig, SyncClient
from sync.server.config import ServerConfig
from sync.server.page_json import envelope_page_json
from tests.sync.conftest import Srv, sealed

ENVELOPE_KEYS = {
    "seq",
    "envelope_id",
    "device_id",
    "kind",
    "recipient_key_id",
    "kem",
    "size",
    "sha256",
    "received_at",
    "data",
}


def model_json(rows: Sequence[Sequence[Any]], next_after: int, more: bool) -> bytes:
    """What FastAPI wrote for the page before: the pydantic model, dumped by pydantic."""
    page = protocol.EnvelopePage(
        envelopes=[
            protocol.StoredEnvelope(
                seq=row[0],
                envelope_id=row[1],
                device_id=row[2],
                kind=row[3],
                recipient_key_id=row[4],
                kem=row[5],
                size=row[6],
                sha256=row[7],
                received_at=row[8],
                data=protocol.encode_base64(row[9]),
            )
            for row in rows
        ],
        next_after=next_after,
        more=more,
    )
    return page.model_dump_json().encode()


# Any text a column could hold: quotes, backslashes, control characters, non-ASCII
# (Burmese, U+2028, astral), but no lone surrogates (UTF-8 cannot carry them).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
ROW = st.tuples(
    st.integers(0, protocol.MAX_CURSOR),
    TEXT,
    TEXT,
    TEXT,
    TEXT,
    TEXT,
    st.integers(0, 2**40),
    TEXT,
    TEXT,
    st.binary(max_size=70),  # every base64 padding, and the empty body
)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(ROW, max_size=6),
    next_after=st.integers(0, protocol.MAX_CURSOR),
    more=st.booleans(),
)
def test_a_page_is_byte_for_byte_what_pydantic_writes(
    rows: list[tuple[Any, ...]], next_after: int, more: bool
) -> None:
    assert envelope_page_json(rows, next_after, more) == model_json(rows, next_after, more)


def test_the_text_fields_are_escaped_as_pydantic_escapes_them() -> None:
    odd = 'a"b\\c/d\x00\x01\x08\t\n\x0b\x0c\r\x1f\x7f é ၁၂၃ \u2028\u2029 \U0001f600 </script>'
    rows = [(7, odd, odd, odd, odd, odd, 3, odd, odd, b"\x00\xff\xfe")]
    written = envelope_page_json(rows, 7, False)
    assert written == model_json(rows, 7, False)
    assert json.loads(written)["envelopes"][0]["received_at"] == odd


def test_an_empty_page() -> None:
    assert envelope_page_json([], 12, False) == b'{"envelopes":[],"next_after":12,"more":false}'
    assert envelope_page_json([], 0, True) == model_json([], 0, True)


def test_the_desk_reads_the_served_pages_as_the_model_wrote_them(srv: Srv) -> None:
    device = srv.enroll()
    # Bodies of three lengths apart (every base64 padding), several pages, then the end.
    batch = [
        sealed(device, srv.newsroom.public_key, b"p" * (40 + n)) for n in (0, 1, 2, 3, 4, 5, 6)
    ]
    uploaded = srv.upload(device, *batch)
    assert uploaded.status_code == 200, uploaded.text
    sent = dict(batch)
    desk = srv.desk()
    with srv.admin() as store:
        first = store.envelopes.page(0, 10_000, 2**40)[0]
    after = next(e.seq for e in first if e.envelope_id == batch[0][0]) - 1
    pulled: list[messages.StoredEnvelope] = []
    while True:
        response = srv.http.get(
            f"{srv.url}/v1/envelopes", params={"after": after, "limit": 3}, headers=desk
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/json"
        with srv.admin() as store:
            envelopes, next_after, more = store.envelopes.page(
                after, 3, ServerConfig().max_page_bytes
            )
        expected = protocol.EnvelopePage(envelopes=envelopes, next_after=next_after, more=more)
        assert response.content == expected.model_dump_json().encode()
        document = json.loads(response.content)
        assert list(document) == ["envelopes", "next_after", "more"]
        assert all(set(item) == ENVELOPE_KEYS for item in document["envelopes"])
        page = messages.parse(messages.EnvelopePage, response.content)
        pulled.extend(page.envelopes)
        after = page.next_after
        if not page.more:
            break
    assert [e.envelope_id for e in pulled] == [eid for eid, _ in batch]
    for envelope in pulled:
        data = protocol.decode_base64(envelope.data)
        assert data == sent[envelope.envelope_id]
        assert envelope.size == len(data)
        assert envelope.sha256 == hashlib.sha256(data).hexdigest()
        assert (envelope.device_id, envelope.kind) == (device.device_id, "report")
        assert envelope.recipient_key_id == srv.newsroom.fingerprint

    # The desk's own client takes the same pages (it checks sizes, hashes and the cursor).
    token = desk["Authorization"].removeprefix("Bearer ")
    with SyncClient(ClientConfig(base_url=srv.url, token=token)) as client:
        start = pulled[0].seq - 1
        got = client.pull(start, limit=5)
        assert [e.envelope_id for e in got.envelopes] == [e.envelope_id for e in pulled[:5]]
        assert got.more
        rest = client.pull(got.next_after, limit=5)
        assert [e.envelope_id for e in rest.envelopes] == [e.envelope_id for e in pulled[5:]]
        assert (rest.next_after, rest.more) == (pulled[-1].seq, False)
