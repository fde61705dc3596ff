"""One-shot step before services start: migrate the database, then create the Kafka topics.

`python -m recon_contracts.provision` provisions; `--wait` only waits until someone has (an initContainer).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError, for_code
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from recon_contracts.migrate import alembic_config
from recon_contracts.settings import ServiceSettings
from recon_contracts.topics import ALL_TOPICS


class TopicProvisioningError(RuntimeError):
    """The cluster refused a topic, or holds one with fewer replicas than the settings ask."""


async def ensure_topics(
    bootstrap_servers: str, prefix: str = "", *, replication_factor: int = 1, min_insync_replicas: int = 1
) -> list[str]:
    """Create every project topic with its partitions and replication; returns the ones created now.

    Loud, never silent: a topic the cluster refuses (e.g. 3 replicas on fewer brokers) or an existing topic
    with fewer replicas than asked raises TopicProvisioningError naming it.
    """
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, client_id="recon-provision")
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in ALL_TOPICS if prefix + t.name not in existing]
        raced: list[str] = []
        if missing:
            config = {"min.insync.replicas": str(min_insync_replicas)}
            response = await admin.create_topics(
                [NewTopic(prefix + t.name, t.partitions, replication_factor, topic_configs=config) for t in missing]
            )
            raced = _raise_refusals(response.topic_errors)
        # A topic the listing missed but the cluster holds (just created, or another provisioner's) is checked too.
        present = [prefix + t.name for t in ALL_TOPICS if prefix + t.name in existing] + raced
        if present and replication_factor > 1:
            _raise_under_replicated(await _describe_settled(admin, present), replication_factor)
        return [prefix + t.name for t in missing if prefix + t.name not in raced]
    finally:
        await admin.close()


async def _describe_settled(admin: AIOKafkaAdminClient, names: list[str]) -> list[dict[str, Any]]:
    """The topics' descriptions once each lists its partitions: a topic just created describes with none for a
    moment, and a check on none would pass whatever its replicas."""
    for _ in range(40):
        described: list[dict[str, Any]] = await admin.describe_topics(names)
        if all(topic["partitions"] for topic in described):
            return described
        await asyncio.sleep(0.25)
    unsettled = ", ".join(topic["topic"] for topic in described if not topic["partitions"])
    raise TopicProvisioningError(f"the Kafka cluster describes no partitions for {unsettled}; its replicas are unknown")


def _raise_refusals(topic_errors: list[tuple[Any, ...]]) -> list[str]:
    """Raise for topics the cluster refused; return those it already held (TOPIC_ALREADY_EXISTS: another
    provisioner won the race, or the listing had not caught up with a topic just created)."""
    refused = [
        f"{name}: {for_code(code).__name__}{f' ({detail[0]})' if detail and detail[0] else ''}"
        for name, code, *detail in topic_errors
        if code not in (0, TopicAlreadyExistsError.errno)
    ]
    if refused:
        raise TopicProvisioningError(f"the Kafka cluster refused topics: {'; '.join(refused)}")
    return [name for name, code, *_ in topic_errors if code == TopicAlreadyExistsError.errno]


def _raise_under_replicated(described: list[dict[str, Any]], replication_factor: int) -> None:
    short = [
        f"{topic['topic']} has {min(len(p['replicas']) for p in topic['partitions'])}"
        for topic in described
        if topic["partitions"] and min(len(p["replicas"]) for p in topic["partitions"]) < replication_factor
    ]
    if short:
        raise TopicProvisioningError(
            f"topics created earlier with fewer replicas than KAFKA_REPLICATION_FACTOR={replication_factor}: "
            f"{', '.join(short)}; reassign their partitions (kafka-reassign-partitions.sh) and run again"
        )


async def what_is_missing(settings: ServiceSettings) -> str | None:
    """What provisioning has not done yet, or None when the database and topics are ready."""
    script = ScriptDirectory.from_config(alembic_config(settings.database_url))
    heads, known = set(script.get_heads()), {r.revision for r in script.walk_revisions()}
    engine = create_async_engine(settings.database_url)
    try:
        async with engine.connect() as connection:
            current = set((await connection.execute(text("SELECT version_num FROM alembic_version"))).scalars())
    finally:
        await engine.dispose()
    # At our head, or at a revision this image does not know (a newer release migrated first).
    if current != heads and current <= known:
        return f"database at {sorted(current)}, head is {sorted(heads)}"
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers, client_id="recon-wait")
    await admin.start()
    try:
        absent = {settings.kafka_topic_prefix + t.name for t in ALL_TOPICS} - set(await admin.list_topics())
    finally:
        await admin.close()
    return f"topics missing: {', '.join(sorted(absent))}" if absent else None


def wait_until_provisioned(settings: ServiceSettings, timeout: float, poll: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            reason = asyncio.run(what_is_missing(settings))
        except Exception as exc:  # not reachable yet, or no alembic_version table yet
            reason = f"{type(exc).__name__}: {next(iter(str(exc).splitlines()), '')}"
        if reason is None:
            print("provisioned")
            return
        if time.monotonic() > deadline:
            sys.exit(f"gave up waiting for provisioning: {reason}")
        print(f"waiting for provisioning: {reason}", flush=True)
        time.sleep(poll)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wait", action="store_true", help="only wait until the database and topics are ready")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    settings = ServiceSettings()
    if args.wait:
        wait_until_provisioned(settings, args.timeout)
        return
    command.upgrade(alembic_config(settings.database_url), "head")
    created = asyncio.run(
        ensure_topics(
            settings.kafka_bootstrap_servers,
            settings.kafka_topic_prefix,
            replication_factor=settings.kafka_replication_factor,
            min_insync_replicas=settings.kafka_min_insync_replicas,
        )
    )
    print(f"database at head; topics created: {', '.join(created) or 'none (all present)'}")


if __name__ == "__main__":
    main()
