"""Purchase rhythms, hand-computed, on every engine: last purchase day, purchase days, median gap between them."""

from datetime import date

from clientela.retention.rhythm import purchase_rhythm
from tests.fixtures.engines import transactions_table

AS_OF = date(2024, 2, 29)


def rhythms(backend, rows: list[tuple[int, date, int]]) -> dict[int, tuple[date, int, float | None]]:
    table = transactions_table(backend, [(customer, day, f"D{n}", 1, cents, None) for n, (customer, day, cents) in enumerate(rows)])
    result = purchase_rhythm(table, as_of=AS_OF).to_pyarrow().to_pylist()
    return {row["customer_id"]: (row["last_purchase"], row["purchase_days"], row["usual_gap"]) for row in result}


def test_the_usual_gap_is_the_median_gap_between_purchase_days(backend):
    rows = [
        # 1: purchase days Jan 1, Jan 11 (two lines), Feb 10: gaps 10 and 30, median 20; a credit note alone on
        # Feb 20 is no purchase, and Mar 1 comes after the date looked at.
        (1, date(2024, 1, 1), 100), (1, date(2024, 1, 11), 50), (1, date(2024, 1, 11), 50), (1, date(2024, 2, 10), 300),
        (1, date(2024, 2, 20), -500), (1, date(2024, 3, 1), 100),
        # 2: a single purchase day, no gap.
        (2, date(2024, 1, 5), 700),
        # 3: gaps 1, 3 and 10: median 3.
        (3, date(2024, 1, 1), 10), (3, date(2024, 1, 2), 10), (3, date(2024, 1, 5), 10), (3, date(2024, 1, 15), 10),
        # 4: a sale and its full return on Jan 3 add up to nothing: one purchase day, Jan 10.
        (4, date(2024, 1, 3), 100), (4, date(2024, 1, 3), -100), (4, date(2024, 1, 10), 100),
        # 5: only after the date looked at.
        (5, date(2024, 3, 2), 100),
    ]  # fmt: skip
    assert rhythms(backend, rows) == {
        1: (date(2024, 2, 10), 3, 20.0),
        2: (date(2024, 1, 5), 1, None),
        3: (date(2024, 1, 15), 4, 3.0),
        4: (date(2024, 1, 10), 1, None),
    }


def test_an_even_number_of_gaps_takes_the_mean_of_the_two_middle_ones(backend):
    # Gaps 2, 4, 7 and 20 days: the middle two are 4 and 7.
    days = [date(2024, 1, 1), date(2024, 1, 3), date(2024, 1, 7), date(2024, 1, 14), date(2024, 2, 3)]
    assert rhythms(backend, [(9, day, 100) for day in days]) == {9: (date(2024, 2, 3), 5, 5.5)}
