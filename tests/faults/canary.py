"""Canary scans: after a campaign, the canary must be in no file it could leak to.

Reports written by the campaigns carry a unique token (`common.new_canary`) in their
narrative and photos. The stores are encrypted and the server holds sealed envelopes, so
the token must not appear — as UTF-8, UTF-16 or base64 of the narrative — in any file of
the data folders, the server's database, the captured logs or the temp directory.
"""

from __future__ import annotations

import base64
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

MAX_SCANNED_BYTES = 256 * 2**20  # larger files in the temp folder are not ours


def needles(canary: str) -> list[bytes]:
    """The canary as it could appear on disk: UTF-8, UTF-16 (LE and BE)."""
    raw = canary.encode()
    return [raw, canary.encode("utf-16-le"), canary.encode("utf-16-be")]


def _files(root: Path, newer_than: float | None) -> Iterator[Path]:
    for folder, _, names in os.walk(root, onerror=lambda _: None):
        for name in names:
            path = Path(folder, name)
            try:
                info = path.lstat()
            except OSError:
                continue
            if not path.is_file() or path.is_symlink() or info.st_size > MAX_SCANNED_BYTES:
                continue
            if newer_than is not None and info.st_mtime < newer_than:
                continue
            yield path


def find_canary(canary: str, roots: Iterable[Path], newer_than: float | None = None) -> list[Path]:
    """Files under ``roots`` (recursively) that contain the canary in any of its forms.

    ``newer_than`` (a time.time()) limits the scan to files changed since then.
    """
    forms = needles(canary)
    hits: list[Path] = []
    for root in roots:
        for path in _files(root, newer_than):
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if any(form in data for form in forms):
                hits.append(path)
    return hits


def b64_fragments(canary: str) -> list[bytes]:
    """Base64 of the canary at each of the three alignments (what a base64 copy of a
    plaintext report would contain)."""
    out = []
    for shift in range(3):
        encoded = base64.b64encode(b"x" * shift + canary.encode())
        out.append(encoded[4 : len(encoded) - 4])  # drop the parts the prefix/suffix touch
    return out


class CanaryScan:
    """Remembers when a campaign started and which folders it wrote; `assert_clean` scans
    them all and every file changed in the temp directory since the start."""

    def __init__(self, canary: str) -> None:
        self.canary = canary
        self.started = time.time() - 1.0
        self.roots: list[Path] = []

    def add(self, *roots: Path) -> None:
        self.roots.extend(roots)

    def assert_clean(self) -> int:
        """Raise AssertionError naming the files that hold the canary; return files scanned."""
        temp = Path(tempfile.gettempdir())
        scanned = [p for r in self.roots for p in _files(r, None)]
        recent = [p for p in _files(temp, self.started) if not _under(p, self.roots)]
        hits = find_canary(self.canary, self.roots)
        hits += find_canary(self.canary, [temp], newer_than=self.started)
        b64 = b64_fragments(self.canary)
        for path in scanned:
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if any(fragment in data for fragment in b64):
                hits.append(path)
        assert not hits, f"the canary {self.canary} is in plaintext in: {sorted(set(hits))}"
        assert scanned, "the canary scan found no file to scan: the campaign wrote nothing?"
        return len(scanned) + len(recent)


def _under(path: Path, roots: list[Path]) -> bool:
    return any(path.is_relative_to(root) for root in roots)
