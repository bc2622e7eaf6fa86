"""Every state-changing request needs a CSRF token; no page carries inline script or style (CSP)."""
from html.parser import HTMLParser

import pytest

from participation.extensions import db
from tests.security.conftest import build_url, changed_tables, csrf_token_from, table_snapshot

EXEMPT_FROM_CSRF = {"api.healthz"}


def _login_with_token(client, user, password="correct horse battery"):
    token = csrf_token_from(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"email": user.email, "password": password, "csrf_token": token})
    assert response.status_code == 302


@pytest.mark.csrf
def test_every_post_route_refuses_requests_without_csrf_token(app, client, make_user, secret_world):
    admin = make_user("admin")
    _login_with_token(client, admin)
    problems = []
    post_rules = [rule for rule in app.url_map.iter_rules()
                  if "POST" in (rule.methods or ()) and rule.endpoint not in EXEMPT_FROM_CSRF]
    assert post_rules
    for rule in post_rules:
        url = build_url(app, rule, secret_world)
        before = table_snapshot(exclude=())
        response = client.post(url, data={"title": "x", "code": "ABCD", "email": admin.email, "password": "x",
                                          "label": "x", "text": "x"})
        after = table_snapshot(exclude=())
        db.session.rollback()
        if response.status_code != 400:
            problems.append(f"POST {url} ({rule.endpoint}) -> {response.status_code}, expected 400")
        if changed_tables(before, after):
            problems.append(f"POST {url} ({rule.endpoint}) changed {changed_tables(before, after)}")
    assert not problems, "\n".join(problems)


@pytest.mark.csrf
def test_missing_csrf_token_gets_a_clear_message(client):
    response = client.post("/login", data={"email": "a@b.de", "password": "x"})
    assert response.status_code == 400
    assert "Formular" in response.get_data(as_text=True)


class InlineCodeFinder(HTMLParser):
    """Collects what a `script-src 'self'; style-src 'self'` policy would block."""

    def __init__(self):
        super().__init__()
        self.problems = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src") and attributes.get("type") != "application/json":
            self._in_inline_script = True
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in attrs:
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>: {value}")
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL on <{tag}>")

    def handle_data(self, data):
        if self._in_inline_script and data.strip():
            self.problems.append(f"inline script: {data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_inline_script = False


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.problems


def test_finder_sees_inline_code():
    assert inline_code('<p style="color:red" onclick="x()"><script>alert(1)</script></p>')
    assert not inline_code('<script src="/static/js/app.js"></script><p class="x">ok</p>')


def _pages_to_check(app, world):
    public = ["/", f"/s/{world.survey.short_code}", "/login", "/delete"]
    routed = [build_url(app, rule, world) for rule in app.url_map.iter_rules()
              if "GET" in (rule.methods or ()) and rule.endpoint != "static" and not rule.endpoint.startswith("api.")]
    return list(dict.fromkeys(public + routed))


def test_no_page_has_inline_script_or_style(app, client, make_user, secret_world):
    from tests.conftest import login
    login(client, make_user("admin"))
    problems = []
    checked = 0
    for url in _pages_to_check(app, secret_world):
        response = client.get(url)
        if not response.mimetype == "text/html" or response.status_code >= 300:
            if response.status_code >= 500:
                problems.append(f"{url} -> {response.status_code}")
            continue
        checked += 1
        problems += [f"{url}: {problem}" for problem in inline_code(response.get_data(as_text=True))]
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert checked >= 5
    assert not problems, "\n".join(problems)
