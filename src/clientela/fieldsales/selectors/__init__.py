"""Reads of field sales: who may be seen, visit plans and their progress, the day's route, targets, evaluations."""
