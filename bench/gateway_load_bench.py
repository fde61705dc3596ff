"""Gateway load benchmark (not a test): `python bench/gateway_load_bench.py [--users 50] [--seconds 60]`.

Runs the whole stack (every service, as the e2e tests do) on DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS; the
database is rebuilt from the migrations first, so give it a database of its own (e.g. recon_bench). Seeds a few
real months through the API (about 100 lines each) and `--sessions` more session rows, then prints per route
(sessions list, session detail, lines, review queue, SSE to its end) the latency percentiles:

- baseline: one client alone, the same requests one after another;
- load: `--users` concurrent clients looping over the routes for `--seconds`;

and the end-to-end time (upload to completed) of a month uploaded alone and of one uploaded under the load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx
from recon_contracts.db.engine import make_engine
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.e2e.journeys import make_month, upload, wait_status
from tests.e2e.stack import Stack

ROUTES = ("list", "detail", "lines", "review", "sse")


def _path(route: str, session: str) -> str:
    return {
        "list": "/api/sessions?limit=50",
        "detail": f"/api/sessions/{session}",
        "lines": f"/api/sessions/{session}/lines?limit=100",
        "review": f"/api/sessions/{session}/review",
        "sse": f"/api/sessions/{session}/events",
    }[route]


async def _timed(client: httpx.AsyncClient, route: str, session: str) -> float:
    start = time.perf_counter()
    if route == "sse":  # a finished session's stream replays its events and ends
        async with client.stream("GET", _path(route, session)) as response:
            response.raise_for_status()
            async for _ in response.aiter_bytes():
                pass
    else:
        (await client.get(_path(route, session))).raise_for_status()
    return time.perf_counter() - start


async def _baseline(url: str, sessions: list[str], rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        for i in range(rounds):
            for route in ROUTES:
                times[route].append(await _timed(client, route, sessions[i % len(sessions)]))
    return times


async def _load(url: str, sessions: list[str], users: int, seconds: float) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)

    async def user(client: httpx.AsyncClient, rng: random.Random) -> None:
        while time.monotonic() < deadline:
            route = rng.choice(ROUTES)
            times[route].append(await _timed(client, route, rng.choice(sessions)))

    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        await asyncio.gather(*(user(client, random.Random(n)) for n in range(users)))
    return times


def _percentiles(samples: list[float]) -> str:
    if len(samples) < 2:
        return "no samples"
    q = statistics.quantiles(samples, n=100)
    return f"p50 {q[49] * 1000:7.1f} ms  p95 {q[94] * 1000:7.1f} ms  p99 {q[98] * 1000:7.1f} ms  (n={len(samples)})"


def _month_time(url: str, workdir: Path, seed: int, cardholders: int) -> tuple[str, float]:
    _, statement_pdf, receipts, _ = make_month(workdir, seed=seed, cardholders=cardholders)
    start = time.perf_counter()
    session = upload(url, [statement_pdf, *receipts]).json()["session_id"]
    detail = wait_status(url, session, {"completed", "failed", "needs_attention"}, timeout=900)
    assert detail["status"] == "completed", detail["status_message"]
    return session, time.perf_counter() - start


async def _seed_sessions(database_url: str, count: int) -> None:
    """Bare finished sessions, so the list pages through a realistic table."""
    engine = make_engine(database_url)
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO sessions (id, name, status, period_start, period_end, total_transactions, matched_count) "
                "SELECT gen_random_uuid(), 'month ' || n, 'completed', DATE '2026-01-01', DATE '2026-01-31', 100, 80 "
                "FROM generate_series(1, :count) AS n"
            ),
            {"count": count},
        )
    await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--sessions", type=int, default=1000, help="bare session rows beside the real months")
    parser.add_argument("--months", type=int, default=4, help="real months (about 100 lines each) to read")
    args = parser.parse_args()
    database_url, bootstrap = os.environ["DATABASE_URL"], os.environ["KAFKA_BOOTSTRAP_SERVERS"]

    from alembic import command
    from recon_contracts.migrate import alembic_config
    from recon_contracts.provision import ensure_topics

    config = alembic_config(database_url)
    command.downgrade(config, "base")
    command.upgrade(config, "head")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        stack = Stack(database_url=database_url, kafka_bootstrap=bootstrap, workdir=workdir)
        asyncio.run(ensure_topics(bootstrap, stack.prefix))
        stack.start_all()
        try:
            months = [_month_time(stack.url, workdir, 500 + n, cardholders=14) for n in range(args.months)]
            sessions = [session for session, _ in months]
            asyncio.run(_seed_sessions(database_url, args.sessions))
            print(f"{len(sessions)} real months, {args.sessions} more sessions; month alone: {months[-1][1]:.1f} s")

            baseline = asyncio.run(_baseline(stack.url, sessions, rounds=40))
            under_load: dict[str, float] = {}

            async def loaded() -> dict[str, list[float]]:
                load = asyncio.create_task(_load(stack.url, sessions, args.users, args.seconds))
                await asyncio.sleep(2)
                _, under_load["month"] = await asyncio.to_thread(_month_time, stack.url, workdir, 900, 14)
                return await load

            load = asyncio.run(loaded())
            total = sum(len(v) for v in load.values())
            print(f"\n{'route':8} one client alone (baseline)                          {args.users} users")
            for route in ROUTES:
                print(f"{route:8} {_percentiles(baseline[route]):52}  {_percentiles(load[route])}")
            print(f"\nthroughput under load: {total / args.seconds:.0f} requests/s")
            print(f"month upload to completed: alone {months[-1][1]:.1f} s, under load {under_load['month']:.1f} s")
        finally:
            stack.stop_all()


if __name__ == "__main__":
    main()
