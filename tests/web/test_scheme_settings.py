"""Scheme settings: a form per kind generated from the engine's definition, a preview of the classes, saving a new version."""

import re
import time
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clientela.crm.models import User
from clientela.crm.services.business import transactions_upsert
from clientela.crm.services.customers import customer_create
from clientela.engine.schemes import KINDS
from clientela.segmentation import preview_runs
from clientela.segmentation.models import PreviewRun, Scheme, Snapshot
from clientela.segmentation.services import default_schemes_create, scheme_save, segmentation_run
from clientela.web.forms.schemes import scheme_form_class, scheme_initial


@pytest.fixture
def admin(db) -> User:
    return User.objects.create_user("root", password="pw", role=User.Role.ADMIN)


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


def post_data(form_class, initial: dict, **changes) -> dict:
    """What the browser sends for a form showing `initial`, with `changes`."""
    form = form_class(initial=initial)
    data = {}
    for name, field in form.fields.items():
        value = form.get_initial_for_field(field, name)
        if value is None or value is False:
            continue
        data[name] = field.prepare_value(value) if name == "rules" else value
    data.update(changes)
    return {name: ("on" if value is True else value) for name, value in data.items()}


# --- the generated forms


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_gets_a_form_that_gives_back_its_default_definition(kind):
    default = KINDS[kind](name=kind).model_dump(mode="json")
    form_class = scheme_form_class(kind)
    form = form_class(post_data(form_class, scheme_initial(default, True)))
    assert form.is_valid(), form.errors
    assert KINDS[kind].model_validate({**form.definition(), "name": kind}).model_dump(mode="json") == default


def test_the_abc_form_has_the_cut_offs_in_percent_and_the_metric_choices():
    form = scheme_form_class("abc")(initial=scheme_initial(KINDS["abc"]().model_dump(mode="json"), True))
    assert list(form.fields) == ["active", "metric", "window_months", "a_share", "b_share"]
    assert form.get_initial_for_field(form.fields["a_share"], "a_share") == 80
    assert ("paid", "amount paid") in [(value, str(label)) for value, label in form.fields["metric"].choices]
    assert form.fields["window_months"].min_value == 1 and form.fields["window_months"].max_value == 120


def test_nested_weights_and_time_shares_get_a_field_each():
    fields = scheme_form_class("matrix")().fields
    assert {"weights__alive", "weights__order_spread", "time_shares__EI", "time_shares__EIV", "contribution_threshold"} <= set(fields)
    assert not fields["contribution_threshold"].required  # empty: the median
    assert "intention_weights__judgement" in scheme_form_class("prospects")().fields


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"a_share": "120"}, "a_share", "Ensure this value is less than or equal to 100."),
        ({"a_share": "abc"}, "a_share", "Enter a number."),
        ({"window_months": "0"}, "window_months", "Ensure this value is greater than or equal to 1."),
        ({"a_share": "0"}, "a_share", "Input should be greater than 0"),
        ({"a_share": "96", "b_share": "95"}, None, "expected 0 < a_share <= b_share <= 1 (got 0.96, 0.95)"),
    ],
)
def test_bad_cut_offs_are_refused_on_their_field(changes, field, message):
    form_class = scheme_form_class("abc")
    form = form_class(post_data(form_class, scheme_initial(KINDS["abc"]().model_dump(mode="json"), True), **changes))
    assert not form.is_valid()
    errors = form.errors.get(field or "__all__", [])
    assert any(message in error for error in errors), form.errors


def test_rules_are_read_from_lines_with_each_bad_line_named():
    form_class = scheme_form_class("rules")
    initial = scheme_initial(KINDS["rules"]().model_dump(mode="json"), True)
    text = "A: growth_last_year >= 20%\nB: share >= 0.05 and active_months >= 10"
    form = form_class(post_data(form_class, initial, rules=text, otherwise="C"))
    assert form.is_valid(), form.errors
    assert form.definition()["rules"] == [
        {"label": "A", "conditions": [{"metric": "growth_last_year", "operator": ">=", "value": 0.2}]},
        {"label": "B", "conditions": [{"metric": "share", "operator": ">=", "value": 0.05}, {"metric": "active_months", "operator": ">=", "value": 10.0}]},
    ]
    form = form_class(post_data(form_class, initial, rules="A: growth_last_year >= 20%\nB: loyalty >= 3"))
    assert not form.is_valid()
    assert form.errors["rules"][0].startswith("Line 2: unknown metric “loyalty”; expected one of value, share,")
    form = form_class(post_data(form_class, initial, rules="A growth_last_year >= 20%"))
    assert form.errors["rules"] == ["Line 1: expected “label: metric operator value”, e.g. “A: growth_last_year >= 20%”."]


