"""The cardholder directory across services: the reviewer writes it (gateway), the matcher reads it, on PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from recon_contracts.db import CardholderAliasRow
from recon_gateway.adapters.review_store import decide_alias
from recon_matcher.adapters.reconcile_store import load_directory
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

pytestmark = pytest.mark.integration


async def test_rejections_are_kept_per_cardholder_and_reach_the_matcher(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    tag = uuid.uuid4().hex[:6].upper()
    alias, john, jane = f"J SMITH {tag}", f"JOHNSMITH{tag}", f"JANESMITH{tag}"
    async with sessionmaker.begin() as db:
        await decide_alias(db, alias=alias, cardholder_name=john, employee_number=None, status="rejected", actor="ana")
    async with sessionmaker.begin() as db:
        await decide_alias(db, alias=alias, cardholder_name=jane, employee_number=None, status="rejected", actor="bo")
    async with sessionmaker() as db:
        directory = await load_directory(db)
    assert {(alias, john), (alias, jane)} <= directory.rejected_aliases
    assert alias not in directory.aliases

    # Confirming the alias for Jane keeps John's rejection and makes Jane its one confirmed owner.
    async with sessionmaker.begin() as db:
        before, _ = await decide_alias(
            db, alias=alias, cardholder_name=jane, employee_number=None, status="confirmed", actor="cy"
        )
    assert before is not None and before["status"] == "rejected"
    async with sessionmaker() as db:
        directory = await load_directory(db)
        rows = (await db.scalars(select(CardholderAliasRow).where(CardholderAliasRow.alias == alias))).all()
    assert directory.aliases[alias] == jane
    assert (alias, john) in directory.rejected_aliases and (alias, jane) not in directory.rejected_aliases
    assert sorted(r.status for r in rows) == ["confirmed", "rejected"]

    # Then confirming it for John moves it: Jane's confirmation becomes a rejection, never two owners.
    async with sessionmaker.begin() as db:
        await decide_alias(db, alias=alias, cardholder_name=john, employee_number=None, status="confirmed", actor="cy")
    async with sessionmaker() as db:
        directory = await load_directory(db)
    assert directory.aliases[alias] == john and (alias, jane) in directory.rejected_aliases
