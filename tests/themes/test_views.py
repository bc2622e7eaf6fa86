"""Theme review pages, the themes API and the `flask themes` commands, as a planner uses them."""
import re

import pytest

from participation.extensions import db
from participation.models import AnalysisRun, Answer, Theme
from participation.themes import review, runs
from tests.conftest import login


@pytest.fixture
def planner(make_user, process):
    return make_user("planner", processes=[process])


@pytest.fixture
def planner_client(client, planner):
    login(client, planner)
    return client


def _theme(process, word):
    return next(t for t in runs.active_themes(process) if word in t.label or word in t.keywords)


def test_overview_shows_labelled_themes_with_masked_quotes(planner_client, process, analysed):
    page = planner_client.get(f"/planning/processes/{process.id}/themes").get_data(as_text=True)
    for theme in runs.active_themes(process):
        assert theme.label in page
    assert "0171 2345678" not in page and "anna.beispiel@example.org" not in page
    kita = _theme(process, "Kita")
    detail = planner_client.get(f"/planning/processes/{process.id}/themes/{kita.id}").get_data(as_text=True)
    assert "[Telefonnummer entfernt]" in detail and "[E-Mail entfernt]" in detail and "0171 2345678" not in detail
    assert re.search(r'<blockquote class="theme-quote" lang="ar" dir="rtl">', detail)
    assert "Wir finden keinen Kitaplatz für mein Kind" in detail  # German translation beside the Turkish original


def test_running_analysis_shows_progress_and_refreshes_without_javascript(planner_client, process, answers):
    from participation.models import Job
    job = Job(kind="themes.run_analysis", status="running", progress=40, message="Themen werden gebildet",
              process_id=process.id)
    db.session.add(job)
    db.session.flush()
    db.session.add(AnalysisRun(process_id=process.id, status="running", job_id=job.id))
    db.session.commit()
    page = planner_client.get(f"/planning/processes/{process.id}/themes").get_data(as_text=True)
    assert '<progress id="analysis-progress" max="100" value="40">' in page
    assert '<noscript><meta http-equiv="refresh"' in page
    assert f'data-job-url="/api/jobs/{job.id}"' in page and "Themen werden gebildet" in page
    assert "<script>" not in page and "style=" not in page


def test_start_analysis_from_the_page(planner_client, process, answers, survey):
    response = planner_client.post(f"/planning/processes/{process.id}/themes/analysis",
                                   data={"scope": survey.id, "n_themes": "6"})
    assert response.status_code == 302
    run = db.session.execute(db.select(AnalysisRun)).scalar_one()
    assert run.questionnaire_id == survey.id and run.n_themes_requested == 6 and run.job_id


def test_bad_theme_count_is_explained_next_to_the_field(planner_client, process, answers):
    response = planner_client.post(f"/planning/processes/{process.id}/themes/analysis",
                                   data={"scope": 0, "n_themes": "1"})
    assert response.status_code == 400
    assert "Bitte eine Zahl von 2 bis 30 eingeben." in response.get_data(as_text=True)
    assert db.session.execute(db.select(AnalysisRun)).first() is None


def test_failed_run_shows_error_and_retry_button(planner_client, process, survey):
    from tests.themes.answers import store_answers
    store_answers(survey, per_topic=1)
    run = runs.analyse_in_this_process(process)
    page = planner_client.get(f"/planning/processes/{process.id}/themes").get_data(as_text=True)
    assert "Zu wenige freie Antworten" in page
    assert f"/themes/runs/{run.id}/retry" in page


def test_merge_rename_move_flag_and_undo_through_the_pages(planner_client, process, analysed):
    base = f"/planning/processes/{process.id}/themes"
    kita, playground, bus = _theme(process, "Kita"), _theme(process, "Spielplatz"), _theme(process, "Bus")
    assert planner_client.post(f"{base}/{playground.id}/merge", data={"merge-target": kita.id}).status_code == 302
    assert db.session.get(Theme, playground.id).archived
    planner_client.post(f"{base}/{kita.id}/rename", data={"rename-label": "Kinderbetreuung und Spielen"})
    assert db.session.get(Theme, kita.id).label == "Kinderbetreuung und Spielen"
    moved = runs.member_answer_ids(bus)[0]
    response = planner_client.post(f"{base}/{bus.id}/answers",
                                   data={"selection-answer_ids": [moved], "selection-target": kita.id,
                                         "selection-move": "1"})
    assert response.status_code == 302
    assert review.assignment_of(moved).theme_id == kita.id
    flagged = runs.member_answer_ids(kita)[0]
    planner_client.post(f"{base}/answers/{flagged}/flag?back={kita.id}", data={"flag": "abusive"})
    assert db.session.get(Answer, flagged).review_flag == "abusive"
    assert "Beleidigend" in planner_client.get(f"{base}/flagged").get_data(as_text=True)

    page = planner_client.get(f"{base}/{kita.id}").get_data(as_text=True)
    assert "Rückgängig machen" in page
    for _ in range(4):
        planner_client.post(f"{base}/undo")
    db.session.expire_all()
    assert not db.session.get(Theme, playground.id).archived
    assert db.session.get(Theme, kita.id).label != "Kinderbetreuung und Spielen"
    assert review.assignment_of(moved).theme_id == bus.id
    assert db.session.get(Answer, flagged).review_flag is None


def test_split_through_the_page(planner_client, process, analysed):
    kita = _theme(process, "Kita")
    chosen = runs.member_answer_ids(kita)[:2]
    response = planner_client.post(f"/planning/processes/{process.id}/themes/{kita.id}/answers",
                                   data={"selection-answer_ids": chosen, "selection-target": _theme(process, "Bus").id,
                                         "selection-new_label": "Öffnungszeiten", "selection-split": "1"})
    assert response.status_code == 302
    new = db.session.execute(db.select(Theme).filter_by(label="Öffnungszeiten")).scalar_one()
    assert runs.member_answer_ids(new) == sorted(chosen)