# --- pages


def test_the_list_shows_every_scheme_with_its_version(admin_client):
    content = admin_client.get(reverse("web:scheme_list")).content.decode()
    for name in ("abc", "abc-count", "rules", "rules-share", "vip", "profit", "matrix", "prospects"):
        assert f'href="{reverse("web:scheme_edit", args=[name])}"' in content


def test_saving_a_changed_definition_bumps_the_version(admin_client):
    scheme = Scheme.objects.get(name="abc")
    url = reverse("web:scheme_edit", args=["abc"])
    data = post_data(scheme_form_class("abc"), scheme_initial(scheme.definition, True), a_share="70")
    response = admin_client.post(url, data, follow=True)
    assert "abc saved as version 2." in response.content.decode()
    scheme.refresh_from_db()
    assert scheme.version == 2 and scheme.definition["a_share"] == 0.7
    admin_client.post(url, data)  # the same settings again: no new version
    scheme.refresh_from_db()
    assert scheme.version == 2
    page = admin_client.get(url).content.decode()
    assert 'name="a_share" value="70"' in page


def test_a_bad_save_shows_the_error_and_keeps_the_version(admin_client):
    url = reverse("web:scheme_edit", args=["abc"])
    data = post_data(scheme_form_class("abc"), scheme_initial(Scheme.objects.get(name="abc").definition, True), b_share="150")
    content = admin_client.post(url, data).content.decode()
    assert "Ensure this value is less than or equal to 100." in content
    assert Scheme.objects.get(name="abc").version == 1


def test_an_admin_creates_a_scheme_of_a_kind(admin_client):
    url = reverse("web:scheme_new") + "?kind=abc"
    form = admin_client.get(url).content.decode()
    assert 'name="name"' in form
    data = post_data(scheme_form_class("abc"), scheme_initial(KINDS["abc"]().model_dump(mode="json"), True), name="abc-units", metric="units", kind="abc")
    assert admin_client.post(reverse("web:scheme_new"), data).status_code == 302
    assert Scheme.objects.get(name="abc-units").definition["metric"] == "units"
    again = admin_client.post(reverse("web:scheme_new"), data).content.decode()
    assert "A scheme named abc-units exists already." in again


# --- preview, on committed data (the engine reads the database through its own connection)


def polled(client, content: str) -> str:
    """The preview fragment once its background run has finished, polled as the page's fragment does."""
    deadline = time.monotonic() + 120
    while 'id="preview-run"' in content:
        assert time.monotonic() < deadline, "the preview run did not finish in 2 minutes"
        time.sleep(0.05)
        content = client.get(run_url(content), HTTP_HX_REQUEST="true").content.decode()
    return content


def run_url(content: str) -> str:
    return re.search(r'id="preview-run" role="status" hx-get="([^"]+)"', content).group(1)


@pytest.fixture
def four_customers(transactional_db):
    """Revenue in the 12 months to 2025-06-30: 600, 250, 100 and 50 (shares 60, 25, 10, 5 %)."""
    default_schemes_create()  # a transactional test starts from an empty database after the first one
    owner = User.objects.create_user("ana", password="pw")
    for n, euros in enumerate((600, 250, 100, 50), 1):
        customer = customer_create(external_id=f"C{n}", name=f"Bar {n}", owner=owner)
        transactions_upsert(rows=[(f"D{n}", 1, customer.pk, date(2025, 3, 1), None, 1, euros * 100, None)])
    return owner


