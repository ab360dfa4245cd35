"""`{% row_url %}`: the same address as `{% url %}`, remembered per script prefix."""

from django.template import Context, Template
from django.urls import clear_script_prefix, reverse, set_script_prefix

TEMPLATE = Template("{% load row_links %}{% row_url 'web:customer_detail' pk %} {% row_url 'followup:log_contact' pk %}")


def test_the_same_address_as_url():
    for pk in (1, 42, 42):
        assert TEMPLATE.render(Context({"pk": pk})) == f"{reverse('web:customer_detail', args=[pk])} {reverse('followup:log_contact', args=[pk])}"
    assert TEMPLATE.render(Context({"pk": 42})) == "/customers/42/ /customers/42/log/"


def test_an_application_served_under_a_prefix_gets_its_prefix():
    assert TEMPLATE.render(Context({"pk": 7})) == "/customers/7/ /customers/7/log/"
    set_script_prefix("/crm/")
    try:
        assert TEMPLATE.render(Context({"pk": 7})) == "/crm/customers/7/ /crm/customers/7/log/"
    finally:
        clear_script_prefix()
    assert TEMPLATE.render(Context({"pk": 7})) == "/customers/7/ /customers/7/log/"
