"""The `gatewatch` command: the GUI with no arguments, subcommands for scripting and support.

Exit codes: 0 success, 1 a store or system problem, 2 bad input (usage, an invalid report,
an unknown id), 3 a wrong passphrase. `gatewatch sync` exits 0 only when the outbox is
empty afterwards; otherwise 1, with the reason's code first (``offline``, ``revoked``,
``unauthorized``, ``refused``, ``not_enrolled``…) on its one line. Every user error is one
line on stderr, never a traceback. Nothing here logs or prints a passphrase, a key or a
report it was not asked for.
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

from desktop import (
    cli_desk,
    cli_duress,
    cli_export,
    cli_followups,
    cli_handcarry,
    cli_safety,
    cli_secrets,
    cli_text,
    cli_update,
)
from desktop.domain.errors import ReportValidationError
from desktop.domain.gazetteer import Crossing, Gazetteer, GazetteerError, default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.fsread import TooLargeError, read_bounded
from desktop.launch import DATA_DIR_ENV, default_data_dir
from desktop.services import desk, desk_photos, desk_review, sync, updates
from desktop.services.desk import DeskKeyClaimedError, DeskNotReadyError
from desktop.services.photos import PhotoError, import_photo, read_photo_file
from desktop.services.sync import EnrollmentError
from desktop.services.unlock import change_passphrase_counted, unlock
from desktop.store.attachments import AttachmentNotFoundError, AttachmentRepository
from desktop.store.database import Store, create_store, store_exists
from desktop.store.desk import DeskKeyExistsError, DeskRepository
from desktop.store.errors import (
    StoreDamagedError,
    StoreError,
    StoreExistsError,
    StoreNotFoundError,
    WeakPassphraseError,
    WrongPassphraseError,
    is_damage,
)
from desktop.store.identity import AlreadyEnrolledError
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
from sync.client import SyncError
from sync.envelope import DEFAULT_KEM, KEM_NAMES

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
    add.add_argument(
        "--photo",
        action="append",
        default=[],
        metavar="FILE",
        help="attach a JPEG, PNG, WebP or HEIC photo (its metadata is removed); repeat for more",
    )
    cli_text.add_report_options(add)
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
    photo = report_commands.add_parser("photo", help="write a report's stored photo to a file")
    photo.add_argument("id")
    photo.add_argument("number", type=_positive, metavar="N", help="the photo's number, from 1")
    photo.add_argument("--out", required=True, type=Path, metavar="FILE")

    enroll = commands.add_parser("enroll", help="enroll this store with the newsroom server")
    enroll.add_argument("--server", metavar="URL", help="the server's address (or the invite's)")
    enroll.add_argument(
        "--code",
        metavar="INVITE",
        help=f"- to read the invite from stdin (else {cli_secrets.INVITE_ENV}); "
        "the invite itself here is unsafe: other users can read it",
    )
    enroll.add_argument("--label", help="a name for the admin, e.g. 'laptop 3' (never a person)")
    enroll.add_argument("--proxy", metavar="URL", help="e.g. socks5h://127.0.0.1:9050 for Tor")

    commands.add_parser("sync", help="send the outbox; exit 0 only when it is empty afterwards")

    desk = commands.add_parser("desk", help="the editor desk: newsroom key, pull, list")
    desk_commands = desk.add_subparsers(dest="desk_command", metavar="ACTION", required=True)
    desk_init = desk_commands.add_parser(
        "init", help="make the newsroom key pair in this store; write its public key"
    )
    desk_init.add_argument("--public-key-out", required=True, type=Path, metavar="FILE")
    desk_init.add_argument("--kem", choices=list(KEM_NAMES), default=DEFAULT_KEM)
    connect = desk_commands.add_parser("connect", help="remember the server and desk token")
    connect.add_argument("--server", required=True, metavar="URL")
    connect.add_argument(
        "--token",
        help=f"- to read the desk token from stdin (else {cli_secrets.DESK_TOKEN_ENV}); "
        "the token itself here is unsafe: other users can read it",
    )
    connect.add_argument("--tls-fingerprint", metavar="HEX", help="pin the server certificate")
    connect.add_argument("--proxy", metavar="URL", help="e.g. socks5h://127.0.0.1:9050")
    connect.add_argument(
        "--release-key",
        type=_release_key,
        metavar="HEX",
        help="pin the release key fingerprint the admin gave (checks release notices)",
    )
    desk_commands.add_parser("pull", help="fetch, verify and store new reports")
    desk_list = desk_commands.add_parser("list", help="list the reports at the desk")
    desk_list.add_argument("--json", action="store_true", help="print the full reports as JSON")
    desk_photo = desk_commands.add_parser("photo", help="write a received photo to a file")
    desk_photo.add_argument("id")
    desk_photo.add_argument("number", type=_positive, metavar="N")
    desk_photo.add_argument("--out", required=True, type=Path, metavar="FILE")
    cli_desk.add_parsers(desk_commands)
    cli_export.add_export_parser(desk_commands)

    retention = commands.add_parser(
        "retention", help="show or set how many days sent reports keep their content here"
    )
    retention.add_argument(
        "days", nargs="?", type=int, help="0 = remove right after the receipt (default 7)"
    )
    commands.add_parser("passwd", help=f"change the passphrase (new one from {NEW_PASSPHRASE_ENV})")
    wipe = commands.add_parser("wipe", help="panic wipe: destroy the store at once")
    wipe.add_argument("--yes", action="store_true", help="required: there is no undo")
    cli_followups.register(commands)
    cli_text.register(commands)
    cli_handcarry.register(commands, desk_commands)
    cli_safety.register(commands)
    cli_duress.register(commands)
    cli_update.register(commands)
    gates = commands.add_parser("gates", help="list the crossings of the gazetteer")
    gates.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (the console script exits with it)."""
    from desktop import selftest  # --self-test and the startup probe (docs/packaging.md)

    if (early := selftest.early_exit(sys.argv[1:] if argv is None else argv)) is not None:
        return early
    args = build_parser().parse_args(argv)
    data_dir: Path = args.data_dir if args.data_dir is not None else default_data_dir()
    if args.command is None:
        from desktop.ui.app import run_gui  # Qt only when the GUI is wanted

        selftest.install_startup_probe()  # only with GATEWATCH_EXIT_AFTER_SHOWN=1
        return run_gui(data_dir)
    handlers: dict[str, Callable[[argparse.Namespace, Path], int]] = {
        "init": _init,
        "report": _report,
        "passwd": _passwd,
        "wipe": _wipe,
        "gates": _gates,
        "enroll": _enroll,
        "sync": _sync,
        "desk": _desk,
        "retention": _retention,
        **cli_followups.HANDLERS,
        **cli_handcarry.HANDLERS,
        **cli_text.HANDLERS,
        **cli_safety.HANDLERS,
        **cli_duress.HANDLERS,
        **cli_update.HANDLERS,
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
    except WeakPassphraseError as error:
        return _fail(str(error), EXIT_BAD_INPUT)
    except StoreExistsError:
        return _fail(f"a store already exists in {data_dir}: nothing was changed", EXIT_FAILURE)
    except StoreError as error:
        return _fail(str(error), EXIT_FAILURE)
    except GazetteerError as error:
        return _fail(f"the gazetteer cannot be read: {error}", EXIT_FAILURE)
    except PhotoError as error:
        return _fail(str(error), EXIT_BAD_INPUT)
    except (cli_desk.DeskCommandError, cli_secrets.SecretInputError) as error:
        return _fail(str(error), EXIT_BAD_INPUT)
    except (
        AlreadyEnrolledError,
        DeskKeyExistsError,
        DeskNotReadyError,
        DeskKeyClaimedError,
    ) as error:
        return _fail(str(error), EXIT_FAILURE)
    except EnrollmentError as error:
        code = EXIT_BAD_INPUT if error.reason in ("invalid_invite", "no_server") else EXIT_FAILURE
        return _fail(str(error), code)
    except SyncError as error:
        return _fail(f"{error.reason}: {error}", EXIT_FAILURE)
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_FAILURE)
    except BrokenPipeError:
        # The reader went away (`gatewatch gates | head -1`): stop quietly.
        _discard_stdout()
        return EXIT_FAILURE
    except Exception as error:
        if is_damage(error):  # a page read off a damaged disk
            return _fail(str(StoreDamagedError()), EXIT_FAILURE)
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
    change_passphrase_counted(data_dir, old, new)
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


