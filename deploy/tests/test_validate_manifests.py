"""The manifest validator: strict schemas, tini kept as PID 1, custom resources skipped only by name."""

from __future__ import annotations

import copy
from typing import Any

from deploy.validate_manifests import problems

DEPLOYMENT: dict[str, Any] = {
    "apiVersion": "apps/v1",
    "kind": "Deployment",
    "metadata": {"name": "recon-matcher"},
    "spec": {
        "selector": {"matchLabels": {"app": "m"}},
        "template": {
            "metadata": {"labels": {"app": "m"}},
            "spec": {
                "containers": [
                    {
                        "name": "service",
                        "image": "registry.example.com/card-recon:0.1.0",
                        "args": ["python", "-m", "recon_matcher"],
                    }
                ]
            },
        },
    },
}


def container(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["spec"]["template"]["spec"]["containers"][0]


def check(doc: dict[str, Any]) -> list[str]:
    return list(problems([doc], ["1.33.0"]))


def test_a_valid_deployment_has_no_problem() -> None:
    assert check(DEPLOYMENT) == []


def test_a_misspelt_field_is_an_error_naming_where() -> None:
    doc = copy.deepcopy(DEPLOYMENT)
    container(doc)["livenesProbe"] = {"tcpSocket": {"port": 80}}
    [line] = check(doc)
    assert line.startswith("ERROR Deployment/recon-matcher against 1.33.0: spec.template.spec.containers.0:")
    assert "'livenesProbe' was unexpected" in line


def test_command_on_our_image_would_replace_tini() -> None:
    doc = copy.deepcopy(DEPLOYMENT)
    container(doc)["command"] = container(doc).pop("args")
    assert check(doc) == [
        "ERROR Deployment/recon-matcher: container service sets command, which replaces tini as PID 1; use args"
    ]
    container(doc)["image"] = "postgres:16-alpine"
    assert check(doc) == []


def test_known_custom_resources_are_skipped_by_name_and_others_fail() -> None:
    external = {"apiVersion": "external-secrets.io/v1", "kind": "ExternalSecret", "metadata": {"name": "s"}}
    certificate = {"apiVersion": "cert-manager.io/v1", "kind": "Certificate", "metadata": {"name": "c"}}
    [skipped] = check(external)
    assert skipped.startswith("skip ExternalSecret/s (external-secrets.io/v1): custom resource of External Secrets")
    [failed] = check(certificate)
    assert failed.startswith("ERROR Certificate/c: Couldn't find schema for kind Certificate")
