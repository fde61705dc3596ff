"""Deterministic expense-system entries (`GenExpenseEntry`) with receipt images, drawn from one seed.

Images come from a folder of real receipt scans (the SROIE sample: `sample_receipt_dir()`) or, without one,
are small generated JPEGs. Scans are referenced in place, never copied into the repository.
"""

from __future__ import annotations

import os
import random
import tempfile
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from recon_docgen.catalog import CITIES, FIRST_NAMES, LAST_NAMES
from recon_docgen.expense_report import GenExpenseEntry

# Expense type -> (merchants, amount range).
EXPENSE_TYPES: dict[str, tuple[tuple[str, ...], tuple[float, float]]] = {
    "Meals": (("WHATABURGER 1043", "CHICK-FIL-A 03122", "RAISING CANES 0612", "PAPPADEAUX SEAFOOD"), (7, 240)),
    "Fuel": (("SHELL OIL 57444", "EXXONMOBIL 4471", "MURPHY USA 7122", "BUC-EE'S 35"), (25, 2600)),
    "General Expense": (("HOME DEPOT 3907", "LOWES 01822", "AMAZON MKTPL*2K4", "GRAINGER"), (6, 1800)),
    "Business Services": (("FEDEX OFFICE 5521", "THE UPS STORE 4410", "STAPLES 00871"), (5, 400)),
    "Misc. Transportation": (("LA DOTD GEAUXPASS", "PARKMOBILE", "UBER TRIP"), (2, 90)),
    "Maintenance": (("FIRESTONE 028511", "JIFFY LUBE 1870", "DISCOUNT TIRE 112"), (35, 1150)),
    "Hotel": (("HAMPTON INN BATON ROUGE", "HOLIDAY INN EXPRESS", "MARRIOTT 3325"), (95, 1250)),
    "Airfare": (("SOUTHWEST AIRLINES", "UNITED AIRLINES", "DELTA AIR LINES"), (120, 980)),
    "Legal": (("LA SECRETARY OF STATE", "CT CORPORATION", "LEXISNEXIS"), (25, 2400)),
    "Rental Car": (("ENTERPRISE RENT-A-CAR", "HERTZ RENT A CAR", "NATIONAL CAR RENTAL"), (45, 900)),
}
PURPOSES = (
    "Lunch with crew at the {site} turnaround",
    "Fuel for company truck {unit} while travelling to the {site} job",
    "Shop supplies for the {site} insulation crew",
    "Overnight stay for the {site} outage; crew arrived late after the safety orientation ran long and the "
    "foreman asked everyone to stay close to the plant gate",
    "Shipping signed change orders and certified payroll for {site} back to the Baton Rouge office",
    "Toll for unit {unit}",
    "Oil change and tire rotation on unit {unit}",
    "Flight to {site} for the pre-job walkdown with the client's maintenance planner, the scaffold "
    "contractor and our estimator, returning the same evening",
    "Annual report filing fee",
    "Rental car while unit {unit} was in the shop for brake repairs after the inspection at {site}",
)
SITES = ("Geismar", "Plaquemine", "Norco", "Port Arthur", "Lake Charles", "Baytown", "Convent", "St. Gabriel")
STREETS = ("WALKER SOUTH", "AIRLINE HWY", "I-10 SERVICE RD", "GULF FWY", "FLORIDA BLVD", "N MAIN ST")
COST_TYPES = ("L", "M", "E", "S", "O")
IMAGE_WEIGHTS = (0.08, 0.6, 0.22, 0.1)


def sample_receipt_dir() -> Path | None:
    """The SROIE sample scans: `$RECON_SAMPLE_DATA/sroie-dev/img`, else `../shared/data/...` beside the repo."""
    base = os.environ.get("RECON_SAMPLE_DATA")
    root = Path(base) if base else Path(__file__).resolve().parents[4] / ".." / "shared" / "data"
    folder = (root / "sroie-dev" / "img").resolve()
    return folder if folder.is_dir() and any(folder.glob("*.jpg")) else None


def _amount(rng: random.Random, low: float, high: float, expense_type: str) -> Decimal:
    value = Decimal(str(round(rng.uniform(low, high), 2))).quantize(Decimal("0.01"))
    if expense_type == "Fuel" and rng.random() < 0.3:
        value = Decimal(str(round(rng.uniform(low, high), 4))).quantize(Decimal("0.0001"))  # fleet fuel: 4 places
    return -value if rng.random() < 0.05 else value


