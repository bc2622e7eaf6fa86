"""Per-question analysis: the answers to each question form their own themes; chosen questions are pooled.

Answers to "Was könnten Sie selbst beitragen?" and to "Wo sind Sie gern?" say different kinds of things;
clustering them together mixes baking offers with place names. So every question with enough answers is
clustered on its own, questions the planner pools are clustered together, and questions with too few
answers join that pool.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

MIN_ANSWERS_PER_QUESTION = 10


@dataclass
class GroupedResult:
    """A clustering result over all items: labels per item, the themes and each theme's question (None = pool)."""
    labels: list
    themes: list
    question_ids: list


def analysis_groups(items, pooled=()) -> list[tuple[int | None, list[int]]]:
    """(question id, or None for the pool; item positions) for every group to cluster, in question order."""
    pooled = set(pooled or ())
    by_question: dict[int | None, list[int]] = {}
    for position, item in enumerate(items):
        by_question.setdefault(item.question_id, []).append(position)
    groups, pool = [], []
    for question_id in sorted(by_question, key=lambda key: (key is None, key or 0)):
        positions = by_question[question_id]
        if question_id in pooled or question_id is None or len(positions) < MIN_ANSWERS_PER_QUESTION:
            pool.extend(positions)
        else:
            groups.append((question_id, positions))
    if pool:
        only = {items[position].question_id for position in pool}
        groups.append((only.pop() if len(only) == 1 else None, sorted(pool)))
    return groups


def cluster_per_question(items, matrix, n_themes=None, pooled=(), term_merge_threshold=None) -> GroupedResult:
    """Cluster each group on its own (`n_themes` per group, at most a third of its answers); a question of short
    answers is grouped by normalised terms instead (analysis.terms), merged across spellings and languages at
    the embedder's `term_merge_threshold`."""
    from ..analysis import cluster_texts
    from ..analysis.terms import group_by_terms, is_short_answer_group

    labels, themes, question_ids = [-1] * len(items), [], []
    for question_id, positions in analysis_groups(items, pooled):
        texts, languages = [items[p].text for p in positions], [items[p].language for p in positions]
        if question_id is not None and is_short_answer_group(texts):
            group_labels, group_themes = group_by_terms(texts, languages, np.asarray(matrix)[positions],
                                                        term_merge_threshold)
        else:
            wanted = min(n_themes, max(2, len(positions) // 3)) if n_themes else None
            result = cluster_texts(texts, languages, wanted, embeddings=np.asarray(matrix)[positions])
            group_labels, group_themes = result.labels, result.themes
        offset = len(themes)
        for position, label in zip(positions, group_labels):
            labels[position] = label + offset if label >= 0 else -1
        for found in group_themes:
            themes.append(replace(found, representatives=[positions[index] for index in found.representatives]))
            question_ids.append(question_id)
    return GroupedResult(labels, themes, question_ids)
