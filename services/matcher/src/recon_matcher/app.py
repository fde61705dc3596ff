"""The matcher's composition root."""

from __future__ import annotations

from recon_contracts import topics
from recon_contracts.events import ReviewRecorded, SessionExtracted
from recon_contracts.worker import Runtime, build_runtime

from recon_matcher.handlers.rematch import SERVICE, rematch_session
from recon_matcher.settings import MatcherSettings


def build(settings: MatcherSettings) -> Runtime:
    runtime = build_runtime(SERVICE, settings)
    match_settings = settings.match_settings()

    @runtime.broker.subscriber(runtime.topic(topics.SESSION_EXTRACTED), **runtime.subscription())
    async def session_extracted(event: SessionExtracted) -> None:
        """Match every card line of the session once all its files are read."""
        await rematch_session(event, runtime=runtime, settings=match_settings)

    @runtime.broker.subscriber(runtime.topic(topics.REVIEW_RECORDED), **runtime.subscription())
    async def review_recorded(event: ReviewRecorded) -> None:
        """Match the session again so a reviewer's decision shows in its results and reports."""
        await rematch_session(event, runtime=runtime, settings=match_settings)

    return runtime
