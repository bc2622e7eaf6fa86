"""Planners never see contact data that residents typed into free text — on any page or in any export.

Walks every GET route a planner can open for the process (pages, JSON, CSV/XLSX/DOCX exports) after
storing answers full of personal data; routes added later by other areas are covered automatically.
"""
import io
import zipfile

from participation.extensions import db
from participation.surveys.answering import store_response
from tests.conftest import login
from tests.security.conftest import build_url

SECRETS = ("anna.meier@example.de", "0176 1234567", "DE89 3704 0044 0532 0130 00", "Hauptstraße 12",
           "Anna Meierhoff")
TEXT = ("Ich heiße Anna Meierhoff, Hauptstraße 12. Schreiben Sie an anna.meier@example.de oder rufen Sie "
        "0176 1234567 an. Spenden: DE89 3704 0044 0532 0130 00. Es fehlt ein Kinderarzt.")


def _readable(response) -> str:
    """Text of HTML, JSON and CSV bodies, and of the XML inside XLSX/ODS/DOCX/ODT archives."""
    data = response.get_data()
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                             if name.endswith((".xml", ".csv", ".json", ".txt")))
    return data.decode("utf-8", "replace")


def test_no_planner_page_or_export_shows_personal_data(app, client, make_user, survey, process, secret_world):
    for number in range(process.min_group_size + 1):
        store_response(survey, {"district": "Nordstadt", "children": False, "missing": TEXT,
                                "name_short": "anna.meier@example.de"},
                       submission_id=f"personal-data-{number:04d}", consent=True)
    secret_world.process = process
    secret_world.survey = survey
    secret_world.ids.update(process_id=process.id, questionnaire_id=survey.id, survey_id=survey.id)
    login(client, make_user("planner", [process]))
    leaks = []
    opened = 0
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not rule.endpoint.startswith(("planning.", "api.")):
            continue
        url = build_url(app, rule, secret_world)
        response = client.get(url)
        db.session.rollback()
        if response.status_code != 200:
            continue
        opened += 1
        body = _readable(response)
        leaks += [f"{url}: {secret}" for secret in SECRETS if secret in body]
    assert opened >= 2
    assert not leaks, "\n".join(leaks)
