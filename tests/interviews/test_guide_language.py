"""Issue 14, item 3: the guide in the interview's language, German beneath, missing translations said."""
from participation.extensions import db
from participation.models import Response
from tests.conftest import login

from .test_recording import interview_form

TURKISH_QUESTION = "Size tam olarak nerede destek eksik?"
GERMAN_QUESTION = "Wo genau fehlt Ihnen Unterstützung?"


def page(client, guide, query="") -> str:
    response = client.get(f"/interviews/questionnaires/{guide.id}/record{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_turkish_guide_page_shows_turkish_questions_with_german_beneath_and_german_chrome(
        client, multiplier, interview_guide):
    interview_guide.question_by_code("missing").set_text("followup", "tr", "Günlük hayattan örnekler isteyin.")
    db.session.commit()
    login(client, multiplier)
    html = page(client, interview_guide, "?language=tr")
    assert f'<span lang="tr" dir="ltr">{TURKISH_QUESTION}</span>' in html
    assert f'<span class="german-beneath" lang="de" dir="ltr">{GERMAN_QUESTION}</span>' in html
    assert "Interview speichern" in html  # the multiplier's own interface language stays
    assert '<option value="tr" selected>Türkçe</option>' in html
    # the other three questions have no Turkish text: said for each of them, not silently German
    assert html.count("Für diese Frage fehlt noch die Übersetzung in Türkçe") == 3
    german = page(client, interview_guide)
    assert "german-beneath" not in german and "fehlt noch die Übersetzung" not in german


def test_arabic_guide_is_right_to_left_and_every_untranslated_question_says_so(client, multiplier, interview_guide):
    login(client, multiplier)
    html = page(client, interview_guide, "?language=ar")
    assert html.count("Für diese Frage fehlt noch die Übersetzung in العربية") == 4
    assert '<span lang="de" dir="ltr" class="fallback-de">' + GERMAN_QUESTION in html


def test_switching_the_language_without_javascript_keeps_what_was_typed_and_saves_nothing(
        client, multiplier, interview_guide):
    login(client, multiplier)
    data = {**interview_form(client, interview_guide, language="tr"), "switch_language": "1",
            "q_missing": "Kreş yeri yok.", "consent": ""}
    response = client.post(f"/interviews/questionnaires/{interview_guide.id}/record", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert TURKISH_QUESTION in html and "Kreş yeri yok.</textarea>" in html
    assert "Noch nicht gespeichert" not in html
    assert db.session.execute(db.select(Response)).first() is None


def test_turkish_interview_from_the_turkish_page_is_listed_with_the_language_name(
        client, multiplier, interview_guide):
    login(client, multiplier)
    data = interview_form(client, interview_guide)
    response = client.post(f"/interviews/questionnaires/{interview_guide.id}/record?language=tr", data=data)
    assert response.status_code == 302
    stored = db.session.execute(db.select(Response)).scalar_one()
    assert stored.language == "tr"
    listing = client.get("/interviews/").get_data(as_text=True)
    assert ">Türkçe</td>" in listing and ">tr</td>" not in listing
    record = client.get(f"/interviews/records/{stored.id}").get_data(as_text=True)
    assert "<dd>Türkçe</dd>" in record


def test_narrative_prompt_and_followups_are_shown_in_the_interview_language(client, multiplier, interview_guide):
    question = interview_guide.question_by_code("missing")
    question.narrative_prompt = "Erzählen Sie vom letzten Mal, als Sie Hilfe brauchten."
    question.set_text("narrative_prompt", "tr", "En son yardıma ihtiyaç duyduğunuz zamanı anlatın.")
    question.set_text("followup", "tr", "Günlük hayattan örnekler isteyin.")
    db.session.commit()
    login(client, multiplier)
    html = page(client, interview_guide, "?language=tr")
    assert "Erzählstimulus:" in html
    assert '<span lang="tr" dir="ltr">En son yardıma ihtiyaç duyduğunuz zamanı anlatın.</span>' in html
    assert '<span class="german-beneath" lang="de" dir="ltr">Erzählen Sie vom letzten Mal' in html
    assert '<span lang="tr" dir="ltr">Günlük hayattan örnekler isteyin.</span>' in html


def test_printable_guide_in_the_interview_language_for_a4(client, multiplier, focus_guide, interview_guide):
    login(client, multiplier)
    html = client.get(f"/interviews/questionnaires/{interview_guide.id}/print?language=tr").get_data(as_text=True)
    assert TURKISH_QUESTION in html and f'class="german-beneath" lang="de" dir="ltr">{GERMAN_QUESTION}' in html
    assert "Nach Beispielen aus dem Alltag fragen." in html
    assert "4 Fragen sind noch nicht übersetzt" in html
    session = client.get(f"/interviews/questionnaires/{focus_guide.id}/print").get_data(as_text=True)
    assert "Wörtliche Zitate" in session and "Zahl der Teilnehmenden" in session


def test_print_page_and_forms_are_not_found_for_guides_not_assigned(client, make_user, process, interview_guide):
    other = make_user("multiplier", processes=[process], email="fremd@example.org")
    login(client, other)
    assert client.get(f"/interviews/questionnaires/{interview_guide.id}/print").status_code == 404
    assert client.get(f"/interviews/questionnaires/{interview_guide.id}/proposals").status_code == 404


def test_index_offers_every_language_of_every_assigned_form_for_offline_use(client, multiplier, interview_guide):
    login(client, multiplier)
    html = client.get("/interviews/").get_data(as_text=True)
    assert "bereit für offline" in html
    assert f"/interviews/questionnaires/{interview_guide.id}/record?language=fa" in html
