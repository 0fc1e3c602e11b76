"""``gatewatch text``: the text checks on stdin, and the checks ``report add`` runs.

``gatewatch text zawgyi`` prints the probability that the text on stdin is Zawgyi (one
number); with ``--convert`` it prints the text converted to Unicode (unchanged when it is
not Zawgyi). ``gatewatch text scan`` prints one JSON line per personal detail found,
``{"kind": …, "start": …, "end": …}`` (offsets in characters of the text as read), and
exits 0 either way. Neither ever prints what it found.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK
from desktop.domain.free_text import free_text_fields, map_free_texts
from desktop.services.correspondent.pii import scan
from desktop.services.correspondent.zawgyi import (
    looks_like_zawgyi,
    zawgyi_probability,
    zawgyi_to_unicode,
)

__all__ = ["HANDLERS", "TextGuardError", "add_report_options", "check_report_body", "register"]


class TextGuardError(Exception):
    """A report's text needs the user's decision; the message names fields and kinds only."""


def register(commands: Any) -> None:
    """Add ``text zawgyi`` and ``text scan`` to the ``gatewatch`` subcommand parsers."""
    text = commands.add_parser("text", help="check text on stdin: Zawgyi, personal details")
    actions = text.add_subparsers(dest="text_command", metavar="ACTION", required=True)
    zawgyi = actions.add_parser("zawgyi", help="print the probability that stdin is Zawgyi")
    zawgyi.add_argument(
        "--convert", action="store_true", help="print the text converted to Unicode instead"
    )
    actions.add_parser("scan", help="print one JSON line per personal detail found on stdin")


def add_report_options(add: argparse.ArgumentParser) -> None:
    """The ``report add`` options that answer the text checks."""
    add.add_argument(
        "--zawgyi",
        choices=["convert", "keep"],
        help="when a field is in Zawgyi: convert it to Unicode, or keep it as typed",
    )
    add.add_argument(
        "--allow-personal-details",
        action="store_true",
        help="store the report even when a field looks like it holds a phone, NRC, plate…",
    )


def check_report_body(data: object, zawgyi: str | None, allow_personal_details: bool) -> object:
    """Run the Zawgyi check and the personal-details guard on a report body as read.

    Returns the body to validate (Zawgyi converted with ``zawgyi="convert"``). Raises
    `TextGuardError` naming each field in Zawgyi when `zawgyi` is None, or each finding's
    kind and field unless `allow_personal_details`. Non-objects pass through untouched
    (the validator reports them).
    """
    if not isinstance(data, Mapping):
        return data
    fields = free_text_fields(data)
    in_zawgyi = [name for name, text in fields if looks_like_zawgyi(text)]
    if in_zawgyi and zawgyi is None:
        raise TextGuardError(
            f"Zawgyi text in {', '.join(in_zawgyi)}: pass --zawgyi convert to store it as "
            "Unicode, or --zawgyi keep to store it as typed"
        )
    if in_zawgyi and zawgyi == "convert":
        data = map_free_texts(data, lambda _name, text: zawgyi_to_unicode(text))
        fields = free_text_fields(data)
    if not allow_personal_details:
        found = [f"{finding.kind} in {name}" for name, text in fields for finding in scan(text)]
        if found:
            raise TextGuardError(
                f"this may identify a source: {'; '.join(found)}. Remove it, or pass "
                "--allow-personal-details to store it anyway"
            )
    return data


def check_answer(text: str, allow_personal_details: bool) -> None:
    """The personal-details guard for a follow-up answer (``gatewatch answer``)."""
    if allow_personal_details:
        return
    kinds = [finding.kind for finding in scan(text)]
    if kinds:
        raise TextGuardError(
            f"this may identify a source: {', '.join(kinds)} in the answer. Remove it, or "
            "pass --allow-personal-details to send it anyway"
        )


def run(args: argparse.Namespace, _data_dir: Path) -> int:
    """Run ``text zawgyi`` or ``text scan`` on stdin; no store is opened."""
    text = sys.stdin.read()
    if args.text_command == "zawgyi":
        if args.convert:
            sys.stdout.write(zawgyi_to_unicode(text))
        else:
            print(f"{zawgyi_probability(text):.6f}")
    else:
        for finding in scan(text):
            record = {"kind": finding.kind, "start": finding.start, "end": finding.end}
            print(json.dumps(record))
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace, Path], int]] = {"text": run}
"""For ``main``'s handler table."""
