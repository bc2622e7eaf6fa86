"""A language is offered to residents only when complete or confirmed; a missing language is said, never hidden."""
import pytest

from participation.demo import content as demo_content
from participation.extensions import db
from participation.languages.i18n import LANGUAGES
from participation.languages.translation_files import (
    import_translations,
    resident_languages,
    text_units,
    translation_completeness,
)
from participation.models import AuditEvent, Guide, Survey
from tests.conftest import login
from tests.i18n.survey_texts import SURVEY_TEXTS
from tests.public.conftest import start


@pytest.fixture
def turkish_planned(survey):
    """Turkish is planned for the survey but not translated yet; English is complete."""
    survey.languages = ["de", "en", "tr"]
    survey.incomplete_languages_published = []
    for unit in text_units(survey, "en"):
        unit.obj.set_text(unit.field, "en", SURVEY_TEXTS["en"][unit.id])
    db.session.commit()
    return survey


def test_only_complete_or_confirmed_languages_are_offered(app, turkish_planned):
    assert resident_languages(turkish_planned) == ["de", "en"]
    turkish_planned.incomplete_languages_published = ["tr"]
    assert resident_languages(turkish_planned) == ["de", "en", "tr"]


def test_a_resident_whose_language_is_missing_is_told_so_in_it_and_keeps_the_choice(client, turkish_planned):
    html = client.get("/s/kurz?lang=tr").get_data(as_text=True)
    assert '<html lang="de" dir="ltr">' in html
    assert "Bu anket bu dilde (henüz) yok: Türkçe." in html
    assert 'class="notice notice-warning language-notice" lang="tr"' in html
    assert 'href="/s/kurz?lang=de"' in html and 'href="/s/kurz?lang=en"' in html
    assert 'href="/s/kurz?lang=tr"' not in html
    started = client.post("/s/kurz", data={"language": "de", "consent": "y"})
    assert started.status_code == 302 and "lang=" not in started.headers["Location"]
    index = client.get("/").get_data(as_text=True)
    assert '<html lang="tr" dir="ltr">' in index  # the choice was kept for everything else
    assert "Bu anket bu dilde (henüz) yok: Türkçe." in index
    assert 'class="language-tag" lang="en" dir="ltr">English</span>' in index


def test_a_browser_language_the_survey_lacks_gets_the_notice_too(client, turkish_planned):
    html = client.get("/s/kurz", headers={"Accept-Language": "uk"}).get_data(as_text=True)
    assert "Цього опитування (поки що) немає цією мовою: Українська." in html


def test_choosing_an_offered_language_ends_the_notice(client, turkish_planned):
    client.get("/s/kurz?lang=tr")
    html = client.get("/s/kurz?lang=en").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html and "language-notice" not in html


def test_planner_publishes_an_incomplete_language_and_residents_see_marked_german(client, make_user, process,
                                                                                 turkish_planned):
    planner = make_user("planner", processes=[process])
    login(client, planner)
    url = f"/planning/questionnaires/{turkish_planned.id}/translations/tr/publish-incomplete"
    page = client.get(f"/planning/questionnaires/{turkish_planned.id}/translations").get_data(as_text=True)
    assert "nicht angeboten, bis die Übersetzung vollständig ist" in page and url in page
    assert client.post(url, data={"publish": "yes"}).status_code == 302
    db.session.expire_all()
    assert turkish_planned.incomplete_languages_published == ["tr"]
    assert db.session.execute(db.select(AuditEvent).filter_by(
        action="translation_published_incomplete")).scalar_one()
    client.post("/logout")
    html = client.get("/s/kurz?lang=tr").get_data(as_text=True)
    assert '<html lang="tr" dir="ltr">' in html and "language-notice" not in html
    assert "Bu dil sürümü henüz tamamlanmadı." in html
    assert '<span lang="de" dir="ltr" class="fallback-de">Kurze Umfrage</span>' in html


def test_only_planners_of_the_process_may_publish_incomplete(client, make_user, turkish_planned):
    url = f"/planning/questionnaires/{turkish_planned.id}/translations/tr/publish-incomplete"
    login(client, make_user("planner", processes=[]))
    assert client.post(url, data={"publish": "yes"}).status_code in (403, 404)
    db.session.expire_all()
    assert turkish_planned.incomplete_languages_published == []


def test_process_title_is_translated_through_the_survey_translation_file(client, turkish_planned):
    csv = "id,de,tr\nprocess.title,Gesund aufwachsen in der Nordstadt,Nordstadt'ta sağlıklı büyümek\n"
    report = import_translations(turkish_planned, "tr", "anket.csv", csv.encode())
    db.session.commit()
    assert report.ok and report.applied == 1
    index = client.get("/?lang=tr").get_data(as_text=True)
    assert "Nordstadt&#39;ta sağlıklı büyümek" in index
    assert translation_completeness(turkish_planned)["tr"][0] == 1


def test_untranslated_process_title_is_marked_german_on_the_start_page(client, turkish_planned):
    index = client.get("/?lang=tr").get_data(as_text=True)
    assert '<span lang="de" dir="ltr" class="fallback-de">Gesund aufwachsen in der Nordstadt</span>' in index


def test_consent_error_uses_the_error_summary_with_a_link_and_the_title(client, survey):
    html = client.post("/s/kurz", data={"language": "de"}).get_data(as_text=True)
    assert "<title>Fehler: Kurze Umfrage" in html
    assert 'id="error-summary"' in html and 'href="#consent"' in html


def test_free_text_fields_carry_a_character_counter(client, survey):
    start(client)
    html = client.get("/s/kurz/2").get_data(as_text=True)
    assert 'data-counter-for="field-missing"' in html and "Noch {count} von 5000 Zeichen frei." in html


def test_the_demo_survey_and_both_guides_are_complete_in_all_nine_languages(app, demo):
    questionnaires = db.session.execute(db.select(Survey)).scalars().all() + \
        db.session.execute(db.select(Guide)).scalars().all()
    assert len(questionnaires) == 3
    for questionnaire in questionnaires:
        assert sorted(questionnaire.languages) == sorted(LANGUAGES)
        assert {language: done == total for language, (done, total)
                in translation_completeness(questionnaire).items()} == {code: True for code in LANGUAGES
                                                                        if code != "de"}
        assert resident_languages(questionnaire) == demo_content.LANGUAGES
    priorities = db.session.execute(db.select(Survey)).scalar_one().question_by_code("priorities")
    assert (priorities.kind, priorities.max_choices) == ("multiple_choice", 3)
