"""``gatewatch-server --data-dir DIR COMMAND``: run and administer the newsroom server.

Commands: ``init``, ``serve``, ``enroll-code``, ``desk-token``, ``devices``, ``revoke``,
``revoke-desk-token``, ``stats``, ``release`` (release_cli.py), ``audit``, ``retention``,
``purge``, ``backup``, ``migrate`` (data_cli.py)
(docs/server.md; ``release keygen`` and ``release sign`` need no ``--data-dir``). Exit
codes: 0 done, 1 the operation failed (no server in DIR, disk error, port taken), 2 bad
input (arguments, key file, unknown device). Errors are one line on stderr; secrets
(tokens, invites) are printed only by the command that creates them, on its last line,
and never logged.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from sync import protocol
from sync.envelope import NewsroomPublicKey
from sync.server import data_cli, release_cli
from sync.server.releases import release_fingerprint
from sync.server.store import ServerStore, ServerStoreError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
MAX_KEY_FILE = 64 * 1024
_LABEL = re.compile(r"[^\x00-\x1f\x7f]{1," + str(protocol.MAX_LABEL) + "}")
_URL = re.compile(r"https?://[!-~]{1,500}")


class CliError(Exception):
    """A refusal: a one-line message and the exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{message} (see --help)", EXIT_BAD_INPUT)


def _label(value: str) -> str:
    if not _LABEL.fullmatch(value):
        raise argparse.ArgumentTypeError(
            f"a label is 1 to {protocol.MAX_LABEL} characters without control characters"
        )
    return value


