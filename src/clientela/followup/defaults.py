"""The follow-up policies a new database starts with (created by a data migration, and by the demo after a reset)."""

from typing import Any

from clientela.planning.policies import DEFAULT_POLICIES

# The classes of each default scheme that have a policy (SPEC S5).
SCHEME_CLASSES = {
    "abc": ("A", "B", "C"),
    "vip": ("vip", "good", "regular"),
    "matrix": ("EI", "EII", "EIII", "EIV"),
    "prospects": ("PI", "PII", "PIII", "PIV"),
}


def default_policies_create(policy_model: Any) -> None:
    """Create the missing default policies with `policy_model` (the model, or its migration-time version)."""
    for scheme, labels in SCHEME_CLASSES.items():
        for label in labels:
            rule = DEFAULT_POLICIES[label]
            policy_model.objects.get_or_create(
                scheme=scheme,
                class_label=label,
                defaults={"contacts": rule.contacts, "period": rule.period, "channel": rule.channel, "minutes": rule.minutes, "priority": rule.priority},
            )
