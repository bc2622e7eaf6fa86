"""Short answers (place names, one or two words) as normalised terms with their counts, not sentence clusters.

"Stadtpark", "im Stadtpark", "Stadt-Park" are one term; sentence embeddings of such fragments say little,
so each answer joins the term it shares with most other answers. Terms named by one answer only are
gathered as "Weitere Nennungen".
"""

import unicodedata
from collections import Counter
from statistics import median

from .normalise import normalise_texts
from .pipeline import Theme

SHORT_ANSWER_WORDS = 2
OTHER_MENTIONS = "Weitere Nennungen"
MIN_TERM_ANSWERS = 2
REPRESENTATIVES = 3


def is_short_answer_group(texts) -> bool:
    """Most answers have at most two words: place names, single wishes."""
    return bool(texts) and median(len(text.split()) for text in texts) <= SHORT_ANSWER_WORDS


def term_key(term: str) -> str:
    """One key for spellings of a term: case, accents, ß, hyphens and spaces do not matter."""
    text = unicodedata.normalize("NFKD", term.casefold().replace("ß", "ss"))
    return "".join(char for char in text if char.isalnum() and not unicodedata.combining(char))


def group_by_terms(texts, languages):
    """(labels per text, themes): one theme per term named by at least two answers, the rest in one theme."""
    normalised = normalise_texts(texts, languages)
    keys_per_text = [[term_key(lemma) for lemma in text.lemmas] or [term_key(raw)]
                     for text, raw in zip(normalised, texts)]
    frequency = Counter(key for keys in keys_per_text for key in set(keys) if key)
    spellings: dict[str, Counter] = {}
    chosen = []
    for keys, text in zip(keys_per_text, normalised):
        key = max(keys, key=lambda candidate: (frequency[candidate], -keys.index(candidate))) if keys else ""
        chosen.append(key)
        for lemma in text.lemmas:
            if term_key(lemma) == key:
                spellings.setdefault(key, Counter())[lemma] += 1
    counts = Counter(chosen)
    terms = [key for key, count in counts.most_common() if key and count >= MIN_TERM_ANSWERS]
    index_of = {key: index for index, key in enumerate(terms)}
    other = len(terms) if any(key not in index_of for key in chosen) else None
    labels = [index_of.get(key, other) for key in chosen]
    themes = []
    for index in range(len(terms) + (other is not None)):
        members = [position for position, label in enumerate(labels) if label == index]
        member_languages = [languages[position] for position in members]
        if index < len(terms):
            words = [word for word, _count in spellings.get(terms[index], Counter()).most_common()]
            label = words[0] if words else terms[index]
        else:
            words, label = [], OTHER_MENTIONS
        themes.append(Theme(label=label[:1].upper() + label[1:], keywords=words[:8],
                            keywords_by_language={"de": words[:8]} if words else {},
                            representatives=members[:REPRESENTATIVES], size=len(members),
                            languages=dict(Counter(member_languages))))
    return [label if label is not None else -1 for label in labels], themes
