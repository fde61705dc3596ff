"""The web UI for the browser tests: its production build (made once, reused while its sources are
unchanged), `next start` pointed at the stack's gateway, and the files of a generated month."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from recon_docgen.bad_inputs import build_pdf
from recon_docgen.expense_report import render_expense_report
from recon_docgen.month_documents import make_month_documents
from recon_docgen.receipt_pdf import render_receipt
from recon_docgen.scenario import make_statement, receipt_for
from recon_docgen.wex_pdf import render_wex_statement

from tests.e2e.journeys import contradicted

WEB = Path(__file__).resolve().parents[2] / "web"
CHROMIUM = Path("/usr/bin/chromium")
NODE_ENV = {"NEXT_TELEMETRY_DISABLED": "1", "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1", "CI": "1"}


def run(args: list[str], *, env: dict[str, str] | None = None, timeout: float = 600) -> str:
    """Run a command in web/; on failure raise with its whole output."""
    done = subprocess.run(
        args, cwd=WEB, env={**os.environ, **NODE_ENV, **(env or {})}, capture_output=True, text=True, timeout=timeout
    )
    output = done.stdout + done.stderr
    if done.returncode != 0:
        print(output)  # whole, in the test's captured output (an assertion message would be cut short)
        raise AssertionError(f"{' '.join(args)} failed with exit code {done.returncode}:\n{output[-3000:]}")
    return output


def ensure_build() -> None:
    """Install from the lock file when needed and build once per change of the sources (infra/web.sh)."""
    done = subprocess.run(
        ["bash", str(WEB.parent / "infra" / "web.sh"), "build"], capture_output=True, text=True, timeout=900
    )
    if done.returncode != 0:
        raise AssertionError(f"the web UI did not build:\n{done.stdout}{done.stderr}")


@contextmanager
def web_server(gateway_url: str, port: int, log: Path) -> Iterator[str]:
    """`next start` on loopback, proxying /api to the gateway; yields its URL."""
    url = f"http://127.0.0.1:{port}"
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [str(WEB / "node_modules" / ".bin" / "next"), "start", "-H", "127.0.0.1", "-p", str(port)],
            cwd=WEB,
            env={**os.environ, **NODE_ENV, "GATEWAY_URL": gateway_url},
            stdout=out,
            stderr=out,
            start_new_session=True,  # its own process group, so stopping it stops every child it started
        )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"next start exited with {proc.returncode}:\n{log.read_text()}")
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        else:
            raise TimeoutError(f"the web app did not answer in 60 s:\n{log.read_text()}")
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def padded_pdf(path: Path, size: int) -> None:
    """A one-page PDF carrying `size` bytes in an object no page uses: large to send, quick to read."""
    text = b"BT /F1 18 Tf 72 720 Td (Upload size check) Tj ET"
    path.write_bytes(
        build_pdf(
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % size + os.urandom(size) + b"\nendstream",
        )
    )


def contradicted_statement(path: Path, seed: int) -> None:
    render_wex_statement(contradicted(make_statement(seed, cardholders=2)), path)


def write_month(folder: Path, seed: int) -> Path:
    """The month the browser uploads (statement, first and completed expense reports, a loose receipt, a late
    receipt, a 50 MB file and another month's statement whose totals its lines contradict) and what the tests
    expect of it, as month.json."""
    month = make_month_documents(seed, folder / "img", cardholders=6)  # one of each role, a split too
    files = {name: folder / f"{name}.pdf" for name in ("card-statement", "expenses", "expenses-completed", "large")}
    render_wex_statement(month.statement, files["card-statement"])
    render_expense_report(list(month.first_entries), files["expenses"])
    render_expense_report(list(month.completed_entries), files["expenses-completed"])
    padded_pdf(files["large"], 50 * 1024 * 1024)
    contradicted_statement(folder / "contradicted-statement.pdf", seed + 1)
    receipt = folder / "loose-receipt.pdf"
    render_receipt(receipt_for(month.statement.lines[0], seed), receipt)
    by_role = {role: name for name, role in month.roles.items()}
    # the receipt the first expense report lacks, brought late on its own
    late_line = month.gap_line(next(h for h in month.statement.cardholders if h.name == by_role["fixed_receipt"]))
    late_receipt = folder / f"late-receipt-{late_line.reference}.pdf"
    render_receipt(receipt_for(late_line, seed), late_receipt)
    holders = month.statement.cardholders
    coded_late = [month.gap_line(h).reference for h in holders if month.roles[h.name] == "fixed_coding"]
    (folder / "downloads").mkdir()
    facts = {
        "statement": str(files["card-statement"]),
        "expenses": str(files["expenses"]),
        "completed": str(files["expenses-completed"]),
        "large": str(files["large"]),
        "receipt": str(receipt),
        "late_receipt": str(late_receipt),
        "late_receipt_reference": late_line.reference,
        "contradicted": str(folder / "contradicted-statement.pdf"),
        "holders": by_role,
        "coded_late_references": sorted(coded_late),
        "lines": len(month.statement.lines),
        "download_dir": str(folder / "downloads"),
    }
    path = folder / "month.json"
    path.write_text(json.dumps(facts, indent=2))
    return path
