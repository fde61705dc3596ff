"""The reporter's composition root."""

from __future__ import annotations

from recon_contracts import topics
from recon_contracts.events import SessionMatched
from recon_contracts.worker import Runtime, build_runtime

from recon_reporter.handlers.on_session_matched import SERVICE, on_session_matched
from recon_reporter.settings import ReporterSettings


def build(settings: ReporterSettings) -> Runtime:
    runtime = build_runtime(SERVICE, settings)

    @runtime.broker.subscriber(runtime.topic(topics.SESSION_MATCHED), **runtime.subscription())
    async def session_matched(event: SessionMatched) -> None:
        """Build the session's reports."""
        await on_session_matched(event, runtime=runtime)

    return runtime
