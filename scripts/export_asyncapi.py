"""Write (or --check) the AsyncAPI document generated from every service's subscribers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from faststream.specification import AsyncAPI
from recon_contracts.settings import ServiceSettings
from recon_extractor.app import build as build_extractor
from recon_extractor.settings import ExtractorSettings
from recon_gateway.app import build as build_gateway
from recon_gateway.settings import GatewaySettings
from recon_janitor.app import build as build_janitor
from recon_janitor.settings import JanitorSettings
from recon_matcher.app import build as build_matcher
from recon_matcher.settings import MatcherSettings
from recon_reporter.app import build as build_reporter
from recon_reporter.settings import ReporterSettings


def document() -> str:
    runtimes = [
        build_gateway(GatewaySettings()),
        build_extractor(ExtractorSettings()),
        build_matcher(MatcherSettings()),
        build_reporter(ReporterSettings()),
        build_janitor(JanitorSettings()),
    ]
    spec = AsyncAPI(
        *[r.broker for r in runtimes],
        title="card-recon events",
        version="1",
        description="Events between card-recon services; every event is keyed by session_id.",
    )
    body = json.loads(spec.to_specification().to_json())
    body.pop("servers", None)  # local addresses are not part of the contract
    return json.dumps(body, indent=2, sort_keys=True) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    assert not ServiceSettings().kafka_topic_prefix, "unset KAFKA_TOPIC_PREFIX to export the contract"
    text = document()
    if args.check:
        if not args.path.exists() or args.path.read_text() != text:
            print(f"{args.path} is out of date: run `just asyncapi`", file=sys.stderr)
            return 1
        return 0
    args.path.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
