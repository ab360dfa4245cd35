"""Spreadsheet formula injection: exports quote text that a spreadsheet would run, imports unquote it.

A cell such as `=cmd|' /C calc'!A0` or `+34 600 000 000` is written as `'=cmd|…` / `'+34 600 …`,
which spreadsheets show as text; reading the file back removes exactly that quote, so an export
re-imports unchanged.
"""

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A signed number written as text (such as "-12.50") runs nothing, so it stays as it is.
PLAIN_NUMBER_REGEX = r"^[+-]?\d+(\.\d+)?$"
PLAIN_NUMBER = re.compile(PLAIN_NUMBER_REGEX)
# The same rule for writers that work on whole columns (Ibis, Arrow).
FORMULA_START_REGEX = r"^[=+\-@\t\r]"


def _runnable(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text)


def neutralise(value: Any) -> Any:
    """Prefix text that starts like a formula with ' so spreadsheets show it as text."""
    if isinstance(value, str) and _runnable(value):
        return "'" + value
    return value


def unneutralise(text: str) -> str:
    """Remove the quote that `neutralise` added."""
    if text.startswith("'") and _runnable(text[1:]):
        return text[1:]
    return text
