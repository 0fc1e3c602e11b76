"""The HTTP transport under :mod:`sync.client`: URL policy, TLS pinning, proxies, the session.

What it guarantees:

- **Pinning, also through a proxy.** With a pin (the SHA-256 of the server certificate's
  DER, from the invite) every HTTPS connection is checked against it during the handshake
  by urllib3's ``assert_fingerprint``. urllib3 keeps that setting per pool manager, and
  requests builds a *separate* manager for each proxy (:meth:`HTTPAdapter.proxy_manager_for`)
  that knows nothing of the keyword arguments given to the direct one — so a pin set only
  in ``init_poolmanager`` is silently skipped as soon as a proxy (Tor) is configured.
  :class:`PinnedAdapter` passes the pin to both, and before every request checks that the
  connection pool it is about to use really carries the pin (refusing to send otherwise),
  so a future requests/urllib3 change cannot turn pinning off quietly.
- With a pin, certificate *chain* validation is off (a self-signed newsroom certificate is
  normal): the pin replaces it and is stricter. Hostnames are not checked either — the pin
  identifies the certificate exactly. Without a pin, HTTPS uses normal CA validation.
- **No plain HTTP to the network.** ``http://`` is allowed only to loopback (``127.0.0.0/8``,
  ``::1``, ``localhost``) and to ``.onion`` hosts (Tor encrypts and authenticates those);
  anything else is refused by :func:`check_base_url`.
- **Onion addresses only through Tor, names resolved by the proxy.** An ``.onion`` server
  needs a ``socks5h://`` proxy (:func:`check_onion_route`), and ``socks5://`` is taken as
  ``socks5h://`` (:func:`check_proxy`): the local resolver never sees a server name when a
  SOCKS proxy is set.
- The session ignores the environment (``trust_env = False``: no ``HTTP(S)_PROXY``, no
  ``.netrc``, no ``REQUESTS_CA_BUNDLE``), never follows redirects on its own, asks for
  uncompressed bodies, and says only ``Gatewatch/<version>`` as its User-Agent.

Nothing here retries, parses bodies or maps errors: that is :mod:`sync.client`.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from importlib import metadata
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import ConnectionPool, HTTPSConnectionPool
from urllib3.util.retry import Retry

PROXY_SCHEMES = ("socks5h", "socks5", "http", "https")
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")


class TransportConfigError(ValueError):
    """A URL, fingerprint or proxy setting the transport refuses; ``reason`` is a code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class PinNotAppliedError(requests.exceptions.SSLError):
    """Refused to send: the connection pool for a pinned HTTPS request lacks the pin."""


def user_agent() -> str:
    """``Gatewatch/<version>`` and nothing else (no Python, requests or OS version)."""
    try:
        version = metadata.version("gatewatch")
    except metadata.PackageNotFoundError:  # pragma: no cover - depends on installation
        version = "0"
    return f"Gatewatch/{version}"


def normalize_fingerprint(value: str) -> str:
    """64 lowercase hex digits from ``value`` (colons, spaces and case are forgiven).

    Raises :class:`TransportConfigError` for anything that is not a SHA-256 fingerprint.
    """
    cleaned = re.sub(r"[\s:]", "", value).lower()
    if not _FINGERPRINT.fullmatch(cleaned):
        raise TransportConfigError(
            "bad_fingerprint",
            "The TLS fingerprint is not a SHA-256 fingerprint (64 hex digits). Copy the whole "
            "invite again.",
        )
    return cleaned


