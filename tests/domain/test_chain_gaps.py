"""Holes in a device's chains: carried parts, missing parts, and a restored chain's tail."""

from __future__ import annotations

from desktop.domain.desk.chain_gaps import ChainView, Gap, find_gaps

DEVICE = "gw-00000000000000000001"
CHAIN = "c0" * 16


def test_find_gaps_splits_a_hole_into_carried_and_missing_and_follows_a_restore() -> None:
    old = ChainView(DEVICE, CHAIN, ((1, 100), (7, 700)), (1, None, 0, 100), ((3, 4, 350),))
    new = ChainView(DEVICE, "d1" * 16, ((1, 900),), (2, CHAIN, 9, 900))
    gaps, restarts = find_gaps([old, new])
    assert gaps == [
        Gap(DEVICE, CHAIN, 2, 2, 100),
        Gap(DEVICE, CHAIN, 3, 4, 100, 350),
        Gap(DEVICE, CHAIN, 5, 6, 100),
        Gap(DEVICE, CHAIN, 8, 9, 700),  # sealed before the backup, never came
    ]
    assert [(r.chain_id, r.restored, r.follows_seq) for r in restarts] == [("d1" * 16, True, 9)]
    whole = ChainView(DEVICE, "e2" * 16, ((2, 200), (3, 300)), None)
    assert find_gaps([whole])[0] == [Gap(DEVICE, "e2" * 16, 1, 1, None)]
