"""Residents see how far their say reaches and what came of the themes; portals harvest the same as JSON;
nothing unpublished and no group below the minimum size ever shows."""
import re

import pytest

from participation.extensions import db
from participation.models import (
    AuditEvent,
    Measure,
    Process,
    Response,
    Survey,
    Theme,
    ThemeAssignment,
    ThemeDecision,
)
from participation.outcomes import record
from tests.conftest import login


def _theme(label: str) -> Theme:
    return db.session.execute(db.select(Theme).filter_by(label=label)).scalar_one()


def test_turkish_resident_reads_the_whole_loop_in_turkish(client, demo_outcomes):
    thanks = client.get("/s/auenstadt/danke?lang=tr").get_data(as_text=True)
    link = re.search(r'href="(/prozess/\d+/was-daraus-wurde\?lang=tr)"', thanks)
    assert link, "the thank-you page links to the outcome page in the resident's language"
    page = client.get(link.group(1))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'lang="tr"' in html
    assert "Sonuç ne oldu?" in html                                   # the page's heading
    assert "Dahil etme" in html                                       # the stage, in Turkish
    assert "Bu ankette kararı siz vermiyorsunuz." in html             # the rules
    assert "Otobüs bağlantıları" in html and "Konut sıkıntısı ve kiralar" in html   # themes
    assert "kısmen benimsendi" in html and "uygulanmayacak" in html and "ertelendi" in html   # decisions
    assert "Belediye bir servis aracının parasını karşılayamıyor" in html          # the reason
    assert "Nordstadt akşam otobüsü" in html and "Umsetzung" not in html           # measure with status in Turkish
    assert "fallback-de" not in html, "every demo text has its Turkish translation"


def test_demo_has_every_decision_status_and_measures_in_progress(demo_outcomes):
    decisions = db.session.execute(db.select(ThemeDecision)).scalars().all()
    assert {d.status for d in decisions} == {"adopted", "partly_adopted", "under_review", "postponed",
                                            "not_implemented"}
    assert all(d.published and d.theme.published for d in decisions)
    assert all(d.reason for d in decisions if d.status in ("postponed", "not_implemented"))
    assert any(m.status == "in_progress" for d in decisions for m in d.measures)
    published = db.session.execute(db.select(Theme).filter_by(published=True)).scalars().all()
    assert {t.id for t in published} == {d.theme_id for d in decisions}


def test_start_page_has_the_short_rules_and_results_page_the_full(client, demo_outcomes):
    start = client.get("/s/auenstadt?lang=de").get_data(as_text=True)
    assert "Wie weit Ihre Mitsprache reicht" in start and "Einbeziehung" in start
    assert "Die Steuerungsgruppe „Gesunde Stadt“ schlägt vor" in start
    assert "Zeitplan" not in start                                    # the short version only
    results = client.get("/s/auenstadt/ergebnisse?lang=de").get_data(as_text=True)
    assert "Zeitplan" in results and "Koordinierungsstelle Gesunde Stadt" in results
    assert f"/prozess/{demo_outcomes.id}/was-daraus-wurde" in results
    flyer = client.get("/s/auenstadt/flyer").get_data(as_text=True)
    assert "/s/auenstadt/was-daraus-wurde" in flyer
    follow = client.get("/s/auenstadt/was-daraus-wurde?lang=ar")
    assert follow.status_code == 302 and follow.location.endswith(f"/prozess/{demo_outcomes.id}/was-daraus-wurde?lang=ar")


