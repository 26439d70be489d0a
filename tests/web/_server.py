"""A test HTTP server on 127.0.0.1 (an ephemeral port) that serves given
bodies and injects faults, and records every request it receives."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Reply = tuple[int, dict[str, str], bytes]
Handler = Callable[[dict[str, str]], Reply]


@dataclass
class Seen:
    """A request the server received."""

    path: str
    headers: dict[str, str]


@dataclass
class FaultServer:
    """Routes by path; ``requests`` lists what came in, in order."""

    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)
    httpd: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.httpd is not None
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [seen.path for seen in self.requests]

    def add(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        reply_headers = {"content-type": content_type, **(headers or {})}
        self.routes[path] = lambda _: (status, reply_headers, data)

    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def start(self) -> FaultServer:
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                headers = {k.lower(): v for k, v in self.headers.items()}
                server.requests.append(Seen(self.path, headers))
                handler = server.routes.get(self.path)
                if handler is None:
                    status, reply, body = 404, {"content-type": "text/plain"}, b"no"
                else:
                    status, reply, body = handler(headers)
                try:
                    self.send_response(status)
                    for name, value in reply.items():
                        self.send_header(name, value)
                    if "content-length" not in reply:
                        self.send_header("content-length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = _Quiet(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        threading.Thread(
            target=self.httpd.serve_forever, args=(0.05,), daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()


class _Quiet(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (the timeout tests) is no error here


def slow(seconds: float, reply: Reply) -> Handler:
    """A handler that answers after ``seconds`` (a timeout fault)."""

    def handler(_: dict[str, str]) -> Reply:
        time.sleep(seconds)
        return reply

    return handler


def sequence(*replies: Reply) -> Handler:
    """A handler that gives each reply in turn, then the last forever."""
    queue = list(replies)

    def handler(_: dict[str, str]) -> Reply:
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return handler
