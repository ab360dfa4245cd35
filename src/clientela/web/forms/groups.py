"""The form of a customer group."""

from clientela.crm.models import Tag
from clientela.web.forms.customer_file import model_form

GroupForm = model_form(Tag, ["name", "description"])
