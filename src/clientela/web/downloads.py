"""Reports handed out by the pages: an .xlsx written by a report's writer, answered as a download."""

import tempfile
from collections.abc import Callable
from pathlib import Path

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_download(write: Callable[[Path], None], filename: str) -> HttpResponse:
    """Let `write(path)` write the workbook to a temporary file and answer its bytes as the attachment `filename`."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / filename
        write(path)
        response = HttpResponse(path.read_bytes(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
