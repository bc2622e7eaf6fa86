"""Offline capture in a real Chromium: record without a network, see it sent once when back online."""
import json
import time

import pytest

from participation.extensions import db
from participation.models import Response
from tests.browser import assert_accessible
from tests.conftest import wait_for

from .conftest import GERMAN_TRANSLATION, TURKISH_ANSWER

pytestmark = pytest.mark.browser


def stored(channel: str) -> list[Response]:
    db.session.rollback()  # see what the server threads committed
    return db.session.execute(db.select(Response).filter_by(channel=channel)).scalars().all()


def log_in(page, live_server, user, home="/interviews/") -> None:
    page.goto(live_server + "/login")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", "correct horse battery")
    page.click("button[type=submit], input[type=submit]")
    page.wait_for_url(live_server + home)


def wait_for_service_worker(page) -> None:
    """Wait until the worker is active and controls the page.

    A page opened while the worker was still installing is controlled only after `clients.claim()`
    reaches it or after the next load, as for a real user; reload when the claim has not arrived.
    """
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    # polled from here: wait_for_function would evaluate strings in the page, which its CSP forbids
    controlled = "navigator.serviceWorker.controller !== null"
    try:
        wait_for(lambda: page.evaluate(controlled), timeout=10)
    except AssertionError:
        page.reload()
        wait_for(lambda: page.evaluate(controlled), timeout=60)


def test_interview_recorded_offline_is_stored_exactly_once_when_back_online(
        live_server, page, multiplier, interview_guide):
    log_in(page, live_server, multiplier)
    assert_accessible(page)
    page.goto(f"{live_server}/interviews/questionnaires/{interview_guide.id}/record")
    wait_for_service_worker(page)
    page.reload()  # now fetched through the service worker, so it is kept for offline use
    wait_for(lambda: page.evaluate("caches.match(location.href).then(found => Boolean(found))"), timeout=90)
    assert_accessible(page)

    page.context.set_offline(True)
    page.reload()  # served from the cache without a network
    page.select_option("#field-language", "tr")
    page.fill("#field-missing", TURKISH_ANSWER)
    page.fill("#field-t_missing", GERMAN_TRANSLATION)
    page.check("#field-consent")
    page.click("text=Interview speichern")
    page.wait_for_selector("#outbox[data-pending='1']")
    assert page.locator("#outbox-list li").count() == 1
    assert page.locator("#outbox").is_visible()
    assert stored("peer_interview") == []
    assert_accessible(page)

    page.context.set_offline(False)
    page.wait_for_selector("#outbox[data-pending='0']")
    records = wait_for(lambda: stored("peer_interview"), timeout=90)
    page.reload()  # a later page load finds nothing left to send
    page.goto(live_server + "/interviews/")
    page.wait_for_selector("#outbox[data-pending='0']", state="attached")
    assert len(stored("peer_interview")) == 1
    answer = next(a for a in records[0].answers if a.question.code == "missing")
    assert (answer.text_value, answer.translation_de, records[0].consent) == (TURKISH_ANSWER, GERMAN_TRANSLATION, True)
    assert records[0].recorded_by_id == multiplier.id


def test_focus_group_session_is_recorded_online_without_the_offline_queue(
        live_server, page, multiplier, focus_guide):
    log_in(page, live_server, multiplier)
    page.goto(f"{live_server}/interviews/questionnaires/{focus_guide.id}/record")
    assert_accessible(page)
    page.fill("#field-held_on", "2025-03-14")
    page.fill("#field-place", "Familienzentrum Nordstadt")
    page.fill("#field-moderator", "Quartiersmanagement")
    page.fill("#field-participant_count", "6")
    page.fill("#field-comp_target_group_0", "4")
    page.fill("#field-note_everyday", "Kitaplätze fehlen.")
    page.fill("#field-quote_everyday", "Wir warten seit einem Jahr.")
    page.check("#field-consent")
    page.click("text=Gruppengespräch speichern")
    page.wait_for_url(live_server + "/interviews/")
    assert "Gespeichert" in page.content()
    sessions = stored("focus_group")
    assert len(sessions) == 1
    assert sorted(a.item_kind for a in sessions[0].answers) == ["note", "quote"]
    page.click("table.data a")
    assert "Wir warten seit einem Jahr." in page.content()
    assert_accessible(page)


