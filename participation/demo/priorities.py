"""The demo's finished prioritisation round: four proposed measures, residents' points online and the dots
of two conferences, so the ranking, its breakdowns and the "Priorität" column have something to show.

The measures rest on quoted survey answers (evidence), as the themes only exist after an analysis run.
"""
import random
from datetime import date, timedelta

from ..extensions import db
from ..models import (
    Answer,
    EvidenceLink,
    Goal,
    Measure,
    PriorityPoints,
    PriorityRound,
    PrioritySubmission,
    StrategyField,
    utcnow,
)
from ..priorities.points import AGE_BANDS
from ..priorities.rounds import set_items
from . import content

FIELD = "Vorschläge aus der Gesundheitskonferenz"
GOAL = "Gesund leben in allen Stadtteilen"
# (title, description, responsible, theme key of the quoted evidence, translations en/tr/ar of title, description)
MEASURES = [
    ("Familienzentrum mit Kita-Sprechstunde",
     "Eltern bekommen an einem Ort Beratung zu Kitaplätzen, Anmeldung und Wartelisten – in mehreren Sprachen.",
     "Jugendamt", "childcare",
     {"en": ("Family centre with childcare advice", "Parents get advice on childcare places, registration and "
                                                    "waiting lists in one place – in several languages."),
      "tr": ("Kreş danışmanlığı olan aile merkezi", "Ebeveynler kreş yeri, kayıt ve bekleme listeleri hakkında tek "
                                                    "bir yerde, birkaç dilde danışmanlık alır."),
      "ar": ("مركز للعائلات مع استشارة حول الحضانة", "يحصل الآباء في مكان واحد على استشارة حول أماكن الحضانة "
                                                      "والتسجيل وقوائم الانتظار – بعدة لغات.")}),
    ("Nachtbus am Wochenende",
     "Freitags und samstags fährt bis 1 Uhr ein Bus durch alle Stadtteile.",
     "Stadtplanung", "bus",
     {"en": ("Night bus at weekends", "On Fridays and Saturdays a bus runs through all districts until 1 am."),
      "tr": ("Hafta sonu gece otobüsü", "Cuma ve cumartesi günleri saat 1'e kadar tüm semtlerden otobüs geçer."),
      "ar": ("حافلة ليلية في عطلة نهاية الأسبوع",
             "أيام الجمعة والسبت تمر حافلة في جميع الأحياء حتى الساعة الواحدة ليلاً.")}),
    ("Mittagstisch für Ältere",
     "Zweimal pro Woche gemeinsames Mittagessen im Stadtteilzentrum, mit Abholdienst.",
     "Quartiersmanagement", "loneliness",
     {"en": ("Lunch table for older people", "Lunch together twice a week at the community centre, with a "
                                             "pick-up service."),
      "tr": ("Yaşlılar için öğle yemeği", "Haftada iki kez semt merkezinde birlikte öğle yemeği, alma servisiyle."),
      "ar": ("مائدة غداء لكبار السن", "غداء مشترك مرتين في الأسبوع في مركز الحي، مع خدمة توصيل.")}),
    ("Kinderarzt-Sprechstunde im Stadtteilzentrum",
     "Eine Kinderärztin hält jede Woche eine offene Sprechstunde in der Nordstadt und am Eichberg.",
     "Gesundheitsamt", "doctors",
     {"en": ("Paediatric consultation at the community centre", "A paediatrician holds an open consultation every "
                                                                 "week in Nordstadt and Eichberg."),
      "tr": ("Semt merkezinde çocuk doktoru muayenesi", "Bir çocuk doktoru her hafta Nordstadt ve Eichberg'de açık "
                                                        "muayene saati yapar."),
      "ar": ("عيادة طبيب أطفال في مركز الحي", "تقدم طبيبة أطفال كل أسبوع ساعات استشارة مفتوحة في نوردشتات وآيشبرغ.")}),
]
ROUND = {"title": "Was soll zuerst kommen?",
         "intro": "Die Gesundheitskonferenz hat vier Maßnahmen vorgeschlagen. Welche ist Ihnen am wichtigsten?",
         "i18n": {"en": {"title": "What should come first?",
                         "intro": "The health conference proposed four measures. Which matters most to you?"},
                  "tr": {"title": "Önce ne gelmeli?",
                         "intro": "Sağlık konferansı dört önlem önerdi. Sizin için en önemlisi hangisi?"},
                  "ar": {"title": "ما الذي يجب أن يأتي أولاً؟",
                         "intro": "اقترح مؤتمر الصحة أربعة إجراءات. أيها الأهم بالنسبة لكم؟"}}}
# Preference weights of the four measures by target group (index into process target groups) and age band.
PREFERENCES = {"Familien mit Kindern": (5, 1, 1, 4), "Alleinerziehende Mütter und Väter": (5, 2, 1, 4),
               "Jugendliche und junge Erwachsene": (1, 6, 1, 1), "Ältere Menschen": (1, 1, 6, 2),
               "Menschen, die neu in Auenstadt sind": (3, 2, 1, 3), "Menschen, die Angehörige pflegen": (1, 1, 5, 2),
               None: (2, 2, 2, 2)}
