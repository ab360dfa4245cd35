"""Reads of retention: settings and fits, classes at a date, lost customers, customers at risk."""
