"""The request's transaction is committed before the client hears the answer (a 201 means stored)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import SimpleNamespace
from typing import Any

from fastapi import FastAPI
from recon_gateway.api.deps import DbDep


class _RecordingSessionmaker:
    def __init__(self, order: list[str]) -> None:
        self.order = order

    @asynccontextmanager
    async def begin(self) -> AsyncIterator[object]:
        yield object()
        self.order.append("committed")


async def test_the_transaction_ends_before_the_response_starts() -> None:
    order: list[str] = []
    app = FastAPI()
    app.state.runtime = SimpleNamespace(sessionmaker=_RecordingSessionmaker(order))

    @app.post("/decide", status_code=201)
    async def decide(db: DbDep) -> dict[str, str]:
        return {"recorded": "yes"}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            order.append(f"answered {message['status']}")

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "path": "/decide",
        "raw_path": b"/decide",
        "query_string": b"",
        "headers": [],
        "app": app,
    }
    await app(scope, receive, send)
    assert order == ["committed", "answered 201"]
