"""The image check passes on the real Dockerfile and names what a build would lack when a COPY goes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from deploy.check_image import installed, missing

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
DOCKERIGNORE = (ROOT / ".dockerignore").read_text()
LOCK = tomllib.loads((ROOT / "uv.lock").read_text())


def without(line: str) -> str:
    assert f"\n{line}\n" in DOCKERFILE
    return DOCKERFILE.replace(f"\n{line}\n", "\n")


def test_the_dockerfile_copies_every_workspace_package_it_installs() -> None:
    assert missing(DOCKERFILE, DOCKERIGNORE, LOCK) == []


def test_the_cli_brings_its_workspace_dependencies() -> None:
    assert installed(LOCK, ["recon-cli"]) == {
        "recon-cli",
        "recon-contracts",
        "recon-extractor",
        "recon-matcher",
        "recon-reporter",
    }


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("COPY tools/cli/src tools/cli/src", "not copied: tools/cli/src"),
        ("COPY contracts/src contracts/src", "not copied: contracts/src"),
        ("COPY tools/cli/pyproject.toml tools/cli/", "not copied: tools/cli/pyproject.toml"),
    ],
)
def test_a_missing_copy_is_named(line: str, problem: str) -> None:
    assert missing(without(line), DOCKERIGNORE, LOCK) == [problem]


def test_a_package_dropped_by_dockerignore_is_named() -> None:
    assert missing(DOCKERFILE, DOCKERIGNORE + "tools/cli/src\n", LOCK) == [
        "copied but excluded by .dockerignore: tools/cli/src"
    ]


def test_an_unknown_package_is_named() -> None:
    dockerfile = DOCKERFILE.replace("--package recon-cli", "--package recon-client")
    assert missing(dockerfile, DOCKERIGNORE, LOCK)[0] == "--package recon-client is not a workspace package of uv.lock"
