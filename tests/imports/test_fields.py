"""Cell parsers: values they accept and the exact 'expected ...' message of what they refuse."""

from datetime import date, datetime

import pytest

from clientela.imports.fields import (
    Choice,
    Date,
    Float,
    Integer,
    Money,
    Reference,
    TagList,
    Text,
    as_text,
    format_cents,
    is_blank,
)


@pytest.mark.parametrize(("raw", "text"), [(123.0, "123"), (12.5, "12.5"), (123, "123"), ("  C1 ", "C1")])
def test_as_text_drops_the_point_zero_of_whole_excel_numbers(raw, text):
    assert as_text(raw) == text


@pytest.mark.parametrize(("raw", "blank"), [(None, True), ("", True), ("  ", True), ("0", False), (0, False)])
def test_is_blank(raw, blank):
    assert is_blank(raw) is blank


@pytest.mark.parametrize(("cents", "text"), [(-1234, "-12.34"), (5, "0.05"), (0, "0.00"), (100000, "1000.00")])
def test_format_cents(cents, text):
    assert format_cents(cents) == text


@pytest.mark.parametrize(
    ("raw", "cents"),
    [
        ("12.50", 1250),
        ("12.5", 1250),
        ("12", 1200),
        ("-30.25", -3025),
        ("+.5", 50),
        ("1 234.56", 123456),
        ("0.005", 1),  # three decimals are rounded half up
        ("-12.345", -1235),
        ("1e3", 100000),
        (12.5, 1250),  # Excel number cells
        (19.99, 1999),
        (100, 10000),
        ("9999999999999.99", 999999999999999),
    ],
)
def test_money_parses_to_integer_cents(raw, cents):
    assert Money().parse(raw) == cents


@pytest.mark.parametrize(("raw", "cents"), [("12,50", 1250), ("1.234,56", 123456), ("-7,5", -750), (12.5, 1250)])
def test_money_with_decimal_comma(raw, cents):
    assert Money(decimal_comma=True).parse(raw) == cents


@pytest.mark.parametrize(
    ("parser", "raw", "expected"),
    [
        (Money(), "12,50", "expected an amount like 1234.56 (use --decimal-comma for 1234,56)"),
        (Money(), "abc", "expected an amount like 1234.56 (use --decimal-comma for 1234,56)"),
        (Money(decimal_comma=True), "abc", "expected an amount like 1234,56"),
        (Money(), "10000000000000", "expected an amount below 10,000,000,000,000"),
        (Money(), "-10000000000000.00", "expected an amount below 10,000,000,000,000"),
        (Money(), "1e400", "expected an amount of a sensible size"),
        (Money(positive=True), "0", "expected an amount greater than zero"),
        (Money(positive=True), "-5", "expected an amount greater than zero"),
        (Integer(), "1.5", "expected a whole number"),
        (Integer(), "ten", "expected a whole number"),
        (Integer(), "2147483648", "expected a whole number between -2147483647 and 2147483647"),
        (Integer(minimum=1), "0", "expected a whole number of at least 1"),
        (Float(-90, 90), "90.5", "expected a number between -90 and 90"),
        (Float(-90, 90), "nan", "expected a number between -90 and 90"),
        (Float(-180, 180), "east", "expected a number"),
        (Date(), "05/03/2024", "expected a date as YYYY-MM-DD"),
        (Date(), "2024-02-30", "expected a date as YYYY-MM-DD"),
        (Date(), "2024-3-5", "expected a date as YYYY-MM-DD"),
        (Date("%d/%m/%Y"), "2024-03-05", "expected a date as %d/%m/%Y"),
        (Choice(("company", "person")), "firm", "expected one of: company, person"),
        (Reference("customer", {"C1": 1}), "c1", "unknown customer"),
        (Text(2), "ESP", "expected text of at most 2 characters (got 3)"),
        (TagList(), "ok;" + "x" * 81, "expected group names of at most 80 characters, separated by ';'"),
    ],
)
def test_parsers_refuse_with_what_was_expected(parser, raw, expected):
    with pytest.raises(ValueError) as caught:
        parser.parse(raw)
    assert str(caught.value) == expected


@pytest.mark.parametrize(("raw", "number"), [("42", 42), (" -7 ", -7), (3.0, 3), ("2147483647", 2147483647)])
def test_integer(raw, number):
    assert Integer().parse(raw) == number


@pytest.mark.parametrize(("raw", "number"), [("42.2406", 42.2406), (-8.5, -8.5), ("-90", -90.0)])
def test_float(raw, number):
    assert Float(-90, 90).parse(raw) == number


@pytest.mark.parametrize(
    ("parser", "raw", "day"),
    [
        (Date(), "2024-03-05", date(2024, 3, 5)),
        (Date("%d/%m/%Y"), "05/03/2024", date(2024, 3, 5)),
        (Date(), datetime(2024, 3, 5, 0, 0), date(2024, 3, 5)),  # an Excel date cell
        (Date("%d/%m/%Y"), date(2024, 3, 5), date(2024, 3, 5)),  # typed cells ignore the format
    ],
)
def test_date(parser, raw, day):
    assert parser.parse(raw) == day


def test_choice_ignores_case():
    assert Choice(("company", "person")).parse(" Person ") == "person"


def test_reference_resolves_excel_numbers_as_their_text():
    assert Reference("customer", {"123": 7}).parse(123.0) == 7


def test_tag_list_splits_trims_and_drops_repeats():
    assert TagList().parse(" hotel ;key account;;hotel") == ("hotel", "key account")
