"""What every `gatewatch` command shares: exit codes, the passphrase prompt, opening the
store, reading a report file, writing a file the user asked for, and printing text that
came from elsewhere without letting a terminal interpret it."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from desktop.domain.errors import ReportValidationError
from desktop.domain.gazetteer import Gazetteer
from desktop.fsread import TooLargeError, read_bounded
from desktop.services.unlock import unlock, unlock_indexed
from desktop.store.database import Store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_WRONG_PASSPHRASE = 3

PASSPHRASE_ENV = "GATEWATCH_PASSPHRASE"  # noqa: S105 (a variable's name, not a secret)
NEW_PASSPHRASE_ENV = "GATEWATCH_NEW_PASSPHRASE"  # noqa: S105
MAX_REPORT_FILE_BYTES = 1024 * 1024


class UserError(Exception):
    """A problem the user can fix; carries the exit code and a one-line message."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


# -- the store -----------------------------------------------------------------------------


def open_indexed(data_dir: Path, gazetteer: Gazetteer) -> Store:
    """Unlock the store and bring its search index up to this version's rules."""
    return unlock_indexed(data_dir, passphrase())


def open_plain(data_dir: Path) -> Store:
    """Unlock the store, counting a wrong passphrase (no search index work)."""
    return unlock(data_dir, passphrase())


def passphrase() -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    require_terminal(PASSPHRASE_ENV)
    return getpass.getpass("Passphrase: ")


def new_passphrase(env_name: str, prompt: str) -> str:
    from_env = os.environ.get(env_name)
    if from_env is not None:
        return from_env
    require_terminal(env_name)
    first = getpass.getpass(prompt)
    if getpass.getpass("Repeat it: ") != first:
        raise UserError("the two passphrases differ: nothing was changed")
    return first


def require_terminal(env_name: str) -> None:
    if not sys.stdin.isatty():
        raise UserError(f"no terminal to ask for the passphrase: set {env_name}")


# -- arguments and files -------------------------------------------------------------------


def positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError("a photo number is 1, 2, 3…")
    return int(value)


def text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def write_file(path: Path, data: bytes) -> None:
    """Write bytes the user asked for to ``path`` (0600, replacing a file there)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except OSError as error:
        raise UserError(f"cannot write {path}: {error.strerror}", EXIT_FAILURE) from error


def read_report_json(source: str) -> object:
    try:
        raw = read_bounded(sys.stdin.buffer if source == "-" else source, MAX_REPORT_FILE_BYTES)
    except OSError as error:
        raise UserError(f"cannot read {source}: {error.strerror}") from error
    except TooLargeError as error:
        raise UserError(f"{source} is larger than {MAX_REPORT_FILE_BYTES // 1024} KiB") from error
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise UserError(f"{source} is not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise UserError(
            f"{source} is not valid JSON: {error.msg} at line {error.lineno}"
        ) from error
    except RecursionError as error:
        raise UserError(f"{source} is nested too deeply to be a report") from error
    except ValueError as error:  # an integer past Python's digit limit (4300)
        raise UserError(f"{source} holds a number too long to be read") from error


def validation_message(error: ReportValidationError) -> str:
    # The offending values are shown to the person who typed them (this is their
    # terminal), from `got`: a FieldError's own text never holds them.
    return "invalid report: " + "; ".join(
        str(e) if e.got is None else f"{e} (got {e.got})" for e in error.errors
    )


# -- printing ------------------------------------------------------------------------------


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %z")


def gate_label(gate: str | None, gazetteer: Gazetteer) -> str:
    if gate is None:
        return "(new crossing)"
    crossing = gazetteer.get(gate)
    return gate if crossing is None else crossing.name("en")


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def line(out: TextIO, label: str, value: str) -> None:
    print(f"{label + ':':<14}{value}", file=out)


def print_json(value: object) -> None:
    # json.dumps escapes C0 controls; C1 controls, DEL and lone surrogates (possible in
    # an old draft) get a \\u escape too, so a terminal never receives them raw.
    text = json.dumps(value, ensure_ascii=False, indent=2)
    print(_RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


# What a terminal must not get raw: C0/C1 controls, DEL, lone surrogates (a string that
# cannot even be encoded). Newline and tab are kept where a text has lines.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_UNPRINTABLE_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_RAW_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")


def shown(value: object, *, multiline: bool = False) -> str:
    """``str(value)`` with control characters and lone surrogates escaped (as ``\\x1b``)."""
    pattern = _UNPRINTABLE_BUT_LINES if multiline else _UNPRINTABLE
    return pattern.sub(lambda m: repr(m.group())[1:-1], str(value))


def discard_stdout() -> None:
    # Point stdout at devnull so the interpreter's final flush does not fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def fail(message: str, code: int) -> int:
    print(f"gatewatch: {message}", file=sys.stderr)
    return code
