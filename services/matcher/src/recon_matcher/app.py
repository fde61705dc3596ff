"""The matcher's composition root."""

from __future__ import annotations

from recon_contracts import topics
from recon_contracts.events import SessionExtracted
from recon_contracts.worker import Runtime, build_runtime

from recon_matcher.handlers.on_session_extracted import SERVICE, on_session_extracted
from recon_matcher.settings import MatcherSettings


def build(settings: MatcherSettings) -> Runtime:
    runtime = build_runtime(SERVICE, settings)

    @runtime.broker.subscriber(runtime.topic(topics.SESSION_EXTRACTED), **runtime.subscription())
    async def session_extracted(event: SessionExtracted) -> None:
        """Match every card line of the session to its receipts."""
        await on_session_extracted(event, runtime=runtime, window_days=settings.match_window_days)

    return runtime
