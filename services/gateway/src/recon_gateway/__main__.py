"""Run the gateway: `python -m recon_gateway`."""

from __future__ import annotations

import asyncio
import socket

import uvicorn
from recon_contracts.logging_setup import configure_logging
from recon_contracts.tracing import configure_tracing

from recon_gateway.app import create_app
from recon_gateway.settings import get_settings


class DrainingServer(uvicorn.Server):
    """Uvicorn that ends the progress streams first when it stops.

    Uvicorn waits for every open response before it exits, and a progress stream of a running session never
    ends by itself; so stopping would wait for the clients. Setting `draining` ends the streams (browsers
    reconnect with Last-Event-ID, to another replica), while uploads in flight still finish.
    """

    def __init__(self, config: uvicorn.Config, draining: asyncio.Event) -> None:
        super().__init__(config)
        self.draining = draining

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self.draining.set()
        await super().shutdown(sockets)


def main() -> None:
    settings = get_settings()
    configure_logging("gateway", settings.log_level)
    configure_tracing("gateway", settings)
    app = create_app(settings)
    # log_config=None: uvicorn's loggers go through the root handler (JSON, card numbers masked).
    config = uvicorn.Config(app, host=settings.bind_host, port=settings.port, log_level="warning", log_config=None)
    DrainingServer(config, app.state.draining).run()


if __name__ == "__main__":
    main()
