"""Stored keys are stable English identifiers; residents and planners read them through these labels."""
from flask_babel import lazy_gettext as _l
from flask_babel import pgettext

from ..models.outcomes import DECISION_STATUSES, PARTICIPATION_STAGES

STAGE_LABELS = {
    "information": _l("Information"),
    "consultation": _l("Anhörung"),
    "involvement": _l("Einbeziehung"),
    "codetermination": _l("Mitbestimmung"),
    "partial_authority": _l("Teilweise Entscheidungskompetenz"),
    "decision_power": _l("Entscheidungsmacht"),
    "self_organisation": _l("Selbstorganisation"),
}
STAGE_MEANINGS = {
    "information": _l("Die Stadt informiert Sie über Pläne und Entscheidungen; gefragt werden Sie auf dieser Stufe nicht."),
    "consultation": _l("Sie werden nach Ihrer Meinung gefragt; ob und wie sie berücksichtigt wird, entscheiden andere."),
    "involvement": _l("Ihre Hinweise fließen in die Planung ein und beeinflussen sie; entscheiden tun andere."),
    "codetermination": _l("Sie beraten mit den Entscheidenden und stimmen Entscheidungen mit ab; das letzte Wort haben Sie nicht allein."),
    "partial_authority": _l("Über einen festgelegten Teil entscheiden Sie selbst; über den Rest entscheiden andere."),
    "decision_power": _l("Sie entscheiden die wesentlichen Fragen selbst; die Stadt begleitet und unterstützt Sie dabei."),
    "self_organisation": _l("Sie haben die Sache selbst in die Hand genommen und tragen sie in eigener Verantwortung."),
}


def decision_labels() -> dict[str, str]:
    """Decision statuses in the reader's language ("decision" context: "übernommen" means adopted here)."""
    return {"adopted": pgettext("decision", "übernommen"),
            "partly_adopted": pgettext("decision", "teilweise übernommen"),
            "under_review": pgettext("decision", "in Prüfung"),
            "postponed": pgettext("decision", "zurückgestellt"),
            "not_implemented": pgettext("decision", "nicht umgesetzt")}


RULE_LABELS = {
    "residents_decide": _l("Worüber Sie mitentscheiden"),
    "residents_advise": _l("Wozu Sie beraten"),
    "decided_by": _l("Wer entscheidet"),
    "timeline": _l("Zeitplan"),
    "contact": _l("Ansprechpartner: Koordinierungsstelle"),
}

assert tuple(STAGE_LABELS) == PARTICIPATION_STAGES


def stage_label(key: str | None) -> str:
    return str(STAGE_LABELS[key]) if key in STAGE_LABELS else ""


def stage_meaning(key: str | None) -> str:
    return str(STAGE_MEANINGS[key]) if key in STAGE_MEANINGS else ""


def decision_label(key: str | None) -> str:
    return decision_labels().get(key, "") if key in DECISION_STATUSES else ""
