from django.db import migrations, models


def create_prospects_scheme(apps, schema_editor):
    """Databases created before the prospect matrix get its default scheme (new ones got it from 0002)."""
    from clientela.engine.schemes import ProspectScheme

    Scheme = apps.get_model("segmentation", "Scheme")
    definition = ProspectScheme()
    Scheme.objects.get_or_create(
        name=definition.name, defaults={"kind": definition.kind, "version": definition.version, "definition": definition.model_dump(mode="json")}
    )


class Migration(migrations.Migration):
    dependencies = [("segmentation", "0002_default_schemes")]

    operations = [
        migrations.AlterField(
            model_name="scheme",
            name="kind",
            field=models.CharField(
                choices=[
                    ("abc", "abc"),
                    ("abc-count", "abc-count"),
                    ("rules", "rules"),
                    ("vip", "vip"),
                    ("profit", "profit"),
                    ("matrix", "matrix"),
                    ("prospects", "prospects"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        # A run of the prospect matrix with no prospects in the pipeline stores a snapshot without classes.
        migrations.AlterField(
            model_name="snapshot",
            name="class_counts",
            field=models.JSONField(blank=True, default=dict, verbose_name="customers per class"),
        ),
        migrations.RunPython(create_prospects_scheme, migrations.RunPython.noop),
    ]
