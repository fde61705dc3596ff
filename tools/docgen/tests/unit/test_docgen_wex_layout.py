from collections import Counter
from dataclasses import replace

from recon_docgen import wex_layout as lay
from recon_docgen.scenario import make_statement
from recon_docgen.wex_style import DEFAULT_STYLE

STMT = make_statement(4, cardholders=12, lines_per_cardholder=(10, 40))


def test_every_row_is_printed_once_in_order() -> None:
    pages = lay.paginate(STMT)
    rows = [row for page in pages for row in page.rows]
    items = [(r.cardholder, r.line, r.item) for r in rows if r.kind == "item"]
    expected = [
        (c, li, ii)
        for c, ch in enumerate(STMT.cardholders)
        for li, ln in enumerate(ch.lines)
        for ii in range(len(ln.items))
    ]
    assert items == expected
    kinds = Counter(r.kind for r in rows)
    assert kinds["swipe_totals"] == STMT.line_count
    assert kinds["cardholder_totals"] == len(STMT.cardholders)
    assert kinds["report_totals"] == 1 and rows[-1].kind == "report_totals"


def test_default_pages_hold_one_cardholder_each_under_its_block_and_header() -> None:
    pages = lay.paginate(STMT)
    assert [p.number for p in pages] == list(range(1, len(pages) + 1))
    limit = DEFAULT_STYLE.page_size[1] - DEFAULT_STYLE.bottom
    for page in pages:
        kinds = [b.kind for b in page.bands]
        assert kinds[: 3 if page.number == 1 else 2] == (["report_header"] if page.number == 1 else []) + [
            "block",
            "header",
        ]
        assert {r.cardholder for r in page.rows} == {page.cardholder}
        assert all(b.y <= limit for b in page.bands)
    assert len(pages[0].rows) == 33 and len(pages[1].rows) == 44  # the fixed layout's capacities
    assert sorted({p.cardholder for p in pages}) == list(range(len(STMT.cardholders)))


def test_swipes_split_over_page_breaks() -> None:
    pages = lay.paginate(STMT)
    assert any(p.rows[0].kind == "swipe_totals" for p in pages)
    assert any(p.rows[0].kind == "item" and p.rows[0].item and p.rows[0].item > 0 for p in pages)


def test_blocks_start_mid_page_when_the_style_lets_them() -> None:
    style = replace(DEFAULT_STYLE, cardholder_on_new_page=False)
    pages = lay.paginate(STMT, style)
    assert len(pages) < len(lay.paginate(STMT))
    mid = [
        b
        for p in pages
        for prev, b in zip(p.bands, p.bands[1:], strict=False)
        if (prev.kind, b.kind) == ("row", "block")
    ]
    assert mid, "no block started below another cardholder's rows"
    for page in pages:
        for band, after in zip(page.bands, page.bands[1:], strict=False):
            if band.kind == "block":
                assert after.kind == "header" and after.cardholder == band.cardholder


def test_continuation_pages_may_drop_the_block_and_header() -> None:
    style = replace(DEFAULT_STYLE, block_on_continuation=False, header_on_continuation=False, title_every_page=True)
    pages = lay.paginate(STMT, style)
    assert all(p.bands[0].kind == "title" for p in pages[1:])
    continued = [p for p in pages if p.number > 1 and p.bands[1].kind == "row"]
    assert len(continued) == len(pages) - len(STMT.cardholders)
    assert all(p.bands[1].y == style.top + lay.TITLE_HEIGHT + style.row_height for p in continued)


def test_kept_swipes_never_split() -> None:
    pages = lay.paginate(STMT, replace(DEFAULT_STYLE, keep_swipes_together=True))
    for page in pages[1:]:
        first = page.rows[0]
        assert first.kind != "swipe_totals" and not (first.kind == "item" and first.item)


def test_wrapped_rows_take_more_room() -> None:
    plain = lay.paginate(STMT)
    wrapped = lay.paginate(STMT, lines=lambda row: 2 if row.kind == "item" else 1)
    assert len(wrapped) > len(plain)
    limit = DEFAULT_STYLE.page_size[1] - DEFAULT_STYLE.bottom
    for page in wrapped:
        last = page.bands[-1]
        assert last.y + (lay.wrap_step(DEFAULT_STYLE) if last.row and last.row.kind == "item" else 0) <= limit


def test_the_report_header_may_head_every_page() -> None:
    style = replace(DEFAULT_STYLE, report_header_every_page=True)
    pages = lay.paginate(STMT, style)
    assert all(p.bands[0] == lay.Band("report_header", style.top) for p in pages)
    assert all(p.bands[1].y == style.top + lay.report_header_height(style) for p in pages)
