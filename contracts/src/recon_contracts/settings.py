"""Settings every service shares, read from the environment and validated at start."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_PLACEHOLDER_PASSWORDS = ("recon:recon@", "postgres:postgres@", "changeme")


class ServiceSettings(BaseSettings):
    """Connection settings of a card-recon service; each service subclasses it with its own."""

    model_config = SettingsConfigDict(env_file=None, extra="ignore")

    environment: Literal["dev", "test", "production"] = "dev"
    database_url: str = "postgresql+asyncpg://recon:recon@127.0.0.1:5433/recon"
    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    blob_root: str = ".local/blobs"
    log_level: str = "INFO"
    outbox_poll_seconds: float = 0.2
    outbox_max_attempts: int = 5
    """Failed publishes of one outbox row (the broker refusing the row, not being away) before it is parked."""
    max_deliveries: int = 3
    """Deliveries of one message that ended the process before it is dead-lettered unhandled."""
    database_statement_timeout_seconds: float = 60.0
    """PostgreSQL cancels any one statement running longer (0: never)."""
    bind_host: str = "127.0.0.1"
    kafka_topic_prefix: str = ""
    kafka_replication_factor: int = 1
    """Replicas of each topic provisioning creates; 3 where the cluster has three brokers (production)."""
    kafka_min_insync_replicas: int = 1
    """Replicas that must hold a write before it counts (topic setting); 2 beside a replication factor of 3."""
    kafka_acks: Literal["1", "all"] = "1"
    """Producer acknowledgements: "all" waits for min.insync.replicas, so a broker lost loses no event."""
    traces_file: str = ""
    """OpenTelemetry spans are appended to this file, one JSON object a line (none written when empty)."""
    otel_exporter_otlp_endpoint: str = ""
    """An OpenTelemetry collector's OTLP/HTTP base URL (e.g. http://otel-collector:4318); spans are sent there."""
    fault_exit_after_commit: str = ""
    """Chaos testing only: a marker file path; the first committed message then ends the process (once)."""

    @model_validator(mode="after")
    def _replication_consistent(self) -> ServiceSettings:
        if not 1 <= self.kafka_min_insync_replicas <= self.kafka_replication_factor:
            raise ValueError(
                f"KAFKA_MIN_INSYNC_REPLICAS={self.kafka_min_insync_replicas} must be between 1 and "
                f"KAFKA_REPLICATION_FACTOR={self.kafka_replication_factor}"
            )
        # min.insync.replicas binds only producers that wait for it.
        if self.kafka_min_insync_replicas > 1 and self.kafka_acks != "all":
            raise ValueError("KAFKA_MIN_INSYNC_REPLICAS above 1 needs KAFKA_ACKS=all, or writes do not wait for it")
        return self

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> ServiceSettings:
        if self.environment == "production" and any(p in self.database_url for p in _PLACEHOLDER_PASSWORDS):
            raise ValueError("DATABASE_URL holds a development password; set a real secret in production")
        return self