@pytest.mark.parametrize(("a_share", "expected"), [("80", {"A": 2, "B": 1, "C": 1}), ("50", {"A": 1, "B": 2, "C": 1})])
def test_the_preview_counts_each_class_without_saving(client, four_customers, a_share, expected):
    # 80 %: 60 % (A), 85 % (A, crosses 80), 95 % (B, reaches 95), 100 % (C). 50 %: the first crosses 50; B up to 95 %.
    admin = User.objects.create_user("root", password="pw", role=User.Role.ADMIN)
    client.force_login(admin)
    scheme = Scheme.objects.get(name="abc")
    Snapshot.objects.create(scheme=scheme, version=1, as_of=date(2025, 6, 30), customers=4, class_counts={"A": 2, "B": 1, "C": 1})
    data = post_data(scheme_form_class("abc"), scheme_initial(scheme.definition, True), a_share=a_share, as_of="2025-06-30")
    content = polled(client, client.post(reverse("web:scheme_preview", args=["abc"]), data, HTTP_HX_REQUEST="true").content.decode())
    for label, count in expected.items():
        assert f'<tr data-class="{label}"><th scope="row">{label}</th><td class="num">{count}</td>' in content
    assert "Now (06/30/2025)" in content
    scheme.refresh_from_db()
    assert scheme.version == 1 and scheme.definition["a_share"] == 0.8


