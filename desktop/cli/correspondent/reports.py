"""`gatewatch report add|list|show|search|photo` and `gatewatch gates`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    UserError,
    gate_label,
    iso,
    line,
    local_time,
    open_indexed,
    positive,
    print_json,
    read_report_json,
    shown,
    validation_message,
    write_file,
)
from desktop.cli.correspondent import text as cli_text
from desktop.domain.crossing import Crossing
from desktop.domain.errors import ReportValidationError
from desktop.domain.gazetteer import Gazetteer, default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.services.correspondent.session import (
    AttachmentNotFoundError,
    CorrespondentSession,
    ReportFilter,
    ReportNotFoundError,
    ReportRow,
    ReportState,
    StoredReport,
)
from desktop.services.photos import import_photo, read_photo_file


def register(commands: Any) -> None:
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
    photo.add_argument("number", type=positive, metavar="N", help="the photo's number, from 1")
    photo.add_argument("--out", required=True, type=Path, metavar="FILE")

    gates = commands.add_parser("gates", help="list the crossings of the gazetteer")
    gates.add_argument("--json", action="store_true", help="print JSON")


def run_gates(args: argparse.Namespace, data_dir: Path) -> int:
    gazetteer = default_gazetteer()
    if args.json:
        print_json([_crossing_json(c) for c in gazetteer.crossings])
        return EXIT_OK
    for crossing in gazetteer.crossings:
        names = " / ".join(
            crossing.names[lang] for lang in ("en", "my", "zh") if lang in crossing.names
        )
        port = f", opposite {crossing.chinese_port.en}" if crossing.chinese_port else ""
        print(f"{crossing.id:<12} {names} ({crossing.township}{port})")
    return EXIT_OK


def run_report(args: argparse.Namespace, data_dir: Path) -> int:
    gazetteer = default_gazetteer()
    if args.report_command == "add":
        return _add(args, data_dir, gazetteer)
    with open_indexed(data_dir, gazetteer) as store:
        session = CorrespondentSession(store)
        if args.report_command == "list":
            where = ReportFilter(
                state=None if args.state is None else ReportState(args.state), gate=args.gate
            )
            _print_rows(session.filtered_rows(gazetteer, where), args.json, gazetteer)
        elif args.report_command == "search":
            _print_rows(session.found_rows(gazetteer, args.text), args.json, gazetteer)
        elif args.report_command == "show":
            try:
                stored = session.stored_report(gazetteer, args.id)
            except ReportNotFoundError as error:
                raise UserError(str(error)) from error
            _print_report(stored, args.json, gazetteer)
        elif args.report_command == "photo":
            try:
                data = session.photo(args.id, args.number)
            except AttachmentNotFoundError as error:
                raise UserError(str(error)) from error
            write_file(args.out, data)
            print(f"Wrote photo {args.number} of {args.id} to {args.out}")
    return EXIT_OK


HANDLERS = {"report": run_report, "gates": run_gates}


def _add(args: argparse.Namespace, data_dir: Path, gazetteer: Gazetteer) -> int:
    data = read_report_json(args.json)  # before the passphrase: bad input fails fast
    try:
        data = cli_text.check_report_body(data, args.zawgyi, args.allow_personal_details)
    except cli_text.TextGuardError as error:
        raise UserError(str(error)) from error
    try:
        content = ReportContent.from_json(data, known_gate=gazetteer.__contains__)
    except ReportValidationError as error:
        raise UserError(validation_message(error)) from error
    # Photos are read and cleaned before the passphrase too: a bad one fails fast.
    photos = [import_photo(read_photo_file(Path(path))) for path in args.photo]
    with open_indexed(data_dir, gazetteer) as store:
        report = Report.new(content)
        CorrespondentSession(store).add_report(gazetteer, report, photos, draft=args.draft)
    print(report.id)
    return EXIT_OK


def _print_rows(rows: list[ReportRow], as_json: bool, gazetteer: Gazetteer) -> None:
    if as_json:
        print_json(
            [
                {
                    "id": r.id,
                    "lineage_id": r.lineage_id,
                    "revision": r.revision,
                    "state": r.state.value,
                    "gate": r.gate,
                    "observed_at": None if r.observed_at is None else iso(r.observed_at),
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
            f"{r.id}  {r.state.value:<7} {local_time(r.observed_at):<22} "
            f"{gate_label(r.gate, gazetteer):<14} {shown(r.summary)}"
        )


def _print_report(stored: StoredReport, as_json: bool, gazetteer: Gazetteer) -> None:
    identity: dict[str, Any] = {
        "state": stored.row.state.value,
        "id": stored.row.id,
        "lineage_id": stored.row.lineage_id,
        "revision": stored.row.revision,
        "replaces": stored.replaces,
        "created_at": iso(stored.created_at),
    }
    # A draft's body is stored as typed (by an older version, with any key): it never
    # overrides the identity, which comes first and wins.
    content = stored.body if stored.report is None else stored.report.content.to_json()
    record = {**identity, **{k: v for k, v in content.items() if k not in identity}}
    if as_json:
        print_json(record)
        return
    out = sys.stdout
    line(out, "Report", f"{stored.row.id} (revision {stored.row.revision}, {record['state']})")
    line(out, "Gate", gate_label(stored.row.gate, gazetteer))
    line(out, "Observed", local_time(stored.row.observed_at))
    for key in ("china_side", "myanmar_side", "controlled_by", "how_known"):
        if key in record:
            line(out, key.replace("_", " ").capitalize(), shown(record[key]))
    traffic = record.get("traffic")
    if isinstance(traffic, dict):
        line(out, "Traffic", shown(", ".join(f"{k} {v}" for k, v in traffic.items())))
    prices = record.get("prices")
    for price in prices if isinstance(prices, list) else []:
        if isinstance(price, dict):
            amount = f"{price.get('amount')} {price.get('currency')}/{price.get('unit')}"
            line(out, "Price", shown(f"{price.get('commodity')}: {amount}"))
    narrative = record.get("narrative")
    if isinstance(narrative, str) and narrative:
        print("", file=out)
        print(shown(narrative, multiline=True), file=out)


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
