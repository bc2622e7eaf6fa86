"""Reruns never scramble planners' work: inheritance only for clearly-the-same themes, dissolved themes kept,
planner decisions survive, preview with apply/discard, undo of a whole rerun, the CLI under the same rules."""
from participation.extensions import db
from participation.models import AnalysisRun, Theme
from participation.themes import overview, rerun, review, runs


def _theme(process, word: str) -> Theme:
    return next(theme for theme in runs.active_themes(process) if word in theme.label or word in theme.keywords)


def _members(theme) -> set[int]:
    return set(runs.member_answer_ids(theme))


def _state(process) -> dict:
    """Every answer's theme, source and quote mark, and every theme's label, notes and archived flag."""
    themes = db.session.execute(db.select(Theme).where(Theme.process_id == process.id)).scalars()
    assignments = {answer_id: (review.assignment_of(answer_id).theme_id, review.assignment_of(answer_id).source,
                               review.assignment_of(answer_id).quote)
                   for theme in runs.active_themes(process) for answer_id in _members(theme)}
    return {"themes": {t.id: (t.label, t.notes, t.archived) for t in themes}, "assignments": assignments}


def _main_topic(theme, answers, only_analysis=True) -> tuple[str, float]:
    ids = [a for a in _members(theme) if not only_analysis or review.assignment_of(a).source != "planner"]
    topics = [answers[a] for a in ids]
    main = max(set(topics), key=topics.count)
    return main, topics.count(main) / len(topics)


def test_rerun_sequence_keeps_every_planner_decision(process, analysed, answers):
    bus = _theme(process, "Bus")
    review.rename_theme(bus, "Busverbindungen am Abend")
    review.set_notes(bus, "Mit Verkehrsbetrieben besprechen")
    housing = _theme(process, "Miete")
    split_off = sorted(_members(housing))[:3]
    manual = review.split_theme(housing, split_off, "Große Wohnungen")
    kita = _theme(process, "Kita")
    quoted = sorted(_members(kita))[1]
    review.toggle_quote(review.assignment_of(quoted))
    moved = sorted(_members(_theme(process, "arzt")))[0]
    review.move_answers(process, [moved], bus)

    for n_themes in (8, 3, 2, None):
        run = runs.analyse_in_this_process(process, n_themes=n_themes)
        assert run.status == "done", run.job.as_dict()
        db.session.expire_all()
        assert _members(db.session.get(Theme, manual.id)) == set(split_off), n_themes
        assert not db.session.get(Theme, manual.id).archived and manual.label == "Große Wohnungen"
        assert review.assignment_of(moved).theme_id == bus.id, n_themes
        assert review.assignment_of(quoted).quote, n_themes
        named = db.session.get(Theme, bus.id)
        assert named.label == "Busverbindungen am Abend" and named.notes == "Mit Verkehrsbetrieben besprechen"
        for theme in runs.active_themes(process):
            if theme.label_edited and any(review.assignment_of(a).source != "planner" for a in _members(theme)):
                topic, share = _main_topic(theme, answers)
                assert topic == "bus" and share > 0.5, (n_themes, theme.label, topic, share)
    dissolved = {item.theme.id: item for item in overview.dissolved_themes(process)}
    if db.session.get(Theme, bus.id).id in dissolved:
        assert dissolved[bus.id].theme.notes == "Mit Verkehrsbetrieben besprechen"


def test_unmatched_named_theme_is_dissolved_with_name_notes_and_quotes(process, analysed, answers):
    kita = _theme(process, "Kita")
    review.rename_theme(kita, "Kitaplätze")
    review.set_notes(kita, "Jugendamt fragen")
    quoted = min(_members(kita))
    review.toggle_quote(review.assignment_of(quoted))

    runs.analyse_in_this_process(process, n_themes=2)

    db.session.expire_all()
    theme = db.session.get(Theme, kita.id)
    if theme.archived:
        assert theme.dissolved_run_id is not None and theme.merged_into_id is None
        item = next(item for item in overview.dissolved_themes(process) if item.theme.id == kita.id)
        assert item.theme.label == "Kitaplätze" and item.theme.notes == "Jugendamt fragen"
        assert [q.answer_id for q in item.quotes] == [quoted] and item.size == 10
        assert sum(count for _target, count in item.went_to) == 10
    else:
        topic, share = _main_topic(theme, answers)
        assert topic == "kita" and share > 0.5
    assert review.assignment_of(quoted).quote, "the quote mark moves with its answer"


