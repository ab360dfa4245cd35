"""Transaction and payment files (CSV or Parquet) read through DuckDB into the engine's input shape.

Files have `customer_id,date,amount` and, for transactions, optionally `units,profit,product`
and `document_id`. In CSV files, dates are YYYY-MM-DD or YYYYMMDD and amounts decimals; Parquet
columns may also have native date, timestamp and numeric types. Amounts become integer cents.
Customer ids stay as written (text in CSV; Parquet integers stay integers). Without a
`document_id` column an order is a customer's purchases of one day. Every bad cell is reported
with its file, row (in CSV the header is row 1) and column.
"""

import csv
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath

import ibis
from ibis.expr.types import BooleanValue, Table, Value

TRANSACTION_COLUMNS = ("customer_id", "date", "amount", "units", "profit", "product", "document_id")
PAYMENT_COLUMNS = ("customer_id", "date", "amount")
REQUIRED = ("customer_id", "date", "amount")
DELIMITERS = ",;\t|"

# A local path, or a URI such as hdfs://… or s3a://… that Spark reads.
Location = Path | str


def file_connection(*, memory_limit: str) -> ibis.BaseBackend:
    """An in-process DuckDB for file work whose operators keep to `memory_limit` (e.g. "1GB").

    DuckDB otherwise takes up to 80 % of the machine's memory; with a cap, large aggregations
    partition and spill to the system's temporary directory (not DuckDB's default, ``.tmp`` in the
    working directory) instead.
    """
    return ibis.duckdb.connect(memory_limit=memory_limit, temp_directory=tempfile.gettempdir())


class InputError(Exception):
    """An input file the engine cannot use; the message names file, row and column."""


@dataclass(frozen=True)
class _Checked:
    name: str
    value: Value
    bad: BooleanValue
    expected: str


def _date(column: Value) -> Value:
    """A date column, or text as YYYY-MM-DD or YYYYMMDD parsed without raising (anything else is null)."""
    if column.type().is_date():
        return column
    if column.type().is_timestamp():
        return column.date()
    text = column.cast("string")
    compact = text.re_search(r"^[0-9]{8}$")
    iso = ibis.ifelse(compact, text.substr(0, 4) + "-" + text.substr(4, 2) + "-" + text.substr(6, 2), text)
    return iso.try_cast("date")


def _cents(column: Value) -> Value:
    """Money in integer cents; text that is not a number becomes null."""
    if column.type().is_numeric():
        return (column.cast("decimal(18, 2)") * 100).cast("int64")
    return (column.cast("string").try_cast("decimal(18, 2)") * 100).cast("int64")


def _whole(column: Value) -> tuple[Value, BooleanValue]:
    """A whole number and whether a present cell is not one."""
    if column.type().is_integer():
        return column.cast("int64"), ibis.literal(False)
    text = column.cast("string").strip()
    whole = text.re_search(r"^[+-]?[0-9]+$")
    return ibis.ifelse(whole, text, None).cast("int64"), text.notnull() & ~whole


def _checks(table: Table) -> list[_Checked]:
    customer = table.customer_id if table.customer_id.type().is_integer() else table.customer_id.cast("string")
    blank = customer.isnull() if customer.type().is_integer() else customer.isnull() | (customer.strip() == "")
    checks = [
        _Checked("customer_id", customer, blank, "a customer id"),
        _Checked("date", _date(table.date), _date(table.date).isnull(), "a date as YYYY-MM-DD or YYYYMMDD"),
        _Checked("amount", _cents(table.amount), _cents(table.amount).isnull(), "a number like 1234.56"),
    ]
    if "units" in table.columns:
        units, bad = _whole(table.units)
        checks.append(_Checked("units", units, bad, "a whole number"))
    if "profit" in table.columns:
        profit = _cents(table.profit)
        checks.append(_Checked("profit", profit, table.profit.notnull() & profit.isnull(), "a number like 1234.56"))
    return checks


def _csv(connection: ibis.BaseBackend, path: Path) -> Table:
    """A CSV file as text columns, read strictly: a row with more or fewer cells than the header is an error."""
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as file:
        header_line = file.readline()
    if not header_line.strip():
        raise InputError(f"{path}: the file is empty; expected a header line with {', '.join(REQUIRED)}")
    delimiter = max(DELIMITERS, key=header_line.count)
    header = [name.strip() for name in next(csv.reader([header_line], delimiter=delimiter))]
    return connection.read_csv(
        path,
        columns={name: "VARCHAR" for name in header},
        header=True,
        auto_detect=False,
        delim=delimiter,
        quote='"',
        escape='"',
        strict_mode=True,
    )


def location(text: str) -> Location:
    """A file named on the command line: a local path, or a URI such as ``hdfs://…`` or ``s3a://…`` kept as written."""
    return text if _is_uri(text) else Path(text)


def _is_uri(path: Location) -> bool:
    return "://" in str(path)


def _read(connection: ibis.BaseBackend, path: Location) -> tuple[Table, int]:
    """The file as a table and the row number of its first record.

    Spark reads Parquet only, from a file, a folder of Parquet files or a URI its cluster reaches.
    """
    suffix = PurePath(str(path)).suffix.lower()
    spark = connection.name == "pyspark"
    if not _is_uri(path) and not (Path(path).exists() if spark else Path(path).is_file()):
        raise InputError(f"{path}: no such file")
    if spark and suffix != ".parquet":
        raise InputError(f"{path}: the spark engine reads .parquet files only (got {suffix or 'no extension'}); convert the file or use --engine duckdb")
    try:
        if suffix == ".parquet":
            return connection.read_parquet(path), 1
        if suffix in (".csv", ".txt"):
            return _csv(connection, Path(path)), 2
    except InputError:
        raise
    except Exception as error:  # the engine's own message says what is wrong with the file
        raise InputError(f"{path}: cannot be read ({str(error).strip().splitlines()[0]})") from None
    raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; expected .csv or .parquet")


