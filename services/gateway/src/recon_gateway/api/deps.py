"""Request-scoped access to the composition root's objects."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from recon_contracts.worker import Runtime
from sqlalchemy.ext.asyncio import AsyncSession

from recon_gateway.settings import GatewaySettings


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def get_gateway_settings(request: Request) -> GatewaySettings:
    settings: GatewaySettings = request.app.state.settings
    return settings


async def get_db(runtime: Annotated[Runtime, Depends(get_runtime)]) -> AsyncIterator[AsyncSession]:
    """One transaction per request, committed when the route returns and before the response is sent
    (`scope="function"` below): a client told 201 can rely on the write being stored."""
    async with runtime.sessionmaker.begin() as db:
        yield db


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
SettingsDep = Annotated[GatewaySettings, Depends(get_gateway_settings)]
DbDep = Annotated[AsyncSession, Depends(get_db, scope="function")]
