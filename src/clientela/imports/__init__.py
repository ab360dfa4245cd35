"""Imports of CSV and Excel files: read, map columns, validate every row, commit all or nothing."""

from clientela.imports.errors import ImportRejected, RowError
from clientela.imports.runner import ImportOptions, ImportResult, import_file

__all__ = ["ImportOptions", "ImportRejected", "ImportResult", "RowError", "import_file"]
