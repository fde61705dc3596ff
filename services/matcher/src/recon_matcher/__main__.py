"""Run the matcher: `python -m recon_matcher`."""

from recon_contracts.worker import serve

from recon_matcher.app import build
from recon_matcher.settings import get_settings

if __name__ == "__main__":
    serve(build(get_settings()), port=get_settings().health_port)
