"""The running stack for end-to-end tests: every service as its own process on real Kafka and PostgreSQL.

Each run gets its own topic prefix (and so its own consumer groups) and blob folder, so it never meets
another run's messages on the shared broker.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx

SERVICES = ("gateway", "extractor", "matcher", "reporter", "janitor")
DEV_USER = "dev"  # the gateway runs without an identity provider: every review is this user's


def _stop_with_parent() -> None:
    """In the service's child process: SIGTERM it when the test process dies, however it dies (a `timeout`
    or a killed run would otherwise leave whole stacks polling Kafka and PostgreSQL for ever)."""
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Stack:
    database_url: str
    kafka_bootstrap: str
    workdir: Path
    prefix: str = field(default_factory=lambda: f"e2e{uuid.uuid4().hex[:8]}.")
    gateway_port: int = field(default_factory=free_port)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.gateway_port}"

    @property
    def blob_root(self) -> Path:
        return self.workdir / "blobs"

    def traces_file(self, service: str) -> Path:
        """Where the service writes its OpenTelemetry spans (one JSON object a line)."""
        return self.workdir / f"traces-{service}.jsonl"

    def env(self, service: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=self.database_url,
            KAFKA_BOOTSTRAP_SERVERS=self.kafka_bootstrap,
            KAFKA_TOPIC_PREFIX=self.prefix,
            BLOB_ROOT=str(self.blob_root),
            PORT=str(self.gateway_port),
            HEALTH_PORT=str(free_port()),
            OUTBOX_POLL_SECONDS="0.05",
            SSE_POLL_SECONDS="0.1",
            ENVIRONMENT="test",
            # A page takes about 1.5 s of OCR; the product's 60 s stall limit is met on a 2-core machine only when
            # it is loaded 10 times over (a test run beside others): the e2e tests are about reading, not that.
            OCR_PAGE_TIMEOUT_SECONDS="300",
            AUTH_MODE="dev",
            DEV_USER=DEV_USER,
            MAX_PROCESSING_SESSIONS_PER_USER="0",  # every upload is the one dev user's
            TRACES_FILE=str(self.traces_file(service)),
        )
        env.update(extra or {})
        return env

    def start(self, service: str, extra_env: dict[str, str] | None = None) -> None:
        log = open(self.workdir / f"{service}.log", "ab")  # noqa: SIM115 - lives as long as the process
        self.processes[service] = subprocess.Popen(
            [sys.executable, "-m", f"recon_{service}"],
            env=self.env(service, extra_env),
            stdout=log,
            stderr=log,
            preexec_fn=_stop_with_parent,
        )

    def start_all(self) -> None:
        for service in SERVICES:
            self.start(service)
        try:
            self.wait_healthy(timeout=180.0)  # a loaded 2-core machine takes over a minute to start five services
        except BaseException:
            self.stop_all()  # never leave the services running behind a failed start
            raise

    def wait_healthy(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, proc in self.processes.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} exited with {proc.returncode}:\n{self.log_tail(name)}")
            try:
                if httpx.get(f"{self.url}/api/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"gateway not healthy after {timeout}s:\n{self.log_tail('gateway')}")

    def first_answer(self, service: str, url: str, timeout: float = 60.0) -> httpx.Response:
        """The first answer to GET url once the service listens (whatever its status)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                return httpx.get(url, timeout=5)
            except httpx.TransportError:
                if time.monotonic() > deadline or self.processes[service].poll() is not None:
                    raise AssertionError(f"{service} never answered {url}:\n{self.log_tail(service)}") from None
                time.sleep(0.3)

    def wait_exit(self, service: str, timeout: float = 60.0) -> int:
        return self.processes[service].wait(timeout=timeout)

    def stop(self, service: str) -> None:
        proc = self.processes.pop(service, None)
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def stop_all(self) -> None:
        for service in list(self.processes):
            self.stop(service)

    def log_tail(self, service: str, lines: int = 40) -> str:
        path = self.workdir / f"{service}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""
