"""A process that the users under test must never see, and helpers to walk every route of the app."""
import re
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select, text

from participation.extensions import db
from tests.conftest import SMALL_SURVEY

SECRET_MARKERS = ("Geheimprozess Südstadt", "Geheime Umfrage", "GEHEIMANTWORT-7Q", "Geheimviertel",
                  "geheim-planung@example.org")
# Endpoints anyone may call: residents' pages, login and invitations, assets, health checks.
PUBLIC_ENDPOINT_PREFIXES = ("public.", "auth.")
PUBLIC_ENDPOINTS = {"static", "api.healthz", "api.readiness"}
PLAIN_VALUES = {"lang": "de", "language": "de", "kind": "survey", "direction": "up", "action": "archive",
                "format": "csv", "fmt": "csv", "token": "x" * 43, "filename": "x.csv"}


@dataclass
class SecretWorld:
    """Ids of everything in the secret process, by URL argument name."""
    process: object
    survey: object
    guide: object
    response: object
    ids: dict = field(default_factory=dict)

    def value_for(self, argument: str, converter: str):
        if argument in self.ids:
            return self.ids[argument]
        if argument.endswith("_id") and converter in ("IntegerConverter", ""):
            return _first_row_id_of_table_like(argument[:-3])
        if argument in PLAIN_VALUES:
            return PLAIN_VALUES[argument]
        return 1 if converter == "IntegerConverter" else "1"


def _first_row_id_of_table_like(stem: str):
    """Unknown id arguments (e.g. from areas added later) get the id of a row of a matching table."""
    for table in db.metadata.sorted_tables:
        if (table.name == stem or table.name.endswith("_" + stem) or table.name.startswith(stem)) \
                and "id" in table.c:
            found = db.session.execute(select(table.c.id).limit(1)).scalar()
            if found is not None:
                return found
    return 999999


@pytest.fixture
def secret_world(app, make_user):
    from participation.demo.loader import build_questionnaire
    from participation.models import (
        AnalysisRun,
        AuditEvent,
        Guide,
        Invitation,
        Job,
        MembershipInvitation,
        Process,
        Survey,
        Theme,
        ThemeAssignment,
    )
    from participation.surveys.answering import store_response

    process = Process(title="Geheimprozess Südstadt", districts=["Geheimviertel", "Hafen"],
                      target_groups=["Familien mit Kindern"], languages=["de", "en"])
    db.session.add(process)
    survey = build_questionnaire(Survey, process, dict(SMALL_SURVEY, short_code="geheim",
                                                       title={"de": "Geheime Umfrage"}), status="open")
    guide = build_questionnaire(Guide, process, dict(SMALL_SURVEY, short_code="geheim-leitfaden",
                                                     title={"de": "Geheimer Leitfaden"}), status="open")
    db.session.commit()
    owner = make_user("planner", [process], email="geheim-planung@example.org")
    interviewer = make_user("multiplier", [process], email="geheim-multi@example.org")
    interviewer.assigned_questionnaires = [guide, survey]
    values = {"district": "Geheimviertel", "children": True, "missing": "GEHEIMANTWORT-7Q bitte nicht zeigen"}
    response, _ = store_response(survey, values, submission_id="secret-response-0001", consent=True)
    interview, _ = store_response(guide, values, submission_id="secret-interview-0001", channel="peer_interview",
                                  consent=True, recorded_by=interviewer)
    job = Job(kind="maintenance.ping", params={}, process_id=process.id, status="done", created_by_id=owner.id)
    run = AnalysisRun(process_id=process.id, questionnaire_id=survey.id, status="done")
    theme = Theme(process_id=process.id, label="GEHEIMANTWORT-7Q Thema", keywords=["geheim"])
    db.session.add_all([job, run, theme])
    db.session.flush()
    answer = next(a for a in response.answers if a.text_value)
    db.session.add(ThemeAssignment(answer_id=answer.id, theme_id=theme.id, quote=True))
    invitation, _token = Invitation.issue(owner)
    joining = MembershipInvitation(process=process, email="geheim-eingeladen@example.org", name="Geheim")
    joining.new_token()
    db.session.add_all([invitation, joining])
    db.session.add(AuditEvent(user_id=owner.id, process_id=process.id, action="secret_action"))
    db.session.commit()
    section = survey.sections[0]
    question = section.questions[-1]
    option = next(q for q in survey.questions if q.options).options[0]
    ids = {"process_id": process.id, "questionnaire_id": survey.id, "survey_id": survey.id, "guide_id": guide.id,
           "section_id": section.id, "question_id": question.id, "option_id": option.id,
           "response_id": response.id, "record_id": interview.id, "interview_id": interview.id,
           "session_id": interview.id, "answer_id": answer.id, "theme_id": theme.id, "other_theme_id": theme.id,
           "target_id": theme.id, "run_id": run.id, "analysis_run_id": run.id, "job_id": job.id,
           "user_id": owner.id, "invitation_id": invitation.id, "membership_invitation_id": joining.id,
           "code": survey.short_code,
           "short_code": survey.short_code}
    return SecretWorld(process=process, survey=survey, guide=guide, response=response, ids=ids)


