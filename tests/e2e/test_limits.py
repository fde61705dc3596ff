"""Request limits and browser-facing headers on the running gateway."""

from __future__ import annotations

import asyncio
import socket
import uuid

import httpx
import pytest
from recon_contracts.db import SessionRow, UploadRow
from recon_contracts.db.engine import make_engine, make_sessionmaker
from sqlalchemy import func, select

from tests.e2e.stack import Stack

pytestmark = pytest.mark.e2e
MAX_FILES = 100  # the gateway's default


async def _counts(url: str, marker: str) -> tuple[int, int]:
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as db:
            uploads = await db.scalar(select(func.count()).where(UploadRow.filename.like(f"{marker}%")))
            sessions = await db.scalar(select(func.count()).select_from(SessionRow))
    finally:
        await engine.dispose()
    return int(uploads or 0), int(sessions or 0)


def test_one_file_past_the_limit_refuses_the_upload_and_stores_nothing(stack: Stack) -> None:
    marker = f"limit-{uuid.uuid4().hex[:8]}"
    content = f"Employee,Date,Amount\n{marker},09/03/2025,1.00\n".encode()
    _, sessions = asyncio.run(_counts(stack.database_url, marker))
    files = [("files", (f"{marker}-{n}.csv", content, "text/csv")) for n in range(MAX_FILES + 1)]
    response = httpx.post(f"{stack.url}/api/upload", files=files, timeout=60)
    assert response.status_code == 413, response.text
    assert response.json()["error"]["code"] == "upload_too_large"
    assert f"more than {MAX_FILES} files" in response.json()["error"]["message"]
    assert asyncio.run(_counts(stack.database_url, marker)) == (0, sessions)
    assert not [p for p in stack.blob_root.rglob("*") if p.is_file() and p.read_bytes() == content]


def test_a_declared_body_over_the_cap_is_refused_before_it_is_read(stack: Stack) -> None:
    """3 GiB announced, a few bytes sent: the answer comes at once (a client would never send the rest)."""
    head = (
        "POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
        f"Content-Length: {3 * 2**30}\r\nConnection: close\r\n\r\n--x\r\n"
    )
    with socket.create_connection(("127.0.0.1", stack.gateway_port), timeout=30) as conn:
        conn.sendall(head.encode())
        answer = conn.makefile("rb").read()
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 413"), answer[:300]
    assert b'"upload_too_large"' in rest


def test_headers_and_the_host_check(stack: Stack) -> None:
    listing = httpx.get(f"{stack.url}/api/sessions", timeout=10)
    assert listing.status_code == 200
    assert listing.headers["x-content-type-options"] == "nosniff"
    assert listing.headers["referrer-policy"] == "no-referrer"
    receipt = httpx.get(f"{stack.url}/api/sessions/{uuid.uuid4()}/receipts/{uuid.uuid4()}/file", timeout=10)
    assert receipt.headers["content-security-policy"].startswith("sandbox")
    forged = httpx.get(f"{stack.url}/api/sessions", headers={"host": "evil.example"}, timeout=10)
    assert forged.status_code == 400
    assert httpx.get(f"{stack.url}/api/health", headers={"host": "10.0.0.7:8000"}, timeout=10).status_code == 200
