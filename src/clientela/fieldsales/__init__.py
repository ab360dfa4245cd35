"""Field sales (SPEC S6): visit plans, daily routes, targets by customer × product × month, monthly evaluations."""
