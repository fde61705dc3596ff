"""The one composition helper every service uses: engine, broker with dead-lettering, relay, probes."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from faststream import AckPolicy
from faststream.asgi import AsgiResponse, get
from faststream.kafka import KafkaBroker
from faststream.kafka.opentelemetry import KafkaTelemetryMiddleware
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from recon_contracts.blobstore import LocalBlobStore
from recon_contracts.db.engine import make_engine, make_sessionmaker
from recon_contracts.dead_letter import dead_letter_middleware
from recon_contracts.delivery_limit import delivery_limit_middleware
from recon_contracts.events import ProgressReported, Stage
from recon_contracts.inbox import Inbox
from recon_contracts.logging_setup import configure_logging
from recon_contracts.outbox import OutboxRelay
from recon_contracts.outbox import stage as stage_events
from recon_contracts.readiness import database_answers, kafka_answers
from recon_contracts.settings import ServiceSettings
from recon_contracts.topics import Topic
from recon_contracts.tracing import configure_tracing, continued


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
    background: list[Callable[[asyncio.Event], Awaitable[None]]] = field(default_factory=list)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def topic(self, topic: Topic) -> str:
        """The topic's name in this deployment (a prefix isolates test runs sharing one broker)."""
        return self.settings.kafka_topic_prefix + topic.name

    def subscription(self, **overrides: Any) -> dict[str, Any]:
        """Subscriber options shared by every consumer: one group per service, commit after success."""
        options: dict[str, Any] = {
            "group_id": self.settings.kafka_topic_prefix + self.service,
            "auto_offset_reset": "earliest",
            "ack_policy": AckPolicy.NACK_ON_ERROR,
        }
        options.update(overrides)
        return options

    async def report(
        self, session_id: uuid.UUID, stage: Stage, message: str, current: int | None = None, total: int | None = None
    ) -> None:
        """Stage a progress event in a transaction of its own (progress that goes with no data change)."""
        async with self.sessionmaker.begin() as db:
            stage_events(
                db,
                ProgressReported(
                    session_id=session_id,
                    service=self.service,
                    stage=stage,
                    message=message,
                    current=current,
                    total=total,
                ),
            )

    async def start_background(self) -> None:
        """Start the outbox relay and any loops the service added (they stop when stop_background is called)."""
        self._stop.clear()
        for loop in [self.relay.run, *self.background]:
            self._tasks.append(asyncio.create_task(loop(self._stop), name=f"{self.service}-{loop.__qualname__}"))

    async def stop_background(self) -> None:
        self._stop.set()
        await asyncio.gather(*self._tasks)
        self._tasks.clear()

    async def close(self) -> None:
        await self.stop_background()
        await self.engine.dispose()


def _fault_hook(marker: str) -> Callable[[], None] | None:
    """Chaos hook: end the process right after a message's transaction commits, before its offset is.

    The marker file makes it fire once, so the restarted process runs normally.
    """
    if not marker:
        return None

    def exit_once() -> None:
        path = Path(marker)
        if not path.exists():
            path.write_text("fired")
            os._exit(137)

    return exit_once


def build_runtime(service: str, settings: ServiceSettings) -> Runtime:
    """Wire settings to engine, broker and relay; connects to nothing until started."""
    engine = make_engine(settings.database_url, statement_timeout_seconds=settings.database_statement_timeout_seconds)
    sessionmaker = make_sessionmaker(engine)
    broker = KafkaBroker(
        settings.kafka_bootstrap_servers,
        # The first is outermost: a delivery is counted before anything else can end the process.
        middlewares=[
            delivery_limit_middleware(service, sessionmaker, settings.max_deliveries),
            dead_letter_middleware(service, sessionmaker),
            # Innermost: the handler runs in a span continuing the message's trace (its Kafka headers).
            KafkaTelemetryMiddleware(),
        ],
        client_id=service,
        acks="all" if settings.kafka_acks == "all" else 1,
    )

    async def publish(topic: str, key: bytes, value: bytes, headers: dict[str, str]) -> None:
        with continued(headers):  # published as a child of the span the event was staged in
            await broker.publish(value, settings.kafka_topic_prefix + topic, key=key, headers=headers)

    return Runtime(
        service=service,
        settings=settings,
        engine=engine,
        sessionmaker=sessionmaker,
        broker=broker,
        blobs=LocalBlobStore(settings.blob_root),
        inbox=Inbox(service, sessionmaker, after_commit=_fault_hook(settings.fault_exit_after_commit)),
        relay=OutboxRelay(
            sessionmaker,
            publish,
            poll_seconds=settings.outbox_poll_seconds,
            max_attempts=settings.outbox_max_attempts,
        ),
    )


def probes(runtime: Runtime) -> list[tuple[str, Any]]:
    """A worker's HTTP probes: /livez (the process answers), /readyz (PostgreSQL and Kafka answer; /health too)."""

    @get(include_in_schema=False)
    async def livez(scope: Any) -> AsgiResponse:
        return AsgiResponse(b"", 204)

    @get(include_in_schema=False)
    async def readyz(scope: Any) -> AsgiResponse:
        db_ok, kafka_ok = await asyncio.gather(database_answers(runtime.engine), kafka_answers(runtime.broker))
        down = [name for name, ok in (("database", db_ok), ("kafka", kafka_ok)) if not ok]
        return AsgiResponse(f"{' and '.join(down)} unreachable".encode(), 503) if down else AsgiResponse(b"", 204)

    return [("/livez", livez), ("/readyz", readyz), ("/health", readyz)]


def serve(runtime: Runtime, *, port: int) -> None:
    """Run a worker: its subscribers, its outbox relay and loops, and its probes on bind_host:port."""
    import uvicorn
    from faststream.asgi import AsgiFastStream

    configure_logging(runtime.service, runtime.settings.log_level)
    configure_tracing(runtime.service, runtime.settings)
    app = AsgiFastStream(
        runtime.broker,
        asgi_routes=probes(runtime),
        after_startup=[runtime.start_background],
        on_shutdown=[runtime.close],
    )
    uvicorn.run(app, host=runtime.settings.bind_host, port=port, log_level="warning")
