"""The parser of `gatewatch` and the one place that turns errors into exit codes.

Each command group is a module of this package with ``register(commands)`` (adding its
subcommands) and ``HANDLERS`` (command name -> handler); add a group to `GROUPS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.cli import (
    duress,
    followups,
    handcarry,
    local_store,
    safety,
    secrets,
    update,
)
from desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAILURE,
    EXIT_WRONG_PASSPHRASE,
    PASSPHRASE_ENV,
    UserError,
    discard_stdout,
    fail,
)
from desktop.cli.correspondent import enrolment, reports, text
from desktop.cli.desk import core as desk
from desktop.cli.desk import review as desk_review
from desktop.domain.gazetteer_file import GazetteerError
from desktop.launch import DATA_DIR_ENV, default_data_dir
from desktop.services.photos import PhotoError
from desktop.services.sync import AlreadyEnrolledError, EnrollmentError
from desktop.store.errors import (
    StoreDamagedError,
    StoreError,
    StoreExistsError,
    StoreNotFoundError,
    WeakPassphraseError,
    WrongPassphraseError,
    is_damage,
)
from sync.client import SyncError

Handler = Callable[[argparse.Namespace, Path], int]

# In the order `gatewatch --help` lists them.
GROUPS = (local_store, reports, enrolment, followups, text, safety, duress, update)


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
    for group in GROUPS:
        group.register(commands)
    desk.register(commands)
    handcarry.register(commands)
    return parser


def handlers() -> dict[str, Handler]:
    table: dict[str, Handler] = {}
    for group in (*GROUPS, desk, handcarry):
        table.update(group.HANDLERS)
    return table


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
    try:
        code = handlers()[args.command](args, data_dir)
        sys.stdout.flush()  # a closed pipe fails here, inside the handlers below
        return code
    except UserError as error:
        return fail(str(error), error.code)
    except WrongPassphraseError as error:
        return fail(str(error), EXIT_WRONG_PASSPHRASE)
    except StoreNotFoundError:
        return fail(
            f"no store in {data_dir}: create one with `gatewatch init`, or pass --data-dir",
            EXIT_FAILURE,
        )
    except WeakPassphraseError as error:
        return fail(str(error), EXIT_BAD_INPUT)
    except StoreExistsError:
        return fail(f"a store already exists in {data_dir}: nothing was changed", EXIT_FAILURE)
    except StoreError as error:
        return fail(str(error), EXIT_FAILURE)
    except GazetteerError as error:
        return fail(f"the gazetteer cannot be read: {error}", EXIT_FAILURE)
    except PhotoError as error:
        return fail(str(error), EXIT_BAD_INPUT)
    except (desk_review.DeskCommandError, secrets.SecretInputError) as error:
        return fail(str(error), EXIT_BAD_INPUT)
    except (AlreadyEnrolledError, *desk.ERRORS) as error:
        return fail(str(error), EXIT_FAILURE)
    except EnrollmentError as error:
        code = EXIT_BAD_INPUT if error.reason in ("invalid_invite", "no_server") else EXIT_FAILURE
        return fail(str(error), code)
    except SyncError as error:
        return fail(f"{error.reason}: {error}", EXIT_FAILURE)
    except KeyboardInterrupt:
        return fail("interrupted", EXIT_FAILURE)
    except BrokenPipeError:
        # The reader went away (`gatewatch gates | head -1`): stop quietly.
        discard_stdout()
        return EXIT_FAILURE
    except Exception as error:
        if is_damage(error):  # a page read off a damaged disk
            return fail(str(StoreDamagedError()), EXIT_FAILURE)
        # Last resort, after every typed error: one line, never a traceback, never a value
        # (an exception's text may quote report content), only the kind of error.
        return fail(
            f"an unexpected error ({type(error).__name__}) stopped the command; "
            "please report it to your newsroom",
            EXIT_FAILURE,
        )
