"""The web UI in headless Chromium against the running stack: a month uploaded and followed, exceptions
and a receipt, decisions, late files, the three downloads, a 50 MB upload and its cancel; axe on every page
and screenshots of each at 1440 and 1024 px, light and dark, into web/screenshots."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook

from tests.e2e.stack import Stack, free_port
from tests.e2e.web_app import CHROMIUM, WEB, ensure_build, run, web_server, write_month

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(1200)]
INSTALL_CHROMIUM = Path(__file__).resolve().parents[2] / "infra" / "chromium.sh"


def test_the_month_in_the_browser(stack: Stack, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        subprocess.run(["bash", str(INSTALL_CHROMIUM), "install"], check=True, timeout=900)
    ensure_build()
    month_json = write_month(tmp_path / "month", seed=47)
    with web_server(stack.url, free_port(), tmp_path / "web.log") as url:
        run(
            ["npx", "playwright", "test"],
            env={
                "WEB_URL": url,
                "MONTH_JSON": str(month_json),
                "CHROMIUM_PATH": str(CHROMIUM),
                "SCREENSHOT_DIR": str(WEB / "screenshots"),
                "E2E_OUTPUT_DIR": str(WEB / "test-results"),  # kept after the run: failure screenshots
            },
            timeout=1000,
        )

    # The workbook the browser saved is the session's: one Transactions row per card line the API lists.
    month = json.loads(month_json.read_text())
    [workbook] = Path(month["download_dir"]).glob("*.xlsx")
    sessions = httpx.get(f"{stack.url}/api/sessions", params={"q": "December card month"}).json()["items"]
    [session] = sessions
    lines = httpx.get(f"{stack.url}/api/sessions/{session['id']}/lines", params={"page_size": 500}).json()["items"]
    sheet = load_workbook(io.BytesIO(workbook.read_bytes()), read_only=True)["Transactions"]
    rows = list(sheet.iter_rows(values_only=True))
    references = {dict(zip(rows[0], row, strict=True))["Reference"] for row in rows[1:]}
    assert references == {line["reference"] for line in lines}
    assert len(rows) - 1 == month["lines"] == len(lines)
    # The list's exception count (a gateway field the sessions page shows) is the lines that miss something.
    missing = {"missing_receipt", "missing_coding", "missing_both", "missing_all_receipts"}
    assert session["open_lines"] == sum(line["line_status"] in missing for line in lines) > 0