def test_planner_pages_for_multipliers_and_records_are_accessible(live_server, page, planner, process, multiplier):
    log_in(page, live_server, planner, home="/planning/")
    page.goto(f"{live_server}/planning/processes/{process.id}/multipliers")
    assert_accessible(page)
    page.fill("#name", "Olena Kovalenko")
    page.fill("#email", "olena@example.org")
    page.click("text=Einladungslink erstellen")
    assert "/invite/" in page.locator("code.copyable").inner_text()
    assert_accessible(page)
    page.goto(f"{live_server}/planning/processes/{process.id}/records")
    assert_accessible(page)


def test_interview_whose_post_is_lost_on_the_way_is_sent_later(live_server, browser, multiplier, interview_guide):
    """The browser believes it is online, but the connection drops while the form is sent."""
    from tests.browser import PHONE
    context = browser.new_context(viewport=PHONE, locale="de-DE", service_workers="block")
    page = context.new_page()
    try:
        log_in(page, live_server, multiplier)
        form_url = f"{live_server}/interviews/questionnaires/{interview_guide.id}/record"
        page.goto(form_url)
        posts = form_url + "*"  # choosing the language reloads the form with ?language=
        page.route(posts, lambda route: route.abort() if route.request.method == "POST" else route.continue_())
        page.select_option("#field-language", "tr")
        page.fill("#field-missing", TURKISH_ANSWER)
        page.check("#field-consent")
        with page.expect_event("requestfailed", lambda request: request.method == "POST"):
            page.click("text=Interview speichern")  # the script keeps a copy, then posts; the post is lost
        page.wait_for_load_state()
        assert stored("peer_interview") == []
        page.unroute(posts)

        page.goto(live_server + "/interviews/")
        page.wait_for_selector("#outbox[data-pending='0']", state="attached")
        wait_for(lambda: stored("peer_interview"), timeout=90)
        page.goto(form_url)
        page.goto(live_server + "/interviews/")
        page.wait_for_selector("#outbox[data-pending='0']", state="attached")
        assert len(stored("peer_interview")) == 1
    finally:
        context.close()


def test_form_sent_online_leaves_nothing_in_the_outbox(live_server, page, multiplier, interview_guide):
    log_in(page, live_server, multiplier)
    page.goto(f"{live_server}/interviews/questionnaires/{interview_guide.id}/record")
    page.fill("#field-missing", "Es fehlen Kitaplätze in der Nordstadt.")
    page.click("text=Interview speichern")  # no consent: shown again with the message
    page.wait_for_selector("#field-consent-error")
    page.wait_for_selector("#outbox[data-pending='0']", state="attached")
    page.check("#field-consent")
    page.click("text=Interview speichern")
    page.wait_for_url(live_server + "/interviews/")
    page.wait_for_selector("#outbox[data-pending='0']", state="attached")
    assert page.locator("#outbox").is_hidden()
    assert len(stored("peer_interview")) == 1