def test_arabic_page_is_right_to_left_and_the_print_version_is_a4(client, demo_outcomes):
    html = client.get(f"/prozess/{demo_outcomes.id}/was-daraus-wurde?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html and "خطوط الحافلات" in html
    printed = client.get(f"/prozess/{demo_outcomes.id}/was-daraus-wurde/druck?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in printed and "outcome_print.css" in printed and "خطوط الحافلات" in printed
    css = client.get("/static/css/outcome_print.css").get_data(as_text=True)
    assert "size: A4" in css


def test_json_in_two_languages_with_stable_keys(client, demo_outcomes):
    german = client.get(f"/prozess/{demo_outcomes.id}/ergebnisse.json").json
    turkish = client.get(f"/prozess/{demo_outcomes.id}/ergebnisse.json?lang=tr").json
    assert german["language"] == "de" and turkish["language"] == "tr"
    assert german["license"] == "dl-de/by-2-0"
    assert german["participation"]["stage"] == turkish["participation"]["stage"] == "involvement"
    assert german["participation"]["stage_label"] == "Einbeziehung"
    assert turkish["participation"]["stage_label"] == "Dahil etme"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", german["updated"])
    by_status = {theme["decision"]["status"]: theme for theme in turkish["themes"]}
    assert set(by_status) == {"adopted", "partly_adopted", "under_review", "postponed", "not_implemented"}
    postponed = by_status["postponed"]
    assert postponed["label"] == "Sıcaklık, yeşil alan ve gölge"
    assert postponed["decision"]["status_label"] == "ertelendi"
    assert postponed["decision"]["reason"].startswith("Yeni ağaçlar")
    assert postponed["decision"]["decided_by"] == "„Sağlıklı Şehir“ yönlendirme grubu"
    bus = next(theme for theme in turkish["themes"] if theme["label"] == "Otobüs bağlantıları")
    assert bus["measures"] == [{"title": "Nordstadt akşam otobüsü", "status": "in_progress",
                                "status_label": "uygulanıyor"}]
    assert by_status["adopted"]["decision"]["status_label"] == "benimsendi"
    assert all(isinstance(theme["answers"], int) or theme["answers"] is None for theme in german["themes"])
    survey = client.get("/s/auenstadt/ergebnisse.json?lang=en").json
    assert survey["survey"]["code"] == "auenstadt" and survey["language"] == "en"
    assert survey["questions"] and all({"code", "question", "answered", "answers"} <= set(q) for q in survey["questions"])
    wrong = client.get(f"/prozess/{demo_outcomes.id}/ergebnisse.json?lang=xx")
    assert wrong.status_code == 400 and wrong.json["error"] == "language_not_offered"


def test_license_is_configurable(app, client, demo_outcomes):
    app.config["OPEN_DATA_LICENSE"] = "cc-by-4.0"
    assert client.get(f"/prozess/{demo_outcomes.id}/ergebnisse.json").json["license"] == "cc-by-4.0"


def _everything_public(client, process) -> str:
    pages = [client.get(f"/prozess/{process.id}/was-daraus-wurde?lang={lang}").get_data(as_text=True)
             for lang in ("de", "tr")]
    pages.append(client.get(f"/prozess/{process.id}/was-daraus-wurde/druck").get_data(as_text=True))
    pages.append(str(client.get(f"/prozess/{process.id}/ergebnisse.json").json))
    pages.append(str(client.get(f"/prozess/{process.id}/ergebnisse.json?lang=tr").json))
    pages.append(str(client.get("/s/auenstadt/ergebnisse.json").json))
    return "\n".join(pages)


def test_unpublished_themes_and_draft_decisions_never_appear(client, demo_outcomes, make_user):
    secret_theme = _theme("Deutschkurse")                 # coded by the demo but not published
    assert not secret_theme.published
    secret_theme.label = "GEHEIMTHEMA-3"
    db.session.add(ThemeDecision(process_id=demo_outcomes.id, theme_id=secret_theme.id, status="adopted",
                                 reason="GEHEIM-Begründung-1", decided_by="Gremium X", i18n={}, published=True))
    bus = db.session.execute(db.select(ThemeDecision).join(Theme).where(Theme.label == "Busverbindungen")).scalar_one()
    bus.reason, bus.published = "GEHEIM-Entwurf-2", False                 # a draft
    unpublished = _theme("Hitze, Grün und Schatten")
    unpublished.published, unpublished.label = False, "ZURÜCKGENOMMEN-4"   # taken back, with its decision
    db.session.commit()
    shown = _everything_public(client, demo_outcomes)
    for secret in ("GEHEIMTHEMA-3", "GEHEIM-Begründung-1", "GEHEIM-Entwurf-2", "ZURÜCKGENOMMEN-4",
                   "Das Geld für neue Bäume"):
        assert secret not in shown, secret
    assert "Busverbindungen" in shown                                    # the theme stays, without the draft
    planner = make_user("planner", processes=[demo_outcomes])
    login(client, planner)
    html = client.get(f"/planning/processes/{demo_outcomes.id}/outcomes").get_data(as_text=True)
    assert "Entwurf" in html                                            # the planner sees the draft as one


def test_small_groups_never_appear(client, demo_outcomes):
    """A published theme with fewer answers than the minimum shows no count, and neither does any theme
    whose count would give it away; a process below the minimum shows no counts at all."""
    small = _theme("Einsamkeit älterer Menschen")
    keep = db.session.execute(db.select(ThemeAssignment).filter_by(theme_id=small.id).order_by(
        ThemeAssignment.id)).scalars().all()
    for assignment in keep[2:]:
        db.session.delete(assignment)
    db.session.commit()
    document = client.get(f"/prozess/{demo_outcomes.id}/ergebnisse.json").json
    counts = {theme["label"]: theme["answers"] for theme in document["themes"]}
    assert counts["Einsamkeit älterer Menschen"] is None
    assert all(count is None or count >= 5 for count in counts.values())
    html = client.get(f"/prozess/{demo_outcomes.id}/was-daraus-wurde").get_data(as_text=True)
    assert "2 Antworten zu diesem Thema" not in html and "nicht ausgewiesen" in html
    channel_rows = re.findall(r"<td>([^<]+)</td><td>(\d+)</td>", html)
    assert channel_rows and all(int(count) >= 5 for _label, count in channel_rows)


def test_a_process_below_the_minimum_shows_no_numbers(client, app):
    from participation.demo.loader import build_questionnaire
    from tests.conftest import SMALL_SURVEY
    process = Process(title="Klein", languages=["de", "tr"], min_group_size=5)
    db.session.add(process)
    db.session.commit()
    survey = build_questionnaire(Survey, process, SMALL_SURVEY, status="open")
    survey.results_published = True
    db.session.commit()
    for number in range(3):
        db.session.add(Response(process_id=process.id, questionnaire_id=survey.id, channel="online", language="tr",
                                submission_id=f"small-{number}"))
    theme = Theme(process_id=process.id, label="Kleines Thema", published=True)
    db.session.add(theme)
    db.session.commit()
    document = client.get(f"/prozess/{process.id}/ergebnisse.json").json
    assert document["participants"] is None
    assert document["themes"] == [{"label": "Kleines Thema", "answers": None, "decision": None, "measures": []}]
    html = client.get(f"/prozess/{process.id}/was-daraus-wurde").get_data(as_text=True)
    assert "weniger als 5 Personen" in html and "Türkçe" in html       # language switch, no counts


def test_a_process_without_public_survey_has_no_page(client, process):
    assert client.get(f"/prozess/{process.id}/was-daraus-wurde").status_code == 404
    assert client.get(f"/prozess/{process.id}/ergebnisse.json").status_code == 404
    assert client.get("/prozess/999999/ergebnisse.json").json == {"error": "not_found"}


def test_survey_json_needs_published_results(client, survey):
    survey.status = "open"
    db.session.commit()
    response = client.get("/s/kurz/ergebnisse.json")
    assert response.status_code == 404 and response.json["error"] == "results_unpublished"


# --- planners ---------------------------------------------------------------------------------------

@pytest.fixture
def planner(client, demo_outcomes, make_user):
    user = make_user("planner", processes=[demo_outcomes])
    login(client, user)
    return user


def test_planner_sets_stage_and_rules_audited(client, demo_outcomes, planner):
    url = f"/planning/processes/{demo_outcomes.id}/outcomes"
    refused = client.post(url, data={"stage": "kaiser", "decided_by": "Stadtrat"})
    assert refused.status_code == 422
    saved = client.post(url, data={"stage": "partial_authority", "residents_decide": "Den Quartiersfonds",
                                   "decided_by": "Stadtrat", "timeline": "2027", "contact": "", "residents_advise": ""})
    assert saved.status_code == 302
    document = client.get(f"/prozess/{demo_outcomes.id}/ergebnisse.json").json
    assert document["participation"]["stage"] == "partial_authority"
    assert document["participation"]["rules"]["residents_decide"] == "Den Quartiersfonds"
    assert "contact" not in document["participation"]["rules"]
    event = db.session.execute(db.select(AuditEvent).filter_by(action="outcome.rules_saved")).scalars().all()[-1]
    assert event.user_id == planner.id and event.details["stage"] == "partial_authority"


def test_reason_is_required_for_postponed_and_not_implemented(client, demo_outcomes, planner):
    theme = _theme("Busverbindungen")
    url = f"/planning/processes/{demo_outcomes.id}/outcomes/themes/{theme.id}"
    for status in ("postponed", "not_implemented"):
        response = client.post(url, data={"status": status, "reason": "  ", "decided_by": "Stadtrat"})
        assert response.status_code == 422
        assert "Bitte begründen Sie" in response.get_data(as_text=True)
        assert 'value="Stadtrat"' in response.get_data(as_text=True)        # nothing typed is lost
    assert client.post(url, data={"status": "adopted", "decided_by": ""}).status_code == 422


def test_decision_change_is_audited_and_links_only_own_measures(client, demo_outcomes, planner, make_user):
    theme = _theme("Busverbindungen")
    url = f"/planning/processes/{demo_outcomes.id}/outcomes/themes/{theme.id}"
    other = Process(title="Anderer Prozess")
    db.session.add(other)
    db.session.commit()
    foreign = Measure(process_id=other.id, goal_id=db.session.execute(db.select(Measure)).scalars().first().goal_id,
                      title="Fremd")
    db.session.add(foreign)
    db.session.commit()
    refused = client.post(url, data={"status": "adopted", "decided_by": "Stadtrat", "measures": [str(foreign.id)]})
    assert refused.status_code == 422
    own = db.session.execute(db.select(Measure).filter_by(title="Abendbus Nordstadt")).scalar_one()
    saved = client.post(url, data={"status": "postponed", "reason": "Kein Geld 2027", "decided_by": "Stadtrat",
                                   "decided_on": "2027-06-01", "measures": [str(own.id)]})
    assert saved.status_code == 302
    event = db.session.execute(db.select(AuditEvent).filter_by(action="outcome.decision_saved")).scalars().all()[-1]
    assert event.details["changes"]["status"] == "postponed" and event.object_title == "Busverbindungen"
    assert client.get(f"/prozess/{demo_outcomes.id}/ergebnisse.json").json["themes"]  # still public: a correction


def test_other_planners_and_residents_cannot_touch_decisions(client, demo_outcomes, make_user):
    theme = _theme("Busverbindungen")
    url = f"/planning/processes/{demo_outcomes.id}/outcomes/themes/{theme.id}"
    assert client.post(url, data={"status": "adopted", "decided_by": "X"}).status_code in (302, 401, 403)
    assert db.session.execute(db.select(AuditEvent).filter_by(action="outcome.decision_saved")).first() is None
    stranger = make_user("planner")
    login(client, stranger)
    assert client.get(f"/planning/processes/{demo_outcomes.id}/outcomes").status_code in (403, 404)
    assert client.post(url, data={"status": "adopted", "decided_by": "X"}).status_code in (403, 404)
    assert client.post(f"/planning/processes/{demo_outcomes.id}/outcomes/publish").status_code in (403, 404)


def test_decisions_only_on_published_themes_of_the_process(client, demo_outcomes, planner):
    hidden = _theme("Deutschkurse")
    assert client.get(f"/planning/processes/{demo_outcomes.id}/outcomes/themes/{hidden.id}").status_code == 404
    assert client.get(f"/planning/processes/{demo_outcomes.id}/outcomes/themes/2147483647").status_code == 404
    with pytest.raises(record.DecisionError):
        record.save_decision(demo_outcomes, hidden, status="adopted", reason="", decided_on=None,
                             decided_by="Rat", measure_ids=[])


def test_publish_makes_drafts_public_once_and_is_audited(client, demo_outcomes, planner):
    theme = _theme("Deutschkurse")
    theme.published = True
    db.session.commit()
    url = f"/planning/processes/{demo_outcomes.id}/outcomes"
    client.post(f"{url}/themes/{theme.id}", data={"status": "under_review", "reason": "Wir prüfen Kurse am Abend",
                                                  "decided_by": "Steuerungsgruppe"})
    assert "Wir prüfen Kurse am Abend" not in str(client.get(f"/prozess/{demo_outcomes.id}/ergebnisse.json").json)
    assert client.post(f"{url}/publish").status_code == 302
    assert "Wir prüfen Kurse am Abend" in str(client.get(f"/prozess/{demo_outcomes.id}/ergebnisse.json").json)
    events = db.session.execute(db.select(AuditEvent).filter_by(action="outcome.decisions_published")).scalars().all()
    assert len(events) == 1 and events[0].details["round"] == 2
    client.post(f"{url}/publish")
    assert len(db.session.execute(db.select(AuditEvent).filter_by(
        action="outcome.decisions_published")).scalars().all()) == 1          # nothing new: no second round
    client.post(f"{url}/themes/{theme.id}/withdraw")
    assert "Wir prüfen Kurse am Abend" not in str(client.get(f"/prozess/{demo_outcomes.id}/ergebnisse.json").json)


def test_outcome_texts_travel_in_the_survey_translation_file_without_counting(client, demo_outcomes, planner):
    from participation.languages.translation_files import text_units, translation_completeness
    survey = db.session.execute(db.select(Survey).filter_by(status="open")).scalar_one()
    before = translation_completeness(survey)
    units = {unit.id: unit for unit in text_units(survey, "tr")}
    bus = _theme("Busverbindungen")
    assert {"rules.decided_by", f"d.{bus.id}.reason", f"d.{bus.id}.theme_label"} <= set(units)
    assert not units[f"d.{bus.id}.reason"].counted
    decision = db.session.execute(db.select(ThemeDecision).filter_by(theme_id=bus.id)).scalar_one()
    decision.i18n = {}
    db.session.commit()
    assert translation_completeness(survey) == before                  # a new text takes no language away
    exported = client.get(f"/planning/questionnaires/{survey.id}/translations/tr/export.csv").get_data(as_text=True)
    assert f"d.{bus.id}.reason" in exported
    upload = f'id,de,tr\nd.{bus.id}.reason,"{decision.reason}",Akşam otobüsü geliyor.\n'.encode()
    import io
    response = client.post(f"/planning/questionnaires/{survey.id}/translations/tr/import",
                           data={"file": (io.BytesIO(upload), "tr.csv")}, content_type="multipart/form-data")
    assert response.status_code in (200, 302)
    turkish = client.get(f"/prozess/{demo_outcomes.id}/ergebnisse.json?lang=tr").json
    assert any(theme["decision"] and theme["decision"]["reason"] == "Akşam otobüsü geliyor."
               for theme in turkish["themes"])


def test_outcome_page_leads_to_published_priority_rankings_only(client, demo_outcomes):
    from participation.models import PriorityRound
    priority_round = db.session.execute(db.select(PriorityRound)).scalar_one()
    page = client.get(f"/prozess/{demo_outcomes.id}/was-daraus-wurde?lang=tr").get_data(as_text=True)
    assert f"/p/{priority_round.short_code}/ergebnisse" in page
    assert client.get(f"/p/{priority_round.short_code}/ergebnisse").status_code == 200

    priority_round.results_published = False
    db.session.commit()
    page = client.get(f"/prozess/{demo_outcomes.id}/was-daraus-wurde").get_data(as_text=True)
    assert f"/p/{priority_round.short_code}/ergebnisse" not in page


def test_prioritisation_texts_travel_in_the_survey_translation_file(client, demo_outcomes, planner):
    import io

    from participation.models import PriorityRound
    survey = db.session.execute(db.select(Survey).filter_by(status="open")).scalar_one()
    priority_round = db.session.execute(db.select(PriorityRound)).scalar_one()
    item = priority_round.items[0]
    exported = client.get(f"/planning/questionnaires/{survey.id}/translations/pl/export.csv").get_data(as_text=True)
    assert f"pr.{priority_round.id}.title" in exported and f"pi.{item.id}.description" in exported
    upload = (f'id,de,pl\npr.{priority_round.id}.title,"{priority_round.title}",Co najpierw?\n'
              f'pi.{item.id}.title,"{item.title}",Przychodnia dziecięca\n').encode()
    response = client.post(f"/planning/questionnaires/{survey.id}/translations/pl/import",
                           data={"file": (io.BytesIO(upload), "pl.csv")}, content_type="multipart/form-data")
    assert response.status_code in (200, 302)
    db.session.expire_all()
    assert priority_round.translated("title", "pl") == "Co najpierw?"
    assert item.translated("title", "pl") == "Przychodnia dziecięca"
