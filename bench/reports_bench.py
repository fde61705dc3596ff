"""Report generation at 1k, 10k and 100k card lines: XLSX, CSV and pvault time and peak memory.

Each size runs in its own child process, which reports its own peak RSS (VmHWM), beside a baseline in the
same child: writing the same rows with the standard csv module only. Goal (issue 6): memory that does not
grow with the line count, because the workbook is written in openpyxl's write-only mode from a stream.

    .venv/bin/python bench/reports_bench.py [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _lines(count: int) -> Iterator[object]:
    from recon_reporter.domain.report_rows import Coding, ReportLine

    statuses = ("complete", "complete", "complete", "missing_receipt", "missing_coding", "credit")
    for n in range(count):
        status = statuses[n % len(statuses)]
        amount = Decimal(n % 5000) / 100 * (-1 if status == "credit" else 1)
        yield ReportLine(
            cardholder=f"CARDHOLDER{n // 15:05d}",
            employee_id=str(100000 + n // 15),
            card_last4="0028",
            transaction_date=date(2025, 3, 1) + timedelta(days=n % 28),
            posted_date=date(2025, 3, 3),
            reference=f"{n:09d}",
            merchant="SHELL OIL129799150",
            category="FUEL",
            amount=amount,
            status="matched",
            receipt_file=f"r{n}.jpg",
            receipt_vendor="Shell",
            receipt_date=date(2025, 3, 1),
            receipt_amount=Decimal("12.34"),
            confidence=0.93,
            reasons="amount exact; posted +1 day; merchant 0.91",
            line_status=status,
            gl_account="6100",
            job="24-118",
            phase="100",
            cost_type="M",
            expense_type="Fuel",
            purpose="Fuel for the Montgomery job",
            outcome="auto_matched",
            outcome_at=datetime(2025, 4, 1, tzinfo=UTC),
            outcome_reason="entry of William Burt, 2025-03-04, $36.66, Fuel: amount exact; posted +1 day",
            coding=(Coding(amount, "Fuel for the Montgomery job", "6100", "24-118", "100", "M", "Fuel"),),
        )


def child(count: int) -> dict[str, float]:
    from recon_reporter.adapters.report_source import ap_line
    from recon_reporter.domain.csv_report import write_csv
    from recon_reporter.domain.pvault_csv import write_pvault_csv
    from recon_reporter.domain.report_rows import ReportSession
    from recon_reporter.domain.xlsx_report import line_values, write_xlsx

    session = ReportSession(id="bench", name="Bench", created_at=datetime.now(UTC))
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        with open(Path(tmp) / "baseline.csv", "w", newline="") as f:
            writer = csv.writer(f)
            for line in _lines(count):
                writer.writerow(line_values(line))  # type: ignore[arg-type]
        out["baseline_s"] = time.perf_counter() - start
        out["baseline_peak_mb"] = _peak_mb()
        start = time.perf_counter()
        with open(Path(tmp) / "r.csv", "w", newline="") as text:
            write_csv(_lines(count), text)  # type: ignore[arg-type]
        out["csv_s"], out["csv_peak_mb"] = time.perf_counter() - start, _peak_mb()
        start = time.perf_counter()
        write_pvault_csv((ap_line(x) for x in _lines(count)), io.StringIO())  # type: ignore[arg-type]
        out["pvault_s"], out["pvault_peak_mb"] = time.perf_counter() - start, _peak_mb()
        start = time.perf_counter()
        with open(Path(tmp) / "r.xlsx", "wb") as binary:
            write_xlsx(session, _lines(count), binary)  # type: ignore[arg-type]
        out["xlsx_s"], out["xlsx_peak_mb"] = time.perf_counter() - start, _peak_mb()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--child", type=int)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    print(f"{'lines':>8} {'baseline csv':>14} {'csv':>14} {'pvault':>14} {'xlsx':>14}   peak RSS after xlsx")
    for size in (int(s) for s in args.sizes.split(",")):
        result = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--child", str(size)], check=True, capture_output=True, text=True
            ).stdout
        )
        cells = [f"{result[k + '_s']:>12.2f} s" for k in ("baseline", "csv", "pvault", "xlsx")]
        print(
            f"{size:>8} {' '.join(cells)}   {result['xlsx_peak_mb']:.0f} MB "
            f"(baseline {result['baseline_peak_mb']:.0f} MB)"
        )


if __name__ == "__main__":
    main()
