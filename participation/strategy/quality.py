"""Quality self-check of a measure against the 12 good-practice criteria of the Kooperationsverbund
Gesundheitliche Chancengleichheit ("Kriterien für gute Praxis der soziallagenbezogenen
Gesundheitsförderung"), in the order and numbering of that publication. Keys are stored, labels translated."""
from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..models import QualityRating

CRITERIA = (
    ("concept", _l("Konzeption")),
    ("target_group", _l("Zielgruppenbezug")),
    ("setting", _l("Setting-Ansatz")),
    ("multipliers", _l("Multiplikatorenkonzept")),
    ("sustainability", _l("Nachhaltigkeit")),
    ("low_threshold", _l("Niedrigschwellige Arbeitsweise")),
    ("participation", _l("Partizipation")),
    ("empowerment", _l("Empowerment")),
    ("integrated", _l("Integriertes Handlungskonzept/Vernetzung")),
    ("quality_management", _l("Qualitätsmanagement")),
    ("documentation", _l("Dokumentation und Evaluation")),
    ("effects_costs", _l("Belege für Wirkungen und Kosten")),
)
CRITERION_KEYS = tuple(key for key, _label in CRITERIA)


def rating_labels() -> dict:
    return {"met": _l("erfüllt"), "partly": _l("teilweise erfüllt"), "not": _l("nicht erfüllt"),
            "open": _l("nicht bewertet")}


def ratings_of(measure) -> dict[str, QualityRating]:
    return {rating.criterion: rating for rating in measure.quality_ratings}


def save_ratings(measure, entries: dict[str, tuple[str, str]]) -> dict:
    """Store {criterion: (rating, note)}; return what changed for the audit log."""
    existing = ratings_of(measure)
    changes = {}
    for key in CRITERION_KEYS:
        rating, note = entries.get(key, ("open", ""))
        row = existing.get(key)
        if row is None:
            if rating == "open" and not note:
                continue
            row = QualityRating(process_id=measure.process_id, measure_id=measure.id, criterion=key)
            measure.quality_ratings.append(row)
            db.session.add(row)
        if (row.rating, row.note) != (rating, note):
            changes[key] = rating
            row.rating, row.note = rating, note
    return changes


def summary(measure) -> dict[str, int]:
    """How many criteria are met, partly met, not met and not assessed."""
    counts = dict.fromkeys(rating_labels(), 0)
    ratings = ratings_of(measure)
    for key in CRITERION_KEYS:
        counts[ratings[key].rating if key in ratings else "open"] += 1
    return counts
