"""Login: same-site redirects only, throttling per client address and account, no account probing
(issue 13, items 2 and 3). Client addresses never reach the database."""
import pytest
from werkzeug import security

from participation.auth import login as login_module
from participation.extensions import db
from tests.conftest import REDIS_URL, login
from tests.security.conftest import table_snapshot

STRANGER = {"REMOTE_ADDR": "203.0.113.7"}
OWNER = {"REMOTE_ADDR": "198.51.100.23"}


@pytest.mark.parametrize("target", [
    "/%09/evil.example/", "/%5Cevil.example", "%5C%5Cevil.example", "/%0A/evil.example", "%20//evil.example",
    "%00//evil.example", "//evil.example", "https://evil.example/", "/%5C/evil.example", "javascript:alert(1)",
    "/%0d%0a/evil.example", "%2F%2Fevil.example", "/%09%5C/evil.example",
])
def test_login_redirects_only_to_same_site_paths(client, make_user, target):
    """`target` is as typed into the address bar (percent-encoded); browsers drop tabs and newlines."""
    user = make_user("planner")
    response = client.post("/login?next=" + target, data={"email": user.email, "password": "correct horse battery"})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert "evil.example" not in location and not location.startswith("javascript")


def test_login_keeps_a_same_site_next_path(client, make_user):
    user = make_user("planner")
    response = client.post("/login?next=/planning/processes/1", data={"email": user.email,
                                                                      "password": "correct horse battery"})
    assert response.headers["Location"] == "/planning/processes/1"


def test_strangers_failures_do_not_lock_the_owner_out(app, client, make_user):
    admin = make_user("admin")
    for _attempt in range(app.config["LOGIN_MAX_FAILURES"]):
        assert client.post("/login", data={"email": admin.email, "password": "guess"},
                           environ_base=STRANGER).status_code == 401
    assert client.post("/login", data={"email": admin.email, "password": "correct horse battery"},
                       environ_base=STRANGER).status_code == 429
    owner = app.test_client()
    response = owner.post("/login", data={"email": admin.email, "password": "correct horse battery"},
                          environ_base=OWNER)
    assert response.status_code == 302


def test_one_client_cannot_spray_many_accounts(app, client, make_user):
    app.config["LOGIN_FAILURES_PER_CLIENT"] = 4
    users = [make_user("planner") for _ in range(5)]
    statuses = [client.post("/login", data={"email": user.email, "password": "guess"},
                            environ_base=STRANGER).status_code for user in users]
    assert statuses == [401, 401, 401, 401, 429]


def test_unknown_and_existing_accounts_answer_alike(app, make_user, monkeypatch):
    existing = make_user("planner")
    checks = []
    real_check = security.check_password_hash
    monkeypatch.setattr(login_module, "check_password_hash",
                        lambda stored, password: checks.append(stored) or real_check(stored, password))

    def attempts(email, address):
        client = app.test_client()
        return [(response.status_code, [message for message in ("falsch", "Zu viele Fehlversuche")
                                        if message in response.get_data(as_text=True)])
                for response in (client.post("/login", data={"email": email, "password": "guess"},
                                             environ_base={"REMOTE_ADDR": address})
                                 for _ in range(app.config["LOGIN_MAX_FAILURES"] + 1))]

    assert attempts(existing.email, "192.0.2.1") == attempts("nobody@example.org", "192.0.2.2")
    # every non-throttled attempt checks a password hash, also for the unknown address (similar time)
    assert len(checks) == 2 * app.config["LOGIN_MAX_FAILURES"]


def test_client_addresses_are_not_stored(client, make_user):
    user = make_user("planner")
    for _attempt in range(3):
        client.post("/login", data={"email": user.email, "password": "guess"}, environ_base=STRANGER)
    login(client, user)
    assert STRANGER["REMOTE_ADDR"] not in repr(table_snapshot(exclude=()))


def test_redis_counters_are_shared_and_hold_no_address(app):
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis")
    from participation.privacy import throttle
    app.config["REDIS_URL"] = REDIS_URL
    app.extensions.pop("throttle", None)
    try:
        with app.test_request_context(environ_base=STRANGER):
            key = throttle.key("test-login", throttle.client_key())
            throttle.counters().clear(key)
            assert [throttle.counters().hit(key, 60) for _ in range(3)] == [1, 2, 3]
            assert throttle.counters().count(key) == 3
            stored = [name.decode() for name in connection.keys(throttle.KEY_PREFIX + "test-login*")]
            assert stored and not any(STRANGER["REMOTE_ADDR"] in name for name in stored)
            assert 0 < connection.ttl(stored[0]) <= 60
            throttle.counters().clear(key)
    finally:
        app.extensions.pop("throttle", None)
        db.session.remove()
