"""The Django adapter: models, migrations, admin, services (writes) and selectors (reads)."""