def _address(rng: random.Random) -> str:
    city, state = rng.choice(CITIES)
    suite = rng.choice(("", "", "", f"STE {rng.randint(100, 450)}"))
    zip_code = f"{rng.randint(70000, 79999)}-{rng.choice(('', '', f'{rng.randint(1000, 9999)}'))}"
    return f"{rng.randint(100, 39999)} {rng.choice(STREETS)}, {suite}, {city}, {state}, {zip_code}"


def _coding(rng: random.Random) -> tuple[str | None, str | None, str | None, str | None]:
    if rng.random() < 0.08:
        return None, None, None, None  # never coded at all
    coded: list[str | None] = [
        f"{rng.choice((6100, 6420, 6510, 7200))}-{rng.randint(0, 20):03d}",
        f"{rng.randint(21, 25)}-{rng.randint(1000, 1999)}",
        f"{rng.randint(1, 12):02d}",
        rng.choice(COST_TYPES),
    ]
    gl, job, phase, cost_type = (v if rng.random() > 0.1 else None for v in coded)  # some fields left blank
    return gl, job, phase, cost_type


def _generated_jpeg(path: Path, merchant: str, day: date, amount: Decimal, page: int) -> str:
    from PIL import Image, ImageDraw

    img = Image.new("L", (320, 480), 250)
    draw = ImageDraw.Draw(img)
    for row, text in enumerate((merchant, f"DATE {day:%m/%d/%Y}", "-" * 24, f"TOTAL {amount}", f"PAGE {page}")):
        draw.text((20, 30 + 40 * row), text, fill=20)
    img.save(path, format="JPEG", quality=70)
    return str(path)


def _employees(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    while len(names) < max(1, count // 6):
        middle = rng.choice("ABCDEFGHJKLMRSTW") if rng.random() < 0.3 else ""
        names.add(rng.choice(FIRST_NAMES) + middle + rng.choice(LAST_NAMES))
    return sorted(names)


def make_expense_entries(
    seed: int,
    count: int,
    image_dir: Path | None = None,
    *,
    generated_dir: Path | None = None,
    image_weights: Sequence[float] = IMAGE_WEIGHTS,
    month: date | None = None,
) -> list[GenExpenseEntry]:
    """Reproducible entries, sorted by employee then date.

    Attachments per entry: 0, 1, 2, 3 images with `image_weights`. With `image_dir` the images are its
    JPEGs (chosen with replacement across entries, so some receipts repeat); without, generated JPEGs are
    written to `generated_dir` (default: a new temporary folder the caller owns).
    """
    rng = random.Random(seed)
    start = month or date(2025, 1 + seed % 12, 1)
    scans = sorted(str(p) for p in image_dir.glob("*.jpg")) if image_dir else []
    if image_dir and not scans:
        raise ValueError(f"no .jpg files in {image_dir}")
    out_dir = None if scans else generated_dir or Path(tempfile.mkdtemp(prefix="recon-expense-images-"))
    employees = _employees(rng, count)
    entries = []
    for i in range(count):
        expense_type = rng.choice(sorted(EXPENSE_TYPES))
        merchants, (low, high) = EXPENSE_TYPES[expense_type]
        merchant = rng.choice(merchants)
        day = start + timedelta(days=rng.randint(0, 27))
        amount = _amount(rng, low, high, expense_type)
        purpose = rng.choice(PURPOSES).format(site=rng.choice(SITES), unit=rng.randint(100, 480))
        n_images = rng.choices(range(len(image_weights)), weights=image_weights)[0]
        if out_dir is None:
            images = tuple(rng.sample(scans, k=min(n_images, len(scans))))
        else:
            out_dir.mkdir(parents=True, exist_ok=True)
            images = tuple(
                _generated_jpeg(out_dir / f"receipt-{seed}-{i:04d}-{k}.jpg", merchant, day, amount, k + 1)
                for k in range(n_images)
            )
        address = _address(rng)
        entries.append(
            GenExpenseEntry(
                rng.choice(employees), expense_type, day, amount, purpose, merchant, address, *_coding(rng), images
            )
        )
    return sorted(entries, key=lambda e: (e.employee, e.date))
