"""Run the reporter: `python -m recon_reporter`."""

from recon_contracts.worker import serve

from recon_reporter.app import build
from recon_reporter.settings import get_settings

if __name__ == "__main__":
    serve(build(get_settings()), port=get_settings().health_port)
