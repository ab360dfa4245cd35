"""Formula quoting on export and its exact undoing on import."""

from decimal import Decimal

import pytest

from clientela.formulas import neutralise, unneutralise


def test_formula_like_text_is_neutralised_and_numbers_are_not():
    assert neutralise("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise(Decimal("-12.50")) == Decimal("-12.50")
    assert neutralise("Bar Uno") == "Bar Uno"
    assert neutralise("-12.50") == "-12.50" and neutralise(-3) == -3  # a number, even as text, runs nothing
    assert neutralise("-1+cmd|' /C calc'!A0") == "'-1+cmd|' /C calc'!A0" and neutralise("\tx") == "'\tx" and neutralise("\rx") == "'\rx"


@pytest.mark.parametrize("text", ["+34 600 000 000", "=1+1", "-minus", "@home", "plain", "'quoted", "'", "-12.50", "'-12.50"])
def test_unneutralise_undoes_neutralise_exactly(text):
    assert unneutralise(neutralise(text)) == text


def test_unneutralise_leaves_other_quotes_alone():
    assert unneutralise("'Bar'") == "'Bar'"
