"""Salespeople, teams and regions."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Team(models.Model):
    """A sales team led by a supervisor."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    supervisor = models.ForeignKey(
        "crm.User",
        verbose_name=_("supervisor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supervised_teams",
    )

    class Meta:
        db_table = "teams"
        ordering = ["name"]
        verbose_name = _("team")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who signs in: salesperson, supervisor or admin."""

    class Role(models.TextChoices):
        SALESPERSON = "salesperson", _("Salesperson")
        SUPERVISOR = "supervisor", _("Supervisor")
        ADMIN = "admin", _("Admin")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SALESPERSON)
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the pages; blank follows the browser."),
    )

    class Meta:
        db_table = "users"
        ordering = ["username"]
        verbose_name = _("user")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Region(models.Model):
    """A sales region or area."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    country = models.CharField(_("country"), max_length=2, blank=True)

    class Meta:
        db_table = "regions"
        ordering = ["name"]
        verbose_name = _("region")

    def __str__(self) -> str:
        return self.name


class RegionHoliday(models.Model):
    """A public holiday in a region (a key date for greetings)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="holidays")
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        db_table = "region_holidays"
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["region", "date"], name="uniq_region_holiday")]

    def __str__(self) -> str:
        return f"{self.name} ({self.date})"
