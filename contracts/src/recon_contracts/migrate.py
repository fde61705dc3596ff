"""One-shot migration step run before services start: `python -m recon_contracts.migrate [upgrade|downgrade] [rev]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from alembic import command
from alembic.config import Config

from recon_contracts.settings import ServiceSettings

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    """An Alembic config for this package's single migration history."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database_url)
    return config


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=["upgrade", "downgrade", "revision"], nargs="?", default="upgrade")
    parser.add_argument("revision", nargs="?", default=None)
    parser.add_argument("-m", "--message", default="")
    args = parser.parse_args(argv)
    config = alembic_config(ServiceSettings().database_url)
    if args.action == "upgrade":
        command.upgrade(config, args.revision or "head")
    elif args.action == "downgrade":
        command.downgrade(config, args.revision or "base")
    else:
        command.revision(config, message=args.message, autogenerate=True)


if __name__ == "__main__":
    main()
