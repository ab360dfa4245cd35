"""What the app's data migrations write (default schemes, follow-up policies, greeting templates), written again."""

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython


def data_migrations_rerun() -> None:
    """Run the forward code of every Clientela data migration, in migration order.

    For fixtures that flush the test database: the tests after them expect the defaults that
    `migrate` created, as a new installation has them. The code gets the migrations' historical
    models, as under `migrate`, so no signal (the audit trail) sees these writes.
    """
    loader = MigrationLoader(connection)
    plan: list[tuple[str, str]] = []
    for leaf in sorted(loader.graph.leaf_nodes()):
        plan += [node for node in loader.graph.forwards_plan(leaf) if node not in plan]
    apps = loader.project_state().apps
    # Handed to the code as under `migrate`, but not opened: the code changes no schema, and an open SQLite editor
    # cannot run inside a transaction (as during a flush by a test).
    editor = connection.schema_editor()
    for node in plan:
        migration = loader.graph.nodes[node]
        if not type(migration).__module__.startswith("clientela."):
            continue
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                operation.code(apps, editor)
