"""The filters of a dashboard: scheme, as-of date and months where the page has them; team, salesperson, region, group."""

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from clientela.crm.models import User
from clientela.dashboards.selectors.scope import DashboardFilters, filter_choices
from clientela.dashboards.selectors.snapshots import dashboard_schemes, default_scheme, scheme_snapshots
from clientela.engine.window import Window
from clientela.segmentation.models import Scheme, Snapshot

MONTHS = [(3, _("3 months")), (6, _("6 months")), (12, _("12 months")), (24, _("24 months"))]
DEFAULT_MONTHS = 6
FILTERS = {"team": _("Team"), "owner": _("Salesperson"), "region": _("Region"), "tag": _("Group")}


class ListedChoices(ModelChoiceIterator):
    """A filter's choices read by one plain query: Django's `iterator()` opens a server-side cursor on PostgreSQL
    (three more round trips per list, for a few rows)."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from (self.choice(choice) for choice in self.queryset)


class FilterField(forms.ModelChoiceField):
    iterator = ListedChoices


class DashboardForm(forms.Form):
    """A dashboard's filters, bound to the query string with defaults for what it leaves out.

    Teams, salespeople and regions on offer are those of the customers the user may see; a value
    outside them is refused as an invalid choice. The scheme defaults to the one named like the
    first kind, and the as-of date to the scheme's latest snapshot.
    """

    def __init__(self, data: QueryDict, *, user: User, kinds: Sequence[str] = (), months: bool = False) -> None:
        values = {key: value for key, value in data.items() if value}
        self.schemes: list[Scheme] = dashboard_schemes(kinds=kinds) if kinds else []
        self.scheme: Scheme | None = None
        self.snapshots: list[Snapshot] = []
        if self.schemes:
            values.setdefault("scheme", default_scheme(self.schemes, kinds[0]).name)
            self.scheme = next((scheme for scheme in self.schemes if scheme.name == values["scheme"]), None)
            self.snapshots = scheme_snapshots(scheme=self.scheme) if self.scheme else []
            if self.snapshots:
                values.setdefault("as_of", self.snapshots[0].as_of.isoformat())
        if months:
            values.setdefault("months", str(DEFAULT_MONTHS))
        super().__init__(values)
        if self.schemes:
            self.fields["scheme"] = forms.ChoiceField(label=_("Scheme"), choices=[(scheme.name, scheme.name) for scheme in self.schemes])
            self.fields["as_of"] = forms.TypedChoiceField(
                label=_("As of"),
                choices=[(snapshot.as_of.isoformat(), date_format(snapshot.as_of)) for snapshot in self.snapshots],
                coerce=date.fromisoformat,
                required=bool(self.snapshots),
            )
        if months:
            self.fields["months"] = forms.TypedChoiceField(label=_("Months"), choices=MONTHS, coerce=int)
        choices = filter_choices(user=user)
        for name, label in FILTERS.items():
            self.fields[name] = FilterField(queryset=choices[name], required=False, label=label, empty_label=_("All"))

    def filters(self) -> DashboardFilters:
        """The chosen team, salesperson, region and group (call after is_valid)."""
        return DashboardFilters(**{name: getattr(self.cleaned_data.get(name), "pk", None) for name in FILTERS})

    @property
    def snapshot(self) -> Snapshot | None:
        """The scheme's snapshot as of the chosen date (call after is_valid)."""
        as_of = self.cleaned_data.get("as_of")
        return next((snapshot for snapshot in self.snapshots if snapshot.as_of == as_of), None)

    def history(self) -> list[Snapshot]:
        """The scheme's snapshots in the chosen number of months up to the chosen date, oldest first."""
        snapshot = self.snapshot
        if snapshot is None:
            return []
        window = Window(snapshot.as_of, self.cleaned_data["months"])
        return [item for item in reversed(self.snapshots) if window.contains(item.as_of)]
