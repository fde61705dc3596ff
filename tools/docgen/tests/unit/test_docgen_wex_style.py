import hashlib
import io
import itertools
from dataclasses import fields, replace

import pypdfium2 as pdfium
import pytest
from recon_docgen.scenario import make_statement
from recon_docgen.wex_furniture import masked
from recon_docgen.wex_fuzz import CONTINUOUS, SAMPLE_SEEDS, draw_layout, drawn_values, one_knob_layouts
from recon_docgen.wex_pdf import render_wex_statement
from recon_docgen.wex_pen import BOLD_OFFSET
from recon_docgen.wex_style import DEFAULT_STYLE, WexStyle, style_changes

# sha256 of what the generator drew before it had styles (commit f82233e), for the two ways tests call it.
OLD_RENDERINGS = [
    ({}, "de36b08f35cba7a3e3301b40d13b26e181aec4a8a0eb253e90a6dc095ec0d41f"),
    (
        {"doubled_bold": True, "interleave_columns": True},
        "7d808cd290807422462d25e5ad35dbec6ddd96acc33995160aea1e1daa8288a5",
    ),
]
OLD_STATEMENTS = [
    make_statement(2, cardholders=3, credit_ratio=0.5),
    make_statement(4, cardholders=4, lines_per_cardholder=(10, 40)),
]


def _render(stmt: object, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    render_wex_statement(stmt, buf, **kwargs)  # type: ignore[arg-type]
    return buf.getvalue()


@pytest.mark.parametrize(("stmt", "case"), list(zip(OLD_STATEMENTS, OLD_RENDERINGS, strict=True)))
def test_the_default_style_draws_the_old_report_byte_for_byte(stmt: object, case: tuple[dict, str]) -> None:
    kwargs, digest = case
    assert hashlib.sha256(_render(stmt, **kwargs)).hexdigest() == digest
    assert _render(stmt, style=DEFAULT_STYLE, **kwargs) == _render(stmt, **kwargs)


def test_a_layout_is_the_same_for_the_same_seed_and_differs_between_seeds() -> None:
    layouts = [draw_layout(seed) for seed in range(40)]
    assert layouts == [draw_layout(seed) for seed in range(40)]
    assert len({layout.style for layout in layouts}) == 40
    stmt = make_statement(5, cardholders=3)
    assert _render(stmt, style=layouts[7].style) == _render(stmt, style=draw_layout(7).style)


def test_style_changes_name_only_what_differs() -> None:
    assert style_changes(DEFAULT_STYLE) == {}
    assert style_changes(replace(DEFAULT_STYLE, font="Times", footer="none")) == {"font": "Times", "footer": "none"}
    layout = draw_layout(3)
    assert replace(DEFAULT_STYLE, **layout.changes()) == layout.style or layout.blank_employee_ids


def test_the_sample_shows_every_value_of_every_knob_drawn() -> None:
    drawn = drawn_values(400)
    sample = [draw_layout(seed) for seed in SAMPLE_SEEDS]
    assert set(drawn) == {f.name for f in fields(WexStyle)} | {"blank_employee_ids"}
    for knob, values in drawn.items():
        if knob not in CONTINUOUS:
            assert set(values) == {getattr(s.style, knob, s.blank_employee_ids) for s in sample}, knob
        assert len(values) > 1 or knob == "fitted_columns", knob


def test_one_knob_layouts_change_one_knob_each_and_show_every_value() -> None:
    base, *layouts = one_knob_layouts(120)
    assert base.changes() == {"fitted_columns": True}
    drawn = drawn_values(120)
    shown: dict[str, set[object]] = {}
    for layout in layouts:
        changed = set(layout.changes()) - {"fitted_columns"}
        # A table too wide for its page also gets legal paper or 6 pt type, as the draw would.
        assert len(changed - {"page", "row_size"}) == 1 or changed in ({"page"}, {"row_size"}), changed
        for knob in changed:
            shown.setdefault(knob, set()).add(layout.changes()[knob])
    for knob, values in drawn.items():
        if knob not in CONTINUOUS and knob != "fitted_columns":
            default = getattr(DEFAULT_STYLE, knob, False)
            assert set(values) - {default} <= shown.get(knob, set()), knob


@pytest.mark.parametrize("seed", SAMPLE_SEEDS)
def test_every_layout_prints_the_whole_report(seed: int) -> None:
    layout = draw_layout(seed)
    stmt = layout.statement(make_statement(seed, cardholders=4, lines_per_cardholder=(3, 9), credit_ratio=0.1))
    doc = pdfium.PdfDocument(_render(stmt, style=layout.style))
    text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    for ch in stmt.cardholders:
        assert ch.name in text and masked(ch.card_number, layout.style) in text
        assert all(line.reference in text and line.posted_date.strftime("%m/%d/%Y") in text for line in ch.lines)
    lowered = text.lower()
    assert lowered.count("report total") + lowered.count("grand total") == 1
    assert lowered.count("cardholder total") == len(stmt.cardholders)
    assert lowered.count("transaction total") == stmt.line_count


def test_the_fixed_columns_refuse_what_needs_widths() -> None:
    with pytest.raises(ValueError, match="columns_per_page, overflow=wrap need fitted_columns"):
        WexStyle(overflow="wrap", columns_per_page=True)
    assert WexStyle(overflow="wrap", columns_per_page=True, fitted_columns=True).overflow == "wrap"
    assert WexStyle(overflow="interleave", header_lines=2).header_lines == 2


def _overlaps(page: pdfium.PdfPage, doubled: bool) -> list[tuple[float, ...]]:
    """Text objects on one line that run into the next one by more than a glyph's ink may pass its advance
    (a doubled bold copy excepted)."""
    objects = [o for o in page.get_objects() if isinstance(o, pdfium.PdfTextObj)]
    boxes = sorted((round(o.get_matrix().get()[5], 1), *o.get_bounds()) for o in objects)  # by baseline, then x
    found = []
    for (line, left, _, right, _), (next_line, next_left, _, _, _) in itertools.pairwise(boxes):
        copy = doubled and abs(next_left - left - BOLD_OFFSET) < 0.05
        if line == next_line and next_left < right - 1.0 and not copy:
            found.append((line, left, right, next_left))
    return found


@pytest.mark.parametrize("seed", SAMPLE_SEEDS)
def test_a_layout_keeps_its_text_on_the_page_and_apart(seed: int) -> None:
    layout = draw_layout(seed)
    stmt = layout.statement(make_statement(seed, cardholders=4, lines_per_cardholder=(3, 9), credit_ratio=0.1))
    doc = pdfium.PdfDocument(_render(stmt, style=layout.style))
    width, height = layout.style.page_size
    for page in doc:
        assert page.get_size() == pytest.approx((width, height), abs=0.01)
        for obj in page.get_objects():
            left, bottom, right, top = obj.get_bounds()
            assert left > 0 and right < width and bottom > 0 and top < height, (left, bottom, right, top)
        if layout.style.overflow != "interleave":  # merchant names run under the city on purpose
            assert _overlaps(page, layout.style.doubled_bold) == []
