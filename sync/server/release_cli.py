"""``gatewatch-server release …``: make the release key, sign and publish manifests.

``keygen`` and ``sign`` run on the admin's own machine and need no ``--data-dir``: the
private key never goes to the server. ``set-key``, ``publish`` and ``show`` act on the
server's folder. docs/packaging.md describes the release process.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any, TextIO

from sync import release
from sync.server import releases
from sync.server.store import ServerStore

EXIT_OK = 0
EXIT_BAD_INPUT = 2
OFFLINE_COMMANDS = frozenset({"keygen", "sign"})


class ReleaseCliError(Exception):
    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def add_parsers(sub: Any) -> None:
    rel = sub.add_parser("release", help="release manifests: keygen, sign, set-key, publish")
    rsub = rel.add_subparsers(dest="release_command", required=True, parser_class=type(rel))
    keygen = rsub.add_parser("keygen", help="make a release-signing key (not on the server)")
    keygen.add_argument("--out", type=Path, required=True, help="private key file to create")
    sign = rsub.add_parser("sign", help="sign a manifest with the release key (offline)")
    sign.add_argument("manifest", type=Path, help="manifest JSON (docs/packaging.md)")
    sign.add_argument("--key", type=Path, required=True, help="the release private key file")
    sign.add_argument("--out", type=Path, help="signed manifest (default: MANIFEST.signed)")
    set_key = rsub.add_parser("set-key", help="configure the release public key")
    set_key.add_argument("public_key", type=Path, help="the .pub file keygen wrote")
    set_key.add_argument("--replace", action="store_true", help="replace another key")
    publish = rsub.add_parser("publish", help="store a signed manifest for devices and desks")
    publish.add_argument("signed", type=Path)
    rsub.add_parser("show", help="the release key fingerprint and the published version")


def _read(path: Path, limit: int) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ReleaseCliError(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > limit:
        raise ReleaseCliError(f"{path} is too large")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReleaseCliError(f"{path} is not UTF-8 text") from None


def _write_new(path: Path, text: str, mode: int) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        raise ReleaseCliError(f"{path} exists: nothing was overwritten") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        return _COMMANDS[args.release_command](args, out)
    except release.ReleaseError as error:
        raise ReleaseCliError(str(error)) from None


def _keygen(args: argparse.Namespace, out: TextIO) -> int:
    key = release.generate_key()
    public = key.public_key().public_bytes_raw()
    pub_path = args.out.with_name(args.out.name + ".pub")
    if pub_path.exists():
        raise ReleaseCliError(f"{pub_path} exists: nothing was overwritten")
    _write_new(args.out, release.private_key_text(key), 0o600)
    _write_new(pub_path, release.public_key_text(public), 0o644)
    print(f"Release signing key written to {args.out} (keep it off the server, offline).", file=out)
    print(f"Public key for the server ('release set-key'): {pub_path}", file=out)
    print(f"Release key fingerprint: {release.key_fingerprint(public)}", file=out)
    return EXIT_OK


def _sign(args: argparse.Namespace, out: TextIO) -> int:
    key = release.load_private_key(_read(args.key, 4096))
    try:
        document = json.loads(_read(args.manifest, release.MAX_MANIFEST_BYTES))
    except ValueError:
        raise ReleaseCliError(f"{args.manifest} is not JSON") from None
    manifest = release.manifest_from_json(document, require_format=False)
    if len(manifest.to_bytes()) > release.MAX_MANIFEST_BYTES:
        raise ReleaseCliError("the manifest is too large")
    signed = release.sign(manifest, key)
    target = args.out or args.manifest.with_name(args.manifest.name + ".signed")
    _write_new(target, signed.to_text() + "\n", 0o644)
    print(f"Signed version {manifest.version} into {target}", file=out)
    print(f"Release key fingerprint: {signed.fingerprint}", file=out)
    return EXIT_OK


def _set_key(args: argparse.Namespace, out: TextIO) -> int:
    text = _read(args.public_key, 4096)
    if release.PRIVATE_PREFIX in text:
        raise ReleaseCliError(
            f"{args.public_key} is the release PRIVATE key: give the server only the .pub file"
        )
    public = release.load_public_key(text)
    with ServerStore.open(args.data_dir) as store:
        if not releases.set_release_key(store, public, replace=args.replace):
            raise ReleaseCliError(
                "another release key is configured; devices pinned it. Use --replace only "
                "if that key is lost or compromised: every device then needs a new invite"
            )
    print(f"Release key fingerprint: {release.key_fingerprint(public)}", file=out)
    print("New invites and 'desk connect --release-key' pin this fingerprint.", file=out)
    return EXIT_OK


def _publish(args: argparse.Namespace, out: TextIO) -> int:
    signed = release.SignedManifest.from_text(_read(args.signed, release.MAX_SIGNED_BYTES))
    with ServerStore.open(args.data_dir) as store:
        try:
            manifest = releases.publish(store, signed)
        except releases.ReleasePublishError as error:
            raise ReleaseCliError(f"not published: {error}") from None
    print(
        f"Published version {manifest.version}; devices and desks see it at their next sync.",
        file=out,
    )
    return EXIT_OK


def _show(args: argparse.Namespace, out: TextIO) -> int:
    with ServerStore.open(args.data_dir) as store:
        fingerprint = releases.release_fingerprint(store)
        signed = releases.latest(store)
    print(f"Release key fingerprint: {fingerprint or 'none configured'}", file=out)
    version = None if signed is None else release.parse_manifest(signed.manifest).version
    print(f"Published version: {version or 'none'}", file=out)
    return EXIT_OK


_COMMANDS = {
    "keygen": _keygen,
    "sign": _sign,
    "set-key": _set_key,
    "publish": _publish,
    "show": _show,
}
