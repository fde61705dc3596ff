"""Service settings refuse replication settings that would not protect a write."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from recon_contracts.settings import ServiceSettings
from recon_contracts.worker import build_runtime


def test_defaults_fit_the_local_single_broker() -> None:
    settings = ServiceSettings()
    assert (settings.kafka_replication_factor, settings.kafka_min_insync_replicas, settings.kafka_acks) == (1, 1, "1")


def test_production_replication_is_accepted_and_producers_wait_for_all() -> None:
    settings = ServiceSettings(kafka_replication_factor=3, kafka_min_insync_replicas=2, kafka_acks="all")
    assert build_runtime("probe", settings).broker._connection_kwargs["acks"] == "all"
    assert build_runtime("probe", ServiceSettings()).broker._connection_kwargs["acks"] == 1


@pytest.mark.parametrize(
    ("replicas", "min_insync", "acks", "problem"),
    [
        (1, 2, "all", "must be between 1 and KAFKA_REPLICATION_FACTOR=1"),
        (3, 0, "all", "must be between 1"),
        (3, 2, "1", "needs KAFKA_ACKS=all"),
    ],
)
def test_inconsistent_replication_is_refused(replicas: int, min_insync: int, acks: str, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        ServiceSettings(kafka_replication_factor=replicas, kafka_min_insync_replicas=min_insync, kafka_acks=acks)
