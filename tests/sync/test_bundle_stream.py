"""A bundle is read a segment at a time (sync/payloads/bundle.py): its envelopes are held
once, not the file, its plaintext, its body and its envelopes over again; and a bundle cut
into segments anywhere reads the same as whole."""

from __future__ import annotations

import os
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from sync.envelope import NewsroomKeyPair
from sync.payloads.bundle import open_bundle, read_bundle, seal_bundle
from sync.payloads.container import SEGMENT, BundleError

MIB = 1024 * 1024


@pytest.fixture(scope="module")
def newsroom() -> NewsroomKeyPair:
    return NewsroomKeyPair.generate("x25519")


def envelopes(count: int, size: int) -> list[bytes]:
    return [os.urandom(size) for _ in range(count)]


def peak(work: Callable[[], object]) -> int:
    """The most memory Python held at once above what it held before, while ``work`` ran."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        kept = work()
        top = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del kept
    return top - base


def test_opening_holds_the_envelopes_once(newsroom: NewsroomKeyPair, tmp_path: Path) -> None:
    inside = envelopes(40, 150_000)  # about 6 MiB: an 8 MiB bucket
    data = seal_bundle(inside, newsroom.public_key)
    path = tmp_path / "notes.dat"
    path.write_bytes(data)
    payload = sum(map(len, inside))

    def from_file() -> object:
        with path.open("rb") as stream:
            return read_bundle(stream, len(data), [newsroom])

    held = peak(from_file)
    assert held < payload + 2 * MIB, held / payload
    held = peak(lambda: open_bundle(data, [newsroom]))  # from memory: the bytes are given
    assert held < payload + 2 * MIB, held / payload
    with path.open("rb") as stream:
        assert list(read_bundle(stream, len(data), [newsroom]).envelopes) == inside


@pytest.mark.parametrize("size", [1, SEGMENT - 40, SEGMENT - 4, SEGMENT, 3 * SEGMENT + 7])
def test_envelopes_across_segment_edges_read_whole(newsroom: NewsroomKeyPair, size: int) -> None:
    inside = envelopes(5, size)
    bundle = open_bundle(seal_bundle(inside, newsroom.public_key), [newsroom])
    assert list(bundle.envelopes) == inside


def test_a_file_that_changes_size_while_read_is_damaged(
    newsroom: NewsroomKeyPair, tmp_path: Path
) -> None:
    data = seal_bundle(envelopes(3, 100_000), newsroom.public_key)
    path = tmp_path / "cut.dat"
    path.write_bytes(data[: len(data) - SEGMENT])
    with path.open("rb") as stream, pytest.raises(BundleError) as refused:
        read_bundle(stream, len(data), [newsroom])  # the size seen before it was cut
    assert refused.value.reason == "damaged"
