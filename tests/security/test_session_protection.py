"""A staff session copied to another browser is dropped; a resident's session is not rewritten on every click."""
from flask import g

from tests.conftest import login


def test_a_planners_session_replayed_from_another_browser_is_logged_out(client, make_user, process):
    planner = make_user("planner", processes=[process])
    client.environ_base["HTTP_USER_AGENT"] = "Firefox on the planner's laptop"
    login(client, planner)
    assert client.get(f"/planning/processes/{process.id}").status_code == 200

    g.pop("_login_user", None)  # the test app keeps one app context; a server starts each request afresh
    client.environ_base["HTTP_USER_AGENT"] = "curl on someone else's machine"
    response = client.get(f"/planning/processes/{process.id}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_residents_cookie_is_only_sent_again_when_it_changes(client, survey):
    assert client.get(f"/s/{survey.short_code}").status_code == 200
    consent = client.post(f"/s/{survey.short_code}", data={"language": "de", "consent": "y"})
    page_url = consent.headers["Location"]
    assert any(cookie.startswith("session=") for cookie in consent.headers.getlist("Set-Cookie"))
    client.get(page_url)  # (with CSRF switched off in tests, the token is first stored here, not on the start page)

    for response in (client.get(page_url), client.get(page_url.split("?")[0]),
                     client.post(page_url.split("?")[0], data={
                         "submission_id": _remembered_draft(client, survey), "nav": "next",
                         "q_district": "Nordstadt", "q_children": "no"})):
        assert response.status_code in (200, 302)
        assert response.headers.getlist("Set-Cookie") == []  # nothing re-signed, no remember-cookie deletion


def _remembered_draft(client, survey) -> str:
    with client.session_transaction() as session:
        return session["survey_drafts"][survey.short_code]
