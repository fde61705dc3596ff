"""What a WEX report calls things: column titles (one line, two, abbreviated), header bands and labels."""

from __future__ import annotations

from recon_docgen.wex_style import WexStyle

# Column titles: one line, split over two, and abbreviated (a later report version's headings).
TITLES: dict[str, tuple[str, tuple[str, str], str]] = {
    "trans_date": ("Trans Date", ("Trans", "Date"), "Tran Dt"),
    "posted_date": ("Posted Date", ("Posted", "Date"), "Post Dt"),
    "level": ("Lvl", ("", "Lvl"), "Lvl"),
    "reference": ("Transaction #", ("Transaction", "#"), "Trans #"),
    "merchant": ("Merchant Name", ("Merchant", "Name"), "Merchant"),
    "city": ("City, State", ("City,", "State"), "City/St"),
    "group": ("Merchant Group", ("Merchant", "Group"), "Mcht Grp"),
    "description": ("Product Description", ("Product", "Description"), "Product"),
    "ppu": ("PPU/G", ("", "PPU/G"), "PPU"),
    "quantity": ("Quantity", ("", "Quantity"), "Qty"),
    "gross": ("Gross Cost", ("Gross", "Cost"), "Gross"),
    "discount": ("Discount", ("", "Discount"), "Disc"),
    "net": ("Net Cost", ("Net", "Cost"), "Net"),
}
# A three-line header adds a band of group titles above the two-line titles.
BANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Dates", ("trans_date", "posted_date")),
    ("Merchant", ("merchant", "city", "group")),
    ("Product", ("description", "ppu", "quantity")),
    ("Amounts", ("gross", "discount", "net")),
)


def title_lines(style: WexStyle, key: str) -> tuple[str, ...]:
    """A column's title, top line first, as many lines as the header has (blank lines are "")."""
    one, two, short = TITLES[key]
    if style.header_lines == 1:
        lines: tuple[str, ...] = ((short if style.abbreviated_titles else one),)
    else:
        if style.abbreviated_titles:
            first, _, rest = short.rpartition(" ")
            two = (first, rest)
        lines = ("",) * (style.header_lines - 2) + two
    return tuple(t.upper() for t in lines) if style.upper_labels else lines


def label(style: WexStyle, text: str) -> str:
    """A printed label (block field, totals row, header band) in the style's case."""
    return text.upper() if style.upper_labels else text


TOTALS_LABELS: dict[str, tuple[str, str, str]] = {
    "plural": ("Transaction Totals:", "Cardholder Totals:", "Report Totals:"),
    "singular": ("Transaction Total:", "Cardholder Total:", "Report Total:"),
    "grand": ("Transaction Totals:", "Cardholder Totals:", "Grand Totals:"),
}
