"""The segmentation engine: pure analytics over Ibis tables. Never imports Django."""

from clientela.engine.schema import INPUT_TABLES, InputTable

__all__ = ["INPUT_TABLES", "InputTable"]
