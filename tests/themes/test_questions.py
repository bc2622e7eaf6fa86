"""Per-question analysis: each question's answers form their own themes; pooled questions share themes."""
from participation import analysis
from participation.themes.embedding import TextItem
from participation.themes.questions import analysis_groups, cluster_per_question
from tests.themes.answers import TOPICS

PLACES = ["Stadtpark", "Im Stadtpark am See", "Schwimmbad", "Freibad Nord", "Bibliothek", "Stadtbibliothek",
          "Park", "Hallenbad", "Bücherei am Markt", "Spielplatz Lindenhof", "Parkbank im Stadtpark", "Zuhause"]


def _items():
    """Answers to "Wo fehlt Unterstützung?" (question 1, six topics) and "Wo sind Sie gern?" (question 2)."""
    items = [TextItem(index, text, language, question_id=1)
             for index, (language, text) in enumerate(answer for answers in TOPICS.values() for answer in answers)]
    start = len(items)
    items += [TextItem(start + index, text, "de", question_id=2) for index, text in enumerate(PLACES)]
    items += [TextItem(start + 100 + index, text, "de", question_id=3) for index, text in enumerate(PLACES[:4])]
    return items


def test_groups_per_question_with_small_and_chosen_questions_pooled():
    items = _items()
    groups = dict(analysis_groups(items))
    assert set(groups) == {1, 2, 3}, "question 3 (4 answers) is the only small one, so it keeps its id"
    assert len(groups[1]) == 60 and len(groups[2]) == 12 and len(groups[3]) == 4
    pooled = dict(analysis_groups(items, pooled={2}))
    assert set(pooled) == {1, None} and len(pooled[None]) == 16


def test_no_theme_mixes_answers_of_different_questions():
    items = _items()
    matrix = analysis.embed_texts([item.text for item in items])
    result = cluster_per_question(items, matrix)
    assert len(result.themes) == len(result.question_ids)
    for theme_index, question_id in enumerate(result.question_ids):
        members = [item for item, label in zip(items, result.labels) if label == theme_index]
        assert members and {item.question_id for item in members} == {question_id}
        representatives = {items[position].question_id for position in result.themes[theme_index].representatives}
        assert representatives == {question_id}
    pooled = cluster_per_question(items, matrix, pooled={1, 2})
    assert None in pooled.question_ids
