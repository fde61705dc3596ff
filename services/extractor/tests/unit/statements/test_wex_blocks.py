import pytest
from recon_extractor.errors import StatementFormatError
from recon_extractor.statements.wex_blocks import Block, block_fields


def block(*rows: str) -> Block:
    b = Block(page=4)
    for text in rows:
        for label, value in block_fields(text):
            b.add(label, value, text)
    return b


def test_labels_stacked_or_side_by_side() -> None:
    assert block_fields("Cardholder Name: WILLIAMBURT") == [("Cardholder Name", "WILLIAMBURT")]
    assert block_fields("Card Number: 556735XXXXXX0028 Cardholder Name: WILLIAM BURT") == [
        ("Card Number", "556735XXXXXX0028"),
        ("Cardholder Name", "WILLIAM BURT"),
    ]
    assert block_fields("EMPLOYEE ID:") == [("Employee ID", "")]
    assert block_fields("Account Code = S-89S") == []
    assert block_fields("SHELL Cardholder Name: X") == []


def test_the_holder_of_a_block() -> None:
    stacked = block("Account Code: S-89S - INSULATIONS, LLC", "Card Number: 556735XXXXXX0028 BATON ROUGE, LA 70801")
    stacked.add("Cardholder Name", "WILLIAMBURT", "Cardholder Name: WILLIAMBURT")
    assert stacked.holder() == ("WILLIAMBURT", None, "0028")
    assert (stacked.account(), stacked.card_first_digit()) == ("S-89S", "5")
    assert block("Account Code: S-89S", "Customer ID: DD2LJ").holder() is None
    assert block("Cardholder Name: GEAUX PASS", "Employee ID: 960904 X").holder() == ("GEAUX PASS", "960904", None)
    for name in ("GEAUXPASS (continued)", "GEAUXPASS (CONT'D)", "GEAUXPASS CONTINUED"):
        assert block(f"Cardholder Name: {name}").holder() == ("GEAUXPASS", None, None)
    assert block("Cardholder Name: JOHN CONT").holder() == ("JOHN CONT", None, None)


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (("Card Number: 5567351234560028", "Employee ID: 1"), "without a Cardholder Name"),
        (("Card Number: 5567351234560028", "Cardholder Name: ---"), "Cardholder Name is empty or unreadable"),
        (("Card Number: TOLL TAG", "Cardholder Name: POOL"), "Card Number does not end in four digits"),
    ],
)
def test_a_block_not_understood_is_a_file_error_naming_page_and_rows(rows: tuple[str, ...], problem: str) -> None:
    with pytest.raises(StatementFormatError, match=f"page 4: .*{problem}") as error:
        block(*rows).holder()
    assert "5567351234560028" not in str(error.value)
