"""Simplified Chinese: amounts grouped by thousands with commas (1,234,567.89), as Chinese business documents write
them; Django's own data groups nothing, which leaves large amounts hard to read."""

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