def _port(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return int(value)


def _days(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 365:
        raise argparse.ArgumentTypeError("the number of days is 1 to 365")
    return int(value)


def _url(value: str) -> str:
    if not _URL.fullmatch(value):
        raise argparse.ArgumentTypeError("the server URL is http(s)://host[:port]")
    return value.rstrip("/")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="gatewatch-server",
        description="Run and administer the Gatewatch newsroom server (ciphertext only).",
    )
    parser.add_argument("--data-dir", type=Path, help="the server's folder (required)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = sub.add_parser("init", help="create the server for a newsroom public key")
    init.add_argument(
        "--newsroom-key", type=Path, required=True, help="public key file from the desk"
    )
    init.add_argument("--tls-cert", type=Path, help="the TLS certificate serve will use")
    init.add_argument(
        "--database",
        type=data_cli.database_url,
        metavar="URL",
        help="keep the data in this PostgreSQL database (default: SQLite in the folder)",
    )

    serve = sub.add_parser("serve", help="run the server (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=8443)
    serve.add_argument("--tls-cert", type=Path, help="PEM certificate (with --tls-key)")
    serve.add_argument("--tls-key", type=Path, help="PEM private key of the certificate")

    code = sub.add_parser("enroll-code", help="print a one-time invite for one device")
    code.add_argument("--label", type=_label, help="a name for the admin, e.g. 'laptop 3'")
    code.add_argument("--valid-days", type=_days, default=7, help="days until unused expiry")
    code.add_argument("--tls-cert", type=Path, help="certificate to pin (default: serve's)")
    code.add_argument("--server-url", type=_url, help="put this address in the invite")

    desk = sub.add_parser("desk-token", help="print a new token for the editor desk")
    desk.add_argument("--label", type=_label)

    devices = sub.add_parser("devices", help="list devices")
    devices.add_argument("--json", action="store_true")

    revoke = sub.add_parser("revoke", help="revoke a device (or an unused invite)")
    revoke.add_argument("device_id")

    revoke_desk = sub.add_parser("revoke-desk-token", help="revoke a desk token by its number")
    revoke_desk.add_argument("token_id", type=int)

    stats = sub.add_parser("stats", help="counts of envelopes, devices, messages")
    stats.add_argument("--json", action="store_true")

    data_cli.add_parsers(sub)
    release_cli.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run one command; return the exit code (never raises for user errors)."""
    stdout = out or sys.stdout
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
        offline = getattr(args, "release_command", None) in release_cli.OFFLINE_COMMANDS
        if args.data_dir is None and not offline:
            raise CliError("the following arguments are required: --data-dir", EXIT_BAD_INPUT)
        command: Callable[[argparse.Namespace, TextIO], int] = COMMANDS[args.command]
        return command(args, stdout)
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except (CliError, release_cli.ReleaseCliError, data_cli.DataCliError) as exc:
        _fail(str(exc))
        return exc.code
    except ServerStoreError as exc:
        _fail(str(exc))
        return EXIT_FAILED
    except OSError as exc:
        _fail(f"{exc.strerror or exc.__class__.__name__}: {exc.filename or ''}".strip(": "))
        return EXIT_FAILED


def _fail(message: str) -> None:
    print(f"gatewatch-server: error: {' '.join(message.split())}", file=sys.stderr)


def _open(args: argparse.Namespace) -> ServerStore:
    return ServerStore.open(args.data_dir)


def _read_public_key(path: Path) -> NewsroomPublicKey:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_KEY_FILE + 1)
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror}", EXIT_BAD_INPUT) from None
    if len(data) > MAX_KEY_FILE:
        raise CliError(f"{path} is too large to be a newsroom public key file", EXIT_BAD_INPUT)
    text = data.decode("utf-8", errors="replace")
    if re.search(r"private|secret", text, re.IGNORECASE):
        raise CliError(
            f"{path} looks like a private key. Give the server only the newsroom PUBLIC key "
            "file; the private key stays in the editor desk.",
            EXIT_BAD_INPUT,
        )
    try:
        return NewsroomPublicKey.from_text(text)
    except ValueError as exc:
        raise CliError(f"{path}: {exc}", EXIT_BAD_INPUT) from None


def _tls_fingerprint(cert: Path) -> str:
    from sync.server.runner import certificate_sha256

    try:
        return certificate_sha256(cert)
    except OSError as exc:
        raise CliError(f"cannot read the TLS certificate {cert}: {exc.strerror}") from None
    except ValueError:
        raise CliError(f"{cert} holds no PEM certificate", EXIT_BAD_INPUT) from None


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    key = _read_public_key(args.newsroom_key)
    if args.tls_cert is not None:
        _tls_fingerprint(args.tls_cert)
    with ServerStore.create(args.data_dir, key, args.database) as store:
        if args.tls_cert is not None:
            store.settings.set_tls_cert_path(args.tls_cert.resolve())
        where = store.db.describe()
    print(f"Server ready in {args.data_dir} (data in {where})", file=out)
    print(f"Newsroom key fingerprint: {key.fingerprint} ({key.kem})", file=out)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    from sync.server.runner import GatewatchServer, uvicorn_config

    if (args.tls_cert is None) != (args.tls_key is None):
        raise CliError("TLS needs both --tls-cert and --tls-key", EXIT_BAD_INPUT)
    tls = None
    if args.tls_cert is not None:
        tls = _tls_fingerprint(args.tls_cert)
        if not args.tls_key.is_file():
            raise CliError(f"the TLS key {args.tls_key} is not a readable file", EXIT_BAD_INPUT)
    with _open(args) as store:
        if args.tls_cert is not None:
            store.settings.set_tls_cert_path(args.tls_cert.resolve())
        scheme = "https" if tls else "http"
        print(f"Serving {scheme}://{args.host}:{args.port}", file=out)
        print(f"Newsroom key fingerprint: {store.newsroom_key.fingerprint}", file=out)
        if tls:
            print(f"TLS certificate SHA-256: {tls}", file=out)
        elif args.host not in {"127.0.0.1", "::1", "localhost"}:
            print(
                "Warning: no TLS on a non-loopback address. Use --tls-cert/--tls-key, or "
                "serve on 127.0.0.1 behind a TLS proxy or a Tor onion service.",
                file=out,
            )
        out.flush()
        server = GatewatchServer(
            uvicorn_config(
                store,
                host=args.host,
                port=args.port,
                tls_cert=args.tls_cert,
                tls_key=args.tls_key,
            )
        )
        try:
            server.run()
        except KeyboardInterrupt:  # uvicorn re-raises Ctrl+C after a clean shutdown
            pass
        except SystemExit as exc:  # uvicorn exits 1 when it cannot bind
            if exc.code not in (0, None):
                raise CliError(f"the server could not start on {args.host}:{args.port}") from None
    return EXIT_OK


def cmd_enroll_code(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as store:
        cert = args.tls_cert or store.settings.tls_cert_path()
        tls = _tls_fingerprint(cert) if cert is not None else None
        device_id, token, expires = store.tokens.create_invite(args.label, args.valid_days)
        fingerprint = store.newsroom_key.fingerprint
        desk_key = store.keys.desk_signing_key()  # pinned by the device from the invite
        release_key = release_fingerprint(store)
    invite = protocol.encode_invite(
        protocol.Invite(
            token=token,
            newsroom_fingerprint=fingerprint,
            tls_sha256=tls,
            server_url=args.server_url,
            desk_signing_key=None if desk_key is None else desk_key.hex(),
            release_key=release_key,
        )
    )
    print(f"Invite for device {device_id}, valid once until {expires}.", file=out)
    print(f"Newsroom key fingerprint: {fingerprint}", file=out)
    print(f"TLS certificate SHA-256: {tls or 'none (no TLS configured)'}", file=out)
    if desk_key is None:
        print(
            "No desk has connected yet: this invite cannot pin the desks' signing key (the "
            "device will trust the first one the server names). Connect a desk first.",
            file=out,
        )
    if release_key is not None:
        print(f"Release key fingerprint: {release_key}", file=out)
    print("Give the next line to the correspondent over a safe channel:", file=out)
    print(invite, file=out)
    return EXIT_OK


def cmd_desk_token(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as store:
        token_id, token = store.tokens.create_desk_token(args.label)
    print(f"Desk token number {token_id}. It is shown only this once; keep it secret:", file=out)
    print(token, file=out)
    return EXIT_OK


def cmd_devices(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as store:
        rows = store.tokens.devices()
    if args.json:
        listing = [
            {
                "device_id": d.device_id,
                "label": d.label,
                "state": _state(d.enrolled, d.revoked),
                "enrolled": d.enrolled,
                "revoked": d.revoked,
                "public_key": None
                if d.public_key is None
                else protocol.encode_base64(d.public_key),
                "created_at": d.created_at,
                "enrolled_at": d.enrolled_at,
                "invite_expires_at": None if d.enrolled else d.invite_expires_at,
                "envelopes": d.envelopes,
                "last_upload_at": d.last_upload_at,
            }
            for d in rows
        ]
        print(json.dumps(listing, indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    if not rows:
        print("No devices. Create an invite with enroll-code.", file=out)
    for d in rows:
        print(
            f"{d.device_id}  {_state(d.enrolled, d.revoked):8}  envelopes={d.envelopes:<6} "
            f"last={d.last_upload_at or '-'}  {d.label or ''}".rstrip(),
            file=out,
        )
    return EXIT_OK


def _state(enrolled: bool, revoked: bool) -> str:
    return "revoked" if revoked else "enrolled" if enrolled else "invited"


def cmd_revoke(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as store:
        if not store.tokens.revoke_device(args.device_id):
            raise CliError("no device has this id (see 'devices')", EXIT_BAD_INPUT)
    print(f"Revoked {args.device_id}: its token is refused from now on.", file=out)
    return EXIT_OK


def cmd_revoke_desk_token(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as store:
        if not store.tokens.revoke_desk_token(args.token_id):
            raise CliError(f"no desk token number {args.token_id}", EXIT_BAD_INPUT)
    print(f"Revoked desk token number {args.token_id}.", file=out)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as store:
        counts = store.stats()
    if args.json:
        print(json.dumps(counts), file=out)
    else:
        for key, value in counts.items():
            print(f"{key}: {value}", file=out)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "init": cmd_init,
    "serve": cmd_serve,
    "enroll-code": cmd_enroll_code,
    "desk-token": cmd_desk_token,
    "devices": cmd_devices,
    "revoke": cmd_revoke,
    "revoke-desk-token": cmd_revoke_desk_token,
    "stats": cmd_stats,
    "release": release_cli.run,
    **data_cli.COMMANDS,
}