def fetch(connection: ibis.BaseBackend, expr: Table) -> list[dict[str, object]]:
    """Run a small query and return its rows as dicts (on DuckDB without loading pandas, which is slow to import)."""
    if connection.name != "duckdb":
        return expr.to_pyarrow().to_pylist()
    cursor = connection.raw_sql(connection.compile(expr))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _reading_error(path: Location, error: Exception) -> InputError:
    """DuckDB's error while scanning the file, said in one line with the row."""
    text = str(error)
    line = re.search(r"CSV Error on Line: (\d+)", text)
    cells = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", text)
    if line and cells:
        return InputError(f"{path}: row {line[1]}: {cells[2]} cells where the header has {cells[1]}")
    if line:
        return InputError(f"{path}: row {line[1]}: {text.splitlines()[0]}")
    return InputError(f"{path}: cannot be read ({text.splitlines()[0]})")


def read_input(connection: ibis.BaseBackend, path: Location, *, payments: bool = False) -> Table:
    """Read a transactions (or payments) file into the engine's input columns, or raise InputError.

    The file is scanned once to validate it; the first bad cell is then located by row.
    """
    raw, first_row = _read(connection, path)
    allowed = PAYMENT_COLUMNS if payments else TRANSACTION_COLUMNS
    unknown = [c for c in raw.columns if c not in allowed]
    if unknown:
        raise InputError(f'{path}: unknown column "{unknown[0]}"; expected columns {", ".join(allowed)}')
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing:
        raise InputError(f'{path}: missing column "{missing[0]}"; expected columns {", ".join(allowed)}')
    checks = _checks(raw)
    counts = _clean_parquet_counts(path, raw) or _bad_counts(connection, path, raw, checks)
    if counts["_rows"] == 0:
        raise InputError(f"{path}: the file has no data rows")
    for check in checks:
        if counts.get(check.name):
            _raise_first_bad(connection, path, raw, check.name, first_row)
    return _shape(raw, checks, payments)


def _bad_counts(connection: ibis.BaseBackend, path: Location, raw: Table, checks: list[_Checked]) -> dict[str, object]:
    """Scan the file once: its rows and, per check, how many cells are bad."""
    # Checks on native Parquet types can be the literal False: nothing to count there.
    counted = {check.name: check.bad.sum() for check in checks if isinstance(check.bad, ibis.expr.types.Column)}
    try:
        return fetch(connection, raw.aggregate(_rows=raw.count(), **counted))[0]
    except Exception as error:
        raise _reading_error(path, error) from None


def _clean_parquet_counts(path: Location, raw: Table) -> dict[str, object] | None:
    """For a Parquet file whose checked columns all have native types and no nulls by its own
    statistics, the row count without a scan (only nulls could be bad there); else None."""
    if not isinstance(path, Path) or not path.is_file() or path.suffix.lower() != ".parquet":
        return None
    checked = [name for name in ("customer_id", "date", "amount", "units", "profit") if name in raw.columns]
    types = raw.schema()
    if not all(types[name].is_integer() or types[name].is_date() or types[name].is_timestamp() or types[name].is_numeric() for name in checked):
        return None
    import pyarrow.parquet as pq

    metadata = pq.ParquetFile(path).metadata
    required = {index for index in range(metadata.num_columns) if metadata.schema.column(index).name in REQUIRED}
    for group in range(metadata.num_row_groups):
        for index in required:
            statistics = metadata.row_group(group).column(index).statistics
            if statistics is None or not statistics.has_null_count or statistics.null_count:
                return None
    return {"_rows": metadata.num_rows}


def _raise_first_bad(connection: ibis.BaseBackend, path: Location, raw: Table, name: str, first_row: int) -> None:
    numbered = raw.mutate(_row=ibis.row_number() + first_row)
    check = next(check for check in _checks(numbered) if check.name == name)
    bad = numbered.filter(check.bad).order_by("_row").select("_row", cell=numbered[name].cast("string")).limit(1)
    row = fetch(connection, bad)[0]
    raise InputError(f'{path}: row {row["_row"]}, column "{name}": "{row["cell"] or ""}" — expected {check.expected}')


def _shape(raw: Table, checks: list[_Checked], payments: bool) -> Table:
    values = {check.name: check.value for check in checks}
    if payments:
        return raw.select(customer_id=values["customer_id"], date=values["date"], amount_cents=values["amount"])
    amount = values["amount"]
    profit = values.get("profit")
    # Without document ids there is no document_id column: an order is then a customer's purchases of
    # one day (`clientela.engine.metrics.order_key`), which the engine counts from the dates.
    documents = {"document_id": raw.document_id.cast("string")} if "document_id" in raw.columns else {}
    return raw.select(
        customer_id=values["customer_id"],
        date=values["date"],
        **documents,
        units=values.get("units", ibis.literal(None, "int64")),
        amount_cents=amount,
        cost_cents=(amount - profit) if profit is not None else ibis.literal(None, "int64"),
    )