def test_the_preview_says_it_counted_the_stored_metrics_and_recomputes_from_the_transactions_on_request(client, four_customers):
    client.force_login(User.objects.create_user("root", password="pw", role=User.Role.ADMIN))
    segmentation_run(scheme_name="abc", as_of=date(2025, 6, 30))
    data = post_data(scheme_form_class("abc"), scheme_initial(Scheme.objects.get(name="abc").definition, True), a_share="50", as_of="2025-06-30")
    url = reverse("web:scheme_preview", args=["abc"])
    stored = client.post(url, data, HTTP_HX_REQUEST="true").content.decode()
    assert "Counted from the customers and metrics stored with the snapshot of 06/30/2025" in stored and "Recompute from the transactions" in stored
    started = client.post(url, {**data, "recompute": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Computing from the transactions since" in started and "<table" not in started
    recomputed = polled(client, started)
    assert "Computed from the transactions." in recomputed and "Recompute" not in recomputed
    for content in (stored, recomputed):
        for label, count in {"A": 1, "B": 2, "C": 1}.items():
            assert f'<tr data-class="{label}"><th scope="row">{label}</th><td class="num">{count}</td>' in content


def test_the_same_preview_asked_again_while_under_way_joins_it_and_another_admin_cannot_read_it(client, four_customers, django_assert_num_queries):
    root = User.objects.create_user("root", password="pw", role=User.Role.ADMIN)
    client.force_login(root)
    data = post_data(scheme_form_class("abc"), scheme_initial(Scheme.objects.get(name="abc").definition, True), a_share="50", as_of="2025-06-30")
    url = reverse("web:scheme_preview", args=["abc"])
    with preview_runs._reading:  # the transactions are being read for another preview: this one waits
        first = client.post(url, {**data, "recompute": "1"}, HTTP_HX_REQUEST="true").content.decode()
        again = client.post(url, {**data, "recompute": "1"}, HTTP_HX_REQUEST="true").content.decode()
        other = client.post(url, {**data, "a_share": "80", "recompute": "1"}, HTTP_HX_REQUEST="true").content.decode()
        assert run_url(first) == run_url(again) != run_url(other)
        assert "Computing from the transactions since" in client.get(run_url(first)).content.decode()
        client.force_login(User.objects.create_user("root2", password="pw", role=User.Role.ADMIN))
        assert client.get(run_url(first)).status_code == 404
        client.force_login(root)
    with django_assert_num_queries(4):  # session, user, the run, the latest snapshot
        client.get(run_url(first))
    assert '<tr data-class="A"><th scope="row">A</th><td class="num">1</td>' in polled(client, first)
    assert '<tr data-class="A"><th scope="row">A</th><td class="num">2</td>' in polled(client, other)
    assert PreviewRun.objects.count() == 2


def test_a_new_schemes_preview_is_computed_from_the_transactions(client, four_customers):
    client.force_login(User.objects.create_user("root", password="pw", role=User.Role.ADMIN))
    data = post_data(scheme_form_class("abc"), scheme_initial(KINDS["abc"]().model_dump(mode="json"), True), name="abc-half", a_share="50", kind="abc")
    content = polled(client, client.post(reverse("web:scheme_preview", args=["new"]), {**data, "as_of": "2025-06-30"}, HTTP_HX_REQUEST="true").content.decode())
    assert "Computed from the transactions." in content and PreviewRun.objects.get().scheme is None
    for label, count in {"A": 1, "B": 2, "C": 1}.items():  # cumulative 60, 85, 95, 100 %: the first crosses 50 %
        assert f'<tr data-class="{label}"><th scope="row">{label}</th><td class="num">{count}</td>' in content


def test_a_run_whose_server_stopped_says_so_and_old_runs_are_removed_by_the_next(client, four_customers):
    root = User.objects.create_user("root", password="pw", role=User.Role.ADMIN)
    client.force_login(root)
    scheme = Scheme.objects.get(name="abc")
    long_ago = timezone.now() - preview_runs.STALE_AFTER - timedelta(minutes=1)
    stopped = PreviewRun.objects.create(requested_by=root, scheme=scheme, key="k", definition=scheme.definition, as_of=date(2025, 6, 30), started_at=long_ago)
    content = client.get(reverse("web:scheme_preview_run", args=[stopped.pk])).content.decode()
    assert "The preview stopped before it finished" in content and "hx-get" not in content
    PreviewRun.objects.filter(pk=stopped.pk).update(started_at=timezone.now() - preview_runs.KEPT_FOR - timedelta(minutes=1))
    data = post_data(scheme_form_class("abc"), scheme_initial(scheme.definition, True), as_of="2025-06-30")
    polled(client, client.post(reverse("web:scheme_preview", args=["abc"]), {**data, "recompute": "1"}, HTTP_HX_REQUEST="true").content.decode())
    assert not PreviewRun.objects.filter(pk=stopped.pk).exists() and PreviewRun.objects.count() == 1


def test_the_preview_names_bad_settings(admin_client):
    data = post_data(scheme_form_class("abc"), scheme_initial(Scheme.objects.get(name="abc").definition, True), a_share="96")
    content = admin_client.post(reverse("web:scheme_preview", args=["abc"]), data).content.decode()
    assert "expected 0 &lt; a_share &lt;= b_share &lt;= 1 (got 0.96, 0.95)" in content


# --- refusals


def test_salespeople_have_no_scheme_settings(client, salesperson):
    client.force_login(salesperson)
    data = post_data(scheme_form_class("abc"), scheme_initial(Scheme.objects.get(name="abc").definition, True), a_share="10")
    for url in (reverse("web:scheme_list"), reverse("web:scheme_edit", args=["abc"]), reverse("web:scheme_new") + "?kind=abc"):
        assert client.get(url).status_code == 403, url
        assert client.post(url, data).status_code == 403, url
    assert client.post(reverse("web:scheme_preview", args=["abc"]), data, HTTP_HX_REQUEST="true").status_code == 403
    assert client.get(reverse("web:scheme_preview_run", args=[1])).status_code == 403
    assert Scheme.objects.get(name="abc").version == 1


def test_supervisors_read_the_settings_but_do_not_change_or_preview_them(client, team):
    client.force_login(team.supervisor)
    assert client.get(reverse("web:scheme_list")).status_code == 200
    page = client.get(reverse("web:scheme_edit", args=["abc"])).content.decode()
    assert 'name="a_share" value="80"' in page and "disabled" in page and "Only admins change the schemes." in page
    data = post_data(scheme_form_class("abc"), scheme_initial(Scheme.objects.get(name="abc").definition, True), a_share="10")
    assert client.post(reverse("web:scheme_edit", args=["abc"]), data).status_code == 403
    assert client.post(reverse("web:scheme_preview", args=["abc"]), data, HTTP_HX_REQUEST="true").status_code == 403
    assert client.get(reverse("web:scheme_preview_run", args=[1])).status_code == 403
    assert client.get(reverse("web:scheme_new") + "?kind=abc").status_code == 403
    assert Scheme.objects.get(name="abc").version == 1


def test_scheme_save_is_what_the_page_calls(db):
    """The page saves through the segmentation service: a second save with other settings is version 2."""
    assert scheme_save(name="abc", definition={"kind": "abc", "a_share": 0.7}).version == 2