def test_selection_without_answers_keeps_the_page_with_a_message(planner_client, process, analysed):
    kita = _theme(process, "Kita")
    response = planner_client.post(f"/planning/processes/{process.id}/themes/{kita.id}/answers",
                                   data={"selection-target": _theme(process, "Bus").id, "selection-move": "1",
                                         "selection-new_label": "Mein Entwurf"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Bitte wählen Sie mindestens eine Antwort aus." in page and 'value="Mein Entwurf"' in page


def test_empty_label_is_refused_with_message(planner_client, process, analysed):
    kita = _theme(process, "Kita")
    response = planner_client.post(f"/planning/processes/{process.id}/themes/{kita.id}/rename",
                                   data={"rename-label": "  "})
    assert response.status_code == 400 and "Bitte geben Sie einen Namen ein." in response.get_data(as_text=True)


def test_crosstab_page_hides_small_cells(planner_client, process, analysed):
    page = planner_client.get(f"/planning/processes/{process.id}/themes/crosstab?by=district").get_data(as_text=True)
    assert 'aria-label="nicht ausgewiesen"' in page
    process.min_group_size = 1
    db.session.commit()
    page = planner_client.get(f"/planning/processes/{process.id}/themes/crosstab?by=channel").get_data(as_text=True)
    assert "nicht ausgewiesen" not in page and "Peer-Interview" in page


def test_planners_of_other_processes_get_403(client, make_user, process, analysed):
    login(client, make_user("planner"))
    kita = _theme(process, "Kita")
    base = f"/planning/processes/{process.id}/themes"
    answer_id = runs.member_answer_ids(kita)[0]
    for url in (base, f"{base}/{kita.id}", f"{base}/crosstab", f"{base}/flagged", f"{base}/unassigned"):
        assert client.get(url).status_code == 403, url
    for url, data in ((f"{base}/analysis", {"scope": 0}), (f"{base}/{kita.id}/rename", {"rename-label": "x"}),
                      (f"{base}/answers/{answer_id}/flag", {"flag": "abusive"}), (f"{base}/undo", {})):
        assert client.post(url, data=data).status_code == 403, url
    assert client.get(f"/api/processes/{process.id}/themes").status_code == 403
    assert db.session.get(Theme, kita.id).label != "x"


def test_multipliers_and_anonymous_visitors_cannot_see_themes(client, make_user, process, analysed):
    assert client.get(f"/planning/processes/{process.id}/themes").status_code == 302
    login(client, make_user("multiplier", processes=[process]))
    assert client.get(f"/planning/processes/{process.id}/themes").status_code == 403


def _csrf_token(client, url):
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"',
                     client.get(url).get_data(as_text=True)).group(1, 2)


@pytest.mark.csrf
def test_changes_need_the_csrf_token(client, planner, process, analysed):
    token = [t for t in _csrf_token(client, "/login") if t][0]
    client.post("/login", data={"email": planner.email, "password": "correct horse battery", "csrf_token": token})
    kita = _theme(process, "Kita")
    url = f"/planning/processes/{process.id}/themes/{kita.id}/rename"
    assert client.post(url, data={"rename-label": "Ohne Token"}).status_code == 400
    assert db.session.get(Theme, kita.id).label != "Ohne Token"
    token = [t for t in _csrf_token(client, f"/planning/processes/{process.id}/themes/{kita.id}") if t][0]
    assert client.post(url, data={"rename-label": "Mit Token", "rename-csrf_token": token}).status_code == 302
    assert db.session.get(Theme, kita.id).label == "Mit Token"


def test_api_returns_themes_with_quotes_in_many_languages(planner_client, process, analysed):
    body = planner_client.get(f"/api/processes/{process.id}/themes").json
    assert body["run"]["status"] == "done" and len(body["themes"]) >= 5
    languages = {quote["language"] for theme in body["themes"] for quote in theme["quotes"]}
    assert {"de", "tr", "ar"} <= languages
    assert all(theme["label"] and theme["keywords"] and theme["size"] > 0 for theme in body["themes"])
    texts = " ".join(quote["text"] for theme in body["themes"] for quote in theme["quotes"])
    assert "@example.org" not in texts


def test_cli_run_and_show(app, process, survey, answers):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["themes", "run", f"survey:{survey.short_code}"])
    assert result.exit_code == 0, result.output
    assert re.search(r"60 answers, \d+ themes", result.output)
    shown = runner.invoke(args=["themes", "show", str(process.id), "--quotes", "10"])
    assert shown.exit_code == 0, shown.output
    assert _theme(process, "Kita").label in shown.output and "[Telefonnummer entfernt]" in shown.output
    assert "0171 2345678" not in shown.output
    missing = runner.invoke(args=["themes", "show", "survey:gibtsnicht"])
    assert missing.exit_code != 0 and "nothing found" in missing.output


def test_published_theme_appears_on_public_results_and_can_be_taken_back(planner_client, process, analysed,
                                                                            survey):
    survey.results_published = True
    db.session.commit()
    kita = _theme(process, "Kita")
    results_url = f"/s/{survey.short_code}/ergebnisse"
    assert kita.label not in planner_client.get(results_url).get_data(as_text=True)
    assert planner_client.post(f"/planning/processes/{process.id}/themes/{kita.id}/publish").status_code == 302
    db.session.expire_all()
    assert kita.published is True
    assert kita.label in planner_client.get(results_url).get_data(as_text=True)
    planner_client.post(f"/planning/processes/{process.id}/themes/undo")
    db.session.expire_all()
    assert kita.published is False
