"""The demo's finished prioritisation round: published themes and proposed measures, residents' points online
and the dots of two conferences, so the ranking, its breakdowns, the gap between a theme's size and its
priority, and the "Priorität" column have something to show.

Points are drawn per item key, so the round takes whatever exists when it is loaded: with the demo's
outcomes (published themes) it offers three themes beside the four measures; the earlier steps' demo
(`load_demo_data(outcomes=False)`) has no published theme yet and offers the measures alone.
The measures rest on quoted survey answers (evidence), so they need no analysis run.
"""
import random
from datetime import date, timedelta

from ..extensions import db
from ..models import (
    Answer,
    EvidenceLink,
    Goal,
    Measure,
    PriorityItem,
    PriorityPoints,
    PriorityRound,
    PrioritySubmission,
    StrategyField,
    Theme,
    utcnow,
)
from ..priorities.points import AGE_BANDS
from ..priorities.rounds import candidate_themes, set_items
from . import content

FIELD = "Vorschläge aus der Gesundheitskonferenz"
GOAL = "Gesund leben in allen Stadtteilen"
# (title, description, responsible, theme key of the quoted evidence, translations en/tr/ar of title, description);
# the evidence's theme key also names the measure's item in PREFERENCES and CONFERENCES.
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
# Published themes of the demo's outcomes offered too: (item key, theme key, description, translations en/tr/ar).
# The themes said most often (housing, buses) get the fewest points, heat the most: the results page shows that
# gap, also after the running demo's analysis has added answers to the themes.
THEMES = [
    ("heat", "heat_green", "Mehr Bäume, Schatten und Trinkbrunnen, damit heiße Sommer in der Stadt auszuhalten sind.",
     {"en": "More trees, shade and drinking fountains so that hot summers in town are bearable.",
      "tr": "Şehirde sıcak yazların dayanılır olması için daha fazla ağaç, gölge ve içme çeşmesi.",
      "ar": "مزيد من الأشجار والظل ونوافير مياه الشرب حتى يمكن تحمّل الصيف الحار في المدينة."}),
    ("school_meals", "child_poverty", "Kein Kind soll hungrig in die Schule gehen; Hilfe für Familien mit wenig Geld.",
     {"en": "No child should go to school hungry; help for families with little money.",
      "tr": "Hiçbir çocuk okula aç gitmemeli; az parası olan ailelere yardım.",
      "ar": "لا ينبغي أن يذهب أي طفل إلى المدرسة جائعًا؛ مساعدة للعائلات ذات الدخل المحدود."}),
    ("buses", "bus", "Busse, die öfter und auch abends in alle Stadtteile fahren.",
     {"en": "Buses that run more often and also in the evening to every district.",
      "tr": "Daha sık ve akşamları da tüm semtlere giden otobüsler.",
      "ar": "حافلات تمر بشكل أكثر تكرارًا وفي المساء أيضًا إلى جميع الأحياء."}),
    ("housing", "housing", "Bezahlbare Wohnungen und Hilfe bei hohen Mieten.",
     {"en": "Affordable flats and help with high rents.",
      "tr": "Uygun fiyatlı konutlar ve yüksek kiralarda yardım.",
      "ar": "شقق بأسعار معقولة ومساعدة في الإيجارات المرتفعة."}),
]
ROUND = {"title": "Was soll zuerst kommen?",
         "intro": "Welche Themen aus der Umfrage und welche Vorschläge der Gesundheitskonferenz sind Ihnen am "
                  "wichtigsten? Verteilen Sie Ihre Punkte.",
         "i18n": {"en": {"title": "What should come first?",
                         "intro": "Which themes from the survey and which proposals of the health conference matter "
                                  "most to you? Distribute your points."},
                  "tr": {"title": "Önce ne gelmeli?",
                         "intro": "Ankette çıkan konulardan ve sağlık konferansının önerilerinden hangileri sizin "
                                  "için en önemli? Puanlarınızı dağıtın."},
                  "ar": {"title": "ما الذي يجب أن يأتي أولاً؟",
                         "intro": "أي المواضيع من الاستطلاع وأي مقترحات مؤتمر الصحة هي الأهم بالنسبة لكم؟ "
                                  "وزّعوا نقاطكم."}}}
