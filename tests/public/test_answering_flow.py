"""A resident answers a survey page by page, in their language, and the response is stored exactly once."""
import re
import threading
import urllib.parse
import urllib.request
from datetime import timedelta

import pytest
from sqlalchemy import text

from participation.demo.loader import build_questionnaire
from participation.extensions import db
from participation.models import Survey, SurveyDraft, utcnow
from participation.privacy.deletion import hash_deletion_code
from tests.public.conftest import (
    GOOD_FIRST_PAGE,
    GOOD_SECOND_PAGE,
    drafts,
    post_page,
    responses_of,
    start,
    submission_id_of,
)


def answers_by_code(response) -> dict:
    return {answer.question.code: answer.value for answer in response.answers}


def test_index_links_the_survey_by_its_short_url(client, survey):
    html = client.get("/").get_data(as_text=True)
    assert 'href="/s/kurz"' in html


def test_start_page_offers_only_the_survey_languages_and_asks_for_consent(client, survey):
    html = client.get("/s/kurz").get_data(as_text=True)
    assert "Kurze Umfrage" in html
    assert "Ich bin einverstanden." in html
    assert 'name="consent"' in html
    for code in ("de", "en", "ar"):
        assert f"/s/kurz?lang={code}" in html
    assert "/s/kurz?lang=tr" not in html


def test_german_resident_completes_the_survey_and_it_is_stored_once(client, survey):
    submission_id = start(client)
    assert post_page(client, 1, submission_id, GOOD_FIRST_PAGE).headers["Location"].endswith("/s/kurz/2")
    final = post_page(client, 2, submission_id, GOOD_SECOND_PAGE)
    assert final.status_code == 302 and final.headers["Location"].endswith("/s/kurz/danke")

    [response] = responses_of(survey)
    assert response.channel == "online" and response.language == "de" and response.consent is True
    assert response.submission_id == submission_id
    assert response.district == "Hafen"
    assert answers_by_code(response) == {
        "district": "Hafen", "children": True, "childcare": "waiting", "years": 12, "satisfaction": 4,
        "topics": ["bus", "doctors"], "missing": "Mehr Kinderärzte in der Nähe.", "name_short": "bunt"}
    assert drafts() == [], "the draft is deleted once the response is stored"

    thanks = client.get("/s/kurz/danke").get_data(as_text=True)
    assert "Vielen Dank!" in thanks and 'href="/s/kurz/ergebnisse"' in thanks
    shown_code = re.search(r"[A-Z2-9]{4}(?:-[A-Z2-9]{4}){3}", thanks).group(0)
    assert response.deletion_code_hash == hash_deletion_code(shown_code), "the code shown deletes this response"
    assert utcnow() - timedelta(minutes=1) < response.created_at <= utcnow()


def test_resending_the_last_page_after_submitting_stores_nothing_twice(client, survey):
    submission_id = start(client)
    post_page(client, 1, submission_id, GOOD_FIRST_PAGE)
    post_page(client, 2, submission_id, GOOD_SECOND_PAGE)
    for _attempt in range(3):  # back button + send again, double click, reload with resend
        again = post_page(client, 2, submission_id, GOOD_SECOND_PAGE)
        assert again.status_code == 302 and again.headers["Location"].endswith("/s/kurz/danke")
    assert len(responses_of(survey)) == 1


def test_a_complete_last_page_refused_for_now_keeps_what_was_typed_on_it(app, client, survey):
    app.config["SUBMISSIONS_PER_HOUR"] = 1
    other = start(client)
    post_page(client, 1, other, GOOD_FIRST_PAGE)
    post_page(client, 2, other, GOOD_SECOND_PAGE)
    submission_id = start(client)
    post_page(client, 1, submission_id, GOOD_FIRST_PAGE)
    refused = post_page(client, 2, submission_id, GOOD_SECOND_PAGE)
    assert refused.status_code == 429 and "Ihre Antworten sind gespeichert" in refused.get_data(as_text=True)
    [draft] = drafts()
    assert draft.raw_answers["missing"] == "Mehr Kinderärzte in der Nähe." and draft.raw_answers["satisfaction"] == "4"

    app.config["SUBMISSIONS_PER_HOUR"] = 0
    assert post_page(client, 2, submission_id, GOOD_SECOND_PAGE).headers["Location"].endswith("/s/kurz/danke")
    assert len(responses_of(survey)) == 2 and drafts() == []


