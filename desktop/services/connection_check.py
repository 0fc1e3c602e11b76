"""Reaching the server under censorship: find a local Tor, and test a connection step by
step so the window can say which step failed.

`detect_tor` looks for Tor's SOCKS port on 127.0.0.1 (9050, the Tor daemon; 9150, Tor
Browser) with a real SOCKS5 greeting — a port that is merely open is not Tor. It offers
``socks5h://``, so server names are resolved by Tor, never by the local network.

`check_connection` walks the steps one at a time, each with its own short deadline:

- ``proxy``: the proxy answers a SOCKS5 greeting;
- ``name``: the server's name resolves (by the proxy when there is one: a SOCKS "host
  unreachable" answer; else locally);
- ``tcp``: a connection to the server's port opens (through the proxy when there is one);
- ``tls``: the server's certificate is the one the invite pins (or, unpinned, a valid one);
- ``token``: the server accepts the token (``GET /v1/health``).

Every function is synchronous (a worker thread calls it) and touches no store.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import socket
import ssl
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from sync.client import ClientConfig, OfflineError, PinMismatchError, SyncClient, SyncError
from sync.transport import TransportConfigError, normalize_fingerprint

__all__ = ["STEPS", "TOR_PORTS", "CheckResult", "check_connection", "detect_tor", "socks5_greets"]

TOR_PORTS = (9050, 9150)
STEPS = ("proxy", "name", "tcp", "tls", "token")
_SOCKS_HOST_UNREACHABLE = 4
GREETING_S = 3.0  # a SOCKS5 proxy answers its greeting at once; anything else may wait


@dataclass(frozen=True)
class CheckResult:
    """``failed``: the first step that failed (one of `STEPS`), or None when every step
    passed; ``passed``: the steps that passed before it; ``detail``: the low-level reason
    (English, for support)."""

    failed: str | None
    passed: tuple[str, ...]
    detail: str = ""


def socks5_greets(host: str, port: int, timeout: float = 1.0) -> bool:
    """Whether a SOCKS5 proxy without authentication answers on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.settimeout(timeout)
            return _greet(sock)
    except OSError:
        return False


def detect_tor(ports: Sequence[int] = TOR_PORTS, timeout: float = 1.0) -> str | None:
    """``socks5h://127.0.0.1:PORT`` for the first of ``ports`` where Tor answers."""
    for port in ports:
        if socks5_greets("127.0.0.1", port, timeout):
            return f"socks5h://127.0.0.1:{port}"
    return None


def _greet(sock: socket.socket) -> bool:
    sock.sendall(b"\x05\x01\x00")  # version 5, one method: no authentication
    return _recv_exact(sock, 2) == b"\x05\x00"


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            return data
        data += chunk
    return data


class _Failed(Exception):
    def __init__(self, step: str, detail: str) -> None:
        super().__init__(detail)
        self.step = step


def check_connection(
    server_url: str,
    *,
    token: str | None,
    tls_fingerprint: str | None = None,
    proxy: str | None = None,
    timeout: float = 10.0,
) -> CheckResult:
    """Try each step in turn; return the first that failed (see the module doc)."""
    passed: list[str] = []
    parts = urlsplit(server_url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        sock = (
            _through_proxy(proxy, host, port, timeout, passed)
            if proxy
            else _direct(host, port, timeout, passed)
        )
        with contextlib.closing(sock):
            passed.append("tcp")
            if parts.scheme == "https":
                _check_tls(sock, host, tls_fingerprint, timeout)
                passed.append("tls")
        _check_token(server_url, token, tls_fingerprint, proxy, timeout)
        passed.append("token")
    except _Failed as failure:
        return CheckResult(failure.step, tuple(passed), str(failure))
    return CheckResult(None, tuple(passed))


def _direct(host: str, port: int, timeout: float, passed: list[str]) -> socket.socket:
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise _Failed("name", f"{host}: {error}") from None
    passed.append("name")
    last: OSError | None = None
    for family, kind, proto, _, address in addresses:
        sock = socket.socket(family, kind, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
            return sock
        except OSError as error:
            sock.close()
            last = error
    raise _Failed("tcp", f"{host}:{port}: {last}")


def _through_proxy(
    proxy: str, host: str, port: int, timeout: float, passed: list[str]
) -> socket.socket:
    parts = urlsplit(proxy)
    if parts.scheme not in ("socks5", "socks5h") or not parts.hostname or not parts.port:
        raise _Failed("proxy", f"not a SOCKS5 proxy address: {proxy}")
    try:
        sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
    except OSError as error:
        raise _Failed("proxy", f"{parts.hostname}:{parts.port}: {error}") from None
    try:
        sock.settimeout(min(timeout, GREETING_S))
        if not _greet(sock):
            raise _Failed("proxy", "the proxy does not speak SOCKS5 without a password")
        passed.append("proxy")
        sock.settimeout(timeout)
        sock.sendall(b"\x05\x01\x00" + _socks_address(host) + struct.pack("!H", port))
        reply = _recv_exact(sock, 10)
    except _Failed:
        sock.close()
        raise
    except (OSError, UnicodeError) as error:
        sock.close()
        raise _Failed("proxy", f"the proxy broke off: {error}") from None
    if len(reply) < 2 or reply[0] != 5:
        sock.close()
        raise _Failed("proxy", "the proxy's answer is not SOCKS5")
    if reply[1] == _SOCKS_HOST_UNREACHABLE:
        sock.close()
        raise _Failed("name", f"the proxy could not reach {host} (SOCKS reply 4)")
    if reply[1] != 0:
        sock.close()
        raise _Failed("tcp", f"the proxy could not connect to {host}:{port} (reply {reply[1]})")
    passed.append("name")
    # The rest of a reply for an IPv6 or name-bound address; Tor answers IPv4.
    return sock


def _socks_address(host: str) -> bytes:
    """A SOCKS5 address: an IP as such, a name as a name (resolved by the proxy)."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        name = host.encode("idna")
        return b"\x03" + bytes((len(name),)) + name
    return (b"\x01" if address.version == 4 else b"\x04") + address.packed


def _check_tls(sock: socket.socket, host: str, pin: str | None, timeout: float) -> None:
    context = ssl.create_default_context()
    if pin is not None:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the pin below decides, as in sync.transport
    try:
        with context.wrap_socket(sock, server_hostname=host or None) as wrapped:
            wrapped.settimeout(timeout)
            der = wrapped.getpeercert(binary_form=True) or b""
    except (OSError, ssl.SSLError) as error:
        raise _Failed("tls", f"TLS: {error}") from None
    if pin is not None:
        try:
            wanted = normalize_fingerprint(pin)
        except TransportConfigError as error:
            raise _Failed("tls", str(error)) from None
        if hashlib.sha256(der).hexdigest() != wanted:
            raise _Failed("tls", "the server's certificate is not the one the invite pins")


def _check_token(
    server_url: str, token: str | None, pin: str | None, proxy: str | None, timeout: float
) -> None:
    try:
        with SyncClient(
            ClientConfig(
                base_url=server_url,
                token=token,
                tls_fingerprint=pin,
                proxy=proxy,
                connect_timeout=timeout,
                read_timeout=timeout,
                call_timeout=2 * timeout,
                retries=0,
            )
        ) as client:
            client.health()
    except PinMismatchError as error:
        raise _Failed("tls", str(error)) from None
    except OfflineError as error:
        raise _Failed("tcp", str(error)) from None
    except SyncError as error:
        raise _Failed("token", f"{error.reason}: {error}") from None
