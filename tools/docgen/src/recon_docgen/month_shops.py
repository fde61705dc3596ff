"""The merchants, places and codings a generated month draws from."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import Decimal


@dataclass(frozen=True)
class Shop:
    """A merchant: statement descriptor (`#` = digit, cut at 18), the name receipts print, group, price range."""

    descriptor: str
    vendor: str
    category: str
    price: tuple[float, float]


SHOPS: tuple[Shop, ...] = (
    Shop("SHELL OIL#########", "Shell", "FUEL", (25, 95)),
    Shop("EXXONMOBIL ######", "ExxonMobil", "FUEL", (25, 95)),
    Shop("CHEVRON #######", "Chevron", "FUEL", (25, 95)),
    Shop("MURPHY USA ####", "Murphy USA", "FUEL", (25, 90)),
    Shop("CIRCLE K ########", "Circle K", "FUEL", (20, 90)),
    Shop("BUC-EE'S ###", "Buc-ee's", "FUEL", (25, 95)),
    Shop("VALERO ####", "Valero", "FUEL", (20, 90)),
    Shop("HOME DEPOT ####", "The Home Depot", "MISC", (8, 640)),
    Shop("LOWES #######", "Lowe's", "MISC", (6, 420)),
    Shop("GRAINGER", "Grainger", "MISC", (25, 1800)),
    Shop("FASTENAL COMPANY01", "Fastenal Company", "MISC", (12, 300)),
    Shop("AMZN MKTP US*######", "Amazon.com", "MISC", (9, 260)),
    Shop("PAYPAL *OFFICESUPPLY", "OfficeSupply", "MISC", (15, 220)),
    Shop("SQ *BLUE BOTTLE COFFEE", "Blue Bottle Coffee", "RESTAURANTS", (6, 40)),
    Shop("TST* GUMBO SHOP", "Gumbo Shop", "RESTAURANTS", (18, 140)),
    Shop("WHATABURGER ###", "Whataburger", "RESTAURANTS", (7, 48)),
    Shop("CHICK-FIL-A #####", "Chick-fil-A", "RESTAURANTS", (6, 62)),
    Shop("RAISING CANES ####", "Raising Cane's", "RESTAURANTS", (8, 95)),
    Shop("POPEYES ####", "Popeyes Louisiana Kitchen", "RESTAURANTS", (7, 55)),
    Shop("HAMPTON INN #####", "Hampton Inn & Suites", "HOTELS", (95, 420)),
    Shop("HOLIDAY INN EXPRESS & SUITES", "Holiday Inn Express & Suites", "HOTELS", (89, 380)),
    Shop("COURTYARD BY MARRIOTT", "Courtyard by Marriott", "HOTELS", (140, 900)),
    Shop("ENTERPRISE RENT-A-CAR", "Enterprise Rent-A-Car", "CAR RENTAL", (60, 600)),
    Shop("FIRESTONE #######", "Firestone Complete Auto Care", "MAINTENANCE", (35, 1150)),
    Shop("JIFFY LUBE #####", "Jiffy Lube", "MAINTENANCE", (39, 180)),
)
UBER_TRIP = Shop("UBER *TRIP", "Uber", "TRAVEL", (9, 60))
UBER_EATS = Shop("UBER *EATS", "Uber Eats", "RESTAURANTS", (12, 60))
TOLL = Shop("LA DOTD GEAUXPASS", "GeauxPass", "TOLLS", (1, 24))
CITIES = (("HOUSTON", "TX"), ("BATON ROUGE", "LA"), ("LAFAYETTE", "LA"), ("BEAUMONT", "TX"), ("MOBILE", "AL"))
ABROAD = (("TORONTO", "ON", "CAD", Decimal("0.7312")), ("OSLO", "NO", "NOK", Decimal("0.0921")))
GL = {
    "FUEL": "6110",
    "MISC": "6400",
    "RESTAURANTS": "6520",
    "HOTELS": "6510",
    "CAR RENTAL": "6530",
    "MAINTENANCE": "6150",
    "TRAVEL": "6540",
    "TOLLS": "6120",
}
EXPENSE_TYPE = {
    "FUEL": "Fuel",
    "MISC": "Supplies",
    "RESTAURANTS": "Meals",
    "HOTELS": "Lodging",
    "CAR RENTAL": "Car Rental",
    "MAINTENANCE": "Vehicle Maintenance",
    "TRAVEL": "Taxi/Rideshare",
    "TOLLS": "Tolls",
}


def pick_shop(rng: random.Random, category: str | None = None) -> Shop:
    pool = [s for s in SHOPS if category is None or s.category == category]
    return rng.choice(pool)


def one_store(rng: random.Random, shop: Shop) -> Shop:
    """The shop with its store number fixed, so two charges print the same descriptor."""
    return replace(shop, descriptor="".join(str(rng.randrange(10)) if c == "#" else c for c in shop.descriptor))