# The measures by the theme key of their evidence, then the themes by their item key.
ITEM_KEYS = ("childcare", "bus", "loneliness", "doctors", "heat", "school_meals", "buses", "housing")


def _weights(*values) -> dict[str, int]:
    return dict(zip(ITEM_KEYS, values))


# Preference weights per item key by target group (None: no target group given).
PREFERENCES = {"Familien mit Kindern": _weights(5, 1, 1, 4, 3, 4, 1, 1),
               "Alleinerziehende Mütter und Väter": _weights(5, 2, 1, 4, 2, 5, 1, 1),
               "Jugendliche und junge Erwachsene": _weights(1, 6, 1, 1, 3, 1, 3, 1),
               "Ältere Menschen": _weights(1, 1, 6, 2, 5, 1, 1, 1),
               "Menschen, die neu in Auenstadt sind": _weights(3, 2, 1, 3, 1, 2, 2, 2),
               "Menschen, die Angehörige pflegen": _weights(1, 1, 5, 2, 4, 1, 1, 1),
               None: _weights(2, 2, 2, 2, 2, 2, 2, 1)}
ONLINE_PARTICIPANTS = 86
# Dots per item key; within the budget of 3 points per participant, at most 2 on one item.
CONFERENCES = [
    {"place": "Gesundheitskonferenz im Rathaus", "days_ago": 12, "district": None, "participant_count": 34,
     "dots": _weights(20, 8, 18, 17, 15, 11, 7, 5),
     "composition": {"target_group": {"Familien mit Kindern": 9, "Ältere Menschen": 11,
                                      "Menschen, die Angehörige pflegen": 5}, "age_band": {"30-49": 12, "65+": 13}}},
    {"place": "Quartierskonferenz Nordstadt", "days_ago": 9, "district": "Nordstadt", "participant_count": 18,
     "dots": _weights(12, 11, 4, 10, 6, 5, 3, 2),
     "composition": {"target_group": {"Familien mit Kindern": 7, "Jugendliche und junge Erwachsene": 6},
                     "age_band": {"0-17": 4, "18-29": 5, "30-49": 7}}},
]


def _evidence_answer(theme_key: str) -> Answer | None:
    """A German survey answer the demo's human coding puts in this theme."""
    texts = [entry["text"] for entry in content.free_text_pool()
             if entry["theme"] == theme_key and entry["language"] == "de"]
    return db.session.execute(db.select(Answer).where(Answer.text_value.in_(texts)).order_by(Answer.id)
                              ).scalars().first()


def _online_points(rng: random.Random, weights: dict[str, int]) -> dict[str, int]:
    """Three points, at most two on one item, drawn by the person's preferences over the offered items."""
    keys = list(weights)
    points: dict[str, int] = {}
    while sum(points.values()) < 3:
        key = rng.choices(keys, weights=[weights[key] for key in keys])[0]
        if points.get(key, 0) < 2:
            points[key] = points.get(key, 0) + 1
    return points


def load_priority_round(process, planner) -> PriorityRound:
    """The round over the demo's measures and, once published, its themes; the caller's data stays as it is."""
    measures = _measures(process)
    now = utcnow()
    priority_round = PriorityRound(process_id=process.id, status="closed", results_published=True,
                                   points_per_person=3, max_points_per_item=2,
                                   include_themes=True, include_measures=True, languages=["de", "en", "tr", "ar"],
                                   opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=2),
                                   short_code="prio-demo", **ROUND)
    db.session.add(priority_round)
    db.session.flush()
    themes = _published_themes(process)
    set_items(priority_round, [f"measure:{measures[key].id}" for key in ITEM_KEYS if key in measures]
              + [f"theme:{themes[key].id}" for key in ITEM_KEYS if key in themes])
    items = _items_by_key(priority_round, measures, themes)
    _translate_items(items)
    db.session.flush()
    _add_online(priority_round, process, items)
    _add_conferences(priority_round, planner, items)
    db.session.commit()
    return priority_round


