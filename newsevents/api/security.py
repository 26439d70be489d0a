"""Guards of the HTTP service: a limit on request bodies (413 with a clear
message), the token that write and coding endpoints require when the
service listens beyond this machine, the Host header check that defeats DNS
rebinding, and headers that keep pages inert."""

from __future__ import annotations

import ipaddress
import json
import os
import secrets
from collections.abc import Iterable

# Starlette's Request is FastAPI's; fastapi itself is imported where an
# HTTPException is raised, so that the CLI (serve's defaults) stays fast.
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import BindingError

TOKEN_ENV = "NEWSEVENTS_TOKEN"
DEFAULT_MAX_BODY = 1_000_000
# Our pages load scripts, styles and data from this origin only; libraries
# (Leaflet, Cytoscape) set inline style attributes, hence 'unsafe-inline'
# for styles and for styles alone.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (or ``localhost``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_binding(host: str, token: str | None) -> str | None:
    """The token to require: ``token``, else the NEWSEVENTS_TOKEN variable.
    Raises BindingError when ``host`` is not a loopback address and there
    is no token."""
    token = token or os.environ.get(TOKEN_ENV) or None
    if token is None and not is_loopback(host):
        raise BindingError(
            f"--host {host}: listening beyond this machine requires a token; "
            f"give --token or set {TOKEN_ENV}"
        )
    return token


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> frozenset[str] | None:
    """The names the Host header of a request may carry for a service bound
    to ``host``: its address and, on loopback, ``localhost``, ``127.0.0.1``
    and ``::1``; plus ``extra`` (``--allowed-host``). None (any name) for a
    service bound to every interface with no ``extra``: it is reachable by
    any name, and its token guards coding."""
    names = {_host_name(h) for h in extra if h.strip()}
    bound = _host_name(host)
    if bound in ("0.0.0.0", "::") and not names:
        return None
    names.add(bound)
    if is_loopback(bound):
        names |= {"localhost", "127.0.0.1", "::1"}
    return frozenset(names)


def _host_name(value: str) -> str:
    """``value`` (a Host header or an address) without its port, brackets
    and case: ``[::1]:8000`` is ``::1``, ``Example.org:80`` ``example.org``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


class HostCheck:
    """Refuse (400) a request whose Host header names a host the service
    does not answer to. A web page on another site that resolves its own
    name to 127.0.0.1 (DNS rebinding) then cannot read the API nor code."""

    def __init__(self, app: ASGIApp, allowed: frozenset[str]) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        if _host_name(raw) not in self.allowed:
            shown = raw[:100]
            await _reply(
                send,
                400,
                f"Host {shown!r} is not a name of this service; open it as "
                f"http://{sorted(self.allowed)[0]}/..., or start it with "
                f"--allowed-host {_host_name(shown) or 'NAME'}",
            )
            return
        await self.app(scope, receive, send)


class HeadAsGet:
    """Answer HEAD as GET without the body, on every GET route and page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        sent_end = False

        async def headers_only(message: Message) -> None:
            nonlocal sent_end
            if message["type"] == "http.response.body":
                if sent_end or message.get("more_body", False):
                    return
                sent_end = True
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def given_token(request: Request, form_token: str | None = None) -> str | None:
    """The token a request carries: ``Authorization: Bearer``, the
    ``X-Newsevents-Token`` header, or a form field."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-newsevents-token") or form_token


def check_token(request: Request, form_token: str | None = None) -> None:
    """Raise a 401 unless the service needs no token or the request holds
    the right one."""
    from fastapi import HTTPException

    expected: str | None = request.app.state.token
    if expected is None:
        return
    given = given_token(request, form_token)
    if given is None or not secrets.compare_digest(
        given.encode("utf-8"), expected.encode("utf-8")
    ):
        raise HTTPException(
            401,
            "this endpoint requires the service token: send "
            "'Authorization: Bearer <token>'",
        )


def require_token(request: Request) -> None:
    """FastAPI dependency form of ``check_token`` (headers only)."""
    check_token(request)


class BodyLimit:
    """Refuse request bodies larger than ``max_bytes`` with a 413, whether
    announced by Content-Length or streamed in chunks."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _message(self) -> str:
        return (
            f"request body larger than {self.max_bytes} bytes; "
            "send a shorter text or split it"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (
            not length.isdigit() or int(length) > self.max_bytes
        ):
            await _reply(send, 413, self._message())
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    from fastapi import HTTPException

                    # FastAPI re-raises HTTPException from body reading as is.
                    raise HTTPException(413, self._message())
            return message

        await self.app(scope, limited, send)


async def _reply(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message, "status": status}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Add the content security policy and nosniff to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"content-security-policy", CSP.encode()))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
