from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from recon_matcher.domain.cardholders import resolve_identities
from recon_matcher.domain.person_names import name_tokens, person_key
from recon_matcher.domain.sides import CardLine, Directory, ExpenseEntry


def line(n: int, holder: str, amount: str = "10.00", employee_id: str | None = None) -> CardLine:
    return CardLine(f"L{n}", holder, employee_id, None, date(2025, 3, 1), None, D(amount), "M")


def entry(n: int, employee: str, amount: str = "10.00") -> ExpenseEntry:
    return ExpenseEntry(f"E{n}", employee, amount=D(amount))


def test_name_keys_ignore_order_case_spacing_and_punctuation() -> None:
    assert name_tokens("Burt, William A.") == ["WILLIAM", "A", "BURT"]
    assert person_key("WILLIAMABURT") == person_key("William A. Burt") == person_key("Burt, William A")
    assert person_key("José O'Neil") == "JOSEONEIL"


def test_expense_names_resolve_to_statement_cardholders() -> None:
    lines = [line(1, "WILLIAMABURT"), line(2, "MARIA GARCIA"), line(3, "JAMESLEE", employee_id="401122")]
    entries = [
        entry(1, "Burt, William A."),
        entry(2, "Garcia Maria"),
        entry(3, "J. Lee (401122)"),
        entry(4, "Maria Garcia"),
    ]
    who = resolve_identities(lines, entries, Directory(), 0.45)
    assert {n: k[0] for n, (k, _) in who.resolved.items()} == {
        "Burt, William A.": "WILLIAMABURT",
        "Garcia Maria": "MARIAGARCIA",
        "J. Lee (401122)": "JAMESLEE",
        "Maria Garcia": "MARIAGARCIA",
    }
    assert not who.suggestions


def test_confirmed_aliases_apply_automatically() -> None:
    lines = [line(1, "WILLIAMBURT", employee_id="100200")]
    by_name = resolve_identities(lines, [entry(1, "Bill Burt")], Directory(aliases={"bill burt": "WILLIAMBURT"}), 0.45)
    by_id = resolve_identities(lines, [entry(1, "Bill Burt")], Directory(aliases={"Bill Burt": "100200"}), 0.45)
    for who in (by_name, by_id):
        key, how = who.resolved["Bill Burt"]
        assert key[0] == "WILLIAMBURT" and how.startswith("confirmed alias")


def test_unknown_names_get_a_suggestion_never_a_resolution() -> None:
    lines = [line(1, "WILLIAMBURT", "12.34"), line(2, "WILLIAMBURT", "56.78"), line(3, "WILMABURTON", "99.00")]
    who = resolve_identities(lines, [entry(1, "Bill Burt", "12.34"), entry(2, "Bill Burt", "56.78")], Directory(), 0.45)
    assert "Bill Burt" not in who.resolved
    [s] = who.suggestions
    assert s.cardholder == "WILLIAMBURT" and s.score > 0.9 and s.entry_count == 2
    assert any("nickname BILL" in r for r in s.reasons) and any("2 of 2 amounts" in r for r in s.reasons)


def test_middle_initial_on_the_card_resolves_only_with_amounts_to_back_it() -> None:
    lines = [line(1, "STEVENBROWN", "12.34"), line(2, "STEVENBROWN", "40.00")]
    backed = resolve_identities(
        lines, [entry(1, "Steve Brown", "12.34"), entry(2, "Steve Brown", "40.00")], Directory(), 0.45
    )
    unbacked = resolve_identities(lines, [entry(1, "Steve Brown", "77.00")], Directory(), 0.45)
    assert "card's middle initial" in backed.resolved["Steve Brown"][1]
    assert "Steve Brown" not in unbacked.resolved and unbacked.suggestions[0].cardholder == "STEVENBROWN"


def test_accounts_are_marked_and_never_suggested_as_a_person() -> None:
    lines = [line(1, "GEAUXPASS", "3.00"), line(2, "MARIAGARCIA", "8.00")]
    who = resolve_identities(lines, [entry(1, "Geaux Pas", "3.00")], Directory(accounts=frozenset({"GEAUXPASS"})), 0.1)
    assert [h.is_account for h in who.holders.values()] == [True, False]
    assert who.suggestions[0].cardholder != "GEAUXPASS"


def test_a_rejected_suggestion_is_not_made_again() -> None:
    lines = [line(1, "WILLIAMBURT", "12.34"), line(2, "WILMABURT", "80.00")]
    entries = [entry(1, "Bill Burt", "12.34")]
    first = resolve_identities(lines, entries, Directory(), 0.1)
    assert first.suggestions[0].cardholder == "WILLIAMBURT"
    again = resolve_identities(
        lines, entries, Directory(rejected_aliases=frozenset({("Bill Burt", "WILLIAMBURT")})), 0.1
    )
    assert again.suggestions[0].cardholder != "WILLIAMBURT"


def test_a_rejected_name_with_nobody_else_likely_leaves_the_queue() -> None:
    lines = [line(1, "WILLIAMBURT", "12.34")]
    entries = [entry(1, "Bill Burt", "12.34"), entry(2, "Nobody Here", "5.00")]
    first = resolve_identities(lines, entries, Directory(), 0.45)
    assert [s.expense_name for s in first.suggestions] == ["Bill Burt", "Nobody Here"]
    rejected = Directory(rejected_aliases=frozenset({("Bill Burt", "WILLIAMBURT")}))
    again = resolve_identities(lines, entries, rejected, 0.45)
    assert [s.expense_name for s in again.suggestions] == ["Nobody Here"]
