"""Short answers (place names, one or two words) as normalised terms with their counts, not sentence clusters.

"Stadtpark", "im Stadtpark", "Stadt-Park" are one term by spelling. Terms in other languages ("Park nad
rzeką", "парк у реки") or other words for the same place ("Bücherei", "Stadtbibliothek") join when their
answers' vectors are at least the embedder's calibrated `term_merge_threshold` alike. Answers whose term
nobody else named are gathered as "Weitere Nennungen".
"""

import unicodedata
from collections import Counter
from statistics import median

import numpy as np

from .embed import l2_normalise
from .label import LABEL_LANGUAGE
from .normalise import normalise_texts
from .pipeline import Theme

# "Der Stadtpark am Wasser", "Auf dem Markt am Samstag": place answers run to three words in the median (demo)
SHORT_ANSWER_WORDS = 3
OTHER_MENTIONS = "Weitere Nennungen"
MIN_TERM_ANSWERS = 2
REPRESENTATIVES = 3
KEYWORDS = 8


def is_short_answer_group(texts) -> bool:
    """Most answers have at most three words: place names, single wishes."""
    return bool(texts) and median(len(text.split()) for text in texts) <= SHORT_ANSWER_WORDS


def term_key(term: str) -> str:
    """One key for spellings of a term: case, accents, ß, hyphens and spaces do not matter."""
    text = unicodedata.normalize("NFKD", term.casefold().replace("ß", "ss"))
    return "".join(char for char in text if char.isalnum() and not unicodedata.combining(char))


def _terms_by_spelling(texts, languages):
    """(term key per text, spellings per key): each answer takes its term that most other answers share."""
    normalised = normalise_texts(texts, languages)
    keys_per_text = [[term_key(lemma) for lemma in text.lemmas] or [term_key(raw)]
                     for text, raw in zip(normalised, texts)]
    frequency = Counter(key for keys in keys_per_text for key in set(keys) if key)
    spellings: dict[str, Counter] = {}
    chosen = []
    for keys, text, raw in zip(keys_per_text, normalised, texts):
        key = max(keys, key=lambda candidate: (frequency[candidate], -keys.index(candidate))) if keys else ""
        chosen.append(key)
        words = [lemma for lemma in text.lemmas if term_key(lemma) == key] or [raw.strip()]
        spellings.setdefault(key, Counter()).update((word, text.language) for word in words[:1])
    return chosen, spellings


def _merge_alike(groups, vectors, threshold):
    """Groups (lists of positions) merged by average-linkage clustering of their centres: two groups join when
    their members are on average at least `threshold` alike. Without vectors, groups stay as spelled."""
    if vectors is None or threshold is None or len(groups) < 2:
        return groups
    from scipy.cluster.hierarchy import fcluster, linkage

    vectors = l2_normalise(vectors)
    centres = l2_normalise(np.array([vectors[group].mean(axis=0) for group in groups]))
    clusters = fcluster(linkage(centres, method="average", metric="cosine"), t=1.0 - threshold,
                        criterion="distance")
    merged: dict[int, list] = {}
    for group, cluster in zip(groups, clusters):
        merged.setdefault(int(cluster), []).extend(group)
    return sorted(merged.values(), key=lambda members: (-len(members), min(members)))


def _term_theme(members, keys, spellings, languages):
    """A theme for one merged term: its German spelling named most as label, spellings per language."""
    counts = Counter()
    for key in dict.fromkeys(keys[position] for position in members):
        counts.update(spellings.get(key, Counter()))
    by_language: dict[str, list] = {}
    for (word, language), _count in counts.most_common():
        if word.casefold() not in {w.casefold() for words in by_language.values() for w in words}:
            by_language.setdefault(language, []).append(word)
    ordered = sorted(by_language, key=lambda language: (language != LABEL_LANGUAGE, -len(by_language[language])))
    label = by_language[ordered[0]][0] if ordered else OTHER_MENTIONS
    keywords = [word for language in ordered for word in by_language[language]][:KEYWORDS]
    member_languages = [languages[position] for position in members]
    return Theme(label=label[:1].upper() + label[1:], keywords=keywords,
                 keywords_by_language={language: by_language[language][:KEYWORDS] for language in ordered},
                 representatives=members[:REPRESENTATIVES], size=len(members),
                 languages=dict(Counter(member_languages)))


def group_by_terms(texts, languages, vectors=None, merge_threshold=None):
    """(labels per text, themes): one theme per term named by at least two answers, the rest in one theme.

    With `vectors` (one row per text, from the embedder) and its `merge_threshold`, terms of other spellings
    and languages that mean the same join, and so do answers whose own term nobody else named.
    """
    keys, spellings = _terms_by_spelling(texts, languages)
    by_key: dict[str, list] = {}
    for position, key in enumerate(keys):
        by_key.setdefault(key, []).append(position)
    groups = sorted(by_key.values(), key=lambda group: (-len(group), group[0]))
    vectors = None if vectors is None else np.asarray(vectors, dtype=np.float32)
    groups = _merge_alike(groups, vectors, merge_threshold)
    terms = [group for group in groups if len(group) >= MIN_TERM_ANSWERS]
    others = sorted(position for group in groups if len(group) < MIN_TERM_ANSWERS for position in group)
    labels = [-1] * len(texts)
    themes = []
    for index, members in enumerate(terms):
        members = sorted(members)
        for position in members:
            labels[position] = index
        themes.append(_term_theme(members, keys, spellings, languages))
    if others:
        for position in others:
            labels[position] = len(themes)
        named = _term_theme(others, keys, spellings, languages)
        themes.append(Theme(label=OTHER_MENTIONS, keywords=named.keywords,
                            keywords_by_language=named.keywords_by_language,
                            representatives=others[:REPRESENTATIVES], size=len(others),
                            languages=dict(Counter(languages[position] for position in others))))
    return labels, themes