def test_done_when_story_invitation_offline_interview_session_and_planner_view(
        live_server, browser, planner, other_multiplier, process, interview_guide, focus_guide):
    """The issue's acceptance story, end to end in Chromium."""
    from tests.browser import PHONE

    def new_page():
        return browser.new_context(viewport=PHONE, locale="de-DE").new_page()

    planner_page = new_page()
    log_in(planner_page, live_server, planner, home="/planning/")
    planner_page.goto(f"{live_server}/planning/processes/{process.id}/multipliers")
    planner_page.fill("#name", "Aylin Demir")
    planner_page.fill("#email", "aylin@example.org")
    planner_page.check(f"input[name=questionnaires][value='{interview_guide.id}']")
    planner_page.check(f"input[name=questionnaires][value='{focus_guide.id}']")
    planner_page.click("text=Einladungslink erstellen")
    link = planner_page.locator("code.copyable").inner_text().strip()

    page = new_page()
    page.goto(link)
    page.fill("input[name=password]", "ein sicheres Passwort")
    page.fill("input[name=confirm]", "ein sicheres Passwort")
    page.click("button[type=submit], input[type=submit]")
    page.wait_for_url(live_server + "/interviews/")
    page.click("text=Interview führen")
    wait_for_service_worker(page)
    page.context.set_offline(True)
    page.select_option("#field-language", "tr")
    page.fill("#field-missing", TURKISH_ANSWER)
    page.fill("#field-t_missing", GERMAN_TRANSLATION)
    page.check("#field-consent")
    page.click("text=Interview speichern")
    page.wait_for_selector("#outbox[data-pending='1']")
    page.context.set_offline(False)
    page.wait_for_selector("#outbox[data-pending='0']")

    page.goto(live_server + "/interviews/")
    page.click("text=Gruppengespräch erfassen")
    page.fill("#field-held_on", "2025-03-14")
    page.fill("#field-place", "Familienzentrum Nordstadt")
    page.fill("#field-moderator", "Quartiersmanagement")
    page.fill("#field-participant_count", "6")
    page.fill("#field-note_everyday", "Kitaplätze fehlen.")
    page.fill("#field-quote_everyday", "Wir warten seit einem Jahr.")
    page.check("#field-consent")
    page.click("text=Gruppengespräch speichern")
    page.wait_for_url(live_server + "/interviews/")

    planner_page.goto(f"{live_server}/planning/processes/{process.id}/records")
    rows = planner_page.locator("table.data tbody tr")
    assert rows.count() == 2
    assert planner_page.locator("table.data tbody tr", has_text="liegt vor").count() == 2
    assert planner_page.locator("table.data tbody tr", has_text="Aylin Demir").count() == 2
    planner_page.locator("table.data tbody tr", has_text="Interview").locator("a").click()
    assert GERMAN_TRANSLATION in planner_page.content() and TURKISH_ANSWER in planner_page.content()

    other_page = new_page()
    log_in(other_page, live_server, other_multiplier)
    assert other_page.locator("table.data").count() == 0
    assert "Sie haben noch keine Interviews erfasst." in other_page.content()
    for context in (planner_page.context, page.context, other_page.context):
        context.close()


OTHER_ANSWER = "Otobüs akşamları çok seyrek geliyor, eve yürümek zorunda kalıyorum."


def save_interview_online(page, live_server, answer: str) -> None:
    """Fill the open interview form in Turkish with consent and save it; back on the list, outbox empty."""
    page.select_option("#field-language", "tr")
    page.fill("#field-missing", answer)
    page.check("#field-consent")
    page.click("text=Interview speichern")
    page.wait_for_url(live_server + "/interviews/")
    page.wait_for_selector("#outbox[data-pending='0']", state="attached")


def missing_answers() -> list[str]:
    return sorted(answer.text_value for response in stored("peer_interview") for answer in response.answers
                  if answer.question.code == "missing")


def test_issue_sequence_cached_form_reused_online_stores_both_interviews(
        live_server, page, multiplier, interview_guide):
    """Issue 14, item 1: form opened twice online, A saved, form reopened offline, B saved online."""
    form_url = f"{live_server}/interviews/questionnaires/{interview_guide.id}/record"
    log_in(page, live_server, multiplier)
    page.goto(form_url)
    wait_for_service_worker(page)
    page.goto(form_url)  # the second visit goes through the worker, which keeps the page
    wait_for(lambda: page.evaluate("caches.match(location.href).then(found => Boolean(found))"), timeout=90)

    save_interview_online(page, live_server, TURKISH_ANSWER)
    assert missing_answers() == [TURKISH_ANSWER]

    page.context.set_offline(True)
    page.goto(form_url)  # the kept page, with whatever the server once put into it
    page.wait_for_selector("#field-missing")
    page.context.set_offline(False)
    save_interview_online(page, live_server, OTHER_ANSWER)
    assert "nicht doppelt angelegt" not in page.content()
    assert missing_answers() == sorted([TURKISH_ANSWER, OTHER_ANSWER])


