"""PostgreSQL: refuse TRUNCATE on the audit table too (row triggers do not see it)."""

from django.db import migrations

from clientela.audit.triggers import TRUNCATE_GUARD, TRUNCATE_GUARD_DROP, trigger_operations


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = trigger_operations(TRUNCATE_GUARD, TRUNCATE_GUARD_DROP)
