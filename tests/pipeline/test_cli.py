"""`clientela pipeline sync` run as the installed command."""

from tests.fixtures.server import Clientela

PASSWORD = "Str0ng-pass-123"


def test_sync_on_a_database_not_initialised_fails_in_one_line(clientela: Clientela):
    result = clientela("pipeline", "sync")
    assert result.returncode == 2
    assert "run 'clientela init' first" in result.output


def test_sync_reports_what_it_did(clientela: Clientela):
    assert clientela("init", "--admin-password", PASSWORD).returncode == 0
    result = clientela("pipeline", "sync", "--today", "2026-01-31")
    assert result.returncode == 0, str(result)
    assert result.stderr.strip() == "0 customers entered the pipeline, 0 stage moves, 0 overdue alerts"
