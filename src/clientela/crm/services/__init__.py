"""Writes. Each service is keyword-only, typed and atomic."""
