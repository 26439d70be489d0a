"""Which URLs may be fetched. A URL found in fetched content (a feed item's
link, a redirect) must be http(s) and resolve to public addresses only:
private, loopback, link-local, reserved and multicast addresses are refused
(server-side request forgery), unless the user allows private addresses or
named the URL's origin themselves."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Collection

import httpx

from ..errors import FetchError, ForbiddenURL

Resolver = Callable[[str, int], list[str]]
_PORTS = {"http": 80, "https": 443}


def resolve(host: str, port: int) -> list[str]:
    """The addresses a host name resolves to. Raises FetchError."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(host, "dns", f"cannot resolve {host!r} ({exc})") from exc
    return sorted({str(info[4][0]) for info in infos})


def origin(url: str | httpx.URL) -> str:
    """``scheme://host:port`` of a URL, the port always written."""
    parsed = httpx.URL(str(url))
    port = parsed.port or _PORTS.get(parsed.scheme, 0)
    host = parsed.host
    if ":" in host:
        host = f"[{host}]"
    return f"{parsed.scheme}://{host}:{port}"


def is_public(address: str) -> bool:
    """Whether an IP address is a public, routable one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_url(
    url: str,
    *,
    allow_private: bool = False,
    trusted: Collection[str] = (),
    resolver: Resolver = resolve,
) -> httpx.URL:
    """The parsed URL when it may be fetched. Raises ForbiddenURL for a
    scheme other than http(s) or a non-public address (unless
    ``allow_private``, or the URL's origin is in ``trusted``), FetchError
    when the host does not resolve."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise ForbiddenURL(url, "bad_url", f"not a valid URL ({exc})") from exc
    if parsed.scheme not in _PORTS:
        raise ForbiddenURL(
            url, "scheme", f"scheme {parsed.scheme!r} refused: only http and https"
        )
    if not parsed.host:
        raise ForbiddenURL(url, "bad_url", "no host in the URL")
    if allow_private or origin(parsed) in trusted:
        return parsed
    port = parsed.port or _PORTS[parsed.scheme]
    try:
        addresses = [str(ipaddress.ip_address(parsed.host))]
    except ValueError:
        addresses = resolver(parsed.host, port)
    blocked = [address for address in addresses if not is_public(address)]
    if blocked:
        raise ForbiddenURL(
            url,
            "private_address",
            f"{parsed.host} is a private, loopback or link-local address "
            f"({', '.join(blocked)}); refused (use --allow-private to permit)",
        )
    return parsed
