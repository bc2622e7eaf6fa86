"""The demo's earlier survey wave, a year before the current one, so the wave comparison has a story.

A year ago fewer people took part (every second person of the generator, another seed). The bus was
then the bigger worry (the evening bus came later), people felt a little less supported, hardly anyone
wrote about doctors, nobody yet about heat, and many about the roadworks at the station, which are
finished now. So the comparison shows themes that grew, shrank, are new and disappeared.
The same human coding as demo.outcomes assigns the earlier answers to the process's themes.
"""
import random
from datetime import timedelta

from ..extensions import db
from ..models import Answer, Response, Survey, Theme, ThemeAssignment, utcnow
from ..surveys.answering import store_response
from . import content

SEED = 2026
SHORT_CODE = "auenstadt-2026"
YEAR = timedelta(days=365)
# How many of a theme's pool texts the earlier wave had (themes not named: all of them).
EARLIER_COUNT = {"heat_green": 0, "housing": 5, "doctors": 5}
ROADWORKS_LABEL = "Baustellen und Umleitungen"
ROADWORKS_TEXTS = [
    "Seit Monaten ist die Bahnhofstraße gesperrt, der Bus fährt einen Umweg und ich komme zu spät zur Arbeit.",
    "Die Baustelle am Bahnhof macht den Weg zum Arzt mit dem Rollator fast unmöglich.",
    "Wegen der Umleitung hält der Bus nicht mehr vor unserem Haus. Niemand hat uns vorher informiert.",
    "Der Baulärm am Bahnhof beginnt um sechs Uhr morgens, die Kinder können nicht schlafen.",
    "Für Kinderwagen gibt es an der Baustelle keinen sicheren Weg, man muss auf die Straße ausweichen.",
    "Die Umleitungsschilder sind nur auf Deutsch und widersprechen sich. Ich habe mich zweimal verlaufen.",
    "Seit der Sperrung der Brücke brauche ich zum Einkaufen doppelt so lange.",
]


def load_earlier_wave(process, survey: Survey) -> Survey:
    """Wave 1 (closed, a year old) before the demo's open survey, with its answers and themes."""
    earlier = _questionnaire(process)
    survey.previous_wave, survey.wave_number = earlier, 2
    db.session.commit()
    rng = random.Random(SEED)
    for number, entry in enumerate(_earlier_responses(rng)):
        response, _created = store_response(
            earlier, entry["answers"], submission_id=f"demo-wave-1-{number:04d}", channel=entry["channel"],
            language=entry["language"], consent=True, translations_de=entry.get("translations_de"))
        response.created_at = utcnow() - YEAR - timedelta(days=entry["days_ago"], hours=number % 11)
    db.session.commit()
    _code_themes(process, earlier)
    return earlier


def _questionnaire(process) -> Survey:
    from .loader import build_questionnaire

    earlier = build_questionnaire(Survey, process, dict(content.SURVEY, short_code=SHORT_CODE), status="closed")
    earlier.wave_number, earlier.created_at = 1, utcnow() - YEAR - timedelta(days=70)
    return earlier


def _earlier_responses(rng) -> list[dict]:
    """Every second person of another seed, with the shifts described above. The earlier wave's
    "where is support missing" texts go to its people of the text's language, one text each."""
    entries = content.responses(seed=SEED)[::2]
    for entry in entries:
        entry["answers"].pop("support_missing", None)
        entry["translations_de"].pop("support_missing", None)
        answers = entry["answers"]
        priorities = answers.get("priorities")
        if priorities is not None and "bus" not in priorities and rng.random() < 0.35:
            answers["priorities"] = ["bus", *priorities[:2]]
        if "supported_scale" in answers and rng.random() < 0.35:
            answers["supported_scale"] = max(1, answers["supported_scale"] - 1)
    texts = [{"language": "de", "text": text, "text_de": None} for text in ROADWORKS_TEXTS]
    taken: dict = {}
    for entry in content.free_text_pool():
        limit = EARLIER_COUNT.get(entry["theme"])
        if entry["question"] == "support_missing" and (limit is None or taken.get(entry["theme"], 0) < limit):
            taken[entry["theme"]] = taken.get(entry["theme"], 0) + 1
            texts.append(entry)
    people = {}
    for entry in entries:
        people.setdefault(entry["language"], []).append(entry)
    for group in people.values():
        rng.shuffle(group)
    for text in texts:
        group = people.get(text["language"])
        if group:
            entry = group.pop()
            entry["answers"]["support_missing"] = text["text"]
            if text["text_de"] and entry["channel"] == "peer_interview":
                entry["translations_de"]["support_missing"] = text["text_de"]
    return entries


def _code_themes(process, earlier: Survey) -> None:
    """The earlier answers join the themes of the human coding; the roadworks get a theme of their own."""
    coded = {entry["text"]: content.THEME_LABELS[entry["theme"]] for entry in content.free_text_pool()
             if entry["question"] == "support_missing" and entry["theme"] != "none"}
    coded.update({text: ROADWORKS_LABEL for text in ROADWORKS_TEXTS})
    themes = {theme.label: theme for theme in db.session.execute(
        db.select(Theme).where(Theme.process_id == process.id, Theme.archived.is_(False))).scalars()}
    if ROADWORKS_LABEL not in themes:
        themes[ROADWORKS_LABEL] = Theme(process_id=process.id, label=ROADWORKS_LABEL, auto_label=ROADWORKS_LABEL,
                                        position=len(themes))
        db.session.add(themes[ROADWORKS_LABEL])
        db.session.flush()
    answers = db.session.execute(db.select(Answer).join(Response).where(
        Response.questionnaire_id == earlier.id, Answer.text_value.in_(list(coded)))).scalars()
    for answer in answers:
        theme = themes.get(coded[answer.text_value])
        if theme is not None:
            db.session.add(ThemeAssignment(answer_id=answer.id, theme_id=theme.id, source="analysis"))
    db.session.commit()
