"""Evidence shows its weight: answers, languages and districts behind a theme (small groups not counted)."""
from participation.extensions import db
from participation.models import Theme
from participation.strategy.weight import evidence_weights
from tests.conftest import login


def test_weight_counts_answers_and_only_groups_of_minimum_size(strategy_process):
    kita = db.session.execute(db.select(Theme).filter_by(process_id=strategy_process.id,
                                                          label="Fehlende Kitaplätze")).scalar_one()
    weight = evidence_weights(strategy_process)[kita.id]
    assert weight.answers == 7
    assert weight.languages <= 1 and weight.districts <= 2
    strategy_process.min_group_size = 1
    db.session.commit()
    loose = evidence_weights(strategy_process)[kita.id]
    assert loose.districts >= weight.districts and loose.languages >= 1


def test_strategy_page_shows_weight_beside_linked_themes(client, make_user, strategy_process):
    login(client, make_user("planner", processes=[strategy_process]))
    page = client.get(f"/planning/processes/{strategy_process.id}/strategy").get_data(as_text=True)
    assert "7 Antworten," in page and "<th scope=\"col\">Stadtteile</th>" in page
