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
        for term in [t for t in theme_counts if theme_texts[t] < MIN_PHRASE_TEXTS
                     and (" " in t or _one_off_word_dropped(languages_filter, theme_texts))]:
            del theme_counts[term]
    return counts


def _one_off_word_dropped(language, theme_texts):
    """Outside German, a word said in only one answer is noise ("crazy", "accountant") unless the theme has
    no word that several answers in that language share."""
    return language not in (None, LABEL_LANGUAGE) and any(count >= MIN_PHRASE_TEXTS for count in theme_texts.values())


MIN_KEYWORD_LETTERS = {"de": 2, "ar": 3, "fa": 3}
DEFAULT_MIN_KEYWORD_LETTERS = 4


def is_readable_keyword(term, language):
    """No fragments: a keyword has letters only, and a single word enough of them for its language (lookup
    lemmatisers leave stems such as Turkish "bul" or "ol"); inside a phrase ("kreş yer") short words may stay."""
    words = term.split(" ")
    minimum = MIN_KEYWORD_LETTERS.get(language, DEFAULT_MIN_KEYWORD_LETTERS) if len(words) == 1 else 2
    return all(word.isalpha() and len(word) >= minimum for word in words)


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
    """German keywords first, then a round-robin over the other languages, largest first, so no language's
    rare words crowd out the others; a word already listed (in any language, any case) is not repeated."""
    ordered = sorted(keywords_by_language, key=lambda language: (language != LABEL_LANGUAGE,
                                                                 -language_sizes.get(language, 0), language))
    merged = list(keywords_by_language.get(LABEL_LANGUAGE, []))[:n_keywords]
    seen = {keyword.casefold() for keyword in merged}
    for rank in range(n_keywords):
        for language in ordered[1:] if merged else ordered:
            keywords = keywords_by_language[language]
            if rank < len(keywords) and keywords[rank].casefold() not in seen:
                merged.append(keywords[rank])
                seen.add(keywords[rank].casefold())
    return merged[:n_keywords]


def _deduplicate_languages(per_language, language_sizes):
    """A keyword appears under one language only: the theme's largest language that has it (German first)."""
    ordered = sorted(per_language, key=lambda language: (language != LABEL_LANGUAGE,
                                                         -language_sizes.get(language, 0), language))
    seen, result = set(), {}
    for language in ordered:
        kept = [keyword for keyword in per_language[language]
                if keyword.casefold() not in seen and is_readable_keyword(keyword, language)]
        seen.update(keyword.casefold() for keyword in kept)
        if kept:
            result[language] = kept
    return result


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
    per_language = [_deduplicate_languages(per_language[theme], language_sizes[theme]) for theme in range(n_themes)]
    overall = [_interleave(per_language[theme], language_sizes[theme], n_keywords) for theme in range(n_themes)]
    return overall, per_language


def _german_nouns(german):
    """{German noun: rank of its keyword}, best first: single capitalised words, else the capitalised words of
    phrases ("Wohnung" from "Wohnung finden")."""
    single = {keyword: rank for rank, keyword in enumerate(german) if " " not in keyword and keyword[:1].isupper()}
    if single:
        return single
    inside = {}
    for rank, keyword in enumerate(german):
        for word in keyword.split(" "):
            if word[:1].isupper():
                inside.setdefault(word, rank)
    return inside


def theme_label(overall_keywords, keywords_by_language):
    """Short German noun phrase for planners, never a list of stacked lemmas: a phrase of German nouns
    ("Kita – Warteliste"), else the leading German noun joined by "und" with the second when that is nearly as
    typical ("Kita und Warteliste"), else the single best keyword (German first, then any language)."""
    german = keywords_by_language.get(LABEL_LANGUAGE) or []
    nouns = _german_nouns(german)
    phrases = [keyword for keyword in german if " " in keyword and all(w[:1].isupper() for w in keyword.split(" "))]
    first = next(iter(nouns), None)
    if phrases and (first is None or german.index(phrases[0]) < nouns[first]):
        return phrases[0].replace(" ", " – ")
    if first is not None:
        second = next((noun for noun, rank in list(nouns.items())[1:] if rank <= 2), None)
        return f"{first} und {second}" if second else first
    best = next((keyword for keyword in [*german, *overall_keywords] if keyword), None)
    return best if best else "Sonstiges"
