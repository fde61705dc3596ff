"""Validate rendered Kubernetes manifests offline (run by deploy/check.sh).

Built-in kinds are checked against the OpenAPI schemas that the kubernetes-validate package ships, strictly (an
unknown or misspelt field is an error), for each Kubernetes version given. Custom resources of the operators
the overlays rely on are skipped by name, with the reason printed; any other kind without a schema fails.

    python deploy/validate_manifests.py production=rendered-production.yaml dev=rendered-dev.yaml ...
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterable
from typing import Any

import kubernetes_validate
import kubernetes_validate.utils
import yaml

# kubernetes-validate reads its 1.4 MB definitions file anew for every document: read each file once.
kubernetes_validate.utils.schema_contents = functools.cache(kubernetes_validate.utils.schema_contents)

# Each operator installs its CRD in the cluster; no package we can install offline ships its schema.
CUSTOM_RESOURCES = {
    ("external-secrets.io/v1", "ExternalSecret"): "External Secrets Operator",
    ("external-secrets.io/v1", "SecretStore"): "External Secrets Operator",
    ("keda.sh/v1alpha1", "ScaledObject"): "KEDA",
}
DEFAULT_VERSIONS = ("1.33.0", "1.37.0")
IMAGE = "card-recon"  # the root Dockerfile's image, whose entrypoint is tini


def pod_spec(doc: dict[str, Any]) -> dict[str, Any]:
    """The pod spec of a workload (Deployment, Job, ...), or {} for other kinds."""
    template = doc.get("spec", {}).get("template") or doc.get("spec", {}).get("jobTemplate", {}).get("spec", {})
    return template.get("spec", {}) if isinstance(template, dict) else {}


def replaces_init(doc: dict[str, Any]) -> Iterable[str]:
    """Containers of our image that set `command`: it replaces the image's tini entrypoint (use `args`)."""
    spec = pod_spec(doc)
    for container in spec.get("initContainers", []) + spec.get("containers", []):
        image = container.get("image", "").rsplit("/", 1)[-1].split(":")[0].split("@")[0]
        if image == IMAGE and "command" in container:
            yield container["name"]


def problems(documents: Iterable[dict[str, Any]], versions: Iterable[str]) -> Iterable[str]:
    """One line per invalid document and version; skipped custom resources as lines starting `skip`."""
    for doc in documents:
        kind, api, name = str(doc.get("kind")), str(doc.get("apiVersion")), doc.get("metadata", {}).get("name")
        if operator := CUSTOM_RESOURCES.get((api, kind)):
            yield f"skip {kind}/{name} ({api}): custom resource of {operator}, no offline schema"
            continue
        for container in replaces_init(doc):
            yield f"ERROR {kind}/{name}: container {container} sets command, which replaces tini as PID 1; use args"
        for version in versions:
            try:
                kubernetes_validate.validate(doc, version, strict=True)
            except kubernetes_validate.ValidationError as error:
                path = ".".join(str(p) for p in error.path) or "(top)"
                yield f"ERROR {kind}/{name} against {version}: {path}: {error.message}"
            except kubernetes_validate.SchemaNotFoundError as error:
                yield f"ERROR {kind}/{name}: {error.message}"


def report(label: str, documents: list[dict[str, Any]], versions: list[str]) -> int:
    """Print the rendering's problems and a summary line; returns how many documents are invalid."""
    lines = list(problems(documents, versions))
    errors = [line for line in lines if line.startswith("ERROR")]
    skipped = [line.split()[1] for line in lines if line.startswith("skip")]
    for line in errors:
        print(f"{label}: {line}")
    summary = f"{len(documents) - len(skipped)} objects valid against Kubernetes {', '.join(versions)}"
    if skipped:
        summary += f"; custom resources skipped, no offline schema of their operators: {', '.join(skipped)}"
    print(f"{'FAIL' if errors else 'ok  '} {label}: " + (f"{len(errors)} invalid; " if errors else "") + summary)
    return len(errors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("renderings", nargs="+", metavar="LABEL=FILE", help="a rendered manifest and its name")
    parser.add_argument("--kubernetes-version", action="append", dest="versions", help="repeatable")
    args = parser.parse_args()
    errors = 0
    for rendering in args.renderings:
        label, _, path = rendering.partition("=")
        with open(path) as stream:
            documents = [d for d in yaml.safe_load_all(stream) if d]
        errors += report(label, documents, args.versions or list(DEFAULT_VERSIONS))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
