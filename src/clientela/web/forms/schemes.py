"""The settings form of a scheme, generated from the engine's definition of its kind (pydantic fields).

Every setting of a kind becomes a form field with the definition's bounds: shares and cut-offs as
percentages, counts as whole numbers, choices as lists, nested weights as one field each, and the
ordered rules of a rule-based scheme as lines of text ("A: growth_last_year >= 20%").
"""

import re
import types
from decimal import Decimal
from enum import Enum
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel
from pydantic import ValidationError as DefinitionError
from pydantic.fields import FieldInfo

from clientela.engine.schemes import KINDS
from clientela.engine.schemes.rules import RULE_METRICS, Rule
from clientela.web.class_explanations import METRIC_NAMES

# Settings every scheme has but that the page does not edit: the kind and name are fixed, the version follows.
FIXED = ("kind", "name", "version")
# Fractions shown and typed as percentages (0.8 is 80 %).
PERCENTAGES = frozenset({"a_share", "b_share", "a_count", "b_count", "vip_share", "good_share", "keep", "review", "time_shares"})
SEPARATOR = "__"  # nested settings: weights__alive

LABELS: dict[str, Any] = {
    "metric": _("key metric"),
    "window_months": _("window (months)"),
    "a_share": _("A up to the cumulative share (%)"),
    "b_share": _("B up to the cumulative share (%)"),
    "a_count": _("A: top share of the customers (%)"),
    "b_count": _("B: next share of the customers (%)"),
    "rules": _("rules, first match wins"),
    "otherwise": _("class when no rule holds"),
    "mode": _("register"),
    "vip_share": _("VIP: top share of each month's payers (%)"),
    "good_share": _("good: top share of the other payers (%)"),
    "keep": _("keep: top share of the customers (%)"),
    "review": _("review: bottom share of the customers (%)"),
    "contribution": _("contribution measured as"),
    "contribution_threshold": _("contribution threshold"),
    "stability_threshold": _("stability threshold (0–1)"),
    "intention_threshold": _("intention threshold (1–5)"),
    "weights": _("stability weights"),
    "time_shares": _("share of the salesperson's time (%)"),
    "contribution_weights": _("weights of expected contribution"),
    "intention_weights": _("weights of intention"),
}
HELP: dict[str, Any] = {
    "contribution_threshold": _("Empty: the median. Money in currency units."),
    "stability_threshold": _("Empty: the median."),
    "rules": _("One rule a line: “label: metric operator value”, conditions joined by “and”; e.g. “A: growth_last_year >= 20%”. "
               "Operators: >= > <= < == !=. Money in currency units; a value ending in % is a fraction."),
}  # fmt: skip
CHOICE_LABELS: dict[str, Any] = {
    "monthly": _("union of the monthly VIPs"),
    "total": _("one total over the window"),
    "value": _("the metric's value"),
    "share": _("its share of the total"),
}

LINE = re.compile(r"^(?P<label>[^:]{1,40}):(?P<conditions>.+)$")
CONDITION = re.compile(r"^(?P<metric>[a-z_]+)\s*(?P<operator>>=|<=|==|!=|>|<)\s*(?P<value>-?\d+(?:\.\d+)?)\s*(?P<percent>%?)$")


