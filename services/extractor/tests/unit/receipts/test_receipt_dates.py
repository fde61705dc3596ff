"""Receipt dates: formats, which date is the issue date, and day/month order decided by the document."""

from __future__ import annotations

from datetime import date

import pytest
from recon_extractor.receipts.dates import find_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Date:15/01/2018", date(2018, 1, 15)),
        ("12-01-19 21:13 SH01 ZK09", date(2019, 1, 12)),
        ("Date:5/3/201822:52:33", date(2018, 3, 5)),  # OCR glued the time to the year
        ("Date: 2018/02/2213:34:14", date(2018, 2, 22)),
        ("[Sales]2018-01-0522:55:25", date(2018, 1, 5)),
        ("25 Dec 2018", date(2018, 12, 25)),
        ("25-DEC-18", date(2018, 12, 25)),
        ("Date; 0ct 3, 2016 12:16:25 PM", date(2016, 10, 3)),  # O read as zero
        ("00440010036 25032018 13:11:54", date(2018, 3, 25)),
        ("20180428 10:12", date(2018, 4, 28)),
        ("DATE 2O/1l/2018", date(2018, 11, 20)),
        ("31.12.2019", date(2019, 12, 31)),
    ],
)
def test_formats(line: str, expected: date) -> None:
    assert find_date(["SHOP", line], day_first_hint=True).value == expected


def test_the_dated_row_wins_over_codes_that_look_like_dates() -> None:
    lines = ["HC03-7 - 15", "RC11-23-42 - 12/144", "Rcpt#:A18 1/1/19", "-06/05/2018 15:33-"]
    assert find_date(lines, day_first_hint=True).value == date(2018, 5, 6)


def test_expiry_dates_are_not_the_issue_date() -> None:
    assert find_date(["EXP 12/27", "VALID UNTIL 01/01/2030", "03/02/2025 10:00"], True).value == date(2025, 2, 3)


def test_an_unambiguous_date_on_the_document_decides_the_order() -> None:
    found = find_date(["03/04/2025 10:00", "PRINTED 13/04/2025"], day_first_hint=False)
    assert (found.value, found.ambiguous) == (date(2025, 4, 3), False)


def test_a_named_month_written_month_first_decides_the_order() -> None:
    found = find_date(["03/04/2025", "Thank you - Mar 4, 2025"], day_first_hint=None)
    assert found.value == date(2025, 3, 4)


def test_country_hint_decides_and_no_evidence_is_ambiguous() -> None:
    assert find_date(["03/04/2025"], day_first_hint=True).value == date(2025, 4, 3)
    found = find_date(["03/04/2025"], day_first_hint=None)
    assert (found.value, found.ambiguous, found.confidence) == (date(2025, 3, 4), True, 0.5)


def test_implausible_years_are_not_dates() -> None:
    assert find_date(["1 RCD AOA4-ADI 1.4.50", "TEL 1-21-10"], day_first_hint=True).value is None
