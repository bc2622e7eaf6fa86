"""Keywords and short German labels per theme with class-based TF-IDF.

Class-based TF-IDF (as in BERTopic) treats all texts of a theme as one
document, so a lemma scores high when it is frequent in the theme and rare in
the others. Two-word phrases compete with single lemmas and win when a phrase
is as distinctive as its parts ("öffentlicher Nahverkehr" rather than
"öffentlich").
"""

from collections import Counter

import numpy as np

LABEL_LANGUAGE = "de"
PHRASE_PREFERENCE = 0.8
MIN_PHRASE_TEXTS = 2


CENTRALITY_BONUS = 0.5


def _class_term_counts(normalised, labels, n_themes, centrality, languages_filter=None):
    """Weighted number of texts of each theme containing a lemma or phrase, optionally for one language.

    Counting texts rather than occurrences keeps one long answer that repeats a
    word from dominating its theme. Texts close to the theme's centre weigh a
    little more, which decides between words that occur equally often.
    """
    counts = [Counter() for _ in range(n_themes)]
    texts_with = [Counter() for _ in range(n_themes)]
    for text, label, closeness in zip(normalised, labels, centrality):
        if label < 0 or (languages_filter is not None and text.language != languages_filter):
            continue
        terms = set(text.lemmas) | set(text.phrases)
        texts_with[label].update(terms)
        weight = 1.0 + CENTRALITY_BONUS * max(0.0, float(closeness))
        counts[label].update({term: weight for term in terms})
    for theme_counts, theme_texts in zip(counts, texts_with):
        for term in [t for t in theme_counts if " " in t and theme_texts[t] < MIN_PHRASE_TEXTS]:
            del theme_counts[term]
    return counts


def class_tfidf(counts):
    """c-TF-IDF score dictionaries, one per theme: tf within theme times log(1 + avg words / term frequency)."""
    total_per_term = Counter()
    for theme_counts in counts:
        total_per_term.update(theme_counts)
    average_words = np.mean([sum(c.values()) for c in counts]) if counts else 0.0
    scores = []
    for theme_counts in counts:
        size = sum(theme_counts.values()) or 1
        scores.append({term: (count / size) * np.log(1 + average_words / total_per_term[term])
                       for term, count in theme_counts.items()})
    return scores


def top_keywords(scores, n_keywords=8):
    """Best terms, with a phrase replacing the single lemmas it contains when it scores nearly as high."""
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    best_single = max((score for term, score in ranked if " " not in term), default=0.0)
    chosen = []
    for term, score in ranked:
        if " " in term and score < PHRASE_PREFERENCE * best_single:
            continue
        if any(term in kept.split(" ") for kept in chosen if " " in kept):
            continue
        if " " in term and scores.get(term, 0) > 0:
            chosen = [kept for kept in chosen if kept not in term.split(" ")]
        if term not in chosen:
            chosen.append(term)
        if len(chosen) == n_keywords:
            break
    return chosen


def _interleave(keywords_by_language, language_sizes, n_keywords):
    """Round-robin over languages, largest first, so no language's rare words crowd out the others."""
    ordered = sorted(keywords_by_language, key=lambda language: (-language_sizes.get(language, 0), language))
    merged = []
    for rank in range(n_keywords):
        for language in ordered:
            keywords = keywords_by_language[language]
            if rank < len(keywords) and keywords[rank] not in merged:
                merged.append(keywords[rank])
    return merged[:n_keywords]


def keywords_per_theme(normalised, labels, n_themes, centrality, n_keywords=8):
    """Overall keywords and keywords per language for each theme.

    c-TF-IDF is computed within each language (a Turkish word is only compared
    with Turkish texts); overall keywords interleave the language lists.
    `centrality` is each text's similarity to its theme centre.
    """
    per_language = [dict() for _ in range(n_themes)]
    language_sizes = [Counter() for _ in range(n_themes)]
    for text, label in zip(normalised, labels):
        if label >= 0:
            language_sizes[label][text.language] += 1
    for language in sorted({text.language for text in normalised}):
        scores = class_tfidf(_class_term_counts(normalised, labels, n_themes, centrality, language))
        for theme, theme_scores in enumerate(scores):
            if theme_scores:
                per_language[theme][language] = top_keywords(theme_scores, n_keywords)
    overall = [_interleave(per_language[theme], language_sizes[theme], n_keywords) for theme in range(n_themes)]
    return overall, per_language


def theme_label(overall_keywords, keywords_by_language, max_words=3):
    """Short label for planners: German keywords when German texts are in the theme, else the overall ones."""
    german = keywords_by_language.get(LABEL_LANGUAGE)
    # German nouns (capitalised lemmas) name a topic better than verbs or adjectives.
    keywords = sorted(german, key=lambda keyword: not keyword[:1].isupper()) if german else overall_keywords
    words, parts = 0, []
    for keyword in keywords:
        size = len(keyword.split(" "))
        if words + size > max_words + (1 if not parts else 0):
            continue
        parts.append(keyword)
        words += size
        if words >= max_words:
            break
    return ", ".join(parts) if parts else "Sonstiges"
