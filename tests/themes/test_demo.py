"""The theme analysis on the demo process: labelled themes with quotes in many languages."""
from participation.themes import runs
from tests.conftest import login


def test_demo_themes_have_labels_and_quotes_in_many_languages(client, make_user, demo):
    run = runs.analyse_in_this_process(demo)
    assert run.status == "done", run.job.as_dict()
    login(client, make_user("planner", processes=[demo]))
    body = client.get(f"/api/processes/{demo.id}/themes").json
    themes = body["themes"]
    assert len(themes) >= 5
    assert all(theme["label"] and theme["keywords"] and theme["quotes"] for theme in themes)
    languages = {quote["language"] for theme in themes for quote in theme["quotes"]}
    assert {"de", "tr", "ar"} <= languages and len(languages) >= 4, languages
    page = client.get(f"/planning/processes/{demo.id}/themes").get_data(as_text=True)
    assert themes[0]["label"] in page
