"""The data folder's Windows ACL: the user alone, as mode 0700 is on POSIX.

A new folder under %LOCALAPPDATA% inherits the profile's ACL, which usually lets SYSTEM
and the Administrators group in too, and a folder the user chose (GATEWATCH_DATA_DIR, a
USB stick) may let anyone in. ``restrict_to_current_user`` replaces the folder's DACL with
one entry, full control for the signed-in user, inherited by every file and folder below
it, and marks it protected so the parent's entries no longer flow in. (An administrator can
still take ownership: against them the encryption is what protects the reports.)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# S-1-<authority>-<sub authorities>: what ConvertSidToStringSidW writes, and nothing that
# could close the ACE and open another.
_SID = re.compile(r"S-1-\d{1,14}(?:-\d{1,10}){1,15}")
# File systems without ACLs (FAT, exFAT): ERROR_NOT_SUPPORTED, ERROR_INVALID_FUNCTION.
_NO_ACL_ERRORS = frozenset({50, 1})


def private_dacl_sddl(user_sid: str) -> str:
    """The SDDL of a protected DACL granting ``user_sid`` full control, inherited by files
    (OI) and folders (CI) below. Raises ValueError for anything that is not a SID."""
    if not _SID.fullmatch(user_sid):
        raise ValueError(f"not a security identifier: {user_sid!r}")
    return f"D:P(A;OICI;FA;;;{user_sid})"


def restrict_to_current_user(path: Path) -> None:  # pragma: no cover - Windows only
    """Give ``path`` the DACL of ``private_dacl_sddl`` for the user running this process.

    Tolerates file systems without ACLs (as the POSIX side tolerates FAT without modes).
    Raises OSError for other failures.
    """
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        sd = ctypes.c_void_p()
        if not advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
            ctypes.c_wchar_p(private_dacl_sddl(current_user_sid())),
            wintypes.DWORD(1),  # SDDL_REVISION_1
            ctypes.byref(sd),
            None,
        ):
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            dacl_info = 0x00000004 | 0x80000000  # DACL_ and PROTECTED_DACL_SECURITY_INFORMATION
            if not advapi32.SetFileSecurityW(
                ctypes.c_wchar_p(str(path)), wintypes.DWORD(dacl_info), sd
            ):
                error = ctypes.get_last_error()
                if error not in _NO_ACL_ERRORS:
                    raise ctypes.WinError(error)
        finally:
            kernel32.LocalFree(sd)
    else:
        return


def current_user_sid() -> str:  # pragma: no cover - Windows only
    """The string SID of the user this process runs as (its token's TokenUser)."""
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        token = wintypes.HANDLE()
        if not advapi32.OpenProcessToken(
            kernel32.GetCurrentProcess(),
            0x0008,
            ctypes.byref(token),  # TOKEN_QUERY
        ):
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            size = wintypes.DWORD()
            advapi32.GetTokenInformation(token, 1, None, 0, ctypes.byref(size))  # TokenUser
            buffer = ctypes.create_string_buffer(size.value)
            if not advapi32.GetTokenInformation(token, 1, buffer, size, ctypes.byref(size)):
                raise ctypes.WinError(ctypes.get_last_error())
            sid = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_void_p))[0]  # TOKEN_USER.User.Sid
            text = ctypes.c_wchar_p()
            if not advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)):
                raise ctypes.WinError(ctypes.get_last_error())
            try:
                return str(text.value)
            finally:
                kernel32.LocalFree(text)
        finally:
            kernel32.CloseHandle(token)
    else:
        raise OSError("security identifiers exist on Windows only")