def test_outbox_entry_whose_id_holds_another_record_is_resent_under_a_new_id(
        live_server, page, multiplier, interview_guide):
    """The server answers "conflict"; the browser keeps the entry, renews its id and it is stored."""
    log_in(page, live_server, multiplier)
    page.goto(f"{live_server}/interviews/questionnaires/{interview_guide.id}/record")
    save_interview_online(page, live_server, TURKISH_ANSWER)
    taken_id = stored("peer_interview")[0].submission_id

    page.context.set_offline(True)
    page.evaluate("""([takenId, recorder, guideId, answer]) => new Promise((resolve, reject) => {
        const request = indexedDB.open("participation-offline", 1);
        request.onsuccess = () => {
          const transaction = request.result.transaction("records", "readwrite");
          transaction.objectStore("records").put({
            client_id: takenId, recorder: String(recorder), status: "waiting", errors: {}, saved_at: Date.now(),
            title: "Peer-Interview", summary: answer.split(" ").slice(0, 8).join(" "), language: "Türkçe",
            record: {client_id: takenId, type: "interview", questionnaire_id: guideId,
                     form: [["language", "tr"], ["consent", "yes"], ["q_missing", answer]]}});
          transaction.oncomplete = () => resolve(true);
          transaction.onerror = () => reject(transaction.error);
        };
        request.onerror = () => reject(request.error);
    })""", [taken_id, multiplier.id, interview_guide.id, OTHER_ANSWER])
    page.reload()
    page.wait_for_selector("#outbox[data-pending='1']")
    entry = page.locator("#outbox-list li").inner_text()
    assert "Otobüs akşamları çok seyrek geliyor" in entry and "Türkçe" in entry
    page.context.set_offline(False)
    page.wait_for_selector("#outbox[data-pending='0']", timeout=90_000)
    assert missing_answers() == sorted([TURKISH_ANSWER, OTHER_ANSWER])
    assert len({response.submission_id for response in stored("peer_interview")}) == 2


def test_fresh_device_has_every_assigned_form_ready_offline_after_login(live_server, browser, multiplier,
                                                                        interview_guide, focus_guide):
    """Issue 14, item 2: log in on a new profile, see the list once, go offline, open every assigned form."""
    from tests.browser import PHONE
    context = browser.new_context(viewport=PHONE, locale="de-DE")  # a fresh profile: no cache, no worker
    page = context.new_page()
    try:
        log_in(page, live_server, multiplier)
        page.wait_for_selector("[data-offline-status='ready']:visible", timeout=90_000)
        wait_for(lambda: page.locator("[data-offline-status='ready']:visible").count() == 2, timeout=90)
        assert "bereit für offline" in page.locator("[data-offline-urls]").first.inner_text()
        assert_accessible(page)
        context.set_offline(True)
        for guide, field in ((interview_guide, "#field-missing"), (focus_guide, "#field-note_everyday")):
            page.goto(f"{live_server}/interviews/questionnaires/{guide.id}/record")
            page.wait_for_selector(field)
        page.goto(f"{live_server}/interviews/questionnaires/{interview_guide.id}/record?language=tr")
        assert "Size tam olarak nerede destek eksik?" in page.content()
    finally:
        context.close()


def test_text_typed_while_the_switched_guide_page_still_loads_is_kept(live_server, browser, multiplier,
                                                                      interview_guide):
    """On a slow phone the script that carries typed text over arrives late; it must not wipe newer typing."""
    from tests.browser import PHONE
    context = browser.new_context(viewport=PHONE, locale="de-DE", service_workers="block")
    page = context.new_page()
    slow_network = []

    def script(route):
        if slow_network:
            time.sleep(2)
        route.continue_()

    try:
        page.route("**/offline.js*", script)
        log_in(page, live_server, multiplier)
        page.goto(f"{live_server}/interviews/questionnaires/{interview_guide.id}/record")
        slow_network.append(True)
        page.select_option("#field-language", "tr")
        page.fill("#field-missing", TURKISH_ANSWER)  # the page shows its fields before its script has run
        page.wait_for_load_state("load")
        assert page.evaluate("document.querySelector('form[data-offline-record] select[name=language]').value") == "tr"
        assert page.input_value("#field-missing") == TURKISH_ANSWER
    finally:
        context.close()


