"""The systemd unit and the onion-service snippet under packaging/server/ match the real
``gatewatch-server`` command line, and the unit keeps its hardening."""

from __future__ import annotations

import shlex
import tomllib
from pathlib import Path

from sync.server.cli import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "packaging" / "server" / "gatewatch-server.service"
TORRC = ROOT / "packaging" / "server" / "torrc-gatewatch"


def unit_settings() -> dict[str, list[str]]:
    """``Key=value`` lines of the unit (keys may repeat), comments and sections left out."""
    settings: dict[str, list[str]] = {}
    for line in UNIT.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


def test_the_units_exec_start_is_a_serve_command_the_cli_accepts() -> None:
    settings = unit_settings()
    (exec_start,) = settings["ExecStart"]
    program, *argv = shlex.split(exec_start)
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert Path(program).name in scripts
    assert scripts[Path(program).name] == "sync.server.cli:main"
    args = build_parser().parse_args(argv)  # raises on an option the CLI does not have
    assert args.command == "serve"
    assert COMMANDS[args.command].__name__ == "cmd_serve"
    assert args.host == "127.0.0.1"
    # The data folder is the unit's state directory, the one place it may write.
    assert args.data_dir == Path("/var/lib") / settings["StateDirectory"][0]
    assert {args.tls_cert.parent, args.tls_key.parent} == {Path(settings["ReadOnlyPaths"][0])}


def test_the_unit_is_hardened() -> None:
    settings = unit_settings()
    for key, value in {
        "User": "gatewatch",
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "PrivateDevices": "yes",
        "CapabilityBoundingSet": "",
        "RestrictAddressFamilies": "AF_UNIX AF_INET AF_INET6",
        "UMask": "0077",
        "StateDirectoryMode": "0700",
    }.items():
        assert settings.get(key) == [value], key


def test_the_onion_service_points_at_the_units_port() -> None:
    argv = shlex.split(unit_settings()["ExecStart"][0])[1:]
    args = build_parser().parse_args(argv)
    ports = [
        line.split()[1:]
        for line in TORRC.read_text().splitlines()
        if line.startswith("HiddenServicePort")
    ]
    assert ports == [["443", f"{args.host}:{args.port}"]]
