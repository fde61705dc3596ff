"""The janitor's composition root: no subscriptions, a sweep loop and the outbox relay."""

from __future__ import annotations

from recon_contracts.worker import Runtime, build_runtime

from recon_janitor.settings import JanitorSettings
from recon_janitor.sweeper import sweep_loop

SERVICE = "janitor"


def build(settings: JanitorSettings) -> Runtime:
    runtime = build_runtime(SERVICE, settings)
    runtime.background.append(sweep_loop(runtime, settings))
    return runtime
