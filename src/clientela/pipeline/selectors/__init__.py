"""Reads of the pipeline, always through what the user may see (SPEC S9)."""
