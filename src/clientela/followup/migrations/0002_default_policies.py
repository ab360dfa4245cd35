from django.db import migrations


def create_default_policies(apps, schema_editor):
    from clientela.followup.defaults import default_policies_create

    default_policies_create(apps.get_model("followup", "Policy"))


class Migration(migrations.Migration):
    dependencies = [("followup", "0001_initial")]

    operations = [migrations.RunPython(create_default_policies, migrations.RunPython.noop)]
