"""`clientela token create|list|revoke`, run as the installed console script on a fresh database."""

import hashlib
import sqlite3

import pytest


def tokens(database) -> list[tuple]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT u.username, t.name, t.prefix, t.key_hash, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id").fetchall()
    db.close()
    return rows


@pytest.fixture
def initialised(clientela, tmp_path):
    result = clientela("init", "--admin-password", "Str0ng-pass-123")
    assert result.returncode == 0, result
    return tmp_path / "x.db"


def test_create_list_and_revoke_a_token(clientela, initialised):
    created = clientela("token", "create", "admin", "--name", "ERP export")
    assert created.returncode == 0, created
    key = created.stdout.strip()
    assert key.startswith("clt_") and "not shown again" in created.stderr
    [(user, name, prefix, digest, revoked)] = tokens(initialised)
    assert (user, name, prefix, revoked) == ("admin", "ERP export", key[:12], None)
    assert digest == hashlib.sha256(key.encode()).hexdigest()

    listed = clientela("token", "list", "admin")
    assert listed.returncode == 0 and "admin: 1 token" in listed.stdout and prefix in listed.stdout and "ERP export" in listed.stdout

    revoked = clientela("token", "revoke", prefix)
    assert revoked.returncode == 0 and f"token {prefix}… of admin revoked" in revoked.output
    assert tokens(initialised)[0][4] is not None


def test_unknown_users_and_prefixes_are_clear_errors(clientela, initialised):
    for args, message in (
        (("token", "create", "nobody"), 'no user named "nobody"'),
        (("token", "list", "nobody"), 'no user named "nobody"'),
        (("token", "revoke", "clt_nothing"), 'no token with prefix "clt_nothing"'),
    ):
        result = clientela(*args)
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.output
    assert tokens(initialised) == []
