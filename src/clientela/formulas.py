"""Spreadsheet formula injection: exports quote text that a spreadsheet would run, imports unquote it.

A cell such as `=cmd|' /C calc'!A0` or `+34 600 000 000` is written as `'=cmd|…` / `'+34 600 …`,
which spreadsheets show as text; reading the file back removes exactly that quote, so an export
re-imports unchanged.
"""

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Prefix text that starts like a formula with ' so spreadsheets show it as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unneutralise(text: str) -> str:
    """Remove the quote that `neutralise` added."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text
