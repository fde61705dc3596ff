"""Provisioning topics on the real (single-broker) Kafka: replication asked for is applied or refused by name."""

from __future__ import annotations

import uuid

import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from recon_contracts.provision import TopicProvisioningError, ensure_topics
from recon_contracts.topics import ALL_TOPICS, DEAD_LETTER

pytestmark = pytest.mark.integration


def _prefix() -> str:
    return f"prov{uuid.uuid4().hex[:8]}."


async def test_topics_are_created_with_their_partitions_and_min_insync_replicas(kafka_bootstrap: str) -> None:
    prefix = _prefix()
    # One broker holds min.insync.replicas=2 (Kafka caps it at the replicas); what matters is that it is set.
    created = await ensure_topics(kafka_bootstrap, prefix, min_insync_replicas=2)
    assert created == [prefix + t.name for t in ALL_TOPICS]
    assert await ensure_topics(kafka_bootstrap, prefix) == []
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        described = {t["topic"]: t for t in await admin.describe_topics(created)}
        [response] = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, prefix + DEAD_LETTER.name, {"min.insync.replicas": None})]
        )
    finally:
        await admin.close()
    assert {name: len(t["partitions"]) for name, t in described.items()} == {
        prefix + t.name: t.partitions for t in ALL_TOPICS
    }
    [(_, _, _, _, configs)] = response.resources
    assert [(name, value) for name, value, *_ in configs] == [("min.insync.replicas", "2")]


async def test_more_replicas_than_brokers_is_refused_naming_each_topic(kafka_bootstrap: str) -> None:
    prefix = _prefix()
    with pytest.raises(TopicProvisioningError) as refused:
        await ensure_topics(kafka_bootstrap, prefix, replication_factor=3, min_insync_replicas=2)
    for topic in ALL_TOPICS:
        assert f"{prefix}{topic.name}: InvalidReplicationFactorError" in str(refused.value)


async def test_existing_topics_with_fewer_replicas_than_asked_are_refused(kafka_bootstrap: str) -> None:
    prefix = _prefix()
    await ensure_topics(kafka_bootstrap, prefix)
    with pytest.raises(TopicProvisioningError, match=f"{prefix}recon.file-uploaded has 1") as refused:
        await ensure_topics(kafka_bootstrap, prefix, replication_factor=3, min_insync_replicas=2)
    assert "KAFKA_REPLICATION_FACTOR=3" in str(refused.value)
