"""A process with two published themes, one unpublished theme and three proposed measures, and an open round."""
import pytest

from participation.extensions import db
from participation.models import Goal, Measure, PriorityRound, StrategyField, Theme
from participation.priorities.rounds import set_items


@pytest.fixture
def strategy_items(process):
    field = StrategyField(process_id=process.id, title="Gesund aufwachsen")
    goal = Goal(process_id=process.id, field=field, title="Alle Kinder haben einen Kitaplatz")
    measures = [Measure(process_id=process.id, goal=goal, title=title, responsible="Jugendamt")
                for title in ("Kita-Ausbau Nordstadt", "Abendlinie Nordstadt", "Nachbarschaftstreff")]
    themes = [Theme(process_id=process.id, label="Fehlende Kitaplätze", published=True),
              Theme(process_id=process.id, label="Schlechte Busverbindungen", published=True),
              Theme(process_id=process.id, label="Noch nicht freigegeben", published=False)]
    db.session.add_all([field, goal, *measures, *themes])
    db.session.commit()
    return {"measures": measures, "themes": themes}


def make_round(process, strategy_items, **settings) -> PriorityRound:
    priority_round = PriorityRound(process_id=process.id, title="Was ist am dringendsten?", status="open",
                                   languages=["de", "ar"], short_code=settings.pop("short_code", "prio1"),
                                   i18n={"ar": {"title": "ما هو الأكثر إلحاحًا؟"}}, **settings)
    db.session.add(priority_round)
    db.session.flush()
    keys = [f"theme:{theme.id}" for theme in strategy_items["themes"]] + [
        f"measure:{measure.id}" for measure in strategy_items["measures"]]
    set_items(priority_round, keys)
    db.session.commit()
    return priority_round


@pytest.fixture
def priority_round(process, strategy_items):
    return make_round(process, strategy_items, points_per_person=3, max_points_per_item=2)