def test_answers_without_choices_store_sql_null_not_json_null(client, survey):
    submission_id = start(client)
    post_page(client, 1, submission_id, GOOD_FIRST_PAGE)
    post_page(client, 2, submission_id, GOOD_SECOND_PAGE)
    [response] = responses_of(survey)
    without_choices = {a.question.code for a in response.answers if not a.choice_codes}
    null_in_sql = db.session.execute(text(
        "SELECT count(*) FROM answer WHERE response_id = :id AND choice_codes IS NULL"), {"id": response.id}).scalar()
    assert without_choices == {"years", "satisfaction", "missing", "name_short"}
    assert null_in_sql == len(without_choices)


def test_simultaneous_submits_of_the_same_form_store_one_response(client, survey, live_server):
    submission_id = start(client)
    post_page(client, 1, submission_id, GOOD_FIRST_PAGE)
    cookie = f"session={client.get_cookie('session').value}"
    body = urllib.parse.urlencode({**GOOD_SECOND_PAGE, "submission_id": submission_id, "nav": "next"},
                                  doseq=True).encode()
    statuses = []

    def send():
        request = urllib.request.Request(live_server + "/s/kurz/2", data=body, headers={"Cookie": cookie})
        with urllib.request.urlopen(request) as reply:
            statuses.append(reply.status)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 6  # each followed the redirect to the thanks page
    assert len(responses_of(survey)) == 1


def test_arabic_resident_gets_right_to_left_pages_and_german_fallbacks_are_marked(client, survey):
    client.get("/s/kurz?lang=ar")
    submission_id = start(client, language="ar")
    html = client.get("/s/kurz/1").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    # the question has no Arabic translation yet: German is shown and marked as German
    assert '<span lang="de" dir="ltr" class="fallback-de">In welchem Stadtteil wohnen Sie?</span>' in html
    post_page(client, 1, submission_id, GOOD_FIRST_PAGE)
    post_page(client, 2, submission_id, {**GOOD_SECOND_PAGE, "q_missing": "نحتاج إلى المزيد من الأطباء"})
    [response] = responses_of(survey)
    assert response.language == "ar"
    assert answers_by_code(response)["missing"] == "نحتاج إلى المزيد من الأطباء"


def test_back_and_forward_keep_everything_typed_even_if_not_yet_valid(client, survey, started):
    post_page(client, 1, started, GOOD_FIRST_PAGE)
    back = post_page(client, 2, started, {"q_missing": "Halb fertig", "q_satisfaction": "9"}, nav="back")
    assert back.headers["Location"].endswith("/s/kurz/1")
    first = client.get("/s/kurz/1").get_data(as_text=True)
    assert 'value="12"' in first and 'value="waiting" checked' in first
    second = client.get("/s/kurz/2").get_data(as_text=True)
    assert ">Halb fertig</textarea>" in second


def test_switching_language_on_a_page_keeps_the_answers_typed_there(client, survey, started):
    switched = post_page(client, 1, started, {"q_years": "7", "q_district": "Nordstadt"}, nav=None,
                         switch_language="en")
    assert switched.headers["Location"].endswith("/s/kurz/1?lang=en")
    html = client.get(switched.headers["Location"]).get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html
    assert "Which district do you live in?" in html
    assert 'value="7"' in html and 'value="Nordstadt" checked' in html


def test_every_page_shows_progress_and_the_language_switch_of_the_survey_only(client, survey, started):
    html = client.get("/s/kurz/2").get_data(as_text=True)
    assert "Seite 2 von 2" in html and '<progress max="2" value="2"' in html
    assert 'name="switch_language" value="ar"' in html
    assert 'value="tr"' not in html
    assert "Antworten absenden" in html


def cross_page_survey(process):
    spec = {"short_code": "kette", "title": {"de": "Kette"}, "sections": [
        {"title": {"de": "Eins"}, "questions": [
            {"code": "children", "kind": "yes_no", "required": True, "text": {"de": "Kinder?"}}]},
        {"title": {"de": "Zwei"}, "questions": [
            {"code": "childcare", "kind": "single_choice", "required": True, "text": {"de": "Kitaplatz?"},
             "condition": {"question": "children", "option": "yes"},
             "options": [{"code": "yes", "label": {"de": "Ja"}}, {"code": "no", "label": {"de": "Nein"}}]}]},
        {"title": {"de": "Drei"}, "questions": [
            {"code": "wish", "kind": "short_text", "text": {"de": "Wunsch?"}}]},
    ]}
    survey = build_questionnaire(Survey, process, spec, status="open")
    db.session.commit()
    return survey