def is_public(rule) -> bool:
    return rule.endpoint in PUBLIC_ENDPOINTS or rule.endpoint.startswith(PUBLIC_ENDPOINT_PREFIXES)


def login_protected_public_rules(app, world) -> set:
    """Rules in the public area that still need a login (e.g. paper entry): an anonymous GET is sent away."""
    protected = set()
    client = app.test_client()
    for rule in app.url_map.iter_rules():
        if not is_public(rule) or rule.endpoint.startswith("auth.") or "GET" not in (rule.methods or ()):
            continue
        response = client.get(build_url(app, rule, world))
        if response.status_code in (401, 403) or "/login" in response.headers.get("Location", ""):
            protected.add(rule.endpoint)
    db.session.rollback()
    return protected


def checked_rules(app, methods=("GET", "POST"), also=frozenset()):
    """Every (rule, method) outside the public, auth, static and health endpoints (plus `also`)."""
    found = []
    for rule in app.url_map.iter_rules():
        if is_public(rule) and rule.endpoint not in also:
            continue
        for method in sorted((rule.methods or set()) & set(methods)):
            found.append((rule, method))
    return found


def build_url(app, rule, world: SecretWorld) -> str:
    values = {}
    for argument in rule.arguments:
        converter = rule._converters.get(argument)
        if hasattr(converter, "items"):  # any(...): one of a fixed set of values
            values[argument] = sorted(converter.items)[0]
            continue
        values[argument] = world.value_for(argument, type(converter).__name__ if converter else "")
    with app.test_request_context():
        from flask import url_for
        return url_for(rule.endpoint, **values)


def table_snapshot(exclude=("audit_event",)) -> dict:
    """Every row of every table, to prove a refused request changed nothing."""
    db.session.expire_all()
    snapshot = {}
    for table in db.metadata.sorted_tables:
        if table.name in exclude:
            continue
        rows = db.session.execute(select(table)).all()
        snapshot[table.name] = sorted((tuple(repr(value) for value in row) for row in rows))
    return snapshot


def changed_tables(before: dict, after: dict) -> list[str]:
    return [name for name in before if before[name] != after.get(name)]


def touched_foreign_rows(before: dict, after: dict, own_process_id: int) -> list[str]:
    """Existing rows changed or deleted, or new rows copying secret data.

    The planner's own process row may change, and so may its questionnaires' rows: editing the process
    (districts, privacy, quotas) renews their structure version.
    """
    problems = []
    own = repr(own_process_id)
    for name, rows in before.items():
        remaining = set(after.get(name, []))
        for row in rows:
            own_row = (name == "process" and row[0] == own) or (name == "questionnaire" and row[2] == own)
            if row not in remaining and not own_row:
                problems.append(f"{name} row {row[:3]} changed or deleted")
        for row in set(after.get(name, [])) - set(rows):
            if leaked_markers(" ".join(row)):
                problems.append(f"new {name} row copies {leaked_markers(' '.join(row))}")
    return problems


def leaked_markers(body: str) -> list[str]:
    return [marker for marker in SECRET_MARKERS if marker in body]


CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def csrf_token_from(html: str) -> str:
    match = CSRF_FIELD.search(html)
    assert match, "page has no CSRF token"
    return match.group(1) or match.group(2)


def reset_connection_state():
    db.session.rollback()
    db.session.execute(text("SELECT 1"))
