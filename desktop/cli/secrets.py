"""Secrets the command line takes (an invite, a desk token) without putting them in argv.

A command-line argument is readable by every user of the machine while the command runs
(/proc/PID/cmdline, `ps`) and stays in the shell's history. So each secret is read from
standard input (the argument ``-``) or from an environment variable; the argument form
still works, with a warning on stderr.
"""

from __future__ import annotations

import os
import sys

from desktop.fsread import TooLargeError, read_bounded

INVITE_ENV = "GATEWATCH_INVITE"
DESK_TOKEN_ENV = "GATEWATCH_DESK_TOKEN"  # noqa: S105 (a variable's name, not a secret)
_MAX_SECRET_BYTES = 16 * 1024


class SecretInputError(Exception):
    """No secret given, or stdin held none; `desktop.cli` prints it and exits with 2."""


def read_secret(value: str | None, env_name: str, option: str, what: str) -> str:
    """The secret from ``value`` (``-``: one line of stdin), else from ``env_name``."""
    if value == "-":
        try:
            raw = read_bounded(sys.stdin.buffer, _MAX_SECRET_BYTES)
        except (OSError, TooLargeError) as error:
            raise SecretInputError(f"cannot read the {what} from standard input") from error
        text = raw.decode("utf-8", "replace").strip()
        if not text:
            raise SecretInputError(f"standard input held no {what}")
        return text
    if value is not None:
        print(
            f"warning: {option} on the command line can be read by other users of this "
            f"computer and stays in the shell history; use `{option} -` (stdin) or "
            f"{env_name} instead",
            file=sys.stderr,
        )
        return value
    from_env = os.environ.get(env_name, "").strip()
    if not from_env:
        raise SecretInputError(
            f"give the {what}: `{option} -` reads it from stdin, or set {env_name}"
        )
    return from_env
