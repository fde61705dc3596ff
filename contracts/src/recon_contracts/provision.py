"""One-shot step before services start: migrate the database, then create the Kafka topics."""

from __future__ import annotations

import asyncio
import contextlib

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from alembic import command

from recon_contracts.migrate import alembic_config
from recon_contracts.settings import ServiceSettings
from recon_contracts.topics import ALL_TOPICS


async def ensure_topics(bootstrap_servers: str, prefix: str = "") -> list[str]:
    """Create every project topic with its partition count; returns the ones created now."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, client_id="recon-provision")
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in ALL_TOPICS if prefix + t.name not in existing]
        if missing:
            # Another provisioner may win the race; its topics are just as good.
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(
                    [NewTopic(name=prefix + t.name, num_partitions=t.partitions, replication_factor=1) for t in missing]
                )
        return [prefix + t.name for t in missing]
    finally:
        await admin.close()


def main() -> None:
    settings = ServiceSettings()
    command.upgrade(alembic_config(settings.database_url), "head")
    created = asyncio.run(ensure_topics(settings.kafka_bootstrap_servers, settings.kafka_topic_prefix))
    print(f"database at head; topics created: {', '.join(created) or 'none (all present)'}")


if __name__ == "__main__":
    main()
