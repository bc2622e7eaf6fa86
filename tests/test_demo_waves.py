"""The demo's two survey waves a year apart show what changed: themes new, grown, shrunk and gone."""
from datetime import timedelta

from participation.extensions import db
from participation.models import Survey, utcnow
from participation.surveys import waves


def test_demo_has_two_waves_a_year_apart_with_shifted_themes_and_answers(app, demo_outcomes):
    earlier, current = waves.wave_pairs(demo_outcomes)[0]
    assert current.is_open() and not earlier.is_open() and earlier.wave_number == 1 and current.wave_number == 2
    assert [q.code for q in earlier.questions] == [q.code for q in current.questions]
    assert min(r.created_at for r in current.responses) - max(r.created_at for r in earlier.responses) \
        > timedelta(days=200)
    assert earlier.created_at < utcnow() - timedelta(days=365)
    with app.test_request_context():
        comparison = waves.compare_waves(earlier, current)
    statuses = {theme.status for theme in comparison.themes}
    assert {"new", "grown", "shrunk", "disappeared"} <= statuses
    priorities = next(q for q in comparison.questions if q.code == "priorities")
    bus = next(row for row in priorities.rows if row.key == "bus")
    assert bus.points is not None and bus.points < -10          # the evening bus came: fewer name it


def test_demo_without_outcomes_has_one_survey(demo):
    assert len(db.session.execute(db.select(Survey)).scalars().all()) == 1
