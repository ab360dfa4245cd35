"""Writes of the pipeline. Each service is keyword-only, typed and atomic."""
