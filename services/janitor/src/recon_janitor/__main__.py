"""Run the janitor: `python -m recon_janitor`."""

from recon_contracts.worker import serve

from recon_janitor.app import build
from recon_janitor.settings import get_settings

if __name__ == "__main__":
    serve(build(get_settings()), port=get_settings().health_port)
