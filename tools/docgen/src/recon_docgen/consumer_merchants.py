"""The merchants consumer statements are drawn from: as a statement prints them, with the rows some print
under a charge, and their price ranges (a laptop and a conference print thousands separators)."""

from __future__ import annotations

# (first printed row, optional detail rows a statement prints under it, price range)
MERCHANTS: tuple[tuple[str, tuple[str, ...], tuple[float, float]], ...] = (
    ("UBER *TRIP HELP.UBER.COM CA", ("RIDE SHARING",), (8.0, 64.0)),
    ("AMAZON MKTPL*2K4LM8QW3 AMZN.COM/BILL WA", ("MERCHANDISE", "AMZN.COM/BILL"), (9.0, 240.0)),
    ("STARBUCKS STORE 12345 HOUSTON TX", ("RESTAURANT",), (4.0, 18.0)),
    ("DELTA AIR LINES ATLANTA GA", ("PASSENGER TICKET 0062345678901", "HOUSTON TX TO DENVER CO"), (180.0, 820.0)),
    ("MARRIOTT HOUSTON GALLERIA HOUSTON TX", ("LODGING", "ARRIVAL 12/03 DEPARTURE 12/05"), (140.0, 690.0)),
    ("SHELL OIL 57442101 KATY TX", ("GASOLINE",), (30.0, 95.0)),
    ("THE HOME DEPOT #0565 PASADENA TX", ("HARDWARE SUPPLIES",), (12.0, 480.0)),
    ("ZOOM.US 888-799-9666 CA", ("COMPUTER SOFTWARE", "888-799-9666"), (15.99, 15.99)),
    ("HERTZ RENT-A-CAR DALLAS TX", ("CAR RENTAL", "RENTAL AGREEMENT 123456789"), (90.0, 540.0)),
    ("TST* PAPPASITO'S CANTINA HOUSTON TX", ("RESTAURANT",), (25.0, 210.0)),
    # Thousands separators: a laptop, a conference.
    ("APPLE STORE #R104 THE WOODLANDS TX", ("COMPUTER EQUIPMENT",), (999.0, 4200.0)),
    ("AMERICAN PETROLEUM INSTITUTE WASHINGTON DC", ("CONFERENCE REGISTRATION",), (1095.0, 2850.0)),
)
FOREIGN: tuple[tuple[str, tuple[str, ...], str, tuple[float, float]], ...] = (
    # merchant, detail rows, ISO code, USD per unit
    ("LE PETIT BISTRO PARIS", ("RESTAURANT",), "EUR", (1.04, 1.12)),
    ("HEATHROW EXPRESS LONDON", ("RAIL TRANSPORT",), "GBP", (1.22, 1.31)),
    ("TIM HORTONS #2231 TORONTO ON", ("RESTAURANT",), "CAD", (0.70, 0.75)),
    ("OXXO CANCUN QROO", ("CONVENIENCE STORE",), "MXN", (0.048, 0.058)),
)
