"""Serve plotly.js from the installed plotly package as static file ``plotly/plotly.min.js`` (no CDN)."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

PLOTLY_JS = "plotly/plotly.min.js"


class PlotlyFinder(BaseFinder):
    """Find only plotly.min.js in the plotly package's data (not its datasets and widget bundles)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=Path(plotly.__file__).parent / "package_data")
        self.storage.prefix = "plotly"  # collectstatic copies the file under this prefix

    def check(self, **kwargs: Any) -> list[Any]:
        return []

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> str | list[str]:
        if path != PLOTLY_JS:
            return []
        found = self.storage.path(Path(path).name)
        return [found] if find_all else found

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        yield Path(PLOTLY_JS).name, self.storage
