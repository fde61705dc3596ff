"""`recon`: extraction (and, with the matcher's core, reconciliation) in-process."""

from __future__ import annotations

import argparse
import sys

from recon_extractor.errors import ExtractionError

from recon_cli import extract_expense_report, extract_receipt, extract_statement, reconcile

EXTRACT_COMMANDS = (extract_statement, extract_expense_report, extract_receipt)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="recon", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="read one document and print what it says")
    kinds = extract.add_subparsers(dest="kind", required=True)
    for module in EXTRACT_COMMANDS:
        module.register(kinds)
    reconcile.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (ExtractionError, OSError) as exc:
        print(f"recon: {getattr(args, 'file', None) or 'input'}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