ONLINE_PARTICIPANTS = 86
CONFERENCES = [
    {"place": "Gesundheitskonferenz im Rathaus", "days_ago": 12, "district": None, "participant_count": 34,
     "dots": (31, 14, 29, 26),
     "composition": {"target_group": {"Familien mit Kindern": 9, "Ältere Menschen": 11,
                                      "Menschen, die Angehörige pflegen": 5}, "age_band": {"30-49": 12, "65+": 13}}},
    {"place": "Quartierskonferenz Nordstadt", "days_ago": 9, "district": "Nordstadt", "participant_count": 18,
     "dots": (17, 16, 6, 15),
     "composition": {"target_group": {"Familien mit Kindern": 7, "Jugendliche und junge Erwachsene": 6},
                     "age_band": {"0-17": 4, "18-29": 5, "30-49": 7}}},
]


def _evidence_answer(theme_key: str) -> Answer | None:
    """A German survey answer the demo's human coding puts in this theme."""
    texts = [entry["text"] for entry in content.free_text_pool()
             if entry["theme"] == theme_key and entry["language"] == "de"]
    return db.session.execute(db.select(Answer).where(Answer.text_value.in_(texts)).order_by(Answer.id)
                              ).scalars().first()


def _online_points(rng: random.Random, weights: tuple) -> dict[int, int]:
    """Three points, at most two on one measure, drawn by the person's preferences."""
    points: dict[int, int] = {}
    while sum(points.values()) < 3:
        index = rng.choices(range(len(weights)), weights=weights)[0]
        if points.get(index, 0) < 2:
            points[index] = points.get(index, 0) + 1
    return points


def load_priority_round(process, planner) -> PriorityRound:
    field = StrategyField(process_id=process.id, title=FIELD, position=99)
    goal = Goal(process_id=process.id, field=field, level="leitziel", title=GOAL)
    db.session.add_all([field, goal])
    db.session.flush()
    measures = []
    for position, (title, description, responsible, theme_key, _texts) in enumerate(MEASURES):
        measure = Measure(process_id=process.id, goal=goal, title=title, description=description,
                          responsible=responsible, status="planned", position=position)
        db.session.add(measure)
        answer = _evidence_answer(theme_key)
        if answer is not None:
            db.session.add(EvidenceLink(process_id=process.id, answer_id=answer.id, measure=measure))
        measures.append(measure)
    db.session.flush()
    now = utcnow()
    priority_round = PriorityRound(process_id=process.id, status="closed", results_published=True,
                                   points_per_person=3, max_points_per_item=2,
                                   include_themes=True, include_measures=True, languages=["de", "en", "tr", "ar"],
                                   opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=2),
                                   short_code="prio-demo", **ROUND)
    db.session.add(priority_round)
    db.session.flush()
    set_items(priority_round, [f"measure:{measure.id}" for measure in measures])
    for item, (_title, _description, _responsible, _key, texts) in zip(priority_round.items, MEASURES):
        item.i18n = {language: {"title": title, "description": description}
                     for language, (title, description) in texts.items()}
    db.session.flush()
    _add_online(priority_round, process)
    _add_conferences(priority_round, planner)
    db.session.commit()
    return priority_round


def _add_online(priority_round: PriorityRound, process) -> None:
    rng = random.Random(2027)
    items = priority_round.items
    for number in range(ONLINE_PARTICIPANTS):
        group = rng.choice(list(process.target_groups) + [None, None])
        submission = PrioritySubmission(
            round_id=priority_round.id, process_id=process.id, submission_id=f"demo-priority-{number:04d}",
            channel="online", language=rng.choices(["de", "tr", "ar", "en"], weights=(70, 12, 12, 6))[0],
            district=rng.choice(list(process.districts) + [None]), target_group=group,
            age_band=rng.choice(list(AGE_BANDS) + [None]), created_at=utcnow() - timedelta(days=rng.randint(3, 28)))
        submission.points = [PriorityPoints(item_id=items[index].id, points=points)
                             for index, points in _online_points(rng, PREFERENCES[group]).items()]
        db.session.add(submission)


def _add_conferences(priority_round: PriorityRound, planner) -> None:
    for number, session in enumerate(CONFERENCES):
        submission = PrioritySubmission(
            round_id=priority_round.id, process_id=priority_round.process_id,
            submission_id=f"demo-priority-conference-{number:02d}", channel="conference", recorded_by=planner,
            district=session["district"], held_on=date.today() - timedelta(days=session["days_ago"]),
            place=session["place"], participant_count=session["participant_count"],
            composition=session["composition"])
        submission.points = [PriorityPoints(item_id=item.id, points=dots)
                             for item, dots in zip(priority_round.items, session["dots"])]
        db.session.add(submission)
