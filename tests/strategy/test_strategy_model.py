"""The strategy's structure, theme counts and the evidence gaps planners work from."""
from participation import strategy
from participation.extensions import db
from participation.models import (
    Answer,
    EvidenceLink,
    Goal,
    Indicator,
    Measure,
    Process,
    StrategyField,
    Theme,
    ThemeAssignment,
)


def _theme(process, label):
    return db.session.execute(db.select(Theme).filter_by(process_id=process.id, label=label)).scalar_one()


def test_demo_strategy_has_three_fields_six_goals_ten_measures(strategy_process):
    fields = strategy.fields_of(strategy_process)
    assert [f.title for f in fields] == ["Gesund aufwachsen", "Mobilität im Quartier", "Gemeinsam älter werden"]
    goals = [goal for field in fields for goal in field.goals]
    assert len(goals) == 6 and {g.level for g in goals} == {"leitziel", "handlungsziel"}
    assert len(strategy.measures_of(strategy_process)) == 10


def test_deleting_a_field_removes_its_goals_measures_indicators_and_evidence(strategy_process):
    field = strategy.fields_of(strategy_process)[0]
    db.session.delete(field)
    db.session.commit()
    remaining_measures = strategy.measures_of(strategy_process)
    assert len(remaining_measures) == 6
    assert db.session.execute(db.select(db.func.count(Indicator.id))).scalar_one() == 6
    assert db.session.execute(db.select(db.func.count(Goal.id))).scalar_one() == 4
    assert all(link.measure_id in {m.id for m in remaining_measures}
               for link in strategy.evidence_links(strategy_process))


def test_theme_counts_leave_out_flagged_answers_and_archived_or_merged_themes(strategy_process):
    kita = _theme(strategy_process, "Fehlende Kitaplätze")
    counts = strategy.theme_answer_counts(strategy_process)
    assert counts[kita.id] == 7
    flagged = db.session.execute(db.select(Answer).join(ThemeAssignment).where(
        ThemeAssignment.theme_id == kita.id)).scalars().first()
    flagged.review_flag = "off_topic"
    lonely = _theme(strategy_process, "Einsamkeit im Alter")
    lonely.archived = True
    doctors = _theme(strategy_process, "Lange Wartezeiten beim Kinderarzt")
    doctors.merged_into_id = kita.id
    db.session.commit()
    assert strategy.theme_answer_counts(strategy_process)[kita.id] == 6
    assert {t.label for t, _cell in strategy.theme_cells(strategy_process)} == {
        "Fehlende Kitaplätze", "Schlechte Busverbindungen"}


def test_small_theme_counts_are_hidden(strategy_process):
    strategy_process.min_group_size = 8
    db.session.commit()
    cells = {theme.label: cell for theme, cell in strategy.theme_cells(strategy_process)}
    assert cells["Fehlende Kitaplätze"].hidden and cells["Fehlende Kitaplätze"].count is None


def test_gaps_list_unaddressed_themes_and_measures_without_evidence(strategy_process):
    extra = Theme(process_id=strategy_process.id, label="Hitze im Sommer", keywords=["Hitze"])
    db.session.add(extra)
    db.session.commit()
    gaps = strategy.evidence_gaps(strategy_process)
    assert [t.label for t in gaps.themes_without_measure] == ["Hitze im Sommer"]
    assert [m.title for m in gaps.measures_without_evidence] == ["Schulwegplan"]


def test_a_linked_quote_counts_as_evidence_and_addresses_its_theme(strategy_process):
    heat = Theme(process_id=strategy_process.id, label="Hitze im Sommer")
    db.session.add(heat)
    db.session.flush()
    quote = db.session.execute(db.select(Answer).where(
        Answer.text_value == "Abends fährt kein Bus mehr in die Nordstadt.")).scalar_one()
    db.session.execute(db.update(ThemeAssignment).where(ThemeAssignment.answer_id == quote.id)
                       .values(theme_id=heat.id))
    school_route = db.session.execute(db.select(Measure).filter_by(title="Schulwegplan")).scalar_one()
    link = strategy.link_evidence(strategy_process, "measure", school_route.id, answer_id=quote.id)
    db.session.commit()
    assert link is not None
    gaps = strategy.evidence_gaps(strategy_process)
    assert gaps.measures_without_evidence == [] and gaps.themes_without_measure == []
    assert strategy.link_evidence(strategy_process, "measure", school_route.id, answer_id=quote.id) is None


def test_evidence_from_another_process_is_refused(strategy_process):
    other = Process(title="Andere Stadt")
    db.session.add(other)
    db.session.flush()
    foreign_theme = Theme(process_id=other.id, label="Fremd")
    foreign_field = StrategyField(process_id=other.id, title="Fremdes Feld")
    db.session.add_all([foreign_theme, foreign_field])
    db.session.commit()
    own_field = strategy.fields_of(strategy_process)[0]
    own_theme = strategy.active_themes(strategy_process)[0]
    assert strategy.link_evidence(strategy_process, "field", own_field.id, theme_id=foreign_theme.id) is None
    assert strategy.link_evidence(strategy_process, "field", foreign_field.id, theme_id=own_theme.id) is None
    assert strategy.link_evidence(strategy_process, "field", own_field.id) is None
    assert strategy.link_evidence(strategy_process, "field", own_field.id, theme_id=own_theme.id) is not None
    db.session.commit()
    assert db.session.execute(db.select(db.func.count(EvidenceLink.id)).where(
        EvidenceLink.field_id == own_field.id)).scalar_one() == 1
