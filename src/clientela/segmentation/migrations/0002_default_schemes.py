from django.db import migrations


def create_default_schemes(apps, schema_editor):
    from clientela.segmentation.defaults import default_schemes

    Scheme = apps.get_model("segmentation", "Scheme")
    for definition in default_schemes():
        Scheme.objects.get_or_create(
            name=definition.name, defaults={"kind": definition.kind, "version": definition.version, "definition": definition.model_dump(mode="json")}
        )


class Migration(migrations.Migration):
    dependencies = [("segmentation", "0001_initial")]

    operations = [migrations.RunPython(create_default_schemes, migrations.RunPython.noop)]
