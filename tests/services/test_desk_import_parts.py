"""A bundle's envelopes are stored part by part as they are opened
(`desktop.services.desk.handcarry`); the copies of one envelope id always share a part,
where the first verified copy is chosen."""

from __future__ import annotations

from desktop.services.desk.handcarry import _parts
from desktop.services.desk.open import Sealed
from desktop.store.desk.core import EnvelopeRecord


def sealed(envelope_id: str, copy: int) -> Sealed:
    record = EnvelopeRecord(envelope_id, 0, "gw-1", "report", 1, "t", "stored")
    return Sealed(record, bytes([copy]))


def test_parts_keep_every_copy_of_an_id_together_and_the_order() -> None:
    fresh = [sealed(i, n) for n, i in enumerate(["a", "a", "b", "c", "c", "c", "d", "e", "e", "f"])]
    parts = _parts(fresh, 2)
    assert [[s.base.envelope_id for s in p] for p in parts] == [
        ["a", "a"],
        ["b", "c", "c", "c"],
        ["d", "e", "e"],
        ["f"],
    ]
    assert [s for p in parts for s in p] == fresh
    assert _parts([], 2) == []
    assert _parts(fresh, 100) == [fresh]
