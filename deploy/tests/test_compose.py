"""What docker-compose.yml promises beyond its schema (deploy/check.sh runs `docker compose config`)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from recon_gateway.settings import GatewaySettings

COMPOSE = yaml.safe_load((Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text())


def test_the_gateway_answers_the_browser_and_the_web_uis_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in COMPOSE["services"]["gateway"]["environment"].items():
        monkeypatch.setenv(key, str(value))
    gateway = GatewaySettings()
    proxied_to = urlsplit(COMPOSE["services"]["web"]["environment"]["GATEWAY_URL"])
    assert proxied_to.hostname in gateway.allowed_hosts
    assert proxied_to.port == gateway.port
    assert "localhost" in gateway.allowed_hosts  # the published port 8000
