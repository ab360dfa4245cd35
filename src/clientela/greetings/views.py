"""Greetings page: preview a bulk greeting, then send it and see each recipient's result."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from clientela.greetings.forms import BulkGreetingForm
from clientela.greetings.selectors import greetings_preview
from clientela.greetings.services import greetings_send


@login_required
def bulk_greetings(request: HttpRequest) -> HttpResponse:
    """Preview who a greeting reaches and with what text; send it on confirmation."""
    form = BulkGreetingForm(request.POST or None, initial={"occasion_date": timezone.localdate()})
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        arguments = {"user": request.user, **form.cleaned_data}
        if "send" in request.POST:
            context["results"] = greetings_send(**arguments)
        else:
            context["recipients"] = greetings_preview(**arguments)
    return render(request, "greetings/bulk.html", context)