def _retention(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir, default_gazetteer()) as store:
        if args.days is not None:
            try:
                sync.set_retention_days(store, args.days)
            except ValueError as error:
                raise UserError(str(error)) from error
        days = sync.retention_days(store)
    if days == 0:
        print("Sent reports keep no content here: it is removed when the receipt arrives.")
    else:
        print(f"Sent reports keep their content here for {days} day(s), then only a stub.")
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
            data = cli_text.check_report_body(data, args.zawgyi, args.allow_personal_details)
        except cli_text.TextGuardError as error:
            raise UserError(str(error)) from error
        try:
            content = ReportContent.from_json(data, known_gate=gazetteer.__contains__)
        except ReportValidationError as error:
            raise UserError(_validation_message(error)) from error
        # Photos are read and cleaned before the passphrase too: a bad one fails fast.
        photos = [import_photo(read_photo_file(Path(path))) for path in args.photo]
        with _open(data_dir, gazetteer) as store:
            reports = ReportRepository(store, gazetteer)
            report = Report.new(content)
            if photos:
                reports.add(report, state=ReportState.DRAFT)
                attachments = AttachmentRepository(store)
                for clean in photos:
                    attachments.add(
                        report.id,
                        clean.media_type,
                        clean.data,
                        width=clean.width,
                        height=clean.height,
                    )
                if not args.draft:
                    reports.queue(report.id)
            else:
                state = ReportState.DRAFT if args.draft else ReportState.QUEUED
                reports.add(report, state=state)
            if not args.draft:
                sync.seal_pending(store)
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
        elif args.report_command == "photo":
            try:
                data = AttachmentRepository(store).data(args.id, args.number)
            except AttachmentNotFoundError as error:
                raise UserError(str(error)) from error
            _write_file(args.out, data)
            print(f"Wrote photo {args.number} of {args.id} to {args.out}")
    return EXIT_OK


