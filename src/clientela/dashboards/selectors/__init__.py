"""Reads of the dashboards, always through the customers the user may see (SPEC S9)."""
