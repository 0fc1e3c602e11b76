"""Writing a desk export: the file whole or not at all, and its entry in the audit trail.

- Files are written whole or not at all: a temp file in the target's folder, fsynced, then
  renamed over the target. Any failure (a read-only folder, a full disk) removes the temp
  file and raises `ExportWriteError`; the target is never left half written.
- Every export is recorded in the audit trail with the ids of the reports it included
  (`ReviewRepository.record_export`), after the file is in place; if recording fails, the
  file is removed again (`record_or_remove`), so no export leaves the desk unrecorded.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from desktop.services.desk.review import desk_identity
from desktop.store.database import Store
from desktop.store.desk.review import ExportRecord, ReviewRepository

__all__ = [
    "ExportError",
    "ExportResult",
    "ExportWriteError",
    "Progress",
    "atomic_output",
    "record_export",
    "record_or_remove",
]

Progress = Callable[[int, int], None]


class ExportError(RuntimeError):
    """An export that cannot be made; the message says why and what to do."""


class ExportWriteError(ExportError):
    """The file could not be written (``reason``: ``no_space``, ``not_writable``,
    ``other``); nothing was left at the target."""

    def __init__(self, path: Path, reason: str, detail: str) -> None:
        advice = {
            "no_space": "the disk is full: free some space or choose another place",
            "not_writable": "that folder cannot be written to: choose another place",
        }.get(reason, detail)
        super().__init__(f"cannot write {path}: {advice}; nothing was written")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class ExportResult:
    path: Path
    reports: int
    export_id: str


def record_export(
    store: Store,
    fmt: str,
    filters: Mapping[str, Any],
    pseudonyms: bool,
    report_ids: list[str],
    export_id: str | None = None,
) -> str:
    """Record an export in the audit trail (by this desk's label); returns its id (a new
    one unless `export_id`, the id already written into the file, is given)."""
    export_id = export_id or str(uuid.uuid4())
    ReviewRepository(store).record_export(
        ExportRecord(
            export_id=export_id,
            format=fmt,
            filters=dict(filters),
            pseudonyms=pseudonyms,
            reports=len(report_ids),
            at=datetime.now(UTC),
            desk_label=desk_identity(store).label,
        ),
        report_ids,
    )
    return export_id


@contextlib.contextmanager
def atomic_output(out: Path, *, bom: bool = False, binary: bool = False) -> Iterator[IO[Any]]:
    """A stream to a temp file beside `out` that becomes `out` when the block ends well.

    On any exception the temp file is removed and `out` is left as it was; an `OSError`
    becomes `ExportWriteError`. The file is private (0600) like every file the desk writes.
    """
    out = Path(out)
    temp = out.with_name(f".{out.name}.tmp-{secrets.token_hex(6)}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise _write_error(out, error) from error
    try:
        mode = "wb" if binary else "w"
        encoding = None if binary else ("utf-8-sig" if bom else "utf-8")
        with os.fdopen(fd, mode, encoding=encoding, newline="" if not binary else None) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, out)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise _write_error(out, error) from error
        raise


def record_or_remove(
    store: Store,
    out: Path,
    fmt: str,
    filters: Mapping[str, Any],
    pseudonyms: bool,
    report_ids: list[str],
    export_id: str,
) -> str:
    """`record_export`, or, when that fails, remove `out`: an export the audit trail does
    not know of must not stay."""
    try:
        return record_export(store, fmt, filters, pseudonyms, report_ids, export_id)
    except BaseException:
        with contextlib.suppress(OSError):
            out.unlink()  # an export the audit trail does not know of must not stay
        raise


def _write_error(out: Path, error: OSError) -> ExportWriteError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        reason = "no_space"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR):
        reason = "not_writable"
    else:
        reason = "other"
    return ExportWriteError(out, reason, error.strerror or type(error).__name__)
