"""Default follow-up policies (SPEC S5) for the default schemes' classes."""

from django.db import migrations

from clientela.planning.policies import DEFAULT_POLICIES

SCHEMES = {
    "abc": ("A", "B", "C"),
    "vip": ("vip", "good", "regular"),
    "matrix": ("EI", "EII", "EIII", "EIV"),
    "prospects": ("PI", "PII", "PIII", "PIV"),
}


def create(apps, schema_editor):
    Policy = apps.get_model("followup", "Policy")
    for scheme, labels in SCHEMES.items():
        for label in labels:
            rule = DEFAULT_POLICIES[label]
            Policy.objects.get_or_create(
                scheme=scheme,
                class_label=label,
                defaults={"contacts": rule.contacts, "period": rule.period, "channel": rule.channel, "minutes": rule.minutes, "priority": rule.priority},
            )


class Migration(migrations.Migration):
    dependencies = [("followup", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
