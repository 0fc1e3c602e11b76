"""``gatewatch-server`` commands about the data itself: ``audit``, ``retention``, ``purge``
(what is kept and for how long), ``backup`` (a SQLite server's consistent copy) and
``migrate`` (a SQLite server's data into PostgreSQL). cli.py registers them."""

from __future__ import annotations

import argparse
import contextlib
import os
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

from sync.server.audit import RefusalCounter
from sync.server.database import SqliteDatabase
from sync.server.housekeeping import Housekeeper
from sync.server.pgdatabase import is_postgres_url, redacted
from sync.server.retention import MAX_DAYS
from sync.server.store import DB_NAME, URL_NAME, ServerStore, ServerStoreError, utc_now

MIGRATED_SUFFIX = ".migrated"


class DataCliError(Exception):
    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def database_url(value: str) -> str:
    if not is_postgres_url(value) or any(c in value for c in "\x00\n\r"):
        raise argparse.ArgumentTypeError(
            "a database is a postgresql://[user[:password]@]host[:port]/dbname address"
        )
    return value


def retention_days(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"the number of days is 1 to {MAX_DAYS}")
    return int(value)


def add_parsers(sub: Any) -> None:
    audit = sub.add_parser("audit", help="audit log size; --prune deletes old rows now")
    audit.add_argument(
        "--prune", type=retention_days, metavar="DAYS", help="delete rows older than DAYS"
    )
    retention = sub.add_parser("retention", help="show or set how long things are kept")
    retention.add_argument("--audit-days", type=retention_days, help="audit log (default 30)")
    retention.add_argument(
        "--undelivered-days",
        type=retention_days,
        help="envelopes no desk acknowledged (default 180)",
    )
    sub.add_parser("purge", help="apply the retention now, then compact the database")
    backup = sub.add_parser("backup", help="copy a SQLite server's database to a new file")
    backup.add_argument("--out", type=Path, required=True, help="the backup file (new)")
    migrate = sub.add_parser("migrate", help="move a SQLite server's data into PostgreSQL")
    migrate.add_argument(
        "--to", type=database_url, required=True, metavar="URL", help="an empty database"
    )


def cmd_audit(args: argparse.Namespace, out: TextIO) -> int:
    with ServerStore.open(args.data_dir) as store:
        if args.prune is not None:
            gone = store.audit.prune(utc_now() - timedelta(days=args.prune))
            print(f"Deleted {gone} audit rows older than {args.prune} days.", file=out)
        counts = store.stats()
        days = store.retention.policy().audit_days
    print(f"audit_rows: {counts['audit_rows']}", file=out)
    print(f"audit_count_rows: {counts['audit_count_rows']}", file=out)
    print(f"retention_days: {days}", file=out)
    return 0


def cmd_retention(args: argparse.Namespace, out: TextIO) -> int:
    with ServerStore.open(args.data_dir) as store:
        policy = store.retention.set_policy(
            audit_days=args.audit_days, undelivered_days=args.undelivered_days
        )
    print(f"audit_days: {policy.audit_days}", file=out)
    print(f"undelivered_days: {policy.undelivered_days}", file=out)
    return 0


def cmd_purge(args: argparse.Namespace, out: TextIO) -> int:
    with ServerStore.open(args.data_dir) as store:
        keeper = Housekeeper(store, RefusalCounter())
        sweep = keeper.sweep()
        keeper.vacuum()
        counts = store.stats()
    print(
        f"Purged {sweep.delivered} delivered and {sweep.undelivered} undelivered envelopes; "
        f"deleted {sweep.audit_rows} audit rows. Held now: {counts['envelopes_stored']} "
        f"envelopes, {counts['bytes_stored']} bytes.",
        file=out,
    )
    return 0


def _sqlite(store: ServerStore, what: str) -> SqliteDatabase:
    if not isinstance(store.db, SqliteDatabase):
        raise DataCliError(
            f"this server keeps its data in PostgreSQL ({store.db.describe()}): {what}"
        )
    return store.db


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    target: Path = args.out
    with ServerStore.open(args.data_dir) as store:
        db = _sqlite(store, "back it up with pg_dump (docs/server.md)")
        try:  # a new file only, private from the start: it holds every envelope
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            raise DataCliError(f"{target} already exists: choose a new file", 2) from None
        try:
            db.backup(target)
        except BaseException:
            with contextlib.suppress(OSError):
                target.unlink()
            raise
    print(f"Backed up {db.describe()} to {target} ({target.stat().st_size} bytes).", file=out)
    print(
        f"To restore: stop the server and copy it to {DB_NAME} in an empty data folder.", file=out
    )
    return 0


def cmd_migrate(args: argparse.Namespace, out: TextIO) -> int:
    from sync.server.migrate import copy_to_postgres
    from sync.server.pgdatabase import PostgresDatabase

    data_dir: Path = args.data_dir
    with ServerStore.open(data_dir) as store:
        source = _sqlite(store, "it has nothing to migrate")
        target = PostgresDatabase(args.to)
        try:
            copied = copy_to_postgres(source, target)
        finally:
            target.close()
    # From here on the folder names PostgreSQL; the SQLite file stays, renamed, until the
    # admin has checked the new server and deletes it.
    url_path = data_dir / URL_NAME
    fd = os.open(url_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(args.to + "\n")
    kept = data_dir / (DB_NAME + MIGRATED_SUFFIX)
    (data_dir / DB_NAME).rename(kept)
    for table, rows in copied.items():
        print(f"{table}: {rows}", file=out)
    print(f"Migrated to {redacted(args.to)}; {data_dir} now serves from it.", file=out)
    print(f"The SQLite file is kept as {kept}: delete it once the server runs well.", file=out)
    return 0


COMMANDS = {
    "audit": cmd_audit,
    "retention": cmd_retention,
    "purge": cmd_purge,
    "backup": cmd_backup,
    "migrate": cmd_migrate,
}
__all__ = ["COMMANDS", "DataCliError", "ServerStoreError", "add_parsers", "database_url"]
