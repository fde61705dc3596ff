from collections import Counter

from recon_docgen import wex_layout as lay
from recon_docgen.scenario import make_statement


def test_every_row_is_printed_once_in_order() -> None:
    stmt = make_statement(4, cardholders=12, lines_per_cardholder=(10, 40))
    pages = lay.paginate(stmt)
    rows = [row for page in pages for row in page.rows]
    items = [(r.cardholder, r.line, r.item) for r in rows if r.kind == "item"]
    expected = [
        (c, li, ii)
        for c, ch in enumerate(stmt.cardholders)
        for li, ln in enumerate(ch.lines)
        for ii in range(len(ln.items))
    ]
    assert items == expected
    kinds = Counter(r.kind for r in rows)
    assert kinds["swipe_totals"] == stmt.line_count
    assert kinds["cardholder_totals"] == len(stmt.cardholders)
    assert kinds["report_totals"] == 1 and rows[-1].kind == "report_totals"


def test_pages_hold_one_cardholder_and_fit() -> None:
    stmt = make_statement(4, cardholders=12, lines_per_cardholder=(10, 40))
    pages = lay.paginate(stmt)
    assert [p.number for p in pages] == list(range(1, len(pages) + 1))
    assert len(pages[0].rows) <= lay.rows_on_page(first_page=True) < lay.rows_on_page(first_page=False)
    for page in pages:
        assert len(page.rows) <= lay.rows_on_page(first_page=page.number == 1)
        assert {r.cardholder for r in page.rows} == {page.cardholder}
    starts = [p.cardholder for p in pages]
    assert sorted(set(starts)) == list(range(len(stmt.cardholders)))


def test_swipes_split_over_page_breaks() -> None:
    stmt = make_statement(4, cardholders=12, lines_per_cardholder=(10, 40))
    pages = lay.paginate(stmt)
    assert any(p.rows[0].kind == "swipe_totals" for p in pages)
    assert any(p.rows[0].kind == "item" and p.rows[0].item and p.rows[0].item > 0 for p in pages)
