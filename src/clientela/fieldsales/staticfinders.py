"""Serve plotly.js from the installed `plotly` package as the static file plotly/plotly.min.js (no CDN)."""

from pathlib import Path
from typing import Any

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

PLOTLY_JS = "plotly.min.js"


class PlotlyFinder(BaseFinder):
    """Finds only plotly/plotly.min.js, in the plotly package's data folder."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=Path(plotly.__file__).parent / "package_data")
        self.storage.prefix = "plotly"  # read by collectstatic and WhiteNoise

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> str | list[str]:
        find_all = find_all or kwargs.get("all", False)
        if path == f"plotly/{PLOTLY_JS}":
            match = self.storage.path(PLOTLY_JS)
            return [match] if find_all else match
        return []

    def list(self, ignore_patterns: Any) -> Any:
        yield PLOTLY_JS, self.storage
