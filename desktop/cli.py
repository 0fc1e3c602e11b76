"""The `gatewatch` command: the GUI with no arguments, subcommands for scripting and support.

Exit codes: 0 success, 1 a store or system problem, 2 bad input (usage, an invalid report,
an unknown id), 3 a wrong passphrase. Every user error is one line on stderr, never a
traceback. Nothing here logs or prints a passphrase, a key or a report it was not asked for.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from platformdirs import user_data_dir

from desktop.domain.errors import ReportValidationError
from desktop.domain.gazetteer import Crossing, Gazetteer, GazetteerError, default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.fsread import TooLargeError, read_bounded
from desktop.store.database import Store, change_passphrase, create_store, open_store
from desktop.store.errors import (
    StoreError,
    StoreExistsError,
    StoreNotFoundError,
    WrongPassphraseError,
)
from desktop.store.reports import (
    ReportFilter,
    ReportNotFoundError,
    ReportRepository,
    ReportRow,
    ReportState,
    StoredReport,
    ensure_search_index,
)
from desktop.store.wipe import wipe_store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_WRONG_PASSPHRASE = 3

PASSPHRASE_ENV = "GATEWATCH_PASSPHRASE"  # noqa: S105 (a variable's name, not a secret)
NEW_PASSPHRASE_ENV = "GATEWATCH_NEW_PASSPHRASE"  # noqa: S105
DATA_DIR_ENV = "GATEWATCH_DATA_DIR"
MAX_REPORT_FILE_BYTES = 1024 * 1024


class UserError(Exception):
    """A problem the user can fix; carries the exit code and a one-line message."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def default_data_dir() -> Path:
    """Where the store lives unless --data-dir or GATEWATCH_DATA_DIR says otherwise."""
    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured) if configured else Path(user_data_dir("Gatewatch", appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gatewatch",
        description="Log what happens at the Kachin–China border crossings, encrypted, offline.",
        epilog=f"The passphrase is asked for, or read from {PASSPHRASE_ENV} when set.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"the store's folder (default: {DATA_DIR_ENV} or the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("init", help="create a new encrypted store")

    report = commands.add_parser("report", help="add, list, show and search reports")
    report_commands = report.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    add = report_commands.add_parser("add", help="validate and store a report from JSON")
    add.add_argument("--json", required=True, metavar="FILE", help="a JSON file, or - for stdin")
    add.add_argument("--draft", action="store_true", help="keep it as a draft, do not queue it")
    listing = report_commands.add_parser("list", help="list reports, newest first")
    listing.add_argument("--state", choices=[s.value for s in ReportState])
    listing.add_argument("--gate", metavar="GATE_ID")
    listing.add_argument("--json", action="store_true", help="print JSON")
    show = report_commands.add_parser("show", help="show one report")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print the full report as JSON")
    search = report_commands.add_parser("search", help="full-text search over reports")
    search.add_argument("text")
    search.add_argument("--json", action="store_true", help="print JSON")

    commands.add_parser("passwd", help=f"change the passphrase (new one from {NEW_PASSPHRASE_ENV})")
    wipe = commands.add_parser("wipe", help="panic wipe: destroy the store at once")
    wipe.add_argument("--yes", action="store_true", help="required: there is no undo")
    gates = commands.add_parser("gates", help="list the crossings of the gazetteer")
    gates.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (the console script exits with it)."""
    args = build_parser().parse_args(argv)
    data_dir: Path = args.data_dir if args.data_dir is not None else default_data_dir()
    if args.command is None:
        from desktop.ui.app import run_gui  # Qt only when the GUI is wanted

        return run_gui(data_dir)
    handlers: dict[str, Callable[[argparse.Namespace, Path], int]] = {
        "init": _init,
        "report": _report,
        "passwd": _passwd,
        "wipe": _wipe,
        "gates": _gates,
    }
    try:
        code = handlers[args.command](args, data_dir)
        sys.stdout.flush()  # a closed pipe fails here, inside the handlers below
        return code
    except UserError as error:
        return _fail(str(error), error.code)
    except WrongPassphraseError as error:
        return _fail(str(error), EXIT_WRONG_PASSPHRASE)
    except StoreNotFoundError:
        return _fail(
            f"no store in {data_dir}: create one with `gatewatch init`, or pass --data-dir",
            EXIT_FAILURE,
        )
    except StoreExistsError:
        return _fail(f"a store already exists in {data_dir}: nothing was changed", EXIT_FAILURE)
    except StoreError as error:
        return _fail(str(error), EXIT_FAILURE)
    except GazetteerError as error:
        return _fail(f"the gazetteer cannot be read: {error}", EXIT_FAILURE)
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_FAILURE)
    except BrokenPipeError:
        # The reader went away (`gatewatch gates | head -1`): stop quietly.
        _discard_stdout()
        return EXIT_FAILURE
    except Exception as error:
        # Last resort, after every typed error: one line, never a traceback, never a value
        # (an exception's text may quote report content), only the kind of error.
        return _fail(
            f"an unexpected error ({type(error).__name__}) stopped the command; "
            "please report it to your newsroom",
            EXIT_FAILURE,
        )


# -- commands ----------------------------------------------------------------------------


def _init(args: argparse.Namespace, data_dir: Path) -> int:
    passphrase = _new_passphrase(PASSPHRASE_ENV, "New passphrase: ")
    with create_store(data_dir, passphrase):
        pass
    print(f"Created an encrypted store in {data_dir}")
    return EXIT_OK


def _passwd(args: argparse.Namespace, data_dir: Path) -> int:
    old = _passphrase()
    new = _new_passphrase(NEW_PASSPHRASE_ENV, "New passphrase: ")
    change_passphrase(data_dir, old, new)
    print("Passphrase changed.")
    return EXIT_OK


def _wipe(args: argparse.Namespace, data_dir: Path) -> int:
    if not args.yes:
        raise UserError("wipe destroys the store for good: run `gatewatch wipe --yes`")
    if wipe_store(data_dir) == 0:
        print(f"Nothing to wipe: there is no store in {data_dir}")
    else:
        print(f"Wiped the store in {data_dir}")
    return EXIT_OK


def _gates(args: argparse.Namespace, data_dir: Path) -> int:
    gazetteer = default_gazetteer()
    if args.json:
        _print_json([_crossing_json(c) for c in gazetteer.crossings])
        return EXIT_OK
    for crossing in gazetteer.crossings:
        names = " / ".join(
            crossing.names[lang] for lang in ("en", "my", "zh") if lang in crossing.names
        )
        port = f", opposite {crossing.chinese_port.en}" if crossing.chinese_port else ""
        print(f"{crossing.id:<12} {names} ({crossing.township}{port})")
    return EXIT_OK


def _report(args: argparse.Namespace, data_dir: Path) -> int:
    gazetteer = default_gazetteer()
    if args.report_command == "add":
        data = _read_report_json(args.json)  # before the passphrase: bad input fails fast
        try:
            content = ReportContent.from_json(data, known_gate=gazetteer.__contains__)
        except ReportValidationError as error:
            raise UserError(_validation_message(error)) from error
        with _open(data_dir, gazetteer) as store:
            reports = ReportRepository(store, gazetteer)
            report = Report.new(content)
            state = ReportState.DRAFT if args.draft else ReportState.QUEUED
            reports.add(report, state=state)
        print(report.id)
        return EXIT_OK

    with _open(data_dir, gazetteer) as store:
        reports = ReportRepository(store, gazetteer)
        if args.report_command == "list":
            where = ReportFilter(
                state=None if args.state is None else ReportState(args.state), gate=args.gate
            )
            _print_rows(reports.rows(reports.ids(where)), args.json, gazetteer)
        elif args.report_command == "search":
            _print_rows(reports.rows(reports.search(args.text)), args.json, gazetteer)
        elif args.report_command == "show":
            try:
                stored = reports.get(args.id)
            except ReportNotFoundError as error:
                raise UserError(str(error)) from error
            _print_report(stored, args.json, gazetteer)
    return EXIT_OK


# -- helpers -----------------------------------------------------------------------------


def _open(data_dir: Path, gazetteer: Gazetteer) -> Store:
    """Unlock the store and bring its search index up to this gazetteer's names."""
    store = open_store(data_dir, _passphrase())
    try:
        ensure_search_index(store, gazetteer)
    except BaseException:
        store.close()
        raise
    return store


def _passphrase() -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    _require_terminal(PASSPHRASE_ENV)
    return getpass.getpass("Passphrase: ")


def _new_passphrase(env_name: str, prompt: str) -> str:
    from_env = os.environ.get(env_name)
    if from_env is not None:
        return from_env
    _require_terminal(env_name)
    first = getpass.getpass(prompt)
    if getpass.getpass("Repeat it: ") != first:
        raise UserError("the two passphrases differ: nothing was changed")
    return first


def _require_terminal(env_name: str) -> None:
    if not sys.stdin.isatty():
        raise UserError(f"no terminal to ask for the passphrase: set {env_name}")


def _read_report_json(source: str) -> object:
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


def _validation_message(error: ReportValidationError) -> str:
    # The offending values are shown to the person who typed them (this is their
    # terminal), from `got`: a FieldError's own text never holds them.
    return "invalid report: " + "; ".join(
        str(e) if e.got is None else f"{e} (got {e.got})" for e in error.errors
    )


def _local(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %z")


def _gate_label(gate: str | None, gazetteer: Gazetteer) -> str:
    if gate is None:
        return "(new crossing)"
    crossing = gazetteer.get(gate)
    return gate if crossing is None else crossing.name("en")


def _print_rows(rows: list[ReportRow], as_json: bool, gazetteer: Gazetteer) -> None:
    if as_json:
        _print_json(
            [
                {
                    "id": r.id,
                    "lineage_id": r.lineage_id,
                    "revision": r.revision,
                    "state": r.state.value,
                    "gate": r.gate,
                    "observed_at": None if r.observed_at is None else _iso(r.observed_at),
                    "summary": r.summary,
                }
                for r in rows
            ]
        )
        return
    if not rows:
        print("No reports.")
        return
    for r in rows:
        print(
            f"{r.id}  {r.state.value:<7} {_local(r.observed_at):<22} "
            f"{_gate_label(r.gate, gazetteer):<14} {_shown(r.summary)}"
        )


def _print_report(stored: StoredReport, as_json: bool, gazetteer: Gazetteer) -> None:
    identity: dict[str, Any] = {
        "state": stored.row.state.value,
        "id": stored.row.id,
        "lineage_id": stored.row.lineage_id,
        "revision": stored.row.revision,
        "replaces": stored.replaces,
        "created_at": _iso(stored.created_at),
    }
    # A draft's body is stored as typed (by an older version, with any key): it never
    # overrides the identity, which comes first and wins.
    content = stored.body if stored.report is None else stored.report.content.to_json()
    record = {**identity, **{k: v for k, v in content.items() if k not in identity}}
    if as_json:
        _print_json(record)
        return
    out = sys.stdout
    _line(out, "Report", f"{stored.row.id} (revision {stored.row.revision}, {record['state']})")
    _line(out, "Gate", _gate_label(stored.row.gate, gazetteer))
    _line(out, "Observed", _local(stored.row.observed_at))
    for key in ("china_side", "myanmar_side", "controlled_by", "how_known"):
        if key in record:
            _line(out, key.replace("_", " ").capitalize(), _shown(record[key]))
    traffic = record.get("traffic")
    if isinstance(traffic, dict):
        _line(out, "Traffic", _shown(", ".join(f"{k} {v}" for k, v in traffic.items())))
    prices = record.get("prices")
    for price in prices if isinstance(prices, list) else []:
        if isinstance(price, dict):
            amount = f"{price.get('amount')} {price.get('currency')}/{price.get('unit')}"
            _line(out, "Price", _shown(f"{price.get('commodity')}: {amount}"))
    narrative = record.get("narrative")
    if isinstance(narrative, str) and narrative:
        print("", file=out)
        print(_shown(narrative, multiline=True), file=out)


def _line(out: TextIO, label: str, value: str) -> None:
    print(f"{label + ':':<14}{value}", file=out)


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _crossing_json(crossing: Crossing) -> dict[str, Any]:
    return {
        "id": crossing.id,
        "names": dict(crossing.names),
        "aliases": list(crossing.aliases),
        "township": crossing.township,
        "chinese_port": None
        if crossing.chinese_port is None
        else {"en": crossing.chinese_port.en, "zh": crossing.chinese_port.zh},
        "coordinates": {
            "lat": crossing.lat,
            "lon": crossing.lon,
            "approximate": crossing.approximate,
        },
    }


def _print_json(value: object) -> None:
    # json.dumps escapes C0 controls; C1 controls, DEL and lone surrogates (possible in
    # an old draft) get a \\u escape too, so a terminal never receives them raw.
    text = json.dumps(value, ensure_ascii=False, indent=2)
    print(_RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


# What a terminal must not get raw: C0/C1 controls, DEL, lone surrogates (a string that
# cannot even be encoded). Newline and tab are kept where a text has lines.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_UNPRINTABLE_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_RAW_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")


def _shown(value: object, *, multiline: bool = False) -> str:
    """``str(value)`` with control characters and lone surrogates escaped (as ``\\x1b``)."""
    pattern = _UNPRINTABLE_BUT_LINES if multiline else _UNPRINTABLE
    return pattern.sub(lambda m: repr(m.group())[1:-1], str(value))


def _discard_stdout() -> None:
    # Point stdout at devnull so the interpreter's final flush does not fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _fail(message: str, code: int) -> int:
    print(f"gatewatch: {message}", file=sys.stderr)
    return code
