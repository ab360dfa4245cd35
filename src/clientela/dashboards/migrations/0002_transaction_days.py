from django.db import migrations, models

from clientela.migration_sql import RunSQLOn

# Each day's total follows every write of `transactions`: an insert adds the line, a delete takes it away, an update of
# its day or amount does both. Triggers, so that no way of writing lines (services, imports, the admin, SQL) is missed.
ADD = "INSERT INTO transaction_days (day, amount_cents) VALUES (NEW.date, NEW.amount_cents) ON CONFLICT (day) DO UPDATE SET amount_cents = transaction_days.amount_cents + excluded.amount_cents"
TAKE = "UPDATE transaction_days SET amount_cents = amount_cents - OLD.amount_cents WHERE day = OLD.date"

SQLITE = [
    f"CREATE TRIGGER transaction_days_insert AFTER INSERT ON transactions BEGIN {ADD}; END",
    f"CREATE TRIGGER transaction_days_delete AFTER DELETE ON transactions BEGIN {TAKE}; END",
    f"CREATE TRIGGER transaction_days_update AFTER UPDATE OF date, amount_cents ON transactions BEGIN {TAKE}; {ADD}; END",
]
POSTGRESQL = [
    f"""CREATE FUNCTION transaction_days_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN {TAKE}; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN {ADD}; END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER transaction_days_follow AFTER INSERT OR DELETE OR UPDATE OF date, amount_cents ON transactions"
    " FOR EACH ROW EXECUTE FUNCTION transaction_days_follow()",
]
DROP = {
    "sqlite": [f"DROP TRIGGER transaction_days_{event}" for event in ("insert", "delete", "update")],
    "postgresql": ["DROP TRIGGER transaction_days_follow ON transactions", "DROP FUNCTION transaction_days_follow()"],
}


FILL = "INSERT INTO transaction_days (day, amount_cents) SELECT date, SUM(amount_cents) FROM transactions GROUP BY date"


class Migration(migrations.Migration):

    dependencies = [
        ('crm', '0007_customer_version'),
        ('dashboards', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='TransactionDay',
            fields=[
                ('day', models.DateField(primary_key=True, serialize=False, verbose_name='day')),
                ('amount_cents', models.BigIntegerField(verbose_name='amount (cents)')),
            ],
            options={
                'verbose_name': 'transactions of a day',
                'verbose_name_plural': 'transactions per day',
                'db_table': 'transaction_days',
                'ordering': ['day'],
            },
        ),
        RunSQLOn("sqlite", SQLITE, DROP["sqlite"]),
        RunSQLOn("postgresql", POSTGRESQL, DROP["postgresql"]),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
