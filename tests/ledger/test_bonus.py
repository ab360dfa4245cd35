"""Bonus rates, rounding, months, and holding back while something is overdue."""

from datetime import date
from decimal import Decimal

from clientela.ledger import BonusMonth, BonusRates, bonus_cents, hold_back, month_end, months

JAN, FEB, MAR, APR = (date(2026, month, 1) for month in (1, 2, 3, 4))


def test_the_most_specific_rate_applies():
    rates = BonusRates(Decimal("1"), {("A", ""): Decimal("2"), ("", "Craft"): Decimal("3"), ("B", "Craft"): Decimal("4")})
    assert rates.percent("A", "Craft") == Decimal("2")  # the class comes before the family
    assert rates.percent("B", "Craft") == Decimal("4")
    assert rates.percent("C", "Craft") == Decimal("3")
    assert rates.percent("C", "Lager") == Decimal("1")
    assert rates.percent("", "") == Decimal("1")


def test_bonus_is_rounded_to_the_cent_halves_away_from_zero():
    assert bonus_cents(1_050, Decimal("1")) == 11  # 10.5 cents
    assert bonus_cents(-1_050, Decimal("1")) == -11
    assert bonus_cents(60_000, Decimal("2.25")) == 1_350


def test_months():
    assert months(date(2025, 12, 31), date(2026, 2, 1)) == [date(2025, 12, 1), JAN, FEB]
    assert [month_end(day) for day in (JAN, date(2024, 2, 10), date(2025, 12, 31))] == [date(2026, 1, 31), date(2024, 2, 29), date(2025, 12, 31)]


def test_held_while_overdue_and_released_with_the_first_clear_month():
    result = hold_back({JAN: 2_000, MAR: 400, APR: 600}, {FEB, MAR}, [JAN, FEB, MAR, APR])
    assert result == [
        BonusMonth(JAN, 2_000, 0, 0, 0),
        BonusMonth(FEB, 0, 0, 0, 0),
        BonusMonth(MAR, 400, 400, 0, 400),
        BonusMonth(APR, 600, 0, 400, 0),
    ]
    assert [month.payable_cents for month in result] == [2_000, 0, 0, 1_000]


def test_nothing_is_released_while_still_overdue():
    result = hold_back({JAN: 100, FEB: 200}, {JAN, FEB}, [JAN, FEB])
    assert [(month.payable_cents, month.still_held_cents) for month in result] == [(0, 100), (0, 300)]
