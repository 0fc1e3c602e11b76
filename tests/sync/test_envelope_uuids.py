"""Envelope and report ids are read and written without building `uuid.UUID` objects: the
result must be exactly what the uuid module gives, for every spelling it accepts."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator

import pytest

from desktop.domain.ids import is_report_id
from sync.envelope.chain import CarriedRange, ChainLink, ChainStart, decode_chain
from sync.envelope.header import canonical_uuid, uuid_text


def by_the_uuid_module(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def spellings() -> Iterator[str]:
    rng = random.Random(11)  # noqa: S311 (a reproducible corpus, not a secret)
    edges = [bytes(16), b"\xff" * 16, bytes(range(16))]
    for raw in edges + [rng.randbytes(16) for _ in range(300)]:
        text = str(uuid.UUID(bytes=raw))
        plain = text.replace("-", "")
        yield from (text, text.upper(), text.title(), plain, "{" + text + "}")
        yield from (f"urn:uuid:{text}", text + "\n", " " + text, text[:-1], text + "0")
        yield from (text[:8] + "_" + text[9:], text.replace("-", "_"), text[:35] + "\u0663")
        yield text[:8] + "-" + plain[8:12] + "-" + plain[12:16] + plain[16:20] + "-" + plain[20:]
        yield text[:34] + "_" + text[35]  # int() takes underscores between digits
    yield from ("", "-" * 36, "g" * 36, "0" * 36)


def test_ids_are_checked_as_the_uuid_module_writes_them() -> None:
    for text in spellings():
        expected = by_the_uuid_module(text)
        assert is_report_id(text) is expected, ascii(text)
        if expected:
            assert canonical_uuid(text) == text
        else:
            with pytest.raises(ValueError, match="envelope id"):
                canonical_uuid(text)


def test_header_ids_are_written_as_the_uuid_module_writes_them() -> None:
    rng = random.Random(12)  # noqa: S311 (a reproducible corpus, not a secret)
    for raw in [bytes(16), b"\xff" * 16] + [rng.randbytes(16) for _ in range(1000)]:
        assert uuid_text(raw) == str(uuid.UUID(bytes=raw))


def test_a_full_chain_block_reads_back_every_field() -> None:
    link = ChainLink(
        chain_id="0f" * 16,
        seq=(1 << 63) - 1,
        previous=bytes(range(32)),
        sealed_at=(1 << 63) - 2,
        carried=tuple(CarriedRange(2 * n + 1, 2 * n + 2, (1 << 62) + n) for n in range(32)),
    )
    assert decode_chain(link.encode()) == link
    first = ChainLink("a1" * 16, 1, bytes(32), 7, ChainStart.RESTORED, "b2" * 16, 1 << 40)
    assert decode_chain(first.encode()) == first
    assert type(decode_chain(first.encode()).start) is ChainStart  # type: ignore[union-attr]
