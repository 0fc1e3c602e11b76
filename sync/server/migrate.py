"""Copy a SQLite server's data into an empty PostgreSQL database (``gatewatch-server
migrate --to postgresql://…``).

Every table is copied row by row with its keys as they are (device ids, desk token
numbers, envelope and message seqs), so every token, receipt and desk cursor stays valid;
the identity sequences then continue past the highest number SQLite ever gave (its
``sqlite_sequence``, which remembers numbers of rows since deleted). The copy is one
PostgreSQL transaction under a SQLite write lock: it lands whole or not at all, and
nothing is written to the SQLite file meanwhile. The counts are compared before commit.
"""

from __future__ import annotations

from collections.abc import Callable

from sync.server.database import SqliteDatabase
from sync.server.pgdatabase import PostgresDatabase
from sync.server.records import ServerStoreError
from sync.server.tables import TABLES

BATCH_ROWS = 200  # rows per INSERT batch: envelopes can be 10 MiB each


def copy_to_postgres(
    source: SqliteDatabase,
    target: PostgresDatabase,
    progress: Callable[[str, int], None] = lambda table, rows: None,
) -> dict[str, int]:
    """Copy every table of ``source`` into ``target`` (which must hold no server yet);
    return the rows copied per table. Raises :class:`ServerStoreError` on a refusal."""
    copied: dict[str, int] = {}
    with source.transaction() as src, target.transaction() as dst:
        if dst.execute("SELECT count(*) FROM settings").fetchone()[0]:
            raise ServerStoreError(
                f"{target.describe()} already holds a Gatewatch server: migrate only into "
                "an empty database"
            )
        sequences = dict(src.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
        for table in TABLES:  # in dependency order: devices before envelopes
            names = [c.name for c in table.columns]
            columns = ", ".join(names)
            insert = f"INSERT INTO {table.name} ({columns}) VALUES ({', '.join('?' * len(names))})"
            cursor = src.execute(f"SELECT {columns} FROM {table.name}")  # fixed names
            count = 0
            while rows := cursor.fetchmany(BATCH_ROWS):
                dst.executemany(insert, [tuple(row) for row in rows])
                count += len(rows)
                progress(table.name, count)
            copied[table.name] = count
            serial = next((c.name for c in table.columns if c.type == "serial"), None)
            if serial is not None:
                top = src.execute(f"SELECT coalesce(max({serial}), 0) FROM {table.name}")
                highest = max(int(top.fetchone()[0]), int(sequences.get(table.name, 0)))
                if highest:
                    dst.execute(
                        "SELECT setval(pg_get_serial_sequence(?, ?), ?)",
                        (table.name, serial, highest),
                    )
        for table in TABLES:
            there = int(dst.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0])
            if there != copied[table.name]:
                raise ServerStoreError(
                    f"{table.name}: {copied[table.name]} rows read but {there} in PostgreSQL; "
                    "nothing was committed"
                )
    return copied
