"""Who decided is the token's user, never a name in the body; in dev mode, the one configured dev user."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError
from recon_contracts.db import EmployeeRow, FileExtractionRow, SessionRow, TransactionRow, UploadRow
from recon_gateway.app import create_app
from recon_gateway.settings import GatewaySettings
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from structlog.testing import capture_logs

from services.gateway.tests.local_issuer import AUDIENCE, ISSUER, LocalIssuer, trusting_settings

pytestmark = pytest.mark.integration
HOLDER = "JOHN SMITH"


async def _finished_session(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> tuple[uuid.UUID, uuid.UUID, list[uuid.UUID]]:
    session_id, upload_id = uuid.uuid4(), uuid.uuid4()
    lines = [uuid.uuid4(), uuid.uuid4()]
    async with sessionmaker.begin() as db:
        db.add(SessionRow(id=session_id, status="completed"))
        await db.flush()
        db.add(
            UploadRow(
                id=upload_id,
                session_id=session_id,
                batch_id=uuid.uuid4(),
                filename="statement.pdf",
                blob_ref=f"sessions/{session_id}/uploads/statement.pdf",
                sha256="0" * 64,
                size_bytes=1,
                detected_type="application/pdf",
                status="stored",
            )
        )
        db.add(EmployeeRow(session_id=session_id, name=HOLDER))
        await db.flush()
        unread = {"kind": "unread_row", "message": "a row that looks like a charge was not read", "page": 2}
        db.add(
            FileExtractionRow(
                upload_id=upload_id, session_id=session_id, batch_id=uuid.uuid4(), status="extracted", findings=[unread]
            )
        )
        for n, line in enumerate(lines):
            amount = Decimal("12.50") + n
            db.add(
                TransactionRow(
                    id=line,
                    session_id=session_id,
                    upload_id=upload_id,
                    transaction_date=date(2026, 11, 3),
                    amount=amount,
                    merchant_name="DINER",
                    card_last_four="1234",
                )
            )
    return session_id, upload_id, lines


@asynccontextmanager
async def _client(settings: GatewaySettings, issuer: LocalIssuer) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, http=issuer.http())
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as client:
        yield client
    await app.state.runtime.engine.dispose()


async def _decide_all(
    client: httpx.AsyncClient,
    db: async_sessionmaker[AsyncSession],
    seeded: tuple[uuid.UUID, uuid.UUID, list[uuid.UUID]],
    token: str,
) -> list[object]:
    """A decision, a batch, an alias and a findings acceptance, each naming 'mallory' in the body as older clients
    did; who each answer and the audit log say decided."""
    session_id, upload_id, lines = seeded
    auth = {"Authorization": f"Bearer {token}"} if token else {}
    base = f"/api/sessions/{session_id}"
    no_receipt = {"action": "no_receipt", "reason": "receipt lost", "reviewer": "mallory"}
    one = await client.post(f"{base}/lines/{lines[0]}/decisions", json=no_receipt, headers=auth)
    assert one.status_code == 201, one.text
    await _finish(db, session_id)
    batch = {"decisions": [{"transaction_id": str(lines[1]), **no_receipt}], "reviewer": "mallory"}
    assert (await client.post(f"{base}/decisions", json=batch, headers=auth)).status_code == 201
    await _finish(db, session_id)
    alias = {"alias": "J SMITH", "cardholder_name": HOLDER, "decision": "confirm", "reviewer": "mallory"}
    assert (await client.post(f"{base}/cardholder-aliases", json=alias, headers=auth)).status_code == 201
    await _finish(db, session_id)
    accept = {"reason": "the row is a fee line", "reviewer": "mallory"}
    accepted = await client.post(f"{base}/files/{upload_id}/findings/accept", json=accept, headers=auth)
    assert accepted.status_code == 200, accepted.text
    audit = (await client.get(f"{base}/audit", headers=auth)).json()["items"]
    by = [one.json()["decided_by"], accepted.json()["acceptance"]["accepted_by"]]
    return [*by, *((a["actor"], a["action"]) for a in audit)]


async def _finish(sessionmaker: async_sessionmaker[AsyncSession], session_id: uuid.UUID) -> None:
    """What the matcher would do after a decision: the session is finished again (no Kafka in this test)."""
    async with sessionmaker.begin() as db:
        session = await db.get(SessionRow, session_id)
        assert session is not None
        session.status = "completed"


def _decided_by(actor: str) -> list[object]:
    audited = ("line.no_receipt", "line.no_receipt", "alias.confirm", "findings.accept")
    return [actor, actor, *((actor, action) for action in audited)]


async def test_the_audit_actor_is_the_tokens_user(
    migrated: str, sessionmaker: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    issuer = LocalIssuer()
    settings = trusting_settings(migrated, str(tmp_path))
    seeded = await _finished_session(sessionmaker)
    token = issuer.token("reviewer", preferred_username=None, name="Ana Lima")
    async with _client(settings, issuer) as client:
        recorded = await _decide_all(client, sessionmaker, seeded, token)
    assert recorded == _decided_by("Ana Lima")


async def test_dev_mode_is_one_loud_user_with_every_role(
    migrated: str, sessionmaker: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    settings = GatewaySettings(database_url=migrated, blob_root=str(tmp_path), auth_mode="dev", dev_user="dev-ana")
    seeded = await _finished_session(sessionmaker)
    with capture_logs() as logs:
        app = create_app(settings)
    assert any(e["log_level"] == "warning" and "AUTH_MODE=dev: NO SIGN-IN" in e["event"] for e in logs)
    await app.state.runtime.engine.dispose()
    async with _client(settings, LocalIssuer()) as client:
        recorded = await _decide_all(client, sessionmaker, seeded, token="")
    assert recorded == _decided_by("dev-ana")


def test_production_refuses_dev_mode_and_oidc_needs_its_issuer(tmp_path: Path) -> None:
    real = {"database_url": "postgresql+asyncpg://recon:s3cret@db/recon", "allowed_hosts": ["recon.example.com"]}
    with pytest.raises(ValidationError, match="AUTH_MODE=dev lets anyone act as one user"):
        GatewaySettings(environment="production", auth_mode="dev", **real)
    with pytest.raises(ValueError, match="AUTH_MODE=oidc needs OIDC_ISSUER and OIDC_AUDIENCE"):
        create_app(GatewaySettings(blob_root=str(tmp_path), auth_mode="oidc"))
    with pytest.raises(ValueError, match="AUTH_MODE=oidc needs OIDC_AUDIENCE"):
        create_app(GatewaySettings(blob_root=str(tmp_path), auth_mode="oidc", oidc_issuer=ISSUER))
    oidc = {"auth_mode": "oidc", "oidc_issuer": ISSUER, "oidc_audience": AUDIENCE}
    assert GatewaySettings(environment="production", **oidc, **real).auth_mode == "oidc"
    assert GatewaySettings.model_fields["auth_mode"].default == "oidc"  # dev mode is only ever asked for