def test_a_page_whose_questions_do_not_apply_is_skipped(client, process):
    survey = cross_page_survey(process)
    submission_id = start(client, code="kette", consent=False)
    skip = post_page(client, 1, submission_id, {"q_children": "no"}, code="kette")
    assert skip.headers["Location"].endswith("/s/kette/3")
    back = post_page(client, 3, submission_id, {"q_wish": "Mehr Bänke"}, nav="back", code="kette")
    assert back.headers["Location"].endswith("/s/kette/1")
    post_page(client, 1, submission_id, {"q_children": "no"}, code="kette")
    post_page(client, 3, submission_id, {"q_wish": "Mehr Bänke"}, code="kette")
    [response] = responses_of(survey)
    assert answers_by_code(response) == {"children": False, "wish": "Mehr Bänke"}


def test_an_answer_that_no_longer_applies_after_going_back_is_not_stored(client, process):
    survey = cross_page_survey(process)
    submission_id = start(client, code="kette", consent=False)
    post_page(client, 1, submission_id, {"q_children": "yes"}, code="kette")
    post_page(client, 2, submission_id, {"q_childcare": "no"}, code="kette")
    post_page(client, 3, submission_id, {}, nav="back", code="kette")
    post_page(client, 2, submission_id, {"q_childcare": "no"}, nav="back", code="kette")
    assert post_page(client, 1, submission_id, {"q_children": "no"}, code="kette").headers[
        "Location"].endswith("/s/kette/3")
    post_page(client, 3, submission_id, {}, code="kette")
    [response] = responses_of(survey)
    assert answers_by_code(response) == {"children": False}


def test_opening_a_page_without_starting_leads_to_the_start_page(client, survey):
    response = client.get("/s/kurz/2")
    assert response.status_code == 302 and response.headers["Location"].endswith("/s/kurz")


def test_a_form_sent_after_its_draft_expired_is_kept_and_asks_for_consent_again(app, survey):
    """The draft was swept and the browser restarted: what is sent is kept, only consent is asked again."""
    first_visit = app.test_client()
    submission_id = start(first_visit)
    db.session.execute(db.delete(SurveyDraft))
    db.session.commit()
    new_browser_session = app.test_client()
    post_page(new_browser_session, 1, submission_id, GOOD_FIRST_PAGE)
    final = post_page(new_browser_session, 2, submission_id, GOOD_SECOND_PAGE)
    assert final.headers["Location"].endswith("/s/kurz")
    assert responses_of(survey) == []
    agreed = new_browser_session.post("/s/kurz", data={"language": "de", "consent": "y"})
    assert agreed.headers["Location"].endswith("/s/kurz/1?lang=de")
    assert 'value="12"' in new_browser_session.get("/s/kurz/1").get_data(as_text=True)
    post_page(new_browser_session, 2, submission_id, GOOD_SECOND_PAGE)
    [response] = responses_of(survey)
    assert response.submission_id == submission_id and response.consent is True


def test_consent_is_required_when_the_survey_asks_for_it(client, survey):
    refused = client.post("/s/kurz", data={"language": "de"})
    assert refused.status_code == 422
    html = refused.get_data(as_text=True)
    assert 'id="consent-error"' in html and "Einverständnis" in html
    assert responses_of(survey) == [] and drafts() == []


def test_survey_without_consent_text_starts_without_checkbox(client, survey):
    survey.consent_text = ""
    survey.i18n = {lang: {k: v for k, v in fields.items() if k != "consent_text"}
                   for lang, fields in survey.i18n.items()}
    db.session.commit()
    assert 'name="consent"' not in client.get("/s/kurz").get_data(as_text=True)
    submission_id = start(client, consent=False)
    post_page(client, 1, submission_id, GOOD_FIRST_PAGE)
    post_page(client, 2, submission_id, GOOD_SECOND_PAGE)
    [response] = responses_of(survey)
    assert response.consent is False


def test_nothing_identifying_is_stored_and_only_the_session_cookie_is_set(client, survey):
    headers = {"User-Agent": "Identifying-Browser/1.0", "X-Forwarded-For": "203.0.113.77"}
    cookies = set()
    reply = client.post("/s/kurz", data={"language": "de", "consent": "y"}, headers=headers)
    cookies.update(c.split("=", 1)[0] for c in reply.headers.getlist("Set-Cookie"))
    html = client.get("/s/kurz/1", headers=headers).get_data(as_text=True)
    submission_id = submission_id_of(html)
    long_text = "Viel zu sagen. " * 300
    for number, answers in ((1, GOOD_FIRST_PAGE), (2, {**GOOD_SECOND_PAGE, "q_missing": long_text[:4900]})):
        reply = client.post(f"/s/kurz/{number}", data={**answers, "submission_id": submission_id, "nav": "next"},
                            headers=headers)
        cookies.update(c.split("=", 1)[0] for c in reply.headers.getlist("Set-Cookie"))
    assert cookies == {"session"}
    assert len(client.get_cookie("session").value) < 1000, "answers live in the draft, not in the cookie"
    [response] = responses_of(survey)
    stored = " ".join(str(value) for value in vars(response).values())
    stored += " ".join(str(value) for answer in response.answers for value in vars(answer).values())
    assert "203.0.113" not in stored and "127.0.0.1" not in stored and "Identifying-Browser" not in stored


