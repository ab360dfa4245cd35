"""The engine's input schema and the Django models agree on table and column names."""

from django.apps import apps

from clientela.engine import INPUT_TABLES


def test_every_engine_input_table_is_a_model_table_with_those_columns():
    tables = {model._meta.db_table: model for model in apps.get_models()}
    for table in INPUT_TABLES.values():
        assert table.name in tables, table.name
        columns = {field.column for field in tables[table.name]._meta.concrete_fields}
        assert set(table.columns) <= columns, (table.name, set(table.columns) - columns)
