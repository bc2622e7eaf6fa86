"""Planner changes on themes: rename, notes, merge, split, re-cluster, move, quote, flag; undo; reruns keep them."""
import pytest

from participation.extensions import db
from participation.models import Answer, AuditEvent, Theme
from participation.themes import crosstabs, embedding, overview, review, runs


def _theme(process, word: str) -> Theme:
    return next(theme for theme in runs.active_themes(process) if word in theme.label or word in theme.keywords)


def _members(theme) -> set[int]:
    return set(runs.member_answer_ids(theme))


def test_analysis_finds_the_topics_across_languages(process, analysed, answers):
    themes = runs.active_themes(process)
    assert 5 <= len(themes) <= 8
    for theme in themes:
        topics = [answers[answer_id] for answer_id in _members(theme)]
        main_topic = max(set(topics), key=topics.count)
        assert topics.count(main_topic) >= 0.7 * len(topics), (theme.label, topics)
    kita = _theme(process, "Kita")
    languages = {db.session.get(Answer, a).language for a in _members(kita)}
    assert {"de", "tr", "ar"} <= languages


def test_rerun_keeps_ids_planner_labels_notes_and_quotes(process, analysed, answers):
    bus = _theme(process, "Bus")
    review.rename_theme(bus, "Busverbindungen am Abend")
    review.set_notes(bus, "Mit Verkehrsbetrieben besprechen")
    quoted = review.assignment_of(min(_members(bus)))
    review.toggle_quote(quoted)
    ids_before = {theme.id for theme in runs.active_themes(process)}

    rerun = runs.analyse_in_this_process(process)

    assert rerun.status == "done"
    assert {theme.id for theme in runs.active_themes(process)} == ids_before
    bus = db.session.get(Theme, bus.id)
    assert bus.label == "Busverbindungen am Abend" and bus.label_edited and not bus.archived
    assert bus.notes == "Mit Verkehrsbetrieben besprechen"
    assert review.assignment_of(quoted.answer_id).quote
    assert bus.analysis_run_id == rerun.id
    assert review.last_undoable_change(process).action == runs.ANALYSIS_APPLIED, "a rerun is undone as a whole"


def test_rerun_keeps_merges_and_moved_answers(process, analysed, answers):
    kita, playground = _theme(process, "Kita"), _theme(process, "Spielplatz")
    review.merge_themes(playground, kita)
    housing = _theme(process, "Miete")
    moved = min(_members(housing))
    review.move_answers(process, [moved], kita)

    runs.analyse_in_this_process(process)

    assert db.session.get(Theme, playground.id).archived
    assert review.assignment_of(moved).theme_id == kita.id
    topics = {answers[a] for a in _members(db.session.get(Theme, kita.id))}
    assert {"kita", "spielplatz"} <= topics


def test_merge_and_undo(process, analysed):
    kita, playground = _theme(process, "Kita"), _theme(process, "Spielplatz")
    kita_members, playground_members = _members(kita), _members(playground)
    review.merge_themes(playground, kita)
    assert _members(kita) == kita_members | playground_members
    assert playground.archived and playground.merged_into_id == kita.id
    assert db.session.execute(db.select(AuditEvent).filter_by(action="theme.merge")).scalar_one()

    undone = review.undo_last_change(process)
    assert undone.action == "theme.merge"
    db.session.expire_all()
    assert _members(kita) == kita_members and _members(playground) == playground_members
    assert not db.session.get(Theme, playground.id).archived
    assert review.last_undoable_change(process) is None


def test_split_move_rename_each_undone_in_reverse_order(process, analysed):
    doctors, bus = _theme(process, "arzt"), _theme(process, "Bus")
    original_doctors, original_bus = _members(doctors), _members(bus)
    chosen = sorted(original_doctors)[:3]
    new = review.split_theme(doctors, chosen, "Kinderärzte")
    assert _members(new) == set(chosen) and new.label == "Kinderärzte"
    review.move_answers(process, [sorted(original_bus)[0]], doctors)
    review.rename_theme(doctors, "Ärzte")

    assert review.undo_last_change(process).action == "theme.rename"
    assert db.session.get(Theme, doctors.id).label != "Ärzte"
    assert review.undo_last_change(process).action == "theme.move_answers"
    assert _members(bus) == original_bus
    assert review.undo_last_change(process).action == "theme.split"
    assert db.session.get(Theme, new.id) is None
    assert _members(doctors) == original_doctors


