"""GET /api/health: PostgreSQL and Kafka both answer, or 503."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from recon_gateway.api.deps import RuntimeDep
from recon_gateway.api.schemas import Health

router = APIRouter(prefix="/api", tags=["health"])


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
async def health(runtime: RuntimeDep) -> JSONResponse:
    async def database() -> bool:
        try:
            async with asyncio.timeout(3):
                async with runtime.engine.connect() as conn:
                    await conn.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    async def kafka() -> bool:
        try:
            return bool(await runtime.broker.ping(timeout=3.0))
        except Exception:
            return False

    db_ok, kafka_ok = await asyncio.gather(database(), kafka())
    body = Health(
        status="healthy" if db_ok and kafka_ok else "unhealthy",
        database="connected" if db_ok else "unreachable",
        kafka="connected" if kafka_ok else "unreachable",
        timestamp=datetime.now(UTC),
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=200 if db_ok and kafka_ok else 503)
