"""Prove the Dockerfile copies every workspace package the image installs (run by deploy/check.sh).

No image builder runs here, so this reads what a build would do: the packages `uv sync` installs (the
Dockerfile's `--package` list and, from uv.lock, the workspace packages they depend on), and checks that
the Dockerfile copies the root pyproject.toml and uv.lock and each of those packages' pyproject.toml and
src/, and that .dockerignore does not drop them from the build context.
"""

from __future__ import annotations

import fnmatch
import re
import shlex
import sys
import tomllib
from pathlib import Path


def workspace_packages(lock: dict) -> dict[str, str]:
    """Workspace package name -> its folder, from uv.lock (the root project itself is virtual)."""
    return {p["name"]: p["source"]["editable"] for p in lock["package"] if "editable" in p.get("source", {})}


def installed(lock: dict, roots: list[str]) -> set[str]:
    """The workspace packages `uv sync --package root...` installs: the roots and their workspace dependencies."""
    members = workspace_packages(lock)
    depends = {p["name"]: [d["name"] for d in p.get("dependencies", [])] for p in lock["package"]}
    found: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in members and name not in found:
            found.add(name)
            todo.extend(depends.get(name, []))
    return found


def package_roots(dockerfile: str) -> list[str]:
    """The `--package` names of the Dockerfile's SERVICES build argument."""
    match = re.search(r'^ARG SERVICES="([^"]*)"', dockerfile, re.MULTILINE)
    if match is None:
        raise SystemExit('check_image: the Dockerfile has no ARG SERVICES="--package ..." line')
    return re.findall(r"--package\s+(\S+)", match.group(1))


def copied(dockerfile: str) -> set[str]:
    """Paths the Dockerfile copies from the build context (not from other stages)."""
    paths: set[str] = set()
    for line in dockerfile.splitlines():
        words = shlex.split(line) if line.startswith("COPY ") else []
        if words and not any(w.startswith("--from") for w in words):
            paths.update(w.rstrip("/") for w in words[1:-1] if not w.startswith("--"))
    return paths


def ignored(path: str, patterns: list[str]) -> bool:
    """Whether .dockerignore drops the path (or a folder holding it) from the build context."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        variants = {pattern, pattern.removeprefix("**/")}
        if any(fnmatch.fnmatchcase(p, v) for p in prefixes for v in variants):
            return True
    return False


def missing(dockerfile: str, dockerignore: str, lock: dict) -> list[str]:
    """What a build would lack, one line each; empty when every package the image installs is copied."""
    members = workspace_packages(lock)
    roots = package_roots(dockerfile)
    unknown = [r for r in roots if r not in members]
    needs = {"pyproject.toml", "uv.lock"}
    for name in installed(lock, roots):
        needs |= {f"{members[name]}/pyproject.toml", f"{members[name]}/src"}
    have = copied(dockerfile)
    patterns = [line.strip() for line in dockerignore.splitlines() if line.strip() and not line.startswith("#")]
    return (
        [f"--package {name} is not a workspace package of uv.lock" for name in unknown]
        + [f"not copied: {path}" for path in sorted(needs - have)]
        + [f"copied but excluded by .dockerignore: {path}" for path in sorted(needs & have) if ignored(path, patterns)]
    )


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    dockerfile = (root / "Dockerfile").read_text()
    lock = tomllib.loads((root / "uv.lock").read_text())
    problems = missing(dockerfile, (root / ".dockerignore").read_text(), lock)
    for problem in problems:
        print(f"check_image: Dockerfile: {problem}", file=sys.stderr)
    if not problems:
        names = sorted(installed(lock, package_roots(dockerfile)))
        print(f"ok   image copies all {len(names)} workspace packages it installs ({', '.join(names)})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
