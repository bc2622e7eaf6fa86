"""Behaviour of participation.analysis that the web app and planners rely on."""

import numpy as np
import pytest
from sklearn.metrics import normalized_mutual_info_score

from participation.analysis import (
    assign_to_themes,
    cluster_texts,
    embed_texts,
    get_embedder,
    mask_personal_data,
    theme_count_range,
)
from participation.analysis.embed import DEFAULT_MODEL, FALLBACK_MODEL

BUS = [
    ("de", "Der Bus fährt abends viel zu selten, ich komme nicht mehr nach Hause."),
    ("de", "Die Buslinie 12 sollte auch am Wochenende öfter fahren."),
    ("de", "Die Bushaltestelle am Markt braucht ein Dach und eine Bank."),
    ("tr", "Otobüsler akşamları çok seyrek geliyor, eve dönemiyorum."),
    ("tr", "Hafta sonu otobüs seferleri daha sık olmalı."),
    ("ar", "الحافلات تأتي نادرا في المساء ولا أستطيع العودة إلى البيت."),
    ("ar", "يجب أن تكون مواعيد الحافلات أكثر في عطلة نهاية الأسبوع."),
    ("en", "The bus runs far too rarely in the evening, I can't get home."),
    ("en", "We need more frequent bus connections to the train station."),
    ("en", "The bus stop near the market needs a shelter and a bench."),
]
PLAYGROUND = [
    ("de", "Der Spielplatz im Park ist kaputt, die Schaukel fehlt seit Monaten."),
    ("de", "Wir brauchen mehr Spielplätze für kleine Kinder in unserem Viertel."),
    ("de", "Auf dem Spielplatz liegen Scherben, das ist gefährlich für die Kinder."),
    ("tr", "Parktaki çocuk oyun alanı bozuk, salıncak aylardır yok."),
    ("tr", "Mahallemizde küçük çocuklar için daha fazla oyun parkı lazım."),
    ("ar", "ملعب الأطفال في الحديقة مكسور والأرجوحة مفقودة منذ أشهر."),
    ("ar", "نحتاج إلى المزيد من الملاعب للأطفال الصغار في حينا."),
    ("en", "The playground in the park is broken, the swing has been missing for months."),
    ("en", "Our neighbourhood needs more playgrounds for small children."),
    ("en", "There is broken glass on the playground, it is dangerous for the kids."),
]
DOCTORS = [
    ("de", "Ich warte drei Monate auf einen Termin beim Facharzt."),
    ("de", "Es gibt zu wenige Hausärzte, die neue Patienten aufnehmen."),
    ("de", "Die Kinderarztpraxis ist immer überfüllt, man bekommt keinen Termin."),
    ("tr", "Uzman doktordan randevu almak için üç ay bekliyorum."),
    ("tr", "Yeni hasta kabul eden aile hekimi çok az."),
    ("ar", "أنتظر ثلاثة أشهر للحصول على موعد عند الطبيب المختص."),
    ("ar", "لا يوجد عدد كاف من الأطباء الذين يقبلون مرضى جدد."),
    ("en", "I have been waiting three months for an appointment with a specialist doctor."),
    ("en", "There are too few family doctors accepting new patients."),
    ("en", "The paediatrician's practice is always full, you cannot get an appointment."),
]
LONELINESS = [
    ("de", "Viele ältere Menschen sind einsam und haben niemanden zum Reden."),
    ("de", "Ein Seniorentreff im Stadtteil würde gegen die Einsamkeit im Alter helfen."),
    ("de", "Meine Nachbarin ist über achtzig und bekommt kaum Besuch."),
    ("tr", "Birçok yaşlı insan yalnız ve konuşacak kimsesi yok."),
    ("tr", "Mahallede yaşlılar için bir buluşma yeri yalnızlığa karşı iyi olurdu."),
    ("ar", "كثير من كبار السن يشعرون بالوحدة وليس لديهم من يتحدثون معه."),
    ("ar", "مركز لقاء لكبار السن في الحي سيساعد ضد الوحدة."),
    ("en", "Many older people are lonely and have nobody to talk to."),
    ("en", "A meeting place for seniors in the district would help against loneliness."),
    ("en", "My neighbour is over eighty and hardly gets any visitors."),
]
TOPICS = [BUS, PLAYGROUND, DOCTORS, LONELINESS]
ANSWERS = [answer for topic in TOPICS for answer in topic]
TEXTS = [text for _, text in ANSWERS]
LANGUAGES = [language for language, _ in ANSWERS]
TRUE_TOPICS = [index for index, topic in enumerate(TOPICS) for _ in topic]


