"""atheris harness: the keyfile parser on arbitrary bytes.

``python -m fuzz.keyfile_fuzz -max_total_time=60 fuzz/corpus/keyfile`` (make soak).
`parse_keyfile` may only raise `KeyfileCorruptError`; a parsed keyfile must carry KDF
parameters within the bounds (so `unwrap` could never be asked for 2**40 KiB). Anything
else is a finding. Seeds: a real keyfile and a few near misses.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from desktop.store.errors import KeyfileCorruptError
    from desktop.store.keyfile import (
        MAX_ITERATIONS,
        MAX_LANES,
        MAX_MEMORY_KIB,
        WrappedKey,
        parse_keyfile,
    )

SEED = (
    b'{\n "format": "gatewatch-keyfile",\n "version": 1,\n "kdf": {\n  "name": "argon2id",\n'
    b'  "memory_cost": 65536,\n  "iterations": 3,\n  "lanes": 4,\n'
    b'  "salt": "AAECAwQFBgcICQoLDA0ODw=="\n },\n "aead": "chacha20poly1305",\n'
    b' "nonce": "AAECAwQFBgcICQoL",\n'
    b' "wrapped_key": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v"\n}\n'
)


def test_one(data: bytes) -> None:
    try:
        wrapped = parse_keyfile(data)
    except KeyfileCorruptError:
        return
    assert isinstance(wrapped, WrappedKey)
    assert wrapped.kdf.memory_cost <= MAX_MEMORY_KIB
    assert wrapped.kdf.iterations <= MAX_ITERATIONS
    assert wrapped.kdf.lanes <= MAX_LANES
    assert len(wrapped.salt) == 16
    assert len(wrapped.nonce) == 12
    wrapped.associated_data()


def main() -> None:
    for folder in (a for a in sys.argv[1:] if not a.startswith("-")):
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        (path / "seed-good").write_bytes(SEED)
        (path / "seed-version").write_bytes(SEED.replace(b'"version": 1', b'"version": 2'))
        (path / "seed-memory").write_bytes(SEED.replace(b"65536", b"1099511627776"))
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
