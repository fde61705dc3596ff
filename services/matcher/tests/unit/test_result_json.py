from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D

from recon_matcher.domain.reconcile import reconcile
from recon_matcher.domain.result_json import reconciliation_to_json
from recon_matcher.domain.sides import CardLine, ExpenseEntry, Receipt


def test_the_issue_shape_with_money_as_strings() -> None:
    line = CardLine(
        "l1", "WILLIAMBURT", "100200", "1234", date(2025, 3, 5), None, D("20.00"), "SHELL OIL57444", reference="000123"
    )
    entry = ExpenseEntry(
        "e1", "William Burt", "Fuel", date(2025, 3, 5), D("20.00"), "Shell", "6110", "J-1", receipt_ids=("r1",)
    )
    rec = reconcile([line], [entry], [Receipt("r1", "Shell", date(2025, 3, 5), D("20.00"), entry_id="e1")])
    doc = json.loads(json.dumps(reconciliation_to_json(rec)))
    assert doc == {
        "cardholders": [
            {
                "name": "WILLIAMBURT",
                "employee_id": "100200",
                "card_total": "20.00",
                "receipt_total": "20.00",
                "receipt_count": 1,
                "missing_receipt_amount": "0.00",
                "flags": [],
                "complete": True,
            }
        ],
        "lines": [
            {
                "reference": "000123",
                "cardholder": "WILLIAMBURT",
                "transaction_date": "2025-03-05",
                "amount": "20.00",
                "merchant": "SHELL OIL57444",
                "status": "complete",
                "match": {
                    "entry": "e1",
                    "receipt": "r1",
                    "confidence": 1.0,
                    "reasons": ["amount exact", "same day", "merchant 1.00"],
                },
                "review": False,
            }
        ],
    }
    extras = reconciliation_to_json(rec, money=float, extras=True)
    assert extras["lines"][0]["id"] == "l1" and extras["lines"][0]["amount"] == 20.0
    assert {"identity_suggestions", "changes", "warnings"} <= set(extras)
