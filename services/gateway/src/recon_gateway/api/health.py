"""Health: GET /api/health (PostgreSQL and Kafka, or 503) and the probes /livez and /readyz.

/livez answers while the process serves requests. /readyz checks what requests need: PostgreSQL. Kafka is
off the request path (uploads and decisions go through the outbox), so a Kafka outage delays progress but
does not take every gateway out of the Service; /api/health still reports it.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from recon_contracts.readiness import database_answers, kafka_answers

from recon_gateway.api.deps import RuntimeDep
from recon_gateway.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/api/health", response_model=Health, responses={503: {"model": Health}})
async def health(runtime: RuntimeDep) -> JSONResponse:
    db_ok, kafka_ok = await asyncio.gather(database_answers(runtime.engine), kafka_answers(runtime.broker))
    body = Health(
        status="healthy" if db_ok and kafka_ok else "unhealthy",
        database="connected" if db_ok else "unreachable",
        kafka="connected" if kafka_ok else "unreachable",
        timestamp=datetime.now(UTC),
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=200 if db_ok and kafka_ok else 503)


@router.get("/livez", status_code=204, include_in_schema=False)
async def livez() -> Response:
    return Response(status_code=204)


@router.get("/readyz", status_code=204, include_in_schema=False)
async def readyz(runtime: RuntimeDep) -> Response:
    if await database_answers(runtime.engine):
        return Response(status_code=204)
    return Response(b"database unreachable", status_code=503, media_type="text/plain")
