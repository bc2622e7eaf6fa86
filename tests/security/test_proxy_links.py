"""Behind a TLS proxy: links use the public scheme and host; plain http explains itself instead of a CSRF error."""
import re

import pytest

from participation import create_app
from tests.conftest import login

FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "beteiligung.stadt.de"}


@pytest.fixture
def proxied_app(app_config, app):
    """Configured like production behind one trusted proxy (same database as `app`)."""
    application = create_app({**app_config, "PROXY_HOPS": 1, "PUBLIC_BASE_URL": ""}, run_startup_tasks=False)
    with application.app_context():
        yield application


def _invitation_link(client, headers=None) -> str:
    page = client.post("/admin/", data={"name": "Neu", "email": "neu@stadt.de", "role": "planner"},
                       headers=headers or {}).get_data(as_text=True)
    return re.search(r'<code class="copyable">([^<]+)</code>', page).group(1)


def test_invitation_link_uses_the_scheme_and_host_the_proxy_forwards(proxied_app, make_user):
    client = proxied_app.test_client()
    admin = make_user("admin")
    client.post("/login", data={"email": admin.email, "password": "correct horse battery"}, headers=FORWARDED)
    assert _invitation_link(client, FORWARDED).startswith("https://beteiligung.stadt.de/")


def test_forwarded_headers_are_ignored_without_a_trusted_proxy(app, client, make_user):
    login(client, make_user("admin"))
    assert _invitation_link(client, FORWARDED).startswith("http://localhost/")


def test_public_base_url_wins_for_invitations_and_flyers(app, client, make_user, survey, process):
    app.config["PUBLIC_BASE_URL"] = "https://beteiligung.stadt.de/"
    login(client, make_user("admin"))
    assert _invitation_link(client).startswith("https://beteiligung.stadt.de/")
    from participation.public.common import short_url
    with app.test_request_context("/", base_url="http://10.0.0.5:8000"):
        assert short_url(survey) == "https://beteiligung.stadt.de/s/kurz"


@pytest.mark.csrf
def test_login_over_plain_http_says_the_connection_is_not_secure(app, client, make_user):
    app.config["SESSION_COOKIE_SECURE"] = True
    user = make_user("planner")
    response = client.post("/login", data={"email": user.email, "password": "correct horse battery"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Verbindung nicht sicher" in page and "https://" in page and "Formular abgelaufen" not in page


@pytest.mark.csrf
def test_expired_form_over_https_still_says_so(app, client, make_user):
    app.config["SESSION_COOKIE_SECURE"] = True
    user = make_user("planner")
    response = client.post("/login", data={"email": user.email, "password": "x"}, base_url="https://localhost")
    assert "Formular abgelaufen" in response.get_data(as_text=True)
