"""Churn in the app (SPEC S7): the monthly fit of the buy-till-you-die models, lost and at-risk customers."""
