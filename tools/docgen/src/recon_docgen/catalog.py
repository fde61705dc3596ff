"""Word lists the scenarios draw from: merchants, products, places, people."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MerchantKind:
    """A family of merchants: name pattern (`#` = random digit), group, products and price range."""

    pattern: str
    category: str
    products: tuple[str, ...]
    price: tuple[float, float]
    fuel: bool = False


FUEL_PRODUCTS = ("UNL REG 86/87 OC", "UNL PLUS 88/90", "DIESEL #2 ULS", "UNL PREM 91/93")
FUEL_EXTRAS = ("OTHER MISC", "CAR WASH", "", "OIL", "DEF FLUID")

MERCHANTS: tuple[MerchantKind, ...] = (
    MerchantKind("SHELL OIL#########", "FUEL", FUEL_PRODUCTS, (2.55, 3.45), fuel=True),
    MerchantKind("EXXONMOBIL ######", "FUEL", FUEL_PRODUCTS, (2.55, 3.45), fuel=True),
    MerchantKind("CHEVRON #######", "FUEL", FUEL_PRODUCTS, (2.55, 3.45), fuel=True),
    MerchantKind("MURPHY USA ####", "FUEL", FUEL_PRODUCTS, (2.45, 3.25), fuel=True),
    MerchantKind("CIRCLE K ########", "FUEL", FUEL_PRODUCTS, (2.55, 3.45), fuel=True),
    MerchantKind("RACETRAC ###", "FUEL", FUEL_PRODUCTS, (2.45, 3.25), fuel=True),
    MerchantKind("BUC-EE'S ###", "FUEL", FUEL_PRODUCTS, (2.45, 3.25), fuel=True),
    MerchantKind("VALERO ####", "FUEL", FUEL_PRODUCTS, (2.45, 3.35), fuel=True),
    MerchantKind("OVERHEAD DOOR COMPANY", "MISC", ("", "OTHER MISC"), (45.0, 950.0)),
    MerchantKind("HOME DEPOT ####", "MISC", ("OTHER MISC", "", "HARDWARE"), (8.0, 640.0)),
    MerchantKind("LOWES ######*", "MISC", ("OTHER MISC", ""), (6.0, 420.0)),
    MerchantKind("GRAINGER", "MISC", ("", "INDUSTRIAL SUPPLY"), (25.0, 1800.0)),
    MerchantKind("FASTENAL COMPANY01", "MISC", ("OTHER MISC",), (12.0, 300.0)),
    MerchantKind("AMAZON MKTPL*#####", "MISC", ("",), (9.0, 260.0)),
    MerchantKind("WHATABURGER ###", "RESTAURANTS", ("RESTAURANT", ""), (7.0, 48.0)),
    MerchantKind("CHICK-FIL-A #####", "RESTAURANTS", ("RESTAURANT",), (6.0, 62.0)),
    MerchantKind("RAISING CANES ####", "RESTAURANTS", ("", "RESTAURANT"), (8.0, 95.0)),
    MerchantKind("POPEYES ####", "RESTAURANTS", ("RESTAURANT",), (7.0, 55.0)),
    MerchantKind("HAMPTON INN #####", "HOTELS", ("LODGING", ""), (95.0, 420.0)),
    MerchantKind("HOLIDAY INN EXPRESS", "HOTELS", ("LODGING",), (89.0, 380.0)),
    MerchantKind("MARRIOTT ####", "HOTELS", ("LODGING",), (140.0, 1250.0)),
    MerchantKind("FIRESTONE #######", "MAINTENANCE", ("LABOR", "PARTS", "TIRES"), (35.0, 1150.0)),
    MerchantKind("JIFFY LUBE #####", "MAINTENANCE", ("OIL CHANGE", "LABOR", ""), (39.0, 180.0)),
    MerchantKind("LA DOTD GEAUXPASS", "TOLLS", ("TOLL",), (1.0, 24.0)),
)

CITIES: tuple[tuple[str, str], ...] = (
    ("MONTGOMERY", "TX"),
    ("HOUSTON", "TX"),
    ("KEMAH", "TX"),
    ("CONROE", "TX"),
    ("BEAUMONT", "TX"),
    ("PASADENA", "TX"),
    ("THE WOODLANDS", "TX"),
    ("LEAGUE CITY", "TX"),
    ("BATON ROUGE", "LA"),
    ("LAFAYETTE", "LA"),
    ("LAKE CHARLES", "LA"),
    ("GONZALES", "LA"),
    ("HAMMOND", "LA"),
    ("BREAUX BRIDGE", "LA"),
    ("SHREVEPORT", "LA"),
    ("NEW ORLEANS", "LA"),
    ("JACKSON", "MS"),
    ("GULFPORT", "MS"),
    ("MOBILE", "AL"),
    ("PENSACOLA", "FL"),
    ("OSLO", "CN"),
    ("TORONTO", "CN"),
)

FIRST_NAMES = (
    "WILLIAM",
    "JOSEPH",
    "MARIA",
    "JAMES",
    "LINDA",
    "ROBERT",
    "PATRICIA",
    "MICHAEL",
    "JENNIFER",
    "DAVID",
    "ELIZABETH",
    "RICHARD",
    "BARBARA",
    "THOMAS",
    "SUSAN",
    "CHARLES",
    "JESSICA",
    "DANIEL",
    "SARAH",
    "MATTHEW",
    "KAREN",
    "ANTHONY",
    "NANCY",
    "MARK",
    "LISA",
    "DONALD",
    "BETTY",
    "STEVEN",
    "ASHLEY",
    "PAUL",
    "KEVIN",
    "BRIAN",
    "GEORGE",
    "EDWARD",
    "RONALD",
    "TIMOTHY",
    "JASON",
    "JEFFREY",
    "RYAN",
    "JACOB",
    "GARY",
)
LAST_NAMES = (
    "BURT",
    "CORTEZ",
    "SMITH",
    "JOHNSON",
    "WILLIAMS",
    "BROWN",
    "JONES",
    "GARCIA",
    "MILLER",
    "DAVIS",
    "RODRIGUEZ",
    "MARTINEZ",
    "HERNANDEZ",
    "LOPEZ",
    "GONZALEZ",
    "WILSON",
    "ANDERSON",
    "THOMAS",
    "TAYLOR",
    "MOORE",
    "JACKSON",
    "MARTIN",
    "LEE",
    "PEREZ",
    "THOMPSON",
    "WHITE",
    "HARRIS",
    "SANCHEZ",
    "CLARK",
    "LANDRY",
    "BROUSSARD",
    "THIBODEAUX",
    "HEBERT",
    "GUIDRY",
    "FONTENOT",
    "LEBLANC",
    "BOUDREAUX",
)
ACCOUNT_NAMES = ("GEAUXPASS", "SHOPSUPPLIES", "FLEETPOOL", "YARDTRUCK")
COMPANIES = ("INSULATIONS, LLC", "GULF COAST MECHANICAL, INC", "BAYOU INDUSTRIAL SERVICES", "DELTA FABRICATORS")
