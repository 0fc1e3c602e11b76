"""`gatewatch --self-test`: the installed or frozen application checks itself.

For staff and CI (docs/packaging.md): in a temporary folder, create an encrypted store,
save and search a report, seal and open an envelope with each KEM, open reports in the
desk's worker processes, strip a photo's metadata, then (desktop/ui/selftest_window.py)
render the main window offscreen and load the Burmese translation and font. One line per
check, ``ok`` or ``FAIL`` first; exit 0 only when every check passed. Nothing outside the
temporary folder is read or written, no network is used, and the temporary folder is
removed afterwards.

``gatewatch --self-test --versions`` prints the versions of what runs inside (Python, Qt,
SQLCipher and the OpenSSL builds) as JSON; ``make build`` puts them in the manifest.

``GATEWATCH_EXIT_AFTER_SHOWN=1 gatewatch``: the GUI prints ``shown after N ms`` once its
first window is on screen, then quits (bench/startup_bench.py measures cold starts).
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

SELF_TEST_FLAG = "--self-test"
VERSIONS_FLAG = "--versions"
EXIT_AFTER_SHOWN_ENV = "GATEWATCH_EXIT_AFTER_SHOWN"
PASSPHRASE = "self-test passphrase, thrown away"  # noqa: S105 (a throwaway store's)

_STARTED = time.monotonic()


@dataclass(frozen=True)
class Check:
    """One self-test check: `run(workdir)` returns a short detail or raises."""

    name: str
    run: Callable[[Path], str]


def early_exit(argv: Sequence[str]) -> int | None:
    """Run the self-test when `argv` starts with --self-test and return its exit code;
    None for every other command line (the normal CLI goes on)."""
    arguments = list(argv)
    if arguments[:1] != [SELF_TEST_FLAG]:
        return None
    rest = arguments[1:]
    if rest == [VERSIONS_FLAG]:
        print(json.dumps(versions(), indent=2, sort_keys=True))
        return 0
    if rest:
        print(f"usage: gatewatch {SELF_TEST_FLAG} [{VERSIONS_FLAG}]", file=sys.stderr)
        return 2
    return run_checks(all_checks(), sys.stdout)


def install_startup_probe() -> None:
    """With GATEWATCH_EXIT_AFTER_SHOWN=1, the GUI prints how long it took to show its first
    window and quits (bench/startup_bench.py); otherwise nothing happens."""
    if os.environ.get(EXIT_AFTER_SHOWN_ENV) != "1":
        return
    from desktop.ui.selftest_window import install_startup_probe as install

    install()


def process_age_ms() -> float:
    """Milliseconds since this process started (Linux: from /proc, to 10 ms; elsewhere:
    since this module was imported, which misses the interpreter's own start)."""
    try:
        stat = Path("/proc/self/stat").read_text(encoding="ascii")
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22, starttime
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
        return max(0.0, (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000)
    except (OSError, ValueError, IndexError):
        return (time.monotonic() - _STARTED) * 1000


def run_checks(checks: Sequence[Check], out: TextIO) -> int:
    """Run `checks` in a fresh temporary folder, print one line each; 0 only if all pass."""
    failed = 0
    with tempfile.TemporaryDirectory(prefix="gatewatch-selftest-") as tmp:
        for number, check in enumerate(checks):
            workdir = Path(tmp) / f"{number}-{check.name}"
            workdir.mkdir()
            started = time.perf_counter()
            try:
                detail = check.run(workdir)
            except Exception as error:  # every failure is reported, the next check runs
                failed += 1
                message = str(error).splitlines()[0] if str(error) else ""
                print(f"FAIL {check.name}: {type(error).__name__}: {message}", file=out)
            else:
                ms = (time.perf_counter() - started) * 1000
                print(f"ok   {check.name}: {detail} ({ms:.0f} ms)", file=out)
            out.flush()
    passed = len(checks) - failed
    print(f"self-test: {passed} of {len(checks)} checks passed", file=out)
    return 0 if failed == 0 and checks else 1


def all_checks() -> list[Check]:
    from desktop.ui.selftest_window import qt_checks  # Qt only here, in desktop/ui

    return [*core_checks(), *qt_checks()]


def core_checks() -> list[Check]:
    return [
        Check("store", check_store),
        Check("envelope-mlkem768x25519", lambda _: check_envelope("mlkem768x25519")),
        Check("envelope-x25519", lambda _: check_envelope("x25519")),
        Check("photo", lambda _: check_photo()),
        Check("desk-workers", lambda _: check_desk_workers()),
        Check("tls", lambda _: check_tls()),
    ]


# -- the checks -------------------------------------------------------------------------

SAMPLE_REPORT = {
    "gate": "laiza",
    "observed_at": "2024-11-12T09:30:00+06:30",
    "china_side": "closed",
    "myanmar_side": "restricted",
    "traffic": {"civilians": "blocked", "cargo_trucks": "blocked"},
    "controlled_by": "kia",
    "barrier": ["barbed_wire"],
    "shortages": ["fuel"],
    "prices": [{"commodity": "diesel", "unit": "litre", "amount": 4500, "currency": "MMK"}],
    "how_known": "witnessed",
    "source": {"category": "trader", "reliability": "B", "credibility": 2},
    "narrative": "Barbed wire across the road. ဆီဈေး တက်သွားသည်။ 中方关闭口岸。",
}


def check_store(workdir: Path) -> str:
    from desktop.domain.gazetteer import default_gazetteer
    from desktop.domain.report import Report, ReportContent
    from desktop.store.database import create_store, open_store
    from desktop.store.reports import ReportRepository

    data_dir = workdir / "store"
    report = Report.new(ReportContent.from_json(SAMPLE_REPORT))
    with create_store(data_dir, PASSPHRASE) as store:
        ReportRepository(store, default_gazetteer()).add(report)
    with open_store(data_dir, PASSPHRASE) as store:
        reports = ReportRepository(store, default_gazetteer())
        for query in ("barbed wire", "ဆီဈေး", "口岸"):
            found = reports.search(query)
            if found != [report.id]:
                raise AssertionError(f"search for {query!r} found {len(found)} reports, not 1")
        cipher = store.conn.execute("PRAGMA cipher_version").fetchone()[0]
    plain_header = b"SQLite format 3\x00"
    for path in data_dir.iterdir():
        if path.is_file() and path.read_bytes()[:16] == plain_header:
            raise AssertionError(f"{path.name} is not encrypted")
    return f"saved, reopened and found a report in three scripts (SQLCipher {cipher})"


def check_envelope(kem: str) -> str:
    from sync.envelope import (
        DeviceSigningKey,
        EnvelopeKind,
        NewsroomKeyPair,
        open_envelope,
        seal,
    )

    newsroom = NewsroomKeyPair.generate(kem)
    device = DeviceSigningKey.generate()
    payload = json.dumps(SAMPLE_REPORT, ensure_ascii=False).encode()
    envelope = seal(
        payload,
        kind=EnvelopeKind.REPORT,
        envelope_id=str(uuid.uuid4()),
        device_id="self-test",
        device_key=device,
        recipient=newsroom.public_key,
    )
    opened = open_envelope(
        envelope,
        newsroom_private_key=newsroom,
        device_public_key_for=lambda device_id: (
            device.public_bytes() if device_id == "self-test" else None
        ),
    )
    if opened.payload != payload or opened.header.kem != kem:
        raise AssertionError("the opened envelope differs from what was sealed")
    if payload in envelope:
        raise AssertionError("the payload shows in the sealed envelope")
    return f"sealed and opened {len(envelope)} bytes"


def check_desk_workers() -> str:
    """The desk's pull opens a backlog in worker processes: they must start in this build
    (a frozen app needs `multiprocessing.freeze_support` in its entry), not fall back."""
    from desktop.domain.report import Report, ReportContent
    from desktop.services.desk.open import PageOpener, Sealed
    from desktop.store.desk.core import EnvelopeRecord, ReceivedReport
    from sync.envelope import DeviceSigningKey, EnvelopeKind, NewsroomKeyPair, seal
    from sync.payloads.report import REPORT_FORMAT

    newsroom = NewsroomKeyPair.generate()
    device = DeviceSigningKey.generate()
    page = []
    for seq in range(1, 5):
        record = Report.new(ReportContent.from_json(SAMPLE_REPORT)).to_json()
        payload = {"format": REPORT_FORMAT, "report": record, "attachments": []}
        envelope_id = str(uuid.uuid4())
        data = seal(
            json.dumps(payload, ensure_ascii=False).encode(),
            kind=EnvelopeKind.REPORT,
            envelope_id=envelope_id,
            device_id="self-test",
            device_key=device,
            recipient=newsroom.public_key,
        )
        base = EnvelopeRecord(envelope_id, seq, "self-test", "report", len(data), "", "stored")
        page.append(Sealed(base, data))
    opener = PageOpener([newsroom], workers=2)
    try:
        opener.use_processes()
        opened = opener.open(page, {"self-test": device.public_bytes()}).result()
        in_processes = opener.in_processes
    finally:
        opener.close()
    if not in_processes:
        raise AssertionError("the worker processes did not start; the pull fell back to threads")
    if not all(isinstance(item, ReceivedReport) for item in opened):
        raise AssertionError(f"a worker refused a valid report: {opened[0]}")
    return f"opened {len(opened)} reports in 2 worker processes"


def check_photo() -> str:
    from PIL import Image

    from desktop.services.photos import import_photo

    exif = Image.Exif()
    exif[0x010F] = "SelfTestCam"  # Make
    exif[0x8825] = {1: "N", 2: (25.0, 30.0, 0.0)}  # GPS latitude
    source = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(
        source, "JPEG", exif=exif, comment=b"self-test comment"
    )
    data = source.getvalue()
    if b"SelfTestCam" not in data:
        raise AssertionError("the test photo was written without its metadata")
    clean = import_photo(data)
    leaks = [
        marker for marker in (b"SelfTestCam", b"Exif", b"self-test comment") if marker in clean.data
    ]
    if leaks:
        raise AssertionError(f"metadata left in the photo: {leaks}")
    with Image.open(io.BytesIO(clean.data)) as opened:
        if len(opened.getexif()) or (opened.width, opened.height) != (64, 48):
            raise AssertionError("the clean photo has EXIF or a different size")
    return f"{len(data)} bytes with EXIF and GPS in, {len(clean.data)} clean bytes out"


def check_tls() -> str:
    """Python's ssl loads (on Linux the machine's OpenSSL 3: docs/packaging.md) and makes
    the verifying context the sync client uses."""
    try:
        import ssl

        import requests  # noqa: F401 (the sync client's HTTP stack loads with it)
    except ImportError as error:
        raise AssertionError(
            f"TLS cannot load ({error}): on Linux, install OpenSSL 3 (Debian/Ubuntu: libssl3)"
        ) from error
    context = ssl.create_default_context()
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise AssertionError("the default TLS context does not verify certificates")
    return ssl.OPENSSL_VERSION


# -- versions ---------------------------------------------------------------------------


def versions() -> dict[str, str]:
    """Versions of what runs inside this build (for the build manifest)."""
    import platform
    import ssl

    import cryptography
    from cryptography.hazmat.backends.openssl.backend import backend
    from sqlcipher3 import dbapi2

    from desktop.ui.selftest_window import qt_versions

    connection = dbapi2.connect(":memory:")
    try:
        # A throwaway key: SQLCipher names its crypto provider only on a keyed database.
        connection.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"").fetchall()
        provider_name = connection.execute("PRAGMA cipher_provider").fetchone()
        cipher = connection.execute("PRAGMA cipher_version").fetchone()
        provider = connection.execute("PRAGMA cipher_provider_version").fetchone()
        sqlite = connection.execute("SELECT sqlite_version()").fetchone()[0]
    finally:
        connection.close()
    frozen = bool(getattr(sys, "frozen", False))
    return {
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "platform": f"{sys.platform}-{platform.machine()}",
        **qt_versions(),
        "sqlcipher": str(cipher[0]) if cipher else "unknown",
        "sqlcipher_sqlite": str(sqlite),
        "sqlcipher_crypto": (
            f"{provider_name[0]} {provider[0]}" if provider_name and provider else "unknown"
        ),
        "cryptography": cryptography.__version__,
        "cryptography_openssl": backend.openssl_version_text(),
        "python_ssl_openssl": ssl.OPENSSL_VERSION,
        "frozen": "yes" if frozen else "no",
    }
