"""Bad input never crashes a public or multiplier endpoint, never comes back as live script, and gets a
clear answer. Property-based: random fields, huge values, wrong types, RTL overrides, HTML/JS, bad UTF-8."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participation.extensions import db
from participation.surveys.answering import validate_values

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PAYLOADS = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
            "\u202egnp.exe", "\u200f\u202bمرحبا\u202c", "' OR 1=1 --", "{{ 7*7 }}", "${jndi:ldap://x}",
            "\x00\x01\x1b[31m", "𝕳𝖊𝖑𝖑𝖔 👩‍👩‍👧", "a" * 100_000, "-1e309", "NaN", "9" * 40]
nasty_text = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=300),
                       st.text(alphabet=st.characters(codec="utf-8"), max_size=50))
field_names = st.one_of(st.sampled_from(["q_district", "q_children", "q_childcare", "q_years", "q_satisfaction",
                                         "q_topics", "q_missing", "q_name_short", "q_unknown", "submission_id",
                                         "nav", "consent", "language", "switch_language", "code", "csrf_token"]),
                        st.text(min_size=1, max_size=30))
form_data = st.dictionaries(field_names, st.one_of(nasty_text, st.lists(nasty_text, max_size=4)), max_size=10)
json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), nasty_text),
                           lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                   st.dictionaries(st.text(max_size=20), inner, max_size=4)),
                           max_leaves=20)


def assert_handled(response, sent=()):
    """No server error, and nothing that was sent comes back as markup the browser would run."""
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    body = response.get_data(as_text=True)
    if response.mimetype == "text/html":  # JSON may echo text back as data; browsers never run it
        assert "<script>alert(1)" not in body
        assert "<img src=x onerror" not in body
    if response.mimetype == "application/json" and response.status_code >= 400:
        error = response.get_json()["error"]
        assert error["code"] and error["message"]


@SETTINGS
@given(values=st.dictionaries(st.text(max_size=20), json_values, max_size=8))
def test_validate_values_never_raises_and_names_unknown_questions(app, survey, values):
    with app.test_request_context():
        errors = validate_values(survey, values)
    known = {q.code for q in survey.questions}
    for code in values:
        if code not in known:
            assert code in errors


@SETTINGS
@given(data=form_data)
def test_deletion_form_survives_anything(client, survey, data):
    assert_handled(client.post("/delete", data=data))


@SETTINGS
@given(data=form_data)
def test_login_form_survives_anything(client, data):
    assert_handled(client.post("/login", data=data))


@pytest.mark.parametrize("path", ["/delete", "/login", "/s/kurz", "/s/kurz/1", "/api/sync"])
@pytest.mark.parametrize("body", [b"code=\xff\xfe\xfd", b"q_missing=%FF%FE%80&nav=next", b"\xc3\x28=\xa0\xa1",
                                  b"q_topics=%E2%80%AE&q_topics=%00"])
def test_invalid_utf8_bodies_are_handled(client, survey, path, body):
    response = client.post(path, data=body, content_type="application/x-www-form-urlencoded")
    assert_handled(response)


@pytest.mark.parametrize("path", ["/s/%FF%FE", "/s/kurz/%C3%28", "/s/" + "x" * 5000, "/s/kurz/99999999999999999999",
                                  "/delete?lang=%FF", "/s/<script>alert(1)</script>", "/s/kurz?lang=\u202e"])
def test_malformed_urls_are_handled(client, survey, path):
    assert_handled(client.get(path))


@SETTINGS
@given(payload=json_values)
def test_json_api_survives_any_json(client, make_user, payload):
    response = client.post("/api/sync", data=json.dumps(payload), content_type="application/json")
    assert_handled(response)


def test_html_in_answers_is_stored_as_text_and_shown_escaped(app, client, make_user, survey, process):
    """Script typed by a resident is kept as the resident's words, and never runs for planners."""
    from participation.surveys.answering import store_response
    from tests.conftest import login
    store_response(survey, {"district": "Nordstadt", "children": False, "missing": PAYLOADS[0] + PAYLOADS[1]},
                   submission_id="html-answer-0001")
    login(client, make_user("admin", [process]))
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.arguments - {"process_id", "questionnaire_id", "survey_id"}:
            continue
        if rule.endpoint == "static":
            continue
        from flask import url_for
        with app.test_request_context():
            url = url_for(rule.endpoint, **{name: (process.id if name == "process_id" else survey.id)
                                            for name in rule.arguments})
        assert_handled(client.get(url))
    db.session.rollback()