def test_preview_changes_nothing_until_applied_and_discard_keeps_everything(process, analysed, answers):
    review.rename_theme(_theme(process, "Bus"), "Busverbindungen")
    before = _state(process)

    run = runs.analyse_in_this_process(process, n_themes=3, preview=True)

    assert run.status == rerun.PREVIEW and rerun.pending_preview(process).id == run.id
    db.session.expire_all()
    assert _state(process) == before
    plan = rerun.plan_rerun(run)
    assert len(plan.planned) <= 3 and plan.dissolved, "three themes cannot keep all six"
    assert len(plan.kept) + len(plan.dissolved) + len(plan.kept_by_planner) == len(before["themes"])
    rerun.discard_preview(run)
    db.session.expire_all()
    assert _state(process) == before and rerun.pending_preview(process) is None
    assert db.session.get(AnalysisRun, run.id).status == rerun.DISCARDED


def test_applied_rerun_is_undone_as_a_whole(process, analysed, answers):
    review.rename_theme(_theme(process, "Bus"), "Busverbindungen")
    review.split_theme(_theme(process, "Kita"), sorted(_members(_theme(process, "Kita")))[:2], "Warteliste")
    before = _state(process)

    run = runs.analyse_in_this_process(process, n_themes=2, preview=True)
    plan = rerun.apply_preview(run)
    db.session.expire_all()
    assert plan.dissolved and _state(process) != before
    assert review.last_undoable_change(process).action == runs.ANALYSIS_APPLIED

    review.undo_last_change(process)

    db.session.expire_all()
    assert _state(process) == before
    assert db.session.get(AnalysisRun, run.id).status == rerun.UNDONE
    assert runs.current_run(process).id == analysed.id
    assert review.last_undoable_change(process).action == "theme.split", "earlier changes stay undoable"


def test_stale_preview_cannot_be_applied(process, analysed):
    first = runs.analyse_in_this_process(process, n_themes=3, preview=True)
    runs.analyse_in_this_process(process, n_themes=4, preview=True)
    try:
        rerun.apply_preview(db.session.get(AnalysisRun, first.id))
    except runs.AnalysisError as error:
        assert "nicht mehr aktuell" in str(error)
    else:
        raise AssertionError("an older preview was applied")


def test_split_and_recluster_give_both_parts_fresh_keywords(process, analysed, answers):
    kita, housing = _theme(process, "Kita"), _theme(process, "Miete")
    review.merge_themes(housing, kita)
    mixed_keywords = list(db.session.get(Theme, kita.id).keywords)
    created = review.recluster_theme(kita)
    kita = db.session.get(Theme, kita.id)
    assert kita.keywords != mixed_keywords
    topic_of_rest = _main_topic(kita, answers, only_analysis=False)[0]
    other = {"kita": "Miete", "wohnen": "Kita"}[topic_of_rest]
    assert not any(other.casefold() in word.casefold() for word in kita.keywords), kita.keywords
    assert created[0].keywords


def _field_linked_to(process, *themes):
    from participation.models import EvidenceLink, StrategyField
    field = StrategyField(process_id=process.id, title="Gesundheit und Pflege")
    db.session.add(field)
    db.session.flush()
    for theme in themes:
        db.session.add(EvidenceLink(process_id=process.id, theme_id=theme.id, field_id=field.id))
    db.session.commit()
    return field


