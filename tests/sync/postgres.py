"""A throwaway PostgreSQL for tests: ``initdb`` and ``pg_ctl`` (the Debian ``postgresql``
package, which .ci/run installs) in a temporary folder, as an unprivileged user (``nobody``
when the tests run as root: PostgreSQL refuses root), listening on a Unix socket in that
folder only. ``temporary_postgres(folder)`` yields a function that runs SQL through psql;
``temporary_cluster(folder)`` a :class:`Cluster` that also makes databases and their URLs."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def pg_binary(name: str) -> Path | None:
    """``name`` on PATH, or in the newest /usr/lib/postgresql/N/bin (Debian's place)."""
    found = shutil.which(name)
    if found:
        return Path(found)
    versions = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    return versions[-1] if versions else None


def available() -> bool:
    return all(
        pg_binary(n) is not None for n in ("initdb", "pg_ctl", "psql", "pg_dump", "pg_restore")
    )


@dataclass
class Cluster:
    """A running throwaway cluster: ``run(sql)`` in its ``postgres`` database, and
    ``new_database()`` for a fresh, empty one, returned as a ``postgresql://`` URL."""

    run: Callable[[str], str]
    socket_dir: Path
    role: str
    call: Callable[..., subprocess.CompletedProcess[str]]
    made: int = 0

    def url(self, name: str) -> str:
        host = urllib.parse.quote(str(self.socket_dir), safe="")
        return f"postgresql://{self.role}@/{name}?host={host}"

    def new_database(self) -> str:
        self.made += 1
        name = f"gatewatch_{self.made}"
        self.run(f"CREATE DATABASE {name}")
        return self.url(name)

    def dump(self, url: str) -> Path:
        """``pg_dump --format=custom`` of the database at ``url``, as the docs say; the
        file is in the cluster's folder (where its user may write)."""
        name = urllib.parse.urlsplit(url).path.lstrip("/")
        out = self.socket_dir / f"{name}.dump"
        self.call(
            str(pg_binary("pg_dump")), "-h", str(self.socket_dir), "-U", self.role,
            "--format=custom", "--file", str(out), name,
        )  # fmt: skip
        return out

    def restore(self, dump: Path) -> str:
        """A new database with ``dump`` restored into it by ``pg_restore``; its URL."""
        url = self.new_database()
        name = urllib.parse.urlsplit(url).path.lstrip("/")
        self.call(
            str(pg_binary("pg_restore")), "-h", str(self.socket_dir), "-U", self.role,
            "--exit-on-error", "--no-owner", "--dbname", name, str(dump),
        )  # fmt: skip
        return url


@contextlib.contextmanager
def temporary_postgres(folder: Path) -> Iterator[Callable[[str], str]]:
    """Start a cluster in ``folder`` (created); yield ``run(sql) -> psql's output``, which
    raises ``subprocess.CalledProcessError`` when a statement fails. Stopped on exit."""
    with temporary_cluster(folder) as cluster:
        yield cluster.run


@contextlib.contextmanager
def temporary_cluster(folder: Path) -> Iterator[Cluster]:
    """Start a cluster in ``folder`` (created); yield it. Stopped on exit."""
    as_root = os.geteuid() == 0
    user: dict[str, Any] = {"user": "nobody", "group": "nogroup"} if as_root else {}
    folder.mkdir(parents=True)
    if as_root:
        for path in folder.parents:  # nobody may pass through the test's own folders
            mode = path.stat().st_mode
            if mode & 0o001 == 0:
                path.chmod(mode | 0o001)
        shutil.chown(folder, "nobody", "nogroup")
    data, socket_dir = folder / "data", folder
    role = "nobody" if as_root else os.environ.get("USER", "postgres")

    def call(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            args, check=False, capture_output=True, text=True, cwd=folder, timeout=120, **user
        )
        if done.returncode:  # the tool's own words, not only its exit status
            raise subprocess.CalledProcessError(
                done.returncode, args, done.stdout, f"{done.stderr}"
            ) from RuntimeError(done.stderr.strip()[-2000:])
        return done

    initdb, pg_ctl, psql = (str(pg_binary(n)) for n in ("initdb", "pg_ctl", "psql"))
    call(initdb, "-D", str(data), "-A", "trust", "-U", role, "-E", "UTF8", "--locale=C", "-N")
    # -F: no fsync (a test cluster); max_connections: pools of several server processes.
    options = f"-k {socket_dir} -c listen_addresses='' -F -c max_connections=300"
    call(pg_ctl, "start", "-w", "-D", str(data), "-l", str(folder / "log"), "-o", options)
    try:

        def run(sql: str) -> str:
            script = folder / "statement.sql"
            script.write_text(sql)
            if as_root:
                shutil.chown(script, "nobody", "nogroup")
            return call(
                psql,
                "-X",
                "-q",
                "-At",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                str(socket_dir),
                "-U",
                role,
                "-d",
                "postgres",
                "-f",
                str(script),
            ).stdout

        yield Cluster(run, socket_dir, role, call)
    finally:
        call(pg_ctl, "stop", "-w", "-m", "immediate", "-D", str(data))
