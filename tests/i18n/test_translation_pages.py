"""Planner pages for survey translations, and the page where answers get a German translation."""
import io
import uuid

import pytest

from participation.extensions import db
from participation.languages.translation_files import export_file, translation_completeness
from participation.models import AuditEvent
from participation.surveys.answering import store_response
from tests.conftest import login
from tests.i18n.test_translation_files import TURKISH, fill


@pytest.fixture
def turkish_survey(survey):
    survey.languages = ["de", "en", "tr"]
    db.session.commit()
    return survey


@pytest.fixture
def planner(make_user, process):
    return make_user("planner", processes=[process])


def test_process_overview_shows_completeness_per_language_before_opening_the_survey(client, planner,
                                                                                    turkish_survey):
    login(client, planner)
    page = client.get(f"/planning/processes/{turkish_survey.process_id}").get_data(as_text=True)
    assert "English</span>:\n    20 von 20" in page
    assert "Türkçe</span>:\n    0 von 20" in page
    assert "Befragten noch nicht angeboten" in page


def test_planner_exports_and_imports_turkish_through_the_pages(client, planner, turkish_survey):
    login(client, planner)
    base = f"/planning/questionnaires/{turkish_survey.id}/translations"
    overview = client.get(base + "?lang=en").get_data(as_text=True)
    assert "0 of 20" in overview and "incomplete" in overview
    assert "<code>q.childcare.text</code>" in overview
    download = client.get(base + "/tr/export.xliff")
    assert download.status_code == 200
    assert 'filename="survey-' in download.headers["Content-Disposition"]
    filled = fill("xliff", download.data, TURKISH)
    response = client.post(base + "/tr/import", data={"file": (io.BytesIO(filled), "anket.xlf")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    db.session.expire_all()
    assert translation_completeness(turkish_survey)["tr"] == (20, 20)
    assert db.session.execute(db.select(AuditEvent).filter_by(action="translation_imported")).scalar_one()


def test_import_with_errors_shows_them_and_changes_nothing(client, planner, turkish_survey):
    login(client, planner)
    exported = export_file(turkish_survey, "tr", "po")
    filled = fill("po", exported, TURKISH, language_header="ar")
    page = client.post(f"/planning/questionnaires/{turkish_survey.id}/translations/tr/import",
                       data={"file": (io.BytesIO(filled), "anket.po")}, content_type="multipart/form-data")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Die Datei ist für eine andere Sprache (ar)." in text and "Es wurde nichts geändert." in text
    db.session.expire_all()
    assert translation_completeness(turkish_survey)["tr"][0] == 0


def test_upload_of_another_file_type_gets_a_message_next_to_the_field(client, planner, turkish_survey):
    login(client, planner)
    page = client.post(f"/planning/questionnaires/{turkish_survey.id}/translations/tr/import",
                       data={"file": (io.BytesIO(b"x"), "anket.docx")}, content_type="multipart/form-data")
    assert 'class="error" id="file-error">Bitte laden Sie eine .po-, .xlf- oder .csv-Datei hoch.' in \
        page.get_data(as_text=True)


def test_upload_larger_than_the_limit_is_refused(client, planner, turkish_survey):
    login(client, planner)
    big = b"#" * (2 * 1024 * 1024 + 10)
    page = client.post(f"/planning/questionnaires/{turkish_survey.id}/translations/tr/import",
                       data={"file": (io.BytesIO(big), "anket.po")}, content_type="multipart/form-data")
    assert page.status_code in (200, 413)
    assert translation_completeness(turkish_survey)["tr"][0] == 0


def test_only_planners_of_the_process_reach_the_translations(client, make_user, turkish_survey):
    other_planner = make_user("planner")
    login(client, other_planner)
    base = f"/planning/questionnaires/{turkish_survey.id}/translations"
    assert client.get(base).status_code == 403
    assert client.get(base + "/tr/export.po").status_code == 403
    assert client.post(base + "/tr/import", data={}).status_code == 403


def test_languages_not_offered_and_unknown_formats_are_not_found(client, planner, turkish_survey):
    login(client, planner)
    base = f"/planning/questionnaires/{turkish_survey.id}/translations"
    assert client.get(base + "/fa/export.po").status_code == 404
    assert client.get(base + "/tr/export.docx").status_code == 404
    assert client.get(base + "/de/export.po").status_code == 404


@pytest.mark.csrf
def test_import_form_needs_a_csrf_token(client, planner, turkish_survey):
    login_page = client.get("/login").get_data(as_text=True)
    token = login_page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/login", data={"email": planner.email, "password": "correct horse battery", "csrf_token": token})
    exported = export_file(turkish_survey, "tr", "po")
    response = client.post(f"/planning/questionnaires/{turkish_survey.id}/translations/tr/import",
                           data={"file": (io.BytesIO(fill("po", exported, TURKISH)), "anket.po")},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert translation_completeness(turkish_survey)["tr"][0] == 0


@pytest.fixture
def interview(make_user, process, survey):
    multiplier = make_user("multiplier", processes=[process])
    response, _ = store_response(survey, {"missing": "Çocuklar için oyun alanı yok.", "years": 3},
                                 submission_id=uuid.uuid4().hex, channel="peer_interview", language="tr",
                                 consent=True, recorded_by=multiplier)
    return multiplier, response


def test_multiplier_adds_a_german_translation_beside_the_original(client, interview):
    multiplier, response = interview
    login(client, multiplier)
    listing = client.get(f"/interviews/records/{response.id}/translations").get_data(as_text=True)
    assert '<blockquote lang="tr" dir="auto">Çocuklar için oyun alanı yok.</blockquote>' in listing
    answer = next(a for a in response.answers if a.text_value)
    saved = client.post(f"/interviews/answers/{answer.id}/translation",
                        data={"translation_de": "Es gibt keinen Spielplatz für Kinder."})
    assert saved.status_code == 302
    db.session.expire_all()
    assert answer.translation_de == "Es gibt keinen Spielplatz für Kinder."
    assert answer.text_value == "Çocuklar için oyun alanı yok."
    assert "Es gibt keinen Spielplatz" in client.get(f"/interviews/records/{response.id}/translations").get_data(
        as_text=True)


def test_a_multiplier_cannot_translate_someone_elses_record(client, make_user, process, interview):
    _, response = interview
    login(client, make_user("multiplier", processes=[process]))
    answer = next(a for a in response.answers if a.text_value)
    assert client.get(f"/interviews/records/{response.id}/translations").status_code == 404
    assert client.post(f"/interviews/answers/{answer.id}/translation",
                       data={"translation_de": "Falsch"}).status_code == 404
    db.session.expire_all()
    assert answer.translation_de is None


def test_planners_of_the_process_may_translate_any_answer_others_not(client, make_user, process, interview):
    _, response = interview
    answer = next(a for a in response.answers if a.text_value)
    login(client, make_user("planner"))
    assert client.post(f"/interviews/answers/{answer.id}/translation", data={"translation_de": "x"}).status_code == 404
    client.post("/logout")
    login(client, make_user("planner", processes=[process]))
    assert client.post(f"/interviews/answers/{answer.id}/translation",
                       data={"translation_de": "Kein Spielplatz."}).status_code == 302
    db.session.expire_all()
    assert answer.translation_de == "Kein Spielplatz."


def test_number_answers_have_no_translation_page(client, interview):
    multiplier, response = interview
    login(client, multiplier)
    number = next(a for a in response.answers if a.number_value is not None)
    assert client.get(f"/interviews/answers/{number.id}/translation").status_code == 404


def test_translation_cell_for_the_builder_table(app, turkish_survey):
    from flask import render_template_string

    from participation.languages.i18n import LANGUAGES
    template = '{% include "planning/_translation_cell.html" %}'
    with app.test_request_context("/"):
        turkish = render_template_string(template, questionnaire=turkish_survey, lang=LANGUAGES["tr"])
        german = render_template_string(template, questionnaire=turkish_survey, lang=LANGUAGES["de"])
    assert "0 von 20" in turkish and "unvollständig" in turkish
    assert "Ausgangssprache" in german


def test_builder_language_table_shows_how_much_is_translated(client, planner, turkish_survey):
    login(client, planner)
    page = client.get(f"/planning/processes/{turkish_survey.process_id}/questionnaires/{turkish_survey.id}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert '<th scope="col">Übersetzt</th>' in text
    assert "0 von 20" in text and "20 von 20" in text and "Ausgangssprache" in text


def test_planners_see_contact_data_in_originals_masked(client, make_user, process, survey):
    multiplier = make_user("multiplier", processes=[process])
    response, _ = store_response(survey, {"missing": "Schreiben Sie mir: ayse@example.org"},
                                 submission_id=uuid.uuid4().hex, channel="peer_interview", language="de",
                                 consent=True, recorded_by=multiplier)
    login(client, multiplier)
    assert "ayse@example.org" in client.get(f"/interviews/records/{response.id}/translations").get_data(as_text=True)
    client.post("/logout")
    login(client, make_user("planner", processes=[process]))
    page = client.get(f"/interviews/records/{response.id}/translations").get_data(as_text=True)
    assert "ayse@example.org" not in page, page[page.find("ayse") - 300:page.find("ayse") + 50]
    assert "[E-Mail entfernt]" in page
