from __future__ import annotations

import pytest
from recon_matcher.domain.merchant_names import MerchantAliases, compare_names, merchant_similarity, normalise_merchant


def card(descriptor: str, city: str | None = None, state: str | None = None):
    return normalise_merchant(descriptor, city, state, truncation_width=18)


def doc(name: str):
    return normalise_merchant(name)


@pytest.mark.parametrize(
    ("descriptor", "tokens"),
    [
        ("SQ *BLUE BOTTLE", ("BLUE", "BOTTLE")),
        ("TST* GUMBO SHOP", ("GUMBO", "SHOP")),
        ("PAYPAL *EBAYSELLER", ("EBAYSELLER",)),
        ("AMZN MKTP US*2K4LM9", ("AMAZON",)),
        ("AMAZON MKTPL*12345", ("AMAZON",)),
        ("SHELL OIL574442211", ("SHELL",)),
        ("LOWES #01234*", ("LOWES",)),
        ("FASTENAL COMPANY01", ("FASTENAL",)),
        ("MICROSOFT*STORE 800-642-7676", ("MICROSOFT",)),
        ("UBER *TRIP HELP.UBER.COM", ("UBER",)),
        ("7-ELEVEN 2231", ("7", "ELEVEN")),
        ("BUC-EE'S 042", ("BUC", "EES")),
    ],
)
def test_descriptor_noise_is_stripped(descriptor: str, tokens: tuple[str, ...]) -> None:
    assert card(descriptor).tokens == tokens


def test_city_and_state_are_stripped_when_printed_in_the_descriptor() -> None:
    assert card("SHELL OIL 12345 HOUSTON TX", "HOUSTON", "TX").tokens == ("SHELL",)
    assert card("SHELL OIL 12345 HOUSTON TX", "HOUSTON", "TX").truncated is False
    assert card("SONIC 4411 TX").tokens == ("SONIC",)
    # Full width and ending in two letters: a cut word ("CO" of COFFEE) is as likely as a state, so kept.
    assert card("SQ *BLUE BOTTLE CO").tokens == ("BLUE", "BOTTLE", "CO")


def test_uber_does_not_swallow_uber_eats() -> None:
    assert compare_names(doc("Uber"), doc("Uber Eats")).score <= 0.5
    assert compare_names(card("UBER *EATS"), doc("Uber Eats")).score == 1.0
    assert compare_names(card("UBER *TRIP HELP.UBER.COM"), doc("Uber")).score == 1.0
    assert compare_names(card("UBER *TRIP HELP.UBER.COM"), doc("Uber Eats")).score <= 0.5


def test_a_cut_descriptor_matches_by_prefix() -> None:
    cut = card("HOLIDAY INN EXPRES")
    assert cut.truncated
    result = compare_names(cut, doc("Holiday Inn Express & Suites"))
    assert result.score > 0.9 and "truncated" in result.reason
    assert compare_names(card("SQ *BLUE BOTTLE CO"), doc("Blue Bottle Coffee")).score > 0.9
    assert compare_names(card("OVERHEAD DOOR COMP"), doc("Overhead Door Company")).score > 0.9


def test_only_a_full_width_descriptor_ending_in_a_word_counts_as_cut() -> None:
    assert not card("UBER *EATS").truncated
    assert not card("RAISING CANES 0123").truncated
    assert not doc("HOLIDAY INN EXPRES").truncated
    assert compare_names(card("HOLIDAY INN"), doc("Holiday Inn Express")).score < 0.8


def test_ocr_slips_and_word_order_still_match() -> None:
    assert compare_names(card("WHATABURGER 123"), doc("Whataburgr")).score >= 0.9
    assert compare_names(card("BUC-EE'S 042"), doc("Bu1-ee's")).score >= 0.75
    assert compare_names(card("CHICK-FIL-A #01234"), doc("Chick-fil-A")).score == 1.0


def test_unrelated_names_score_low_and_missing_names_are_neutral() -> None:
    assert compare_names(card("SHELL OIL574442211"), doc("Home Depot")).score == 0.0
    assert compare_names(card("SHELL OIL574442211"), doc("")).score == 0.5


def test_learned_aliases_apply_and_are_named_in_the_reason() -> None:
    aliases = MerchantAliases.build({"LA DOTD GEAUXPASS": "GeauxPass Toll"})
    plain = merchant_similarity(card("LA DOTD GEAUXPASS"), doc("GeauxPass Toll"), MerchantAliases.build({}))
    learned = merchant_similarity(card("LA DOTD GEAUXPASS"), doc("GeauxPass Toll"), aliases)
    assert plain.score < 0.5
    assert learned.score == 1.0 and "via alias LA DOTD GEAUXPASS → GeauxPass Toll" in learned.reason


def test_names_of_one_chain_compare_equal_whatever_the_store_number() -> None:
    assert card("SHELL OIL574442211") == card("SHELL OIL100000001")
