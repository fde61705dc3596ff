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
    """One transaction per request. Routes that change data commit before they answer, because the code after
    `yield` may run after the response has been sent; here it only commits what is left (nothing, normally)."""
    async with runtime.sessionmaker.begin() as db:
        yield db


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
SettingsDep = Annotated[GatewaySettings, Depends(get_gateway_settings)]
DbDep = Annotated[AsyncSession, Depends(get_db)]
