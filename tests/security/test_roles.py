"""No role sees or changes data it must not: every non-public route, walked from app.url_map.

Each route is called by an anonymous visitor, a resident (a visitor who just answered a survey), a
multiplier who is not assigned to the secret process, and a planner of another process — with the ids
of the secret process in the URL. Routes added later by other areas are covered automatically.
"""
import pytest

from participation.extensions import db
from tests.conftest import login
from tests.security.conftest import (build_url, changed_tables, checked_rules, leaked_markers,
                                     login_protected_public_rules, table_snapshot, touched_foreign_rows)

ATTACKERS = ("anonymous", "resident", "other_multiplier", "planner_of_other_process", "planner_mixing_ids")
PLANNERS = ("planner_of_other_process", "planner_mixing_ids")


@pytest.fixture
def attacker_client(app, make_user, secret_world):
    """A logged-in (or anonymous) client for each kind of user who must not see the secret process."""
    from participation.models import Process

    def make(kind):
        client = app.test_client()
        if kind == "resident":
            client.get(f"/s/{secret_world.survey.short_code}")
        elif kind == "other_multiplier":
            login(client, make_user("multiplier"))
        elif kind in PLANNERS:
            own = Process(title="Eigener Prozess", districts=["Nord"], languages=["de"])
            db.session.add(own)
            db.session.commit()
            login(client, make_user("planner", [own]))
            if kind == "planner_mixing_ids":  # own process in the URL, everything else from the secret one
                secret_world.ids["process_id"] = own.id
        return client
    return make


def _call(client, method, url):
    if method == "GET":
        return client.get(url)
    return client.post(url, data={"title": "übernommen", "label": "übernommen", "name": "x", "email": "a@b.de",
                                  "text": "x", "confirm": "y", "retention_until": "2020-01-01"})


@pytest.mark.parametrize("kind", ATTACKERS)
def test_no_route_gives_data_of_a_foreign_process(app, attacker_client, secret_world, kind):
    protected_public = login_protected_public_rules(app, secret_world)
    client = attacker_client(kind)
    problems = []
    for rule, method in checked_rules(app, also=protected_public):
        url = build_url(app, rule, secret_world)
        before = table_snapshot(exclude=("audit_event", "user_account", "refused_attempts"))
        response = client.open(url, method=method) if method == "GET" else _call(client, method, url)
        body = response.get_data(as_text=True)
        after = table_snapshot(exclude=("audit_event", "user_account", "refused_attempts"))
        db.session.rollback()
        label = f"{method} {url} ({rule.endpoint}) -> {response.status_code}"
        if kind == "planner_mixing_ids":
            problems += [f"{label}: {problem}" for problem in
                         touched_foreign_rows(before, after, secret_world.ids["process_id"])]
        elif changed_tables(before, after):
            problems.append(f"{label} changed {changed_tables(before, after)}")
        if response.status_code >= 500:
            problems.append(f"{label} crashed")
        if 200 <= response.status_code < 300:
            if kind == "planner_mixing_ids":
                if leaked_markers(body) or rule.endpoint.startswith("admin."):
                    problems.append(f"{label} shows {leaked_markers(body) or 'an admin page'}")
            elif rule.arguments and any(str(value) in url for value in secret_world.ids.values()):
                problems.append(f"{label} answered a URL with ids of a foreign process")
            elif leaked_markers(body):
                problems.append(f"{label} shows {leaked_markers(body)}")
            elif (rule.endpoint.startswith(("admin.", "planning.")) or rule.endpoint in protected_public) \
                    and kind not in PLANNERS:
                problems.append(f"{label} opened a planning/admin page")
            elif rule.endpoint.startswith("admin."):
                problems.append(f"{label} opened an admin page")
        if kind in ("anonymous", "resident") and response.status_code in (301, 302, 303):
            if "/login" not in response.headers.get("Location", ""):
                problems.append(f"{label} redirected an anonymous visitor elsewhere than to the login")
    assert not problems, "\n".join(problems)


def test_walk_covers_planning_admin_interview_and_api_routes(app):
    """The walk is only worth something if it reaches the protected areas at all."""
    endpoints = {rule.endpoint for rule, _method in checked_rules(app)}
    for area in ("planning.", "admin.", "interviews.", "api."):
        assert any(endpoint.startswith(area) for endpoint in endpoints), area


def test_planner_of_the_process_does_see_it(app, client, secret_world):
    """Control: the same URLs do answer for the right person, so refusals above are real refusals."""
    from participation.models import User
    owner = db.session.execute(db.select(User).filter_by(email="geheim-planung@example.org")).scalar_one()
    login(client, owner)
    response = client.get(f"/planning/processes/{secret_world.process.id}")
    assert response.status_code == 200
    assert "Geheimprozess Südstadt" in response.get_data(as_text=True)
