"""The retention settings and the stored churn fits."""

from datetime import date

from clientela.retention.models import ChurnFit, RetentionSettings


def retention_settings() -> RetentionSettings:
    """The saved settings, or the defaults (unsaved) while none are saved."""
    return RetentionSettings.objects.first() or RetentionSettings()


def latest_fit(*, on_or_before: date) -> ChurnFit | None:
    """The latest fit with predictions on or before a date: a fit that failed leaves the earlier one in use."""
    return ChurnFit.objects.filter(status=ChurnFit.Status.FITTED, as_of__lte=on_or_before).order_by("-as_of").first()


def stability_alive_as_of(*, as_of: date) -> date | None:
    """The date of the predictions whose probability alive the matrix counts into stability at `as_of` (None: not counted).

    The latest fit on or before `as_of`, when the settings say the matrix uses it.
    """
    if not retention_settings().matrix_uses_p_alive:
        return None
    fit = latest_fit(on_or_before=as_of)
    return None if fit is None else fit.as_of