def _enroll(args: argparse.Namespace, data_dir: Path) -> int:
    code = cli_secrets.read_secret(args.code, cli_secrets.INVITE_ENV, "--code", "invite")
    with _open_plain(data_dir) as store:
        identity = sync.enroll(store, args.server, code, args.label, args.proxy)
    print(f"Enrolled as device {identity.device_id} with {identity.server_url}")
    print(f"Newsroom key fingerprint: {identity.newsroom_fingerprint}")
    return EXIT_OK


def _release_key(value: str) -> str:
    if not re.fullmatch(r"[0-9a-fA-F]{64}", value):
        raise argparse.ArgumentTypeError("a release key fingerprint is 64 hex digits")
    return value.lower()


def _sync(args: argparse.Namespace, data_dir: Path) -> int:
    sent = 0
    with _open_plain(data_dir) as store:
        while True:
            outcome = sync.sync_once(store)
            sent += outcome.sent
            if outcome.error is not None or not outcome.more:
                break
        if outcome.error is None:
            for line in cli_update.notice(updates.check_for_update(store)):
                print(line)
    if outcome.purged:
        print(f"Removed the content of {outcome.purged} sent report(s) (retention).")
    if outcome.error is not None:
        print(f"Sent {sent} report(s); {outcome.remaining} still queued.")
        raise UserError(f"{outcome.error.value}: {outcome.message}", EXIT_FAILURE)
    if outcome.remaining:
        raise UserError(f"{outcome.remaining} report(s) still queued", EXIT_FAILURE)
    print(f"Sent {sent} report(s); the outbox is empty.")
    return EXIT_OK


