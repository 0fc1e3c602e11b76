"""The store's Argon2id lets other threads run: an unlock derives on the store worker
while the window's thread paints."""

from __future__ import annotations

import threading
import time
import unicodedata

from desktop.store.keyfile import KdfParams, derive_wrapping_key


def test_the_kdf_lets_other_threads_run_while_it_derives() -> None:
    kdf = KdfParams(memory_cost=64 * 1024, iterations=3, lanes=4)
    ticks = 0
    stop = threading.Event()

    def tick() -> None:
        nonlocal ticks
        while not stop.is_set():
            time.sleep(0.001)  # each wake-up needs the GIL back
            ticks += 1

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        before = ticks
        key = derive_wrapping_key("bamboo gate opens at two", kdf, bytes(16))
        during = ticks - before
    finally:
        stop.set()
        ticker.join()
    assert len(key) == 32
    # Holding the GIL, a derivation lets the ticker run at most until it enters C (a few
    # ticks); releasing it, the ticker wakes throughout (hundreds of times).
    assert during >= 20, during


def test_the_kdf_gives_the_same_key_as_before() -> None:
    """Key files written before open: the output is checked against the cryptography
    package's Argon2id, which the store used to derive with."""
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = KdfParams(memory_cost=64 * 1024, iterations=3, lanes=4)
    salt = bytes(range(16))
    expected = Argon2id(salt=salt, length=32, iterations=3, lanes=4, memory_cost=64 * 1024)
    passphrase = unicodedata.normalize("NFC", "ဂိတ် gate, passphrase")
    derived = derive_wrapping_key(passphrase, kdf, salt)
    assert bytes(derived) == expected.derive(passphrase.encode())
