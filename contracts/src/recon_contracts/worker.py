"""The one composition helper every service uses: engine, broker with dead-lettering, relay, health."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from recon_contracts.blobstore import LocalBlobStore
from recon_contracts.db.engine import make_engine, make_sessionmaker
from recon_contracts.dead_letter import dead_letter_middleware
from recon_contracts.inbox import Inbox
from recon_contracts.outbox import OutboxRelay
from recon_contracts.settings import ServiceSettings


@dataclass
class Runtime:
    """Everything a service's handlers need, built once at start."""

    service: str
    settings: ServiceSettings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    broker: KafkaBroker
    blobs: LocalBlobStore
    inbox: Inbox
    relay: OutboxRelay
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _relay_task: asyncio.Task[None] | None = None

    def subscription(self, **overrides: Any) -> dict[str, Any]:
        """Subscriber options shared by every consumer: one group per service, commit after success."""
        options: dict[str, Any] = {
            "group_id": self.service,
            "auto_offset_reset": "earliest",
            "ack_policy": AckPolicy.NACK_ON_ERROR,
        }
        options.update(overrides)
        return options

    async def start_relay(self) -> None:
        self._stop.clear()
        self._relay_task = asyncio.create_task(self.relay.run(self._stop), name=f"{self.service}-outbox-relay")

    async def stop_relay(self) -> None:
        self._stop.set()
        if self._relay_task is not None:
            await self._relay_task
            self._relay_task = None

    async def close(self) -> None:
        await self.stop_relay()
        await self.engine.dispose()


def build_runtime(service: str, settings: ServiceSettings) -> Runtime:
    """Wire settings to engine, broker and relay; connects to nothing until started."""
    engine = make_engine(settings.database_url)
    sessionmaker = make_sessionmaker(engine)
    broker = KafkaBroker(
        settings.kafka_bootstrap_servers,
        middlewares=[dead_letter_middleware(service, sessionmaker)],
        client_id=service,
    )

    async def publish(topic: str, key: bytes, value: bytes, headers: dict[str, str]) -> None:
        await broker.publish(value, topic, key=key, headers=headers)

    return Runtime(
        service=service,
        settings=settings,
        engine=engine,
        sessionmaker=sessionmaker,
        broker=broker,
        blobs=LocalBlobStore(settings.blob_root),
        inbox=Inbox(service, sessionmaker),
        relay=OutboxRelay(sessionmaker, publish, poll_seconds=settings.outbox_poll_seconds),
    )


def serve(runtime: Runtime, *, port: int) -> None:
    """Run a worker: its subscribers, its outbox relay, and GET /health on loopback:port."""
    import uvicorn
    from faststream.asgi import AsgiFastStream, make_ping_asgi

    app = AsgiFastStream(
        runtime.broker,
        asgi_routes=[("/health", make_ping_asgi(runtime.broker, timeout=5.0))],
        after_startup=[runtime.start_relay],
        on_shutdown=[runtime.close],
    )
    uvicorn.run(app, host=runtime.settings.bind_host, port=port, log_level="warning")