def is_local_or_onion(host: str) -> bool:
    """Whether plain HTTP to ``host`` is acceptable: loopback or a Tor onion service."""
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost") or host.endswith(".onion"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str, *, pinned: bool) -> str:
    """Validate the server URL and return it without a trailing slash.

    Refuses (``TransportConfigError``): a scheme other than http(s), a missing host,
    credentials, a query or fragment in the URL; ``http://`` when a pin is set (the pin
    needs TLS); ``http://`` to a host that is neither loopback nor ``.onion``.
    """
    try:
        parts = urlsplit(base_url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise TransportConfigError(
            "bad_url", "The server address is not a valid URL (http(s)://host:port)."
        ) from exc
    if parts.scheme not in ("http", "https") or not host:
        raise TransportConfigError(
            "bad_url", "The server address must start with https:// and name a host."
        )
    if parts.username is not None or parts.password is not None or parts.query or parts.fragment:
        raise TransportConfigError(
            "bad_url",
            "The server address must not contain a user name, password, query or fragment.",
        )
    if parts.scheme == "http":
        if pinned:
            raise TransportConfigError(
                "insecure_url",
                "The invite pins a TLS certificate, so the server address must start with "
                "https://. Check the address.",
            )
        if not is_local_or_onion(host):
            raise TransportConfigError(
                "insecure_url",
                "Refusing plain http:// to a server on the network: anyone on the way could "
                "read and change the traffic. Use the https:// address from the invite.",
            )
    return base_url.rstrip("/")


def check_proxy(proxy: str) -> str:
    """Validate a proxy URL such as ``socks5h://127.0.0.1:9050``; return it, with
    ``socks5://`` made ``socks5h://``.

    With ``socks5://`` the client would resolve the server's name itself, through the local
    resolver: the network learns whom the device talks to (an onion address included),
    and a forged answer sends the traffic elsewhere. Names always go to the proxy.
    """
    try:
        parts = urlsplit(proxy.strip())
        port = parts.port
    except ValueError as exc:
        raise TransportConfigError("bad_proxy", "The proxy address is not a valid URL.") from exc
    if parts.scheme not in PROXY_SCHEMES or not parts.hostname or port is None:
        raise TransportConfigError(
            "bad_proxy",
            "The proxy must look like socks5h://127.0.0.1:9050 (Tor) with a host and a port.",
        )
    if parts.scheme == "socks5":
        parts = parts._replace(scheme="socks5h")
    return urlunsplit(parts)


def check_onion_route(base_url: str, proxy: str | None) -> None:
    """Refuse an ``.onion`` server without a ``socks5h://`` proxy (``TransportConfigError``
    ``onion_needs_tor``): only Tor can reach one, and any other route would first ask the
    local resolver for the name, telling the network the newsroom's onion address."""
    host = (urlsplit(base_url).hostname or "").rstrip(".")
    if host.endswith(".onion") and (proxy is None or urlsplit(proxy).scheme != "socks5h"):
        raise TransportConfigError(
            "onion_needs_tor",
            "An .onion server address is reached only through Tor: start Tor and set the "
            "proxy to socks5h://127.0.0.1:9050 (Tor Browser: socks5h://127.0.0.1:9150).",
        )


class PinnedAdapter(HTTPAdapter):
    """An HTTPAdapter that pins every HTTPS connection — direct or proxied — to one
    certificate fingerprint, and refuses to send on a pool that does not carry the pin.

    It never retries (``max_retries`` is zero): the client decides what to retry.
    """

    def __init__(self, fingerprint: str | None, *, pool_maxsize: int = 4) -> None:
        self.fingerprint = normalize_fingerprint(fingerprint) if fingerprint else None
        super().__init__(
            pool_connections=4,
            pool_maxsize=pool_maxsize,
            max_retries=Retry(total=0, read=False, redirect=False),
        )

    def _pin_kwargs(self) -> dict[str, Any]:
        if self.fingerprint is None:
            return {}
        # cert_reqs CERT_NONE: the pin replaces chain validation (self-signed is normal).
        return {"assert_fingerprint": self.fingerprint, "cert_reqs": "CERT_NONE"}

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        pool_kwargs.update(self._pin_kwargs())
        super().init_poolmanager(connections, maxsize, block=block, **pool_kwargs)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        # The proxy managers are built apart from the direct one: without this the pin
        # would not reach connections made through a proxy.
        proxy_kwargs.update(self._pin_kwargs())
        return super().proxy_manager_for(proxy, **proxy_kwargs)

    def get_connection_with_tls_context(
        self,
        request: requests.PreparedRequest,
        verify: bool | str | None,
        proxies: Mapping[str, str] | None = None,
        cert: Any = None,
    ) -> ConnectionPool:
        pool = super().get_connection_with_tls_context(request, verify, proxies, cert)
        if self.fingerprint is not None:
            pin = getattr(pool, "assert_fingerprint", None) or ""
            pinned = isinstance(pool, HTTPSConnectionPool) and pin.lower() == self.fingerprint
            if not pinned:
                raise PinNotAppliedError(
                    "refusing to send: the TLS pin is not applied to this connection"
                )
        return pool


def make_session(fingerprint: str | None, proxy: str | None) -> requests.Session:
    """A session for one server: pinned adapter on https (and http), environment ignored.

    With a pin, ``verify`` is False (chain validation is replaced by the pin — see the
    module docstring); without one it is True (system CA store).
    """
    session = requests.Session()
    session.trust_env = False
    adapter = PinnedAdapter(fingerprint)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.verify = fingerprint is None
    session.max_redirects = 0
    session.headers.clear()
    session.headers.update(
        {
            "User-Agent": user_agent(),
            "Accept": "application/json",
            "Accept-Encoding": "identity",
        }
    )
    if proxy is not None:
        session.proxies = {"http": proxy, "https": proxy}
    return session
