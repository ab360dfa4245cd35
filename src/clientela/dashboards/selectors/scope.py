"""Which customers a dashboard shows: those the user may see, narrowed by the filters."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from clientela.crm.models import Customer, Region, Tag, Team, User
from clientela.crm.selectors.customers import customers_visible_to


@dataclass(frozen=True)
class DashboardFilters:
    """Team, salesperson (owner), region and group of the customers shown; None does not filter."""

    team: int | None = None
    owner: int | None = None
    region: int | None = None
    tag: int | None = None


@dataclass(frozen=True)
class Scope:
    """The customers shown; `everyone` when that is every customer, so company-wide figures apply as stored."""

    customers: QuerySet[Customer]
    everyone: bool


def dashboard_scope(*, user: User, filters: DashboardFilters) -> Scope:
    """The customers `user` may see, narrowed by `filters`."""
    visible = customers_visible_to(user)
    customers = visible
    if filters.team:
        customers = customers.filter(owner__team_id=filters.team)
    if filters.owner:
        customers = customers.filter(owner_id=filters.owner)
    if filters.region:
        customers = customers.filter(region_id=filters.region)
    if filters.tag:
        customers = customers.filter(tags=filters.tag)
    sees_all = user.is_superuser or user.role == User.Role.ADMIN
    return Scope(customers=customers, everyone=sees_all and filters == DashboardFilters())


def in_scope(queryset: QuerySet, scope: Scope, field: str = "customer") -> QuerySet:
    """`queryset` narrowed to the rows whose `field` is a customer in scope."""
    return queryset if scope.everyone else queryset.filter(**{f"{field}__in": scope.customers})


def filter_choices(*, user: User) -> dict[str, QuerySet]:
    """The teams, salespeople and regions of the customers `user` may see, and every group."""
    visible = customers_visible_to(user)
    return {
        "team": Team.objects.filter(Exists(visible.filter(owner__team=OuterRef("pk")))),
        "owner": User.objects.filter(Exists(visible.filter(owner=OuterRef("pk")))),
        "region": Region.objects.filter(Exists(visible.filter(region=OuterRef("pk")))),
        "tag": Tag.objects.all(),
    }