def test_closed_unknown_and_future_surveys_get_friendly_pages(client, survey):
    unknown = client.get("/s/gibtesnicht")
    assert unknown.status_code == 404 and "Diese Umfrage gibt es nicht" in unknown.get_data(as_text=True)

    survey.opens_at = utcnow() + timedelta(days=3)
    db.session.commit()
    future = client.get("/s/kurz")
    assert future.status_code == 404 and "noch nicht begonnen" in future.get_data(as_text=True)

    survey.opens_at = None
    survey.status = "closed"
    db.session.commit()
    closed = client.get("/s/kurz")
    assert closed.status_code == 410 and "Diese Umfrage ist beendet" in closed.get_data(as_text=True)
    assert client.get("/s/kurz/1").status_code == 410

    survey.status = "draft"
    db.session.commit()
    assert client.get("/s/kurz").status_code == 404


def test_a_survey_closing_while_someone_answers_says_so_instead_of_failing(client, survey, started):
    survey.closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    late = post_page(client, 1, started, GOOD_FIRST_PAGE)
    assert late.status_code == 410 and "beendet" in late.get_data(as_text=True)
    assert responses_of(survey) == []


def test_every_platform_language_can_be_offered_with_the_right_direction(client, survey):
    survey.languages = ["de", "de-easy", "en", "tr", "ar", "ru", "uk", "pl", "fa"]
    survey.incomplete_languages_published = list(survey.languages)
    db.session.commit()
    html = client.get("/s/kurz").get_data(as_text=True)
    for code, direction in (("de-easy", "ltr"), ("tr", "ltr"), ("ru", "ltr"), ("uk", "ltr"), ("pl", "ltr"),
                            ("ar", "rtl"), ("fa", "rtl")):
        assert f'href="/s/kurz?lang={code}"' in html
        assert f'lang="{"de" if code == "de-easy" else code}" dir="{direction}" hreflang=' in html
    farsi = client.get("/s/kurz?lang=fa").get_data(as_text=True)
    assert '<html lang="fa" dir="rtl">' in farsi
    easy = client.get("/s/kurz?lang=de-easy").get_data(as_text=True)
    assert '<html lang="de" dir="ltr">' in easy and 'aria-current="true">Einfache Sprache' in easy


def test_abandoned_drafts_are_swept_when_someone_new_starts(app, survey, monkeypatch):
    from participation.surveys import flow
    monkeypatch.setattr(flow, "DRAFT_SWEEP_INTERVAL", 0)  # a web process sweeps at most every few minutes
    submission_id = start(app.test_client())
    db.session.execute(db.update(SurveyDraft).values(updated_at=utcnow() - timedelta(days=4)))
    db.session.commit()
    start(app.test_client())
    assert [draft.submission_id for draft in drafts()] != [submission_id]
    assert len(drafts()) == 1


@pytest.mark.csrf
def test_the_whole_flow_works_with_csrf_protection_on(client, survey):
    def token(html):
        return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)

    start_page = client.get("/s/kurz").get_data(as_text=True)
    assert client.post("/s/kurz", data={"language": "de", "consent": "y"}).status_code == 400
    started = client.post("/s/kurz", data={"language": "de", "consent": "y", "csrf_token": token(start_page)})
    first = client.get(started.headers["Location"]).get_data(as_text=True)
    submission_id = submission_id_of(first)
    assert post_page(client, 1, submission_id, GOOD_FIRST_PAGE).status_code == 400
    second = post_page(client, 1, submission_id, GOOD_FIRST_PAGE, csrf_token=token(first))
    page_two = client.get(second.headers["Location"]).get_data(as_text=True)
    done = post_page(client, 2, submission_id, GOOD_SECOND_PAGE, csrf_token=token(page_two))
    assert done.headers["Location"].endswith("/s/kurz/danke")
    assert len(responses_of(survey)) == 1
