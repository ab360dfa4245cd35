"""What an import reports when it refuses a file."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RowError:
    """One invalid cell (or row, when `column` is empty)."""

    row: int
    column: str
    source_column: str
    value: str
    expected: str

    def __str__(self) -> str:
        where = f"row {self.row}"
        if self.column:
            where += f', column "{self.column}"'
            if self.source_column and self.source_column != self.column:
                where += f' (file column "{self.source_column}")'
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        return f'{where}: "{shown}" — {self.expected}'


class ImportRejected(Exception):
    """The file was refused; nothing was written.

    `errors` lists row errors (at most `MAX_ERRORS`); `error_count` counts them all. A problem
    with the file as a whole (unreadable, missing columns) has a message and no row errors.
    """

    MAX_ERRORS = 1000

    def __init__(self, message: str, errors: list[RowError] | None = None, error_count: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or []
        self.error_count = error_count or len(self.errors)

    def report(self, limit: int | None = None) -> str:
        """Return the message followed by one line per row error."""
        shown = self.errors if limit is None else self.errors[:limit]
        lines = [self.message, *(f"  {error}" for error in shown)]
        if self.error_count > len(shown):
            lines.append(f"  ... and {self.error_count - len(shown)} more")
        return "\n".join(lines)