@pytest.fixture(scope="module", params=[DEFAULT_MODEL, FALLBACK_MODEL])
def embedder(request):
    """The chosen model for real, and the fallback used where its package is missing."""
    return get_embedder(request.param)


@pytest.fixture(scope="module")
def vectors(embedder):
    return embed_texts(TEXTS, LANGUAGES, embedder=embedder)


@pytest.fixture(scope="module")
def result(vectors):
    return cluster_texts(TEXTS, LANGUAGES, embeddings=vectors)


def test_the_default_model_loads_here():
    assert get_embedder().model_id == DEFAULT_MODEL, "the chosen model's package must be installed"


def test_embeddings_are_unit_float32_rows(vectors, embedder):
    assert vectors.shape == (len(TEXTS), embedder.dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_one_label_per_text_and_labels_refer_to_themes(result):
    assert len(result.labels) == len(TEXTS)
    assert set(result.labels) <= set(range(len(result.themes))) | {-1}
    assert sum(theme.size for theme in result.themes) == sum(label >= 0 for label in result.labels)


def test_resident_topics_are_recovered_across_languages(result):
    assert normalized_mutual_info_score(TRUE_TOPICS, result.labels) > 0.6
    assert 3 <= len(result.themes) <= 6
    mixed_themes = [theme for theme in result.themes if len(theme.languages) >= 3]
    assert len(mixed_themes) >= len(result.themes) - 1


def test_given_number_of_themes_is_respected(vectors):
    result = cluster_texts(TEXTS, LANGUAGES, 4, embeddings=vectors)
    assert len(result.themes) == 4
    assert normalized_mutual_info_score(TRUE_TOPICS, result.labels) > 0.6


def test_same_seed_gives_same_result(vectors):
    first = cluster_texts(TEXTS, LANGUAGES, embeddings=vectors, random_state=3)
    second = cluster_texts(TEXTS, LANGUAGES, embeddings=vectors, random_state=3)
    assert first.labels == second.labels
    assert [t.label for t in first.themes] == [t.label for t in second.themes]


def test_embedding_inside_cluster_texts_matches_stored_vectors(result, embedder):
    assert cluster_texts(TEXTS, LANGUAGES, embedder=embedder).labels == result.labels


def test_languages_are_detected_when_missing(vectors):
    result = cluster_texts(TEXTS, embeddings=vectors)
    assert result.languages == LANGUAGES


def test_representatives_are_three_to_five_members(result):
    for index, theme in enumerate(result.themes):
        assert 3 <= len(theme.representatives) <= 5
        assert len(set(theme.representatives)) == len(theme.representatives)
        assert all(result.labels[i] == index for i in theme.representatives)


def test_labels_and_keywords_are_readable(result):
    for theme in result.themes:
        assert isinstance(theme.label, str) and theme.label.strip()
        assert len(theme.label.replace(",", " ").split()) <= 4
        assert theme.keywords
        assert set(theme.keywords_by_language) <= set(LANGUAGES)


def test_german_label_names_the_topic(result):
    labels_by_topic = {}
    for label, topic in zip(result.labels, TRUE_TOPICS):
        if label >= 0:
            labels_by_topic.setdefault(topic, []).append(label)
    bus_theme = max(set(labels_by_topic[0]), key=labels_by_topic[0].count)
    playground_theme = max(set(labels_by_topic[1]), key=labels_by_topic[1].count)
    assert "Bus" in result.themes[bus_theme].label or "Buslinie" in result.themes[bus_theme].label
    assert "Spielplatz" in result.themes[playground_theme].label


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_tiny_inputs_do_not_crash(count):
    result = cluster_texts(TEXTS[:count], LANGUAGES[:count], embedder=get_embedder(FALLBACK_MODEL))
    assert len(result.labels) == count
    assert len(result.themes) <= 1
    assert all(label in (-1, 0) for label in result.labels)


def test_mask_personal_data():
    text = ("Schreiben Sie an anna.schmidt@example.org oder rufen Sie 0171 2345678 bzw. +49 (30) 123-4567 an, "
            "Infos auf https://www.stadt.de/plan?id=3, IBAN DE89 3704 0044 0532 0130 00. "
            "Am 12.03.2024 kostet es 250 Euro.")
    masked = mask_personal_data(text)
    for secret in ("anna.schmidt", "2345678", "123-4567", "stadt.de", "DE89", "0532"):
        assert secret not in masked
    for placeholder in ("[E-Mail]", "[Telefon]", "[URL]", "[IBAN]"):
        assert placeholder in masked
    assert "12.03.2024" in masked and "250 Euro" in masked


def test_personal_data_never_becomes_a_keyword():
    texts = [f"Der Bus kommt nie, schreiben Sie mir an max{i}@mailhost.de" for i in range(6)]
    texts += [f"Der Spielplatz ist kaputt, Tel. 0172 55512{i}{i}" for i in range(6)]
    result = cluster_texts(texts, ["de"] * len(texts))
    keywords = " ".join(k for theme in result.themes for k in theme.keywords).lower()
    assert "mailhost" not in keywords and "0172" not in keywords


def test_assign_to_nearest_theme_or_none():
    centroids = np.eye(3, 8, dtype=np.float32)
    vectors = np.array([[0.9, 0.1, 0, 0, 0, 0, 0, 0], [0, 0.2, 0.95, 0, 0, 0, 0, 0],
                        [0, 0, 0, 0, 0, 0, 1, 0]], dtype=np.float32)
    assert assign_to_themes(vectors, centroids, threshold=0.5).tolist() == [0, 2, -1]


def test_new_texts_join_the_theme_of_their_topic_at_the_models_threshold(result, embedder):
    new_vectors = embed_texts(["Der Spielplatz braucht neue Rutschen.", "Otobüs durağında bank yok.",
                               "Die Stadt sollte mehr Bäume pflanzen und Fassaden begrünen."], embedder=embedder)
    assigned = assign_to_themes(new_vectors, result.centroids, embedder.assign_threshold)
    playground_theme = result.labels[TRUE_TOPICS.index(1)]
    bus_theme = result.labels[TRUE_TOPICS.index(0)]
    assert assigned.tolist()[:2] == [playground_theme, bus_theme]


@pytest.mark.parametrize("n_texts, low, high", [(20, 3, 6), (100, 4, 12), (300, 5, 15), (10000, 5, 20)])
def test_automatic_theme_count_is_plausible_for_survey_sizes(n_texts, low, high):
    lower, upper = theme_count_range(n_texts)
    assert low <= lower <= upper <= high


def test_keywords_german_first_then_per_language_without_repeats_or_fragments(result):
    for theme in result.themes:
        by_language = theme.keywords_by_language
        if "de" in by_language:
            assert theme.keywords[:len(by_language["de"][:8])] == by_language["de"][:8]
        words = [word.casefold() for words in by_language.values() for word in words]
        assert len(words) == len(set(words)), by_language
        for language, keywords in by_language.items():
            for keyword in keywords:
                parts = keyword.split(" ")
                shortest = 2 if language == "de" or len(parts) > 1 else 3
                assert all(part.isalpha() and len(part) >= shortest for part in parts), (language, keyword)


def test_labels_are_noun_phrases_not_stacked_lemmas(result):
    for theme in result.themes:
        assert "," not in theme.label and len(theme.label.split()) <= 3, theme.label
        if any(word[:1].isupper() for words in theme.keywords_by_language.get("de", []) for word in words.split()):
            assert theme.label[:1].isupper(), theme.label


@pytest.mark.parametrize("keywords, label", [
    ({"de": ["Wohnung finden", "teuer", "suchen"]}, "Wohnung"),
    ({"de": ["warten", "lange", "teuer"]}, "warten"),
    ({"de": ["neu Wohnung", "Miete zahlen", "teuer"]}, "Wohnung und Miete"),
    ({"tr": ["otobüs", "durak"], "ar": ["حافلة"]}, "otobüs"),
    ({}, "Sonstiges"),
])
def test_label_without_a_single_german_noun_is_still_one_short_phrase(keywords, label):
    from participation.analysis.label import theme_label
    overall = [word for words in keywords.values() for word in words]
    assert theme_label(overall, keywords) == label


def test_label_joins_the_two_leading_german_nouns():
    from participation.analysis.label import theme_label
    assert theme_label([], {"de": ["Kita", "Warteliste", "warten"]}) == "Kita und Warteliste"
    assert theme_label([], {"de": ["Bus", "fahren", "abends", "Haltestelle"]}) == "Bus"
    assert theme_label(["otobüs"], {"tr": ["otobüs"]}) == "otobüs"


def test_one_off_foreign_words_and_fragments_are_not_keywords():
    from participation.analysis.label import is_readable_keyword
    assert not is_readable_keyword("ol", "tr") and not is_readable_keyword("bul", "tr")
    assert is_readable_keyword("شقة", "ar") and is_readable_keyword("Bus", "de")
    assert not is_readable_keyword("14:30", "de") and is_readable_keyword("kreş yer", "tr")


def test_match_by_members_only_pairs_clearly_the_same_themes():
    from participation.analysis import majority_destination, match_by_members
    old = {"housing": {1, 2, 3, 4}, "kita": {5, 6, 7, 8}, "named": {9, 10, 11, 12}}
    new = [{1, 2, 3}, {5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, {4}]
    assert match_by_members(old, new) == {0: "housing"}, "the kita+named merge is most of neither's new theme"
    assert majority_destination(old["kita"], new) == 1 and majority_destination({1, 2, 4, 5}, new) is None
    assert match_by_members({"a": {1, 2}}, [{1}, {2}]) == {}, "half is not most"


def test_short_answers_become_terms_with_counts_merged_across_spellings():
    from participation.analysis.terms import OTHER_MENTIONS, group_by_terms, is_short_answer_group
    places = ["Stadtpark", "Im Stadtpark am See", "stadtpark", "Freibad Nord", "im Freibad", "Bücherei", "Zuhause"]
    assert is_short_answer_group(places) and not is_short_answer_group(["Der Bus fährt abends viel zu selten."])
    labels, themes = group_by_terms(places, ["de"] * len(places))
    by_label = {theme.label: theme for theme in themes}
    assert by_label["Stadtpark"].size == 3 and by_label["Freibad"].size == 2
    assert by_label[OTHER_MENTIONS].size == 2
    assert labels[0] == labels[1] == labels[2] != labels[3]


def test_short_answers_merge_across_languages_at_the_models_threshold(embedder):
    from participation.analysis.terms import OTHER_MENTIONS, group_by_terms
    places = [("de", "Stadtpark"), ("de", "im Stadtpark"), ("pl", "Park nad rzeką"), ("ru", "Парк у реки"),
              ("en", "The riverside park"), ("de", "Bücherei"), ("uk", "Бібліотека"), ("fa", "کتابخانه"),
              ("en", "The library"), ("de", "bei meiner Tochter")]
    texts, languages = [text for _, text in places], [language for language, _ in places]
    vectors = embed_texts(texts, embedder=embedder)
    labels, themes = group_by_terms(texts, languages, vectors, embedder.term_merge_threshold)
    by_label = {theme.label: index for index, theme in enumerate(themes)}
    assert labels[0] == labels[1] == by_label["Stadtpark"]
    parks, libraries = set(labels[:5]), set(labels[5:9])
    assert not (parks & libraries) - {by_label.get(OTHER_MENTIONS)}, "a park and a library never form one term"
    assert any(len(theme.languages) >= 2 for theme in themes if theme.label != OTHER_MENTIONS), \
        "answers in different languages naming the same place form one term"
    assert labels[9] == by_label[OTHER_MENTIONS], "an answer like no other stays under 'Weitere Nennungen'"
    assert themes[by_label["Stadtpark"]].keywords_by_language["de"][0] == "Stadtpark"