class RulesField(forms.CharField):
    """Ordered rules as lines of text, read into the engine's rule objects with each bad line named."""

    widget = forms.Textarea(attrs={"rows": 5, "spellcheck": "false"})

    def to_python(self, value: Any) -> list[dict[str, Any]]:  # type: ignore[override]
        text = super().to_python(value)
        rules = [_rule(number, line.strip()) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
        if not rules:
            raise ValidationError(_("Write at least one rule."))
        return rules

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return "\n".join(rules_text(value))
        return value


def _rule(number: int, line: str) -> dict[str, Any]:
    match = LINE.match(line)
    if match is None:
        raise ValidationError(_("Line %(line)s: expected “label: metric operator value”, e.g. “A: growth_last_year >= 20%%”.") % {"line": number})
    conditions = []
    for part in re.split(r"\s+and\s+", match["conditions"].strip()):
        condition = CONDITION.match(part.strip())
        if condition is None:
            raise ValidationError(_("Line %(line)s: “%(part)s” is not “metric operator value”.") % {"line": number, "part": part.strip()})
        if condition["metric"] not in RULE_METRICS:
            raise ValidationError(
                _("Line %(line)s: unknown metric “%(metric)s”; expected one of %(metrics)s.")
                % {"line": number, "metric": condition["metric"], "metrics": ", ".join(RULE_METRICS)}
            )
        value = float(Decimal(condition["value"]) / (100 if condition["percent"] else 1))
        conditions.append({"metric": condition["metric"], "operator": condition["operator"], "value": value})
    return {"label": match["label"].strip(), "conditions": conditions}


def rules_text(rules: list[dict[str, Any]] | tuple[Rule, ...]) -> list[str]:
    """Rules as the lines the form reads back."""
    lines = []
    for rule in rules:
        data = rule.model_dump() if isinstance(rule, Rule) else rule
        conditions = " and ".join(f"{c['metric']} {c['operator']} {c['value']:g}" for c in data["conditions"])
        lines.append(f"{data['label']}: {conditions}")
    return lines


class SchemeForm(forms.Form):
    """Base of the generated forms; `definition()` gives the engine's definition of the cleaned settings."""

    kind: str
    name = forms.SlugField(label=_("name"), max_length=100)
    active = forms.BooleanField(label=_("active (runs every month)"), required=False)

    def __init__(self, *args: Any, new: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not new:
            del self.fields["name"]  # snapshots and class changes belong to the scheme by its name

    def definition(self) -> dict[str, Any]:
        """The cleaned settings as a definition of the kind (without name and version)."""
        data: dict[str, Any] = {"kind": self.kind}
        for key, value in self.cleaned_data.items():
            if key in ("name", "active"):
                continue
            if isinstance(value, Decimal):
                value = float(value / 100) if _percentage(key) else float(value)
            top, _sep, sub = key.partition(SEPARATOR)
            if sub:
                data.setdefault(top, {})[sub] = value
            elif value is not None and value != "":
                data[key] = value
        return data

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors:
            try:
                KINDS[self.kind].model_validate({**self.definition(), "name": cleaned.get("name") or self.kind})
            except DefinitionError as error:
                for problem in error.errors():
                    field = SEPARATOR.join(str(part) for part in problem["loc"])
                    message = problem["msg"].removeprefix("Value error, ")
                    self.add_error(field if field in self.fields else None, message)
        return cleaned


def _percentage(key: str) -> bool:
    return key.partition(SEPARATOR)[0] in PERCENTAGES


def scheme_form_class(kind: str) -> type[SchemeForm]:
    """The settings form of a scheme kind, with a field for each setting of its engine definition."""
    definition: type[BaseModel] = KINDS[kind]
    fields: dict[str, forms.Field] = {}
    for name, info in definition.model_fields.items():
        if name in FIXED:
            continue
        fields.update(_fields(name, info))
    return type(f"{definition.__name__}Form", (SchemeForm,), {"kind": kind, **fields})


def _fields(name: str, info: FieldInfo) -> dict[str, forms.Field]:
    annotation = info.annotation
    label = LABELS.get(name, name.replace("_", " "))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {f"{name}{SEPARATOR}{sub}": _field(sub, sub_info, percentage=False, label=f"{label}: {sub.replace('_', ' ')}") for sub, sub_info in annotation.model_fields.items()}
    if get_origin(annotation) is dict:
        default = info.get_default(call_default_factory=True)
        return {f"{name}{SEPARATOR}{key}": forms.DecimalField(label=f"{label}: {key}", min_value=0, max_value=100, decimal_places=4) for key in default}
    if name == "rules":
        return {name: RulesField(label=label, help_text=HELP[name])}
    return {name: _field(name, info, percentage=name in PERCENTAGES, label=label)}


def _field(name: str, info: FieldInfo, *, percentage: bool, label: Any) -> forms.Field:
    annotation = info.annotation
    optional = get_origin(annotation) in (Union, types.UnionType) and type(None) in get_args(annotation)
    if optional:
        annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
    bounds = _bounds(info, scale=100 if percentage else 1)
    common = {"label": label, "required": not optional, "help_text": HELP.get(name, "")}
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return forms.ChoiceField(choices=[(member.value, METRIC_NAMES.get(member.value, member.value)) for member in annotation], **common)
    if get_origin(annotation) is Literal:
        return forms.ChoiceField(choices=[(value, CHOICE_LABELS.get(value, value)) for value in get_args(annotation)], **common)
    if annotation is int:
        return forms.IntegerField(**bounds, **common)
    if annotation is float:
        return forms.DecimalField(decimal_places=4 if percentage else 6, **bounds, **common)
    return forms.CharField(max_length=40, **common)


def _bounds(info: FieldInfo, scale: int) -> dict[str, Decimal]:
    """The definition's inclusive bounds as form limits (exclusive ones are left to the definition's own check)."""
    bounds = {}
    for rule in info.metadata:
        if isinstance(rule, annotated_types.Ge):
            bounds["min_value"] = Decimal(str(rule.ge)) * scale
        elif isinstance(rule, annotated_types.Le):
            bounds["max_value"] = Decimal(str(rule.le)) * scale
    return bounds


def scheme_initial(definition: dict[str, Any], active: bool) -> dict[str, Any]:
    """A stored definition as the form's initial values (fractions as percentages, nested settings flattened)."""
    values: dict[str, Any] = {"active": active}
    for key, value in definition.items():
        if key in FIXED:
            continue
        if isinstance(value, dict):
            for sub, sub_value in value.items():
                values[f"{key}{SEPARATOR}{sub}"] = _shown(key, sub_value)
        else:
            values[key] = _shown(key, value)
    return values


def _shown(key: str, value: Any) -> Any:
    if isinstance(value, float) and _percentage(key):
        shown = Decimal(str(value)) * 100
        return shown.to_integral_value() if shown == shown.to_integral_value() else shown.normalize()
    return value
