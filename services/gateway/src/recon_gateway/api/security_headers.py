"""Response headers every browser should get, and the Host check.

- `X-Content-Type-Options: nosniff` on every response: a receipt served as image/png is never run as HTML.
- `Referrer-Policy: no-referrer`: session ids in URLs never leave in a Referer header.
- `Content-Security-Policy: sandbox` on served files (receipts, reports): a hostile PDF, SVG or HTML opened
  from the API runs no script and reaches no origin, as if from a sandboxed frame.
- Host header: only `allowed_hosts` are served (Starlette's TrustedHostMiddleware, DNS-rebinding defence), except
  the health probes, which Kubernetes sends with the pod's IP as Host.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import MutableHeaders
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SANDBOX = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
SERVED_FILES = ("/file", "/report")
HEALTH = "/api/health"


class SecurityHeaders:
    """Pure ASGI middleware (server-sent events stream through untouched)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sandboxed = scope["path"].endswith(SERVED_FILES)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                if sandboxed:
                    headers["Content-Security-Policy"] = SANDBOX
            await send(message)

        await self.app(scope, receive, send_with_headers)


class TrustedHosts(TrustedHostMiddleware):
    """Starlette's Host check, health probes exempt."""

    def __init__(self, app: ASGIApp, allowed_hosts: Sequence[str]) -> None:
        super().__init__(app, allowed_hosts=allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(HEALTH):
            await self.app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)
