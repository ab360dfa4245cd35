"""Run one import: read, map, validate every row, and commit all of it or nothing."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings as django_settings

from clientela.audit.models import AuditEvent
from clientela.audit.services import audit_record
from clientela.crm.services.bulk import checked_at_end
from clientela.imports.errors import ImportRejected, RowError
from clientela.imports.fields import as_text, is_blank
from clientela.imports.kinds import KINDS, ImportSettings, RowProblem
from clientela.imports.lookalikes import SuspectedDuplicate
from clientela.imports.mapping import resolve_columns
from clientela.imports.readers import open_table
from clientela.pipeline.services.stages import SyncResult


@dataclass(frozen=True)
class ImportOptions:
    """How to read the file and which file column holds each of ours."""

    mapping: dict[str, str] = field(default_factory=dict)
    delimiter: str | None = None
    encoding: str = "utf-8-sig"
    sheet: str | None = None
    settings: ImportSettings = ImportSettings()
    max_bytes: int | None = None  # the largest file accepted; None: settings.IMPORT_MAX_BYTES


@dataclass(frozen=True)
class ImportResult:
    kind: str
    rows: int
    created: int
    updated: int
    ignored_columns: list[str]
    suspected_duplicates: tuple[SuspectedDuplicate, ...] = ()
    stage_sync: SyncResult | None = None


ProgressCallback = Callable[[int, int], None]


class _Rollback(Exception):
    """Raised inside the transaction to undo every write of a refused file."""


def import_file(kind: str, path: Path, options: ImportOptions = ImportOptions(), progress: ProgressCallback | None = None) -> ImportResult:
    """Import `path` as `kind` (customers, products, transactions, payments, contracts).

    Valid rows are written in chunks inside one transaction while the file is read; the first
    invalid row stops the writing, the rest is still checked so that the report is complete, and
    the transaction is rolled back. Raise ImportRejected with the report; nothing is written then.
    Once every row is written, the same transaction looks for customers the file created that
    look like others (refused with `refuse_duplicates`, else listed in the result) and brings the
    pipeline stages of the customers whose contracts or payments changed up to date.
    """
    if kind not in KINDS:
        raise ImportRejected(f'unknown import kind "{kind}"; expected one of {", ".join(KINDS)}')
    max_bytes = django_settings.IMPORT_MAX_BYTES if options.max_bytes is None else options.max_bytes
    table = open_table(path, delimiter=options.delimiter, encoding=options.encoding, sheet=options.sheet, max_bytes=max_bytes)
    importer = KINDS[kind](options.settings)
    columns = importer.columns()
    positions, ignored = resolve_columns(
        table.header, options.mapping, [c.name for c in columns], [c.name for c in columns if c.required]
    )
    bound = [(c, positions[c.name], table.header[positions[c.name]]) for c in columns if c.name in positions]
    present = [c.name for c, _, _ in bound]  # our columns found in the file, in column order
    errors: list[RowError] = []
    error_count = 0
    rows = 0
    pending: list[dict[str, Any]] = []
    model = importer.model

    def refuse(row: int, column: str, source: str, raw: Any, expected: str) -> None:
        nonlocal error_count
        error_count += 1
        if len(errors) < ImportRejected.MAX_ERRORS:
            errors.append(RowError(row, column, source, "" if raw is None else as_text(raw), expected))

    def refuse_all(problems: list[RowError]) -> None:
        for problem in problems:
            index = positions.get(problem.column)
            refuse(problem.row, problem.column, table.header[index] if index is not None else problem.source_column, problem.value, problem.expected)

    try:
        with checked_at_end(importer.model):
            before = model.objects.count()
            for row, cells in table.rows:
                rows += 1
                record: dict[str, Any] = {}
                valid = True
                for column, index, source in bound:
                    raw = cells[index]
                    if is_blank(raw):
                        if column.required:
                            refuse(row, column.name, source, raw, "a value is required")
                            valid = False
                        record[column.name] = column.blank
                        continue
                    try:
                        record[column.name] = column.parser.parse(raw)
                    except ValueError as problem:
                        refuse(row, column.name, source, raw, str(problem))
                        valid = False
                if valid:
                    try:
                        importer.check(row, record)
                    except RowProblem as problem:
                        index = positions.get(problem.column)
                        raw = cells[index] if index is not None else ""
                        refuse(row, problem.column, table.header[index] if index is not None else "", raw, problem.expected)
                        valid = False
                if valid and not error_count:
                    pending.append(record)
                    if importer.chunk_size and len(pending) >= importer.chunk_size:
                        importer.write(pending, present)
                        pending = []
                if progress and rows % 10_000 == 0:
                    progress(rows, table.estimated_rows)
            # Whole-file checks (e.g. totals) are only meaningful once every row is valid.
            refuse_all([] if error_count else importer.finish())
            if error_count:
                raise _Rollback
            if not rows:
                raise ImportRejected(f"{path}: the file has a header but no data rows")
            if pending:
                importer.write(pending, present)
            refuse_all(importer.after_write())
            if error_count:
                raise _Rollback
            created = model.objects.count() - before
            audit_record(
                action=AuditEvent.Action.RUN,
                model=model,
                summary=f"Imported {rows:,} {kind} rows from {path.name}: {created:,} new",
                changes={"rows": [None, rows], "created": [None, created]},
            )
    except _Rollback:
        noun = "error" if error_count == 1 else "errors"
        raise ImportRejected(
            f"{path}: {error_count} {noun} in {kind}; nothing was imported", errors, error_count
        ) from None
    if progress:
        progress(rows, rows)
    return ImportResult(kind, rows, created, importer.record_count(rows) - created, ignored, importer.suspected_duplicates, importer.stage_sync)
