"""initContainer: wait until the provision Job has run (database at the Alembic head, every topic present)."""

from __future__ import annotations

import asyncio
import os
import sys
import time

from aiokafka.admin import AIOKafkaAdminClient
from alembic.script import ScriptDirectory
from recon_contracts.migrate import alembic_config
from recon_contracts.settings import ServiceSettings
from recon_contracts.topics import ALL_TOPICS
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine


async def missing(settings: ServiceSettings) -> str | None:
    """What provision has not done yet, or None when everything is in place."""
    script = ScriptDirectory.from_config(alembic_config(settings.database_url))
    heads = set(script.get_heads())
    known = {revision.revision for revision in script.walk_revisions()}
    engine = create_async_engine(settings.database_url)
    try:
        async with engine.connect() as connection:
            current = set((await connection.execute(text("SELECT version_num FROM alembic_version"))).scalars())
    finally:
        await engine.dispose()
    # At our head, or at a revision this image does not know yet (a newer release migrated first).
    if current != heads and current <= known:
        return f"database at {sorted(current)}, head is {sorted(heads)}"
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers, client_id="recon-wait")
    await admin.start()
    try:
        absent = {t.name for t in ALL_TOPICS} - set(await admin.list_topics())
    finally:
        await admin.close()
    return f"topics missing: {', '.join(sorted(absent))}" if absent else None


def main() -> None:
    settings = ServiceSettings()
    deadline = time.monotonic() + float(os.environ.get("WAIT_TIMEOUT_SECONDS", "600"))
    while True:
        try:
            reason = asyncio.run(missing(settings))
        except Exception as exc:  # not reachable yet, or no alembic_version table yet
            first_line = next(iter(str(exc).splitlines()), "")
            reason = f"{type(exc).__name__}: {first_line}"
        if reason is None:
            print("provisioned")
            return
        if time.monotonic() > deadline:
            sys.exit(f"gave up waiting for provision: {reason}")
        print(f"waiting for provision: {reason}", flush=True)
        time.sleep(5)


if __name__ == "__main__":
    main()