def test_turkish_interview_recorded_from_the_turkish_guide_page_keeps_typed_text_when_switching(
        live_server, page, multiplier, interview_guide):
    """Issue 14, item 3: choosing Türkçe shows the guide in Turkish; what was typed stays."""
    log_in(page, live_server, multiplier)
    page.goto(f"{live_server}/interviews/questionnaires/{interview_guide.id}/record")
    page.fill("#field-missing", TURKISH_ANSWER)
    page.check("#field-consent")
    page.select_option("#field-language", "tr")
    page.wait_for_url("**/record?language=tr")
    assert page.locator("#question-missing span[lang=tr]").first.inner_text() == "Size tam olarak nerede destek eksik?"
    assert page.input_value("#field-missing") == TURKISH_ANSWER
    assert page.is_checked("#field-consent")
    assert page.locator("button[name=switch_language]").is_hidden()
    assert_accessible(page)
    page.click("text=Interview speichern")
    page.wait_for_url(live_server + "/interviews/")
    records = stored("peer_interview")
    assert len(records) == 1 and records[0].language == "tr"
    assert page.locator("table.data tbody tr", has_text="Türkçe").count() == 1


def test_proposal_made_in_turkish_becomes_a_guide_question_after_the_planner_accepts(
        live_server, browser, multiplier, planner, process, interview_guide):
    """Issue 14, item 4, in Chromium: proposal pages and the decision page pass the accessibility audit."""
    from tests.browser import PHONE
    page = browser.new_context(viewport=PHONE, locale="de-DE").new_page()
    log_in(page, live_server, multiplier)
    page.click("text=Frage vorschlagen")
    page.select_option("#language", "tr")
    page.fill("#text", "Çocuğunuz için okulda en çok neyi özlüyorsunuz?")
    page.fill("#comment", "Anneler bunu sık soruyor.")
    page.click("#submit")
    page.wait_for_selector("text=Danke! Ihr Vorschlag ist bei der Planungsgruppe.")
    assert_accessible(page)

    planner_page = browser.new_context(viewport=PHONE, locale="de-DE").new_page()
    log_in(planner_page, live_server, planner, home="/planning/")
    planner_page.goto(f"{live_server}/planning/processes/{process.id}/questionnaires/{interview_guide.id}")
    planner_page.click("text=Vorschläge der Multiplikator*innen")
    assert_accessible(planner_page)
    planner_page.click("text=Entscheiden")
    assert_accessible(planner_page)
    planner_page.fill("#accept-text_de", "Was vermissen Sie für Ihr Kind in der Schule am meisten?")
    planner_page.click("#accept-accept")
    planner_page.wait_for_selector("text=steht jetzt im Leitfaden")

    page.goto(f"{live_server}/interviews/questionnaires/{interview_guide.id}/record?language=tr")
    assert "Çocuğunuz için okulda en çok neyi özlüyorsunuz?" in page.content()
    page.goto(f"{live_server}/interviews/questionnaires/{interview_guide.id}/proposals")
    assert "übernommen" in page.locator("#outbox, .card-list").last.inner_text()
    for context in (page.context, planner_page.context):
        context.close()


KEPT_PAGES = """caches.keys().then(names => Promise.all(names.map(name => caches.open(name).then(cache =>
  cache.keys().then(requests => Promise.all(requests.map(request => cache.match(request)
    .then(response => response.text()).then(text => [request.url, text])))))))).then(lists => lists.flat())"""


def test_device_keeps_the_list_page_without_the_records(live_server, page, multiplier, interview_guide):
    """A shared phone keeps the forms and the list page for use offline, but never which records were made."""
    log_in(page, live_server, multiplier)
    wait_for_service_worker(page)
    page.goto(f"{live_server}/interviews/questionnaires/{interview_guide.id}/record")
    save_interview_online(page, live_server, OTHER_ANSWER)
    record_link = page.locator("table.data tbody a").first.get_attribute("href")
    offline_copy = live_server + "/interviews/?offline=1"
    wait_for(lambda: page.evaluate(f"caches.match({json.dumps(offline_copy)}).then(Boolean)"), timeout=90)

    kept = page.evaluate(KEPT_PAGES)
    assert offline_copy in [url for url, _ in kept]
    assert live_server + "/interviews/" not in [url for url, _ in kept]
    assert not [url for url, text in kept if record_link in text or "/interviews/records/" in text]

    page.context.set_offline(True)
    page.goto(live_server + "/interviews/")
    assert page.locator("table.data").count() == 0
    page.wait_for_selector("text=sobald Sie wieder online sind")
    assert page.locator(f"a[href*='/questionnaires/{interview_guide.id}/record']").count() >= 1
