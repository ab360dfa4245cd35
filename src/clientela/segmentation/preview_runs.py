"""Previews computed from the transactions in the background: the request starts one and the page polls it.

Reading every transaction takes seconds at 100,000 customers, too long to hold a request. The
run is a row (`PreviewRun`) that any server process can read, computed by a thread of the process
that started it; the same request again joins the run under way. A run whose process stopped
before it finished is stale after `STALE_AFTER` and shown as failed.
"""

import hashlib
import json
import logging
import threading
from datetime import date, timedelta

from django.db import connection, transaction
from django.utils import timezone

from clientela.crm.models import User
from clientela.engine.schemes import SchemeError, scheme_from_dict
from clientela.engine.schemes.base import SchemeDefinition
from clientela.segmentation.models import PreviewRun, Scheme
from clientela.segmentation.preview import computed_preview
from clientela.segmentation.services import SegmentationRefused

log = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=30)
KEPT_FOR = timedelta(days=1)

# One reading of the transactions at a time in a server process: more would only share its cores.
_reading = threading.Lock()


def preview_run_start(*, user: User, scheme: Scheme | None, definition: SchemeDefinition, as_of: date) -> PreviewRun:
    """Start computing the preview of `definition` as of a date in a background thread, or join the same run under way."""
    stored = definition.model_dump(mode="json")
    key = hashlib.sha256(json.dumps([scheme.pk if scheme else None, stored, as_of.isoformat()], sort_keys=True).encode()).hexdigest()
    now = timezone.now()
    PreviewRun.objects.filter(started_at__lt=now - KEPT_FOR).delete()
    under_way = PreviewRun.objects.filter(requested_by=user, key=key, finished_at=None, started_at__gte=now - STALE_AFTER).first()
    if under_way is not None:
        return under_way
    run = PreviewRun.objects.create(requested_by=user, scheme=scheme, key=key, definition=stored, as_of=as_of, started_at=now)
    thread = threading.Thread(target=_compute, args=(run.pk,), name=f"clientela-preview-{run.pk}")
    transaction.on_commit(thread.start)  # the thread reads the run through its own connection
    return run


def preview_run_stale(run: PreviewRun) -> bool:
    """Whether a run still under way was started so long ago that its process must have stopped."""
    return run.finished_at is None and run.started_at < timezone.now() - STALE_AFTER


def _compute(run_id: int) -> None:
    """Compute a run's counts and store them, or why it failed; the thread's database connection is closed after."""
    try:
        run = PreviewRun.objects.get(pk=run_id)
        try:
            with _reading:
                run.counts = computed_preview(definition=scheme_from_dict(run.definition), as_of=run.as_of).counts
        except (SchemeError, SegmentationRefused, ValueError) as error:
            run.error = str(error)
        except Exception:
            log.exception("the preview run %s failed", run_id)
        run.finished_at = timezone.now()
        run.save(update_fields=["counts", "error", "finished_at"])
    finally:
        connection.close()