def test_split_without_label_gets_keywords(process, analysed, answers):
    kita = _theme(process, "Kita")
    turkish = [a for a in _members(kita) if db.session.get(Answer, a).language == "tr"]
    new = review.split_theme(kita, turkish)
    assert new.label and new.keywords and not new.label_edited


def test_split_needs_some_but_not_all_answers(process, analysed):
    kita = _theme(process, "Kita")
    with pytest.raises(runs.AnalysisError):
        review.split_theme(kita, sorted(_members(kita)))


def test_recluster_divides_a_merged_theme(process, analysed, answers):
    kita, housing = _theme(process, "Kita"), _theme(process, "Miete")
    review.merge_themes(housing, kita)
    created = review.recluster_theme(kita)
    assert len(created) == 1
    parts = [{answers[a] for a in _members(kita)}, {answers[a] for a in _members(created[0])}]
    assert {"kita"} in parts or {"wohnen"} in parts, parts
    assert review.undo_last_change(process).action == "theme.recluster"
    assert db.session.get(Theme, created[0].id) is None


def test_flag_excludes_answer_everywhere_and_undo_restores(process, analysed, answers):
    kita = _theme(process, "Kita")
    answer_id = min(_members(kita))
    answer = db.session.get(Answer, answer_id)
    review.flag_answer(answer, "personal_data")
    assert answer.review_flag == "personal_data" and review.assignment_of(answer_id) is None
    assert answer_id not in {item.answer_id for item in embedding.collect_texts(process)}
    assert answer in overview.flagged_answers(process)
    review.undo_last_change(process)
    assert db.session.get(Answer, answer_id).review_flag is None
    assert review.assignment_of(answer_id).theme_id == kita.id


def test_unflag_lets_answer_join_nearest_theme(process, analysed):
    kita = _theme(process, "Kita")
    answer = db.session.get(Answer, min(_members(kita)))
    review.flag_answer(answer, "off_topic")
    review.unflag_answer(answer)
    assert answer.review_flag is None
    assert review.assignment_of(answer.id).theme_id == kita.id


def test_quote_marking_toggles_and_shows_first(process, analysed):
    bus = _theme(process, "Bus")
    last = review.assignment_of(max(_members(bus)))
    assert review.toggle_quote(last) is True
    assert overview.theme_assignments(process, bus)[0].answer_id == last.answer_id
    assert review.toggle_quote(last) is False


def test_crosstab_counts_people_and_hides_small_cells(process, analysed, answers):
    table = crosstabs.crosstab(process, "district")
    assert set(table.columns) == {"Nordstadt", "Hafen", "Lindenhof"}
    for row in table.rows:
        for cell in row.cells:
            assert cell.hidden or cell.count == 0 or cell.count >= process.min_group_size
    process.min_group_size = 1
    db.session.commit()
    table = crosstabs.crosstab(process, "district")
    total = sum(cell.count for row in table.rows for cell in row.cells)
    assert total == len(answers) - overview.unassigned_count(process)
    assert all(cell.share is not None and 0 <= cell.share <= 1 for row in table.rows for cell in row.cells)


def test_crosstab_follows_a_merge(process, analysed):
    process.min_group_size = 1
    db.session.commit()
    kita, playground = _theme(process, "Kita"), _theme(process, "Spielplatz")

    def channel_counts(theme):
        table = crosstabs.crosstab(process, "channel")
        row = next(r for r in table.rows if r.theme.id == theme.id)
        return {value: cell.count for value, cell in zip(table.columns, row.cells)}

    before_kita, before_playground = channel_counts(kita), channel_counts(playground)
    review.merge_themes(playground, kita)
    after = channel_counts(kita)
    assert after == {value: before_kita.get(value, 0) + before_playground.get(value, 0) for value in after}
    assert playground.id not in {row.theme.id for row in crosstabs.crosstab(process, "channel").rows}


def test_changes_touch_only_answers_of_the_same_process(app, process, analysed, make_user):
    from participation.models import Process
    other = Process(title="Anderer Prozess")
    db.session.add(other)
    db.session.commit()
    kita = _theme(process, "Kita")
    members = _members(kita)
    assert review.move_answers(other, sorted(members)[:2], None) == 0
    db.session.expire_all()
    assert _members(kita) == members