def _evidence_texts(app, process) -> list[str]:
    """The evidence column of the strategy workbook, as the export job writes it."""
    from participation.exports.collect import strategy_matrix
    with app.test_request_context():
        return [row.evidence for row in strategy_matrix(process)]


def test_merge_moves_strategy_links_to_the_target_and_undo_moves_them_back(app, process, analysed):
    from participation.models import EvidenceLink
    kita, playground, bus = _theme(process, "Kita"), _theme(process, "Spielplatz"), _theme(process, "Bus")
    _field_linked_to(process, kita, playground, bus)
    review.merge_themes(playground, kita)
    review.merge_themes(bus, kita)
    links = db.session.execute(db.select(EvidenceLink)).scalars().all()
    assert [link.theme_id for link in links] == [kita.id], "one link per theme and field, on the target"
    [evidence] = _evidence_texts(app, process)
    assert evidence.startswith(f"Thema: {kita.label} (") and playground.label not in evidence

    review.undo_last_change(process)
    review.undo_last_change(process)
    db.session.expire_all()
    assert sorted(link.theme_id for link in db.session.execute(db.select(EvidenceLink)).scalars()) == sorted(
        [kita.id, playground.id, bus.id])


def test_dissolved_theme_keeps_its_links_on_screen_and_in_exports(app, process, analysed, make_user):
    from participation.models import EvidenceLink
    from tests.conftest import login
    run = runs.analyse_in_this_process(process, n_themes=2, preview=True)
    doomed = rerun.plan_rerun(run).dissolved[0]
    review.rename_theme(doomed, "Wartezeiten beim Facharzt")
    quoted = min(_members(doomed))
    review.toggle_quote(review.assignment_of(quoted))
    _field_linked_to(process, doomed)
    rerun.apply_preview(db.session.get(AnalysisRun, run.id))
    db.session.expire_all()

    link = db.session.execute(db.select(EvidenceLink)).scalar_one()
    assert link.theme_id == doomed.id and db.session.get(Theme, doomed.id).archived
    assert _evidence_texts(app, process) == ["Thema: Wartezeiten beim Facharzt (aufgelöst)"]
    client = app.test_client()
    login(client, make_user("planner", processes=[process]))
    page = client.get(f"/planning/processes/{process.id}/strategy").get_data(as_text=True)
    assert "Wartezeiten beim Facharzt (aufgelöst)" in page
    assert f"/planning/processes/{process.id}/themes/{doomed.id}" in page
    archived = client.get(f"/planning/processes/{process.id}/themes/{doomed.id}")
    assert archived.status_code == 200 and "aufgelöst" in archived.get_data(as_text=True)
    index = client.get(f"/planning/processes/{process.id}/themes").get_data(as_text=True)
    assert "Aufgelöste Themen" in index and "Wartezeiten beim Facharzt" in index


def test_a_run_over_one_survey_leaves_the_other_surveys_themes_alone(process, survey, analysed, answers):
    """Analysing only the latest survey (e.g. a new wave) must not strip or dissolve the other's themes."""
    from participation.demo.loader import build_questionnaire
    from participation.models import Survey
    from tests.conftest import SMALL_SURVEY
    from tests.themes.answers import store_answers

    other = build_questionnaire(Survey, process, {**SMALL_SURVEY, "short_code": "andere"}, status="open")
    db.session.commit()
    other_answers = store_answers(other, per_topic=4, start=500, contact_leak=False)
    runs.analyse_in_this_process(process)
    db.session.expire_all()
    before = {answer_id: review.assignment_of(answer_id).theme_id for answer_id in other_answers}
    assert any(before.values())

    run = runs.analyse_in_this_process(process, questionnaire=survey, n_themes=3)
    assert run.status == "done", run.job.as_dict()
    db.session.expire_all()
    after = {answer_id: review.assignment_of(answer_id).theme_id for answer_id in other_answers}
    assert after == before
    assert not any(db.session.get(Theme, theme_id).archived for theme_id in set(after.values()) if theme_id)
