"""The image's install steps, run without an image builder on exactly the files the Dockerfile copies.

The uv cache the workspace was installed from serves every package (offline), so this takes seconds.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from deploy.check_image import copied

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
SERVICES = ("recon_gateway", "recon_extractor", "recon_matcher", "recon_reporter", "recon_janitor")


def uv() -> str:
    found = shutil.which("uv") or str(ROOT / ".local/tools/bin/uv")
    assert Path(found).exists(), "uv is missing: ./dev installs it into .local/tools/bin"
    return found


def test_the_dockerfile_steps_install_every_service_and_the_cli_from_the_copied_files(tmp_path: Path) -> None:
    context, venv = tmp_path / "context", tmp_path / "venv"
    for path in copied(DOCKERFILE):
        (context / path).parent.mkdir(parents=True, exist_ok=True)
        copy = shutil.copytree if (ROOT / path).is_dir() else shutil.copy
        copy(ROOT / path, context / path)
    services = re.search(r'^ARG SERVICES="([^"]*)"', DOCKERFILE, re.MULTILINE)
    assert services is not None
    steps = [line.strip() for line in DOCKERFILE.splitlines() if line.strip().startswith("uv sync")]
    assert len(steps) == 2
    env = dict(
        os.environ,
        UV_PROJECT_ENVIRONMENT=str(venv),
        UV_PYTHON=sys.executable,
        UV_OFFLINE="1",
        UV_PYTHON_DOWNLOADS="never",
        UV_LINK_MODE="symlink",
        VIRTUAL_ENV="",
    )
    for step in steps:
        command = [uv(), *shlex.split(step.replace("$SERVICES", services.group(1)))[1:]]
        done = subprocess.run(command, cwd=context, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{step}:\n{done.stderr}"

    python = str(venv / "bin" / "python")
    where = subprocess.run(
        [python, "-c", f"import {', '.join(SERVICES)}; print(*[m.__file__ for m in ({', '.join(SERVICES)})])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(path.startswith(str(venv)) for path in where), where  # installed as wheels, no link to the sources
    assert subprocess.run([str(venv / "bin" / "recon"), "--help"], capture_output=True).returncode == 0
    docgen = subprocess.run([python, "-c", "import recon_docgen"], capture_output=True, text=True)
    assert "No module named 'recon_docgen'" in docgen.stderr  # dev only
