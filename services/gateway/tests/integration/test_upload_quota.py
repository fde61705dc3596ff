"""One user may have MAX_PROCESSING_SESSIONS_PER_USER sessions processing; one more is 429 and nothing is kept."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from recon_contracts.db import SessionRow
from recon_gateway.app import create_app
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.gateway.tests.local_issuer import LocalIssuer, trusting_settings

pytestmark = pytest.mark.integration
BOUNDARY = "quota-test-boundary"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==")
MULTIPART = (
    (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="r.png"\r\n'
        "Content-Type: image/png\r\n\r\n"
    ).encode()
    + PNG
    + f"\r\n--{BOUNDARY}--\r\n".encode()
)


async def test_one_session_too_many_is_429_for_that_user_only(
    migrated: str, sessionmaker: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    issuer = LocalIssuer()
    settings = trusting_settings(migrated, str(tmp_path), max_processing_sessions_per_user=1)
    ana = {"Authorization": f"Bearer {issuer.token('uploader')}"}
    bo = {"Authorization": f"Bearer {issuer.token('uploader', preferred_username='bo@example.com')}"}
    app = create_app(settings, http=issuer.http())
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as client:

        async def upload(headers: dict[str, str]) -> httpx.Response:
            return await client.post("/api/upload", files={"files": ("r.png", PNG, "image/png")}, headers=headers)

        first = await upload(ana)
        assert first.status_code == 202, first.text
        refused = await upload(ana)
        assert refused.status_code == 429
        assert refused.json()["error"] == {
            "code": "too_many_processing_sessions",
            "message": "ana@example.com has 1 sessions processing (MAX_PROCESSING_SESSIONS_PER_USER=1); "
            "upload again once one has finished",
            "details": None,
        }
        assert (await upload(bo)).status_code == 202
        async with sessionmaker.begin() as db:
            await db.execute(update(SessionRow).values(status="completed"))
        assert (await upload(ana)).status_code == 202
        # Two uploads at once: both pass the check before streaming (their bodies wait for each other), and the
        # per-user lock in the storing transaction lets only one take the last place.
        cy = {
            "Authorization": f"Bearer {issuer.token('uploader', preferred_username='cy@example.com')}",
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
        }
        both_checked = asyncio.Barrier(2)

        async def body() -> AsyncIterator[bytes]:
            await both_checked.wait()
            yield MULTIPART

        at_once = await asyncio.gather(*(client.post("/api/upload", content=body(), headers=cy) for _ in range(2)))
        assert sorted(r.status_code for r in at_once) == [202, 429]
    await app.state.runtime.engine.dispose()
    async with sessionmaker() as db:
        owners = sorted((await db.scalars(select(SessionRow.created_by))).all())
    assert owners == ["ana@example.com", "ana@example.com", "bo@example.com", "cy@example.com"]
    assert len(list((tmp_path / "sessions").iterdir())) == 4  # the refused uploads left no files
