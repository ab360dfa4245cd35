"""Admin: one row of retention settings, validated; fits, predictions and losses are read-only."""

from datetime import date

import pytest

from clientela.retention.models import ChurnFit, RetentionSettings
from clientela.retention.selectors.fits import retention_settings

ADD = "/admin/retention/retentionsettings/add/"
SETTINGS = {
    "time_unit": "week", "fit_window_months": 24, "min_repeat_customers": 20, "horizon_months": 6, "monthly_discount_rate": 0.02,
    "at_risk_threshold": 0.4, "silence_factor": 2, "at_risk_min_days": 30, "lost_factor": 3, "lost_min_days": 120, "matrix_uses_p_alive": "",
}  # fmt: skip


@pytest.mark.django_db
def test_the_settings_are_the_defaults_until_saved_once(admin_client):
    assert retention_settings().pk is None and retention_settings().lost_min_days == 90
    assert admin_client.post(ADD, SETTINGS).status_code == 302
    saved = retention_settings()
    assert (saved.fit_window_months, saved.horizon_months, saved.lost_min_days, saved.matrix_uses_p_alive) == (24, 6, 120, False)
    assert admin_client.get(ADD).status_code == 403  # one row only
    assert admin_client.post(f"/admin/retention/retentionsettings/{saved.pk}/delete/", {"post": "yes"}).status_code == 403
    assert RetentionSettings.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("at_risk_threshold", "1.5", "Ensure this value is less than or equal to 1."),
        ("lost_factor", "0.5", "Ensure this value is greater than or equal to 1."),
        ("time_unit", "year", "Select a valid choice. year is not one of the available choices."),
        ("horizon_months", "0", "Ensure this value is greater than or equal to 1."),
    ],
)
def test_bad_settings_are_refused_naming_the_field(admin_client, field, value, message):
    response = admin_client.post(ADD, SETTINGS | {field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RetentionSettings.objects.exists()


@pytest.mark.django_db
def test_fits_are_listed_read_only(admin_client):
    fit = ChurnFit.objects.create(as_of=date(2024, 6, 30), status="failed", failure="did not converge", time_unit="week", fit_window_months=12, horizon_months=12, monthly_discount_rate=0.01)
    assert "did not converge" in admin_client.get("/admin/retention/churnfit/").content.decode()
    assert admin_client.get("/admin/retention/churnfit/add/").status_code == 403
    page = admin_client.get(f"/admin/retention/churnfit/{fit.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    for model in ("customerprediction", "customerloss"):
        assert admin_client.get(f"/admin/retention/{model}/").status_code == 200
