"""Small file-system helpers for private, durable files.

POSIX modes are set explicitly with chmod/fchmod so they do not depend on the umask. On
Windows, which has no POSIX modes, the private folder gets an ACL for the user alone
(desktop/store/winacl.py), which the files created in it inherit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from desktop.store import winacl

POSIX_MODES = os.name == "posix"
WINDOWS_ACLS = os.name == "nt"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600

# Temp files written by atomic_write are named "<target name><TEMP_INFIX><random hex>", so a
# wipe can find leftovers of a crash by prefix.
TEMP_INFIX = ".tmp-"

# chmod errors that mean "this file system has no POSIX modes" (FAT or exFAT on a USB
# stick): tolerated, since refusing would make the store unusable there.
_NO_MODES_ERRNOS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP})

# Open flags that exist on some systems only (0 elsewhere, so they can always be or-ed in).
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
BINARY = getattr(os, "O_BINARY", 0)


def _chmod(target: Path | int, mode: int) -> None:
    """chmod a path or an fd, independent of the umask; tolerate file systems without modes."""
    if not POSIX_MODES:
        return
    try:
        if isinstance(target, int):
            os.fchmod(target, mode)
        else:
            os.chmod(target, mode)
    except OSError as e:
        if e.errno not in _NO_MODES_ERRNOS:
            raise


def fsync_dir(path: Path) -> None:
    """Make renames and unlinks inside ``path`` durable. A no-op where unsupported.

    Raises OSError if the directory cannot be opened or synced on POSIX.
    """
    if not POSIX_MODES:
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) if needed and set it to 0700 (on Windows: an
    ACL for the current user alone, inherited by what is created inside).

    Parents that did not exist get the process's default mode; only the leaf is made
    private. Raises OSError.
    """
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    _chmod(path, PRIVATE_DIR_MODE)
    if WINDOWS_ACLS:
        winacl.restrict_to_current_user(path)


def make_private(path: Path) -> None:
    """Set an existing file to 0600 (or a directory to 0700) without following symlinks.

    Does nothing if the path does not exist. Raises OSError on other failures.
    """
    if not POSIX_MODES:
        return
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    if path.is_symlink():
        return
    wanted = PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE
    if st.st_mode & 0o777 != wanted:
        _chmod(path, wanted)


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600. Raises FileExistsError if it already exists."""
    fd = _open_exclusive(path)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_new(path: Path, data: bytes) -> None:
    """Create ``path`` holding ``data`` (0600), whole or not at all; never replace anything.

    Writes and fsyncs a temp file, hard-links it as ``path`` (which fails if any entry,
    even a dangling symlink, is there), drops the temp name and fsyncs the directory.
    Where the file system has no hard links (FAT, exFAT), ``path`` is created with O_EXCL
    and written in place instead: a hard crash may then leave it partly written.
    Raises FileExistsError if ``path`` exists, OSError for the rest; no temp file is left
    behind on an exception.
    """
    tmp = _write_temp(path, data)
    try:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:
            fd = _open_exclusive(path)
            try:
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    fsync_dir(path.parent)


def atomic_write(path: Path, data: bytes, *, shred_old: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically, as a 0600 file.

    Writes a temp file in the same directory, fsyncs it, renames it over ``path`` and fsyncs
    the directory. After a crash at any point ``path`` holds either its old or its new bytes,
    never a mix. On an exception the temp file is removed before the error propagates (a hard
    crash may leave it behind; its name starts with ``path.name + TEMP_INFIX``).

    With ``shred_old`` (POSIX only), the old file is opened before the rename and, once the
    rename is durable, its bytes are overwritten with random data through that descriptor
    (a rename alone leaves them in a free inode). Best effort: skipped if the old file
    cannot be opened for writing or another hard link still names it, and SSDs or
    copy-on-write file systems may keep old blocks anyway. Never done when anything failed.

    Raises NotDurableError (an OSError) if the directory sync after the rename fails: the
    new content is in place but may not survive a crash. Raises OSError for the rest.
    """
    old_fd = _open_for_shredding(path) if shred_old and POSIX_MODES else -1
    try:
        _replace(path, data)
        try:
            fsync_dir(path.parent)
        except OSError as e:
            raise NotDurableError(e.errno, e.strerror) from e
        if old_fd >= 0:
            _shred(old_fd)
    finally:
        if old_fd >= 0:
            os.close(old_fd)


class NotDurableError(OSError):
    """The rename happened but the directory sync failed: after a crash the old content
    may come back."""


def overwrite_with_random(fd: int, size: int) -> None:
    """Overwrite the first ``size`` bytes of the open file ``fd`` with random data, fsync.

    Raises OSError.
    """
    os.lseek(fd, 0, os.SEEK_SET)
    _write_all(fd, secrets.token_bytes(size))
    os.fsync(fd)


def _replace(path: Path, data: bytes) -> None:
    tmp = _write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _write_temp(path: Path, data: bytes) -> Path:
    """A synced 0600 temp file beside ``path`` holding ``data``; removed on an exception."""
    tmp = path.with_name(path.name + TEMP_INFIX + secrets.token_hex(8))
    fd = _open_exclusive(tmp)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _open_exclusive(path: Path) -> int:
    """Create ``path`` (0600, whatever the umask) and open it for writing; never an
    existing file or a symlink. Raises FileExistsError, OSError."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | CLOEXEC | BINARY, 0o600)
    try:
        _chmod(fd, PRIVATE_FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _open_for_shredding(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | NOFOLLOW | CLOEXEC | BINARY)
    except OSError:
        return -1  # missing, a symlink or not writable: nothing we may shred


def _shred(fd: int) -> None:
    # Best effort, after the new file is durable: a failure here changes nothing for the
    # caller, whose new content is already in place.
    with contextlib.suppress(OSError):
        st = os.fstat(fd)
        if st.st_nlink == 0:  # no other name still reads these bytes
            overwrite_with_random(fd, st.st_size)
