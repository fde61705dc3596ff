"""Run the extractor: `python -m recon_extractor`."""

from recon_contracts.worker import serve

from recon_extractor.app import build
from recon_extractor.settings import get_settings

if __name__ == "__main__":
    serve(build(get_settings()), port=get_settings().health_port)