def _measures(process) -> dict[str, Measure]:
    """The conference's four proposals, each with a quoted answer as evidence, by their theme key."""
    field = StrategyField(process_id=process.id, title=FIELD, position=99)
    goal = Goal(process_id=process.id, field=field, level="leitziel", title=GOAL)
    db.session.add_all([field, goal])
    db.session.flush()
    measures = {}
    for position, (title, description, responsible, theme_key, _texts) in enumerate(MEASURES):
        measure = Measure(process_id=process.id, goal=goal, title=title, description=description,
                          responsible=responsible, status="planned", position=position)
        db.session.add(measure)
        answer = _evidence_answer(theme_key)
        if answer is not None:
            db.session.add(EvidenceLink(process_id=process.id, answer_id=answer.id, measure=measure))
        measures[theme_key] = measure
    db.session.flush()
    return measures


def _published_themes(process) -> dict[str, Theme]:
    """The THEMES published in this process by item key (none before the demo's outcomes are loaded)."""
    by_label = {theme.label: theme for theme in candidate_themes(process)}
    return {key: by_label[content.THEME_LABELS[theme_key]] for key, theme_key, _description, _texts in THEMES
            if content.THEME_LABELS[theme_key] in by_label}


def _items_by_key(priority_round: PriorityRound, measures: dict, themes: dict) -> dict[str, PriorityItem]:
    keys = {("measure", measure.id): key for key, measure in measures.items()}
    keys.update({("theme", theme.id): key for key, theme in themes.items()})
    return {keys[(item.kind, item.measure_id or item.theme_id)]: item for item in priority_round.items}


def _translate_items(items: dict[str, PriorityItem]) -> None:
    """Measures carry their own translations; themes their label's (demo translations) and a description."""
    for _title, _description, _responsible, key, texts in MEASURES:
        items[key].i18n = {language: {"title": title, "description": description}
                           for language, (title, description) in texts.items()}
    for key, _theme_key, description, texts in THEMES:
        if key in items:
            item = items[key]
            item.description = description
            labels = content.MORE_TRANSLATIONS.get(item.title, {})
            item.i18n = {language: {"title": labels.get(language, item.title), "description": text}
                         for language, text in texts.items()}


def _add_online(priority_round: PriorityRound, process, items: dict[str, PriorityItem]) -> None:
    rng = random.Random(2027)
    for number in range(ONLINE_PARTICIPANTS):
        group = rng.choice(list(process.target_groups) + [None, None])
        submission = PrioritySubmission(
            round_id=priority_round.id, process_id=process.id, submission_id=f"demo-priority-{number:04d}",
            channel="online", language=rng.choices(["de", "tr", "ar", "en"], weights=(70, 12, 12, 6))[0],
            district=rng.choice(list(process.districts) + [None]), target_group=group,
            age_band=rng.choice(list(AGE_BANDS) + [None]), created_at=utcnow() - timedelta(days=rng.randint(3, 28)))
        weights = {key: weight for key, weight in PREFERENCES[group].items() if key in items}
        submission.points = [PriorityPoints(item_id=items[key].id, points=points)
                             for key, points in _online_points(rng, weights).items()]
        db.session.add(submission)


def _add_conferences(priority_round: PriorityRound, planner, items: dict[str, PriorityItem]) -> None:
    for number, session in enumerate(CONFERENCES):
        submission = PrioritySubmission(
            round_id=priority_round.id, process_id=priority_round.process_id,
            submission_id=f"demo-priority-conference-{number:02d}", channel="conference", recorded_by=planner,
            district=session["district"], held_on=date.today() - timedelta(days=session["days_ago"]),
            place=session["place"], participant_count=session["participant_count"],
            composition=session["composition"])
        submission.points = [PriorityPoints(item_id=items[key].id, points=dots)
                             for key, dots in session["dots"].items() if key in items]
        db.session.add(submission)
