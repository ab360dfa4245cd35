"""Transaction and payment files (CSV or Parquet) read through DuckDB into the engine's input shape.

Files have `customer_id,date,amount` and, for transactions, optionally `units,profit,product`
(and `document_id`). Dates are YYYY-MM-DD or YYYYMMDD; amounts are decimals, turned into integer
cents. Customer ids stay text, as written in the file. Every bad cell is reported with its file,
row (the header is row 1) and column.
"""

from dataclasses import dataclass
from pathlib import Path

import ibis
from ibis.expr.types import BooleanValue, Table, Value

TRANSACTION_COLUMNS = ("customer_id", "date", "amount", "units", "profit", "product", "document_id")
PAYMENT_COLUMNS = ("customer_id", "date", "amount")
REQUIRED = ("customer_id", "date", "amount")


class InputError(Exception):
    """An input file the engine cannot use; the message names file, row and column."""


@dataclass(frozen=True)
class _Checked:
    name: str
    value: Value
    bad: BooleanValue
    expected: str


def _date(text: Value) -> Value:
    """Parse YYYY-MM-DD or YYYYMMDD without raising: anything else becomes null."""
    compact = text.re_search(r"^[0-9]{8}$")
    iso = ibis.ifelse(compact, text.substr(0, 4) + "-" + text.substr(4, 2) + "-" + text.substr(6, 2), text)
    return iso.try_cast("date")


def _cents(text: Value) -> Value:
    return (text.try_cast("decimal(18, 2)") * 100).cast("int64")


def _read(connection: ibis.BaseBackend, path: Path) -> Table:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            table = connection.read_parquet(path)
            return table.select(*(table[c].cast("string").name(c) for c in table.columns))
        if suffix in (".csv", ".txt"):
            return connection.read_csv(path, all_varchar=True, header=True)
    except Exception as error:  # DuckDB's own message says what is wrong with the file
        raise InputError(f"{path}: cannot be read ({str(error).splitlines()[0]})") from None
    raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; expected .csv or .parquet")


def read_input(connection: ibis.BaseBackend, path: Path, *, payments: bool = False) -> Table:
    """Read a transactions (or payments) file into the engine's input columns, or raise InputError."""
    raw = _read(connection, path)
    allowed = PAYMENT_COLUMNS if payments else TRANSACTION_COLUMNS
    unknown = [c for c in raw.columns if c not in allowed]
    if unknown:
        raise InputError(f'{path}: unknown column "{unknown[0]}"; expected columns {", ".join(allowed)}')
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing:
        raise InputError(f'{path}: missing column "{missing[0]}"; expected columns {", ".join(allowed)}')
    numbered = raw.mutate(_row=ibis.row_number() + 2)
    checks = [
        _Checked("customer_id", numbered.customer_id, numbered.customer_id.isnull() | (numbered.customer_id.strip() == ""), "a customer id"),
        _Checked("date", _date(numbered.date), _date(numbered.date).isnull(), "a date as YYYY-MM-DD or YYYYMMDD"),
        _Checked("amount", _cents(numbered.amount), _cents(numbered.amount).isnull(), "a number like 1234.56"),
    ]
    if "units" in raw.columns:
        units = numbered.units.strip()
        whole = units.re_search(r"^[+-]?[0-9]+$")
        checks.append(_Checked("units", ibis.ifelse(whole, units, None).cast("int64"), units.notnull() & ~whole, "a whole number"))
    if "profit" in raw.columns:
        profit = _cents(numbered.profit)
        checks.append(_Checked("profit", profit, numbered.profit.notnull() & profit.isnull(), "a number like 1234.56"))
    _raise_first_bad(path, numbered, checks)
    if numbered.count().execute() == 0:
        raise InputError(f"{path}: the file has no data rows")
    return _shape(numbered, checks, payments)


def _raise_first_bad(path: Path, numbered: Table, checks: list[_Checked]) -> None:
    for check in checks:
        bad = numbered.filter(check.bad).order_by("_row").select("_row", cell=numbered[check.name]).limit(1).to_pyarrow().to_pylist()
        if bad:
            cell = bad[0]["cell"]
            raise InputError(f'{path}: row {bad[0]["_row"]}, column "{check.name}": "{cell or ""}" — expected {check.expected}')


def _shape(numbered: Table, checks: list[_Checked], payments: bool) -> Table:
    values = {check.name: check.value for check in checks}
    if payments:
        return numbered.select(customer_id=values["customer_id"], date=values["date"], amount_cents=values["amount"])
    amount = values["amount"]
    profit = values.get("profit")
    return numbered.select(
        customer_id=values["customer_id"],
        date=values["date"],
        # Without a document column every line counts as one order.
        document_id=numbered.document_id if "document_id" in numbered.columns else numbered._row.cast("string"),
        units=values.get("units", ibis.literal(None, "int64")),
        amount_cents=amount,
        cost_cents=(amount - profit) if profit is not None else ibis.literal(None, "int64"),
    )
