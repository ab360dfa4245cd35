"""Reads. Selectors return querysets or plain rows and never write."""