def _desk(args: argparse.Namespace, data_dir: Path) -> int:
    command = args.desk_command
    if command == "init":
        return _desk_init(args, data_dir)
    if command in cli_handcarry.DESK_COMMANDS:
        return cli_handcarry.run_desk(args, data_dir)
    if command in cli_desk.COMMANDS:
        new_store = command == "import-key" and not store_exists(data_dir)
        passphrase = (
            _new_passphrase(PASSPHRASE_ENV, "New passphrase: ") if new_store else _passphrase()
        )
        return cli_desk.run(args, data_dir, passphrase)
    token = None
    if command == "connect":  # before the passphrase: a missing token fails fast
        token = cli_secrets.read_secret(
            args.token, cli_secrets.DESK_TOKEN_ENV, "--token", "desk token"
        )
    with _open_plain(data_dir) as store:
        if command == "export":
            return cli_export.run_export(args, store, default_gazetteer())
        if command == "connect":
            assert token is not None
            devices = desk.connect(
                store,
                args.server,
                token,
                args.tls_fingerprint,
                args.proxy,
                release_key=args.release_key,
            )
            print(f"Connected to {args.server} ({devices} device(s) listed).")
        elif command == "pull":
            outcome = desk.pull(store)
            print(
                f"Pulled {outcome.envelopes} envelope(s): {outcome.reports} report(s), "
                f"{outcome.photos} photo(s) complete, {outcome.refused} refused."
            )
            for warning in outcome.warnings:
                print(f"warning: moves or questions were not sent: {_shown(warning)}")
            for relabel in outcome.relabels:
                print(f"warning: {_shown(relabel)}")
            skew = outcome.clock_skew
            if skew is not None and abs(skew) >= desk.CLOCK_SKEW_SHOWN:
                side = "ahead of" if skew > 0 else "behind"
                print(
                    f"warning: this computer's clock is {round(abs(skew) / 60)} minute(s) "
                    f"{side} the server's: set the date and time right"
                )
            held = desk_review.held_reviews(store)
            if held:
                print(
                    f"{len(held)} review envelope(s) held: dated ahead of this desk's clock "
                    "(gatewatch desk held --accept applies them)"
                )
            # This pull's refusals are the newest ones (they come in server order).
            refusals = DeskRepository(store).refusals()
            for refusal in refusals[len(refusals) - outcome.refused :]:
                print(
                    f"refused {refusal.envelope_id} from {refusal.device_id}: "
                    f"{refusal.reason}: {_shown(refusal.message)}"
                )
            for line in cli_update.notice(updates.check_for_update(store)):
                print(line)
        elif command == "list":
            reports = desk.list_reports(store)
            if args.json:
                _print_json([desk.report_json(r) for r in reports])
            elif not reports:
                print("No reports.")
            else:
                gazetteer = default_gazetteer()
                for r in reports:
                    narrative = r.record.get("narrative")
                    summary = " ".join(narrative.split())[:80] if isinstance(narrative, str) else ""
                    print(
                        f"{r.id}  {r.record.get('observed_at')!s:<21} "
                        f"{_gate_label(_text(r.record.get('gate')), gazetteer):<14} "
                        f"{_shown(r.device_label or r.device_id):<12} {_shown(summary)}"
                    )
        elif command == "photo":
            photo = desk_photos.clean_photo(store, args.id, args.number)  # never as received
            if photo is None:
                raise UserError(f"report {args.id} has no complete photo {args.number} here")
            _write_file(args.out, photo.data)
            print(f"Wrote photo {args.number} of {args.id} to {args.out}")
    return EXIT_OK


def _desk_init(args: argparse.Namespace, data_dir: Path) -> int:
    """Make the key pair in the desk's store (created first when the folder has none) and
    write its public key. On a desk that has its key already, no new key is made: the
    existing public key is written again (so a failed write is fixed by running it again).
    """
    if store_exists(data_dir):
        opened = _open_plain(data_dir)
    else:
        opened = create_store(data_dir, _new_passphrase(PASSPHRASE_ENV, "New passphrase: "))
        print(f"Created an encrypted store in {data_dir}")
    with opened as store:
        try:
            public = desk.init_desk(store, args.kem)
        except DeskKeyExistsError:
            existing = desk.newsroom_public_key(store)
            assert existing is not None
            public = existing
            print("This desk already has its newsroom key; no new key was made.")
    try:
        args.public_key_out.write_text(public.to_text() + "\n", encoding="ascii")
    except OSError as error:
        raise UserError(
            f"cannot write {args.public_key_out} ({error.strerror}); the key is kept in the "
            "store: run `gatewatch desk init` again with another --public-key-out",
            EXIT_FAILURE,
        ) from error
    print(f"Newsroom public key ({public.kem}) written to {args.public_key_out}")
    print(f"Fingerprint: {public.fingerprint}")
    return EXIT_OK


# -- helpers -----------------------------------------------------------------------------


def _open(data_dir: Path, gazetteer: Gazetteer) -> Store:
    """Unlock the store and bring its search index up to this version's rules."""
    store = unlock(data_dir, _passphrase())
    try:
        ensure_search_index(store)
    except BaseException:
        store.close()
        raise
    return store


def _open_plain(data_dir: Path) -> Store:
    """Unlock the store, counting a wrong passphrase (no search index work)."""
    return unlock(data_dir, _passphrase())


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError("a photo number is 1, 2, 3…")
    return int(value)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _write_file(path: Path, data: bytes) -> None:
    """Write bytes the user asked for to ``path`` (0600, replacing a file there)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except OSError as error:
        raise UserError(f"cannot write {path}: {error.strerror}", EXIT_FAILURE) from error


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
