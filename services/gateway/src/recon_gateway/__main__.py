"""Run the gateway: `python -m recon_gateway`."""

from __future__ import annotations

import uvicorn
from recon_contracts.logging_setup import configure_logging

from recon_gateway.app import create_app
from recon_gateway.settings import get_settings


def main() -> None:
    settings = get_settings()
    configure_logging("gateway", settings.log_level)
    # log_config=None: uvicorn's loggers go through the root handler (JSON, card numbers masked).
    uvicorn.run(create_app(settings), host=settings.bind_host, port=settings.port, log_level="warning", log_config=None)


if __name__ == "__main__":
    main()
