"""Cell parsers: each turns one raw cell (text, or a typed Excel value) into a Python value.

A parser raises `ValueError` whose message says what was expected; the runner adds the row,
column and value.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from clientela.formulas import unneutralise


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def as_text(raw: Any) -> str:
    """Return a cell as text; whole numbers from Excel lose their '.0', exported formula quotes go."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return unneutralise(str(raw).strip())


@dataclass(frozen=True)
class Text:
    max_length: int = 200

    def parse(self, raw: Any) -> str:
        text = as_text(raw)
        if len(text) > self.max_length:
            raise ValueError(f"expected text of at most {self.max_length} characters (got {len(text)})")
        if "\x00" in text:
            # PostgreSQL cannot store it, and no one types it: a sign of a binary or wrongly decoded file.
            raise ValueError("expected text without the NUL character (byte 0x00)")
        return text


@dataclass(frozen=True)
class Integer:
    minimum: int | None = None

    def parse(self, raw: Any) -> int:
        text = as_text(raw)
        if not _WHOLE_NUMBER.match(text):
            raise ValueError("expected a whole number")
        value = int(text)
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"expected a whole number of at least {self.minimum}")
        if abs(value) > MAX_INTEGER:
            raise ValueError(f"expected a whole number between -{MAX_INTEGER} and {MAX_INTEGER}")
        return value


_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_GROUPED_COMMA_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")
_WHOLE_NUMBER = re.compile(r"^[+-]?\d+$")
_CENTS_NUMBER = re.compile(r"^([+-]?)(\d+)(?:\.(\d{0,2}))?$")


MAX_CENTS = 10**15
MAX_INTEGER = 2**31 - 1


def format_cents(cents: int) -> str:
    """Return integer cents as an amount text, e.g. -1234 -> '-12.34'."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


@dataclass(frozen=True)
class Money:
    """An amount, returned as integer cents (rounded half up)."""

    decimal_comma: bool = False
    positive: bool = False

    def parse(self, raw: Any) -> int:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            number = Decimal(str(raw))
        else:
            text = as_text(raw).replace(" ", "").replace("\u00a0", "")
            if self.decimal_comma:
                if "." in text and not _GROUPED_COMMA_NUMBER.match(text):
                    raise ValueError("expected an amount like 1234,56 or 1.234,56 (a point only groups thousands)")
                text = text.replace(".", "").replace(",", ".")
            if exact := _CENTS_NUMBER.match(text):  # the common case, without Decimal
                sign, units, fraction = exact.groups()
                cents = int(units) * 100 + int((fraction or "").ljust(2, "0"))
                return self._checked(-cents if sign == "-" else cents)
            if not _PLAIN_NUMBER.match(text):
                example = "1234,56" if self.decimal_comma else "1234.56 (use --decimal-comma for 1234,56)"
                raise ValueError(f"expected an amount like {example}")
            number = Decimal(text)
        try:
            cents = int((number * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        except InvalidOperation:
            raise ValueError("expected an amount of a sensible size") from None
        return self._checked(cents)

    def _checked(self, cents: int) -> int:
        if abs(cents) >= MAX_CENTS:
            raise ValueError("expected an amount below 10,000,000,000,000")
        if self.positive and cents <= 0:
            raise ValueError("expected an amount greater than zero")
        return cents


@dataclass(frozen=True)
class Float:
    minimum: float
    maximum: float

    def parse(self, raw: Any) -> float:
        try:
            value = float(raw) if isinstance(raw, int | float) else float(as_text(raw))
        except ValueError:
            raise ValueError("expected a number") from None
        if not self.minimum <= value <= self.maximum:
            raise ValueError(f"expected a number between {self.minimum:g} and {self.maximum:g}")
        return value


@dataclass(frozen=True)
class Date:
    """A date; ISO 8601 (YYYY-MM-DD) unless a strptime `format` is given. Excel dates pass as they are."""

    format: str | None = None

    def parse(self, raw: Any) -> date:
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = as_text(raw)
        try:
            if self.format:
                return datetime.strptime(text, self.format).date()
            if len(text) != 10:
                raise ValueError
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"expected a date as {self.format or 'YYYY-MM-DD'}") from None


@dataclass(frozen=True)
class Choice:
    """One of a fixed set of values, matched without regard to case."""

    choices: tuple[str, ...]

    def parse(self, raw: Any) -> str:
        text = as_text(raw).lower()
        if text not in self.choices:
            raise ValueError(f"expected one of: {', '.join(self.choices)}")
        return text


@dataclass(frozen=True)
class Reference:
    """An external key (customer id, product sku, username) resolved to a database id."""

    what: str
    ids: Mapping[str, int]

    def parse(self, raw: Any) -> int:
        key = as_text(raw)
        try:
            return self.ids[key]
        except KeyError:
            raise ValueError(f"unknown {self.what}") from None


@dataclass(frozen=True)
class TagList:
    """Group names separated by ';'."""

    def parse(self, raw: Any) -> tuple[str, ...]:
        names = tuple(dict.fromkeys(name.strip() for name in as_text(raw).split(";") if name.strip()))
        if any(len(name) > 80 for name in names):
            raise ValueError("expected group names of at most 80 characters, separated by ';'")
        return names
