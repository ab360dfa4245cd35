"""Writes are attributed to the signed-in user on the web and in the admin, to "cli" on the command line."""

import sqlite3

from django.urls import reverse

from clientela.audit.models import AuditEvent
from clientela.crm.models import User


def test_a_change_in_the_admin_is_recorded_as_its_user(client, db, salesperson):
    root = User.objects.create_superuser("root", password="pw")
    client.force_login(root)
    response = client.post(reverse("admin:crm_tag_add"), {"name": "wine", "description": ""})
    assert response.status_code == 302
    event = AuditEvent.objects.get(object_type="crm.tag")
    assert (event.actor, event.actor_label, event.action, event.changes) == (root, "root", "create", {"name": [None, "wine"]})


def test_the_command_line_is_the_actor_of_its_writes(clientela, tmp_path):
    assert clientela("init", "--admin-password", "Str0ng-pass-123").returncode == 0
    (tmp_path / "customers.csv").write_text("external_id,name\nC1,Bar Uno\nC2,Bar Dos\n", encoding="utf-8")
    result = clientela("import", "customers", "customers.csv")
    assert result.returncode == 0, result
    with sqlite3.connect(tmp_path / "x.db") as database:
        rows = database.execute("SELECT actor_label, action, object_type, summary FROM audit_events ORDER BY id").fetchall()
    assert rows == [
        ("cli", "create", "crm.user", "admin"),
        ("cli", "run", "crm.customer", "Imported 2 customers rows from customers.csv: 2 new"),
    ]
