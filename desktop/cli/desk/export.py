"""`gatewatch desk export`: CSV, GeoJSON, JSON or the PDF briefing, from a desk's store.

Wired into desktop/cli/desk/core.py: ``add_export_parser(desk_commands)`` in ``register`` and
``run_export(args, store, default_gazetteer())`` for the ``export`` action of ``_desk``.

    gatewatch desk export --format csv|geojson|json|tables|pdf --out FILE [--state S[,S…]]
        [--since T] [--include-pseudonyms] [--profile internal|external] [--language en|my]

Exit codes as the rest of the command: 0 written, 1 the file could not be written (nothing
is left behind), 2 bad input. Errors are one line on stderr; the formats are in
docs/desk.md ("Exports").
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, fail
from desktop.domain.desk.review import CONFIRMED_STATES, ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.services.desk.export import export_reports
from desktop.services.desk.export_output import ExportError, ExportWriteError
from desktop.services.desk.export_profile import Profile
from desktop.store.database import Store


def add_export_parser(desk_commands: Any) -> None:
    """Add ``export`` to the ``gatewatch desk`` actions."""
    export = desk_commands.add_parser(
        "export",
        help="write reports (csv, json), the board (geojson), data tables (zip), a briefing (pdf)",
    )
    export.add_argument(
        "--format", required=True, choices=["csv", "geojson", "json", "tables", "pdf"]
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument(
        "--state",
        type=states_argument,
        default=frozenset(),
        metavar="STATES",
        help="only reports in these review states, comma-separated; confirmed = verified and "
        "published (not for pdf)",
    )
    export.add_argument(
        "--since",
        type=moment_argument,
        metavar="T",
        help="observed at or after T, e.g. 2024-11-12T06:00+06:30 (pdf: what changed since T)",
    )
    export.add_argument(
        "--include-pseudonyms",
        action="store_true",
        help="include source pseudonyms (csv, json); left out unless given",
    )
    export.add_argument(
        "--profile",
        choices=[p.value for p in Profile],
        default=Profile.INTERNAL.value,
        help="external: nothing that leads back to a person (no device, envelope or desk "
        "ids, no notes, times to the hour, only verified and published reports; not for pdf)",
    )
    export.add_argument(
        "--language", choices=["en", "my"], default="en", help="the briefing's language (pdf)"
    )


def run_export(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    """Write the export; print what was written. Returns the exit code."""
    states: frozenset[ReviewState] = args.state
    try:
        if args.format == "pdf":
            if states or args.include_pseudonyms or args.profile != Profile.INTERNAL:
                return fail(
                    "--state, --include-pseudonyms and --profile do not apply to a pdf "
                    "briefing: it shows the whole board and never names sources",
                    EXIT_BAD_INPUT,
                )
            from desktop.ui.desk.pdf import write_briefing  # Qt only for the PDF

            result = write_briefing(
                store, gazetteer, args.out, language=args.language, since=args.since
            )
        else:
            result = export_reports(
                store,
                gazetteer,
                args.format,
                args.out,
                states=states,
                profile=Profile(args.profile),
                since=args.since,
                include_pseudonyms=args.include_pseudonyms,
            )
    except ExportWriteError as error:
        return fail(str(error), EXIT_FAILURE)
    except ExportError as error:
        return fail(str(error), EXIT_BAD_INPUT)
    basis = "the board from " if args.format in ("geojson", "pdf") else ""
    print(f"Wrote {args.format}: {basis}{result.reports} report(s), to {result.path}")
    if args.include_pseudonyms:
        print("Source pseudonyms are included: share this file only inside the newsroom.")
    print(f"Recorded in the audit trail as export {result.export_id}.")
    return EXIT_OK


def states_argument(text: str) -> frozenset[ReviewState]:
    """``verified,published`` → those states; ``confirmed`` stands for both."""
    chosen: set[ReviewState] = set()
    for word in (w.strip() for w in text.split(",")):
        if word == "confirmed":
            chosen |= CONFIRMED_STATES
            continue
        try:
            chosen.add(ReviewState(word))
        except ValueError:
            names = ", ".join([*(s.value for s in ReviewState), "confirmed"])
            raise argparse.ArgumentTypeError(f"{word!r} is not a review state: {names}") from None
    return frozenset(chosen)


def moment_argument(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a time like 2024-11-12T06:00+06:30"
        ) from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError("give the zone, e.g. +06:30 for Myanmar time or Z")
    return moment
