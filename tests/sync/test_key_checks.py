"""Public keys nothing can be sealed to, or that anyone could sign under, are refused on
loading: low-order and non-canonical X25519 points, small-order and non-canonical Ed25519."""

from __future__ import annotations

import pytest

from sync.envelope import (
    DeviceSigningKey,
    NewsroomKeyPair,
    NewsroomPublicKey,
    check_ed25519_public,
    check_x25519_public,
)

P = 2**255 - 19


def little(n: int) -> bytes:
    return n.to_bytes(32, "little")


LOW_ORDER_X25519 = [
    little(0),
    little(1),
    little(P - 1),
    bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
    bytes.fromhex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
]
NON_CANONICAL_X25519 = [little(P), little(P + 9), bytes(31) + b"\x80"]


@pytest.mark.parametrize("raw", LOW_ORDER_X25519 + NON_CANONICAL_X25519)
def test_x25519_points_nothing_can_be_sealed_to_are_refused(raw: bytes) -> None:
    with pytest.raises(ValueError, match=r"low-order|canonical"):
        check_x25519_public(raw)
    with pytest.raises(ValueError, match=r"low-order|canonical"):
        NewsroomPublicKey.from_raw(raw)
    hybrid = NewsroomKeyPair.generate("mlkem768x25519").public_bytes()[:1184] + raw
    with pytest.raises(ValueError, match=r"low-order|canonical"):
        NewsroomPublicKey.from_raw(hybrid)


def test_real_keys_load() -> None:
    for kem in ("x25519", "mlkem768x25519"):
        public = NewsroomKeyPair.generate(kem).public_key
        assert NewsroomPublicKey.from_text(public.to_text()) == public
    raw = DeviceSigningKey.generate().public_bytes()
    assert check_ed25519_public(raw).public_bytes_raw() == raw


@pytest.mark.parametrize(
    "raw",
    [
        little(1),  # the identity
        little(P - 1),  # order 2
        little(0),  # order 4
        little(0)[:31] + b"\x80",  # order 4, the other sign
        bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
        bytes.fromhex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
        little(P + 1),  # the identity again, not in canonical form
        little(P + 5),  # not in canonical form
    ],
)
def test_ed25519_keys_anyone_could_sign_under_are_refused(raw: bytes) -> None:
    with pytest.raises(ValueError, match=r"small order|canonical"):
        check_ed25519_public(raw)
