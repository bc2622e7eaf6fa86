"""A realistic multilingual pool of ~60 resident answers to "Where exactly is support missing for you?".

Six topics, ten answers each, in German, Turkish, Arabic, English, Russian and Ukrainian, spread over
districts, target groups and channels. Some carry a German translation, one leaks contact data.
"""
from participation.extensions import db
from participation.surveys.answering import store_response

TOPICS = {
    "kita": [
        ("de", "Es gibt viel zu wenige Kitaplätze, wir stehen seit einem Jahr auf der Warteliste."),
        ("de", "Ohne Kitaplatz kann ich nicht arbeiten gehen, die Kita-Warteliste ist endlos."),
        ("de", "Mehr Betreuungsplätze für Kleinkinder in der Kita wären dringend nötig."),
        ("de", "Die Kita schließt um 15 Uhr, das passt nicht zu meiner Arbeit."),
        ("tr", "Çocuğum için kreşte yer bulamıyoruz, bekleme listesi çok uzun."),
        ("tr", "Kreş yeri olmadığı için işe gidemiyorum."),
        ("ar", "لا توجد أماكن كافية في الحضانة لأطفالنا الصغار."),
        ("en", "We have been waiting for a daycare place for our toddler for over a year."),
        ("ru", "Нет мест в детском саду, мы уже год в очереди."),
        ("uk", "Немає місць у дитячому садку, ми давно в черзі."),
    ],
    "bus": [
        ("de", "Der Bus fährt abends viel zu selten, nach 20 Uhr komme ich nicht mehr nach Hause."),
        ("de", "Bessere Busverbindungen in die Innenstadt, vor allem am Wochenende."),
        ("de", "Die Buslinie zum Krankenhaus wurde gestrichen, das ist für Ältere ein Problem."),
        ("de", "Busse sind unpünktlich und die Haltestelle ist zu weit weg."),
        ("tr", "Otobüs akşamları çok seyrek geliyor, eve dönmek zor."),
        ("tr", "Otobüs durağı çok uzak ve otobüsler hep gecikiyor."),
        ("ar", "الحافلات قليلة جدا في المساء ولا أستطيع العودة إلى البيت."),
        ("en", "The bus runs far too rarely in the evening and on weekends."),
        ("ru", "Автобусы ходят очень редко, особенно вечером."),
        ("uk", "Автобус їздить дуже рідко, особливо ввечері та у вихідні."),
    ],
    "arzt": [
        ("de", "Einen Termin beim Kinderarzt bekommt man erst nach Wochen."),
        ("de", "Es fehlen Hausärzte im Stadtteil, die neue Patienten aufnehmen."),
        ("de", "Für einen Facharzttermin muss ich drei Monate warten."),
        ("de", "Psychotherapie für Jugendliche: die Wartezeit beim Therapeuten ist über ein halbes Jahr."),
        ("tr", "Çocuk doktorundan randevu almak haftalar sürüyor."),
        ("tr", "Mahallede yeni hasta kabul eden doktor yok."),
        ("ar", "من الصعب جدا الحصول على موعد عند طبيب الأطفال."),
        ("en", "It takes weeks to get an appointment with a doctor here."),
        ("ru", "К врачу невозможно записаться, приходится ждать неделями."),
        ("uk", "Дуже важко записатися до лікаря, чекаємо тижнями."),
    ],
    "einsamkeit": [
        ("de", "Seit mein Mann gestorben ist, bin ich oft allein und habe niemanden zum Reden."),
        ("de", "Ältere Menschen im Viertel sind einsam, es fehlt ein Seniorentreff."),
        ("de", "Ein Begegnungscafé für ältere Nachbarn gegen die Einsamkeit wäre schön."),
        ("de", "Viele Senioren verlassen kaum die Wohnung und vereinsamen."),
        ("tr", "Yaşlı insanlar çok yalnız, konuşacak kimseleri yok."),
        ("tr", "Yaşlılar için bir buluşma yeri yok, herkes evde yalnız oturuyor."),
        ("ar", "كبار السن يشعرون بالوحدة ولا يوجد مكان للقاء."),
        ("en", "Older people here are lonely and have nobody to talk to."),
        ("ru", "Пожилые люди очень одиноки, им не с кем поговорить."),
        ("uk", "Літні люди дуже самотні, їм ні з ким поговорити."),
    ],
    "wohnen": [
        ("de", "Die Mieten sind so stark gestiegen, dass wir uns die Wohnung kaum noch leisten können."),
        ("de", "Bezahlbarer Wohnraum für Familien fehlt völlig."),
        ("de", "Wir suchen seit Monaten eine größere Wohnung, aber alles ist zu teuer."),
        ("de", "Die Miete frisst die Hälfte unseres Einkommens."),
        ("tr", "Kiralar çok yüksek, uygun fiyatlı ev bulmak imkansız."),
        ("tr", "Büyük bir aile için kiralık daire bulamıyoruz, her şey çok pahalı."),
        ("ar", "الإيجارات مرتفعة جدا ولا نجد شقة مناسبة لعائلتنا."),
        ("en", "Rents are far too high, we cannot find an affordable flat."),
        ("ru", "Аренда квартиры слишком дорогая для нашей семьи."),
        ("uk", "Оренда житла дуже дорога, ми не можемо знайти квартиру."),
    ],
    "spielplatz": [
        ("de", "Der Spielplatz ist kaputt und voller Glasscherben."),
        ("de", "Für Jugendliche gibt es keinen Treffpunkt, das Jugendzentrum wurde geschlossen."),
        ("de", "Mehr Spielplätze und Bolzplätze für die Kinder im Viertel."),
        ("de", "Die Spielgeräte auf dem Spielplatz sind alt und gefährlich."),
        ("tr", "Çocuk parkı çok kirli ve oyuncaklar kırık."),
        ("tr", "Gençler için bir buluşma yeri ya da gençlik merkezi yok."),
        ("ar", "الملعب مكسور ولا يوجد مكان آمن للأطفال للعب."),
        ("en", "The playground is broken and there is nowhere safe for children to play."),
        ("ru", "Детская площадка сломана, детям негде играть."),
        ("uk", "Дитячий майданчик зламаний, дітям ніде гратися."),
    ],
}

GERMAN = {
    "Çocuğum için kreşte yer bulamıyoruz, bekleme listesi çok uzun.":
        "Wir finden keinen Kitaplatz für mein Kind, die Warteliste ist sehr lang.",
    "الحافلات قليلة جدا في المساء ولا أستطيع العودة إلى البيت.":
        "Abends fahren sehr wenige Busse und ich komme nicht nach Hause.",
}
DISTRICTS = ("Nordstadt", "Hafen", "Lindenhof")
CHANNELS = ("online", "online", "peer_interview", "paper")
CONTACT_LEAK = "Rufen Sie mich an: 0171 2345678 oder schreiben Sie an anna.beispiel@example.org"


def topic_items(per_topic: int = 10):
    """(topic, language, text) triples, per_topic of each topic."""
    return [(topic, language, text) for topic, answers in TOPICS.items() for language, text in answers[:per_topic]]


def store_answers(survey, per_topic: int = 10, start: int = 0, contact_leak: bool = True) -> dict:
    """Store one response per answer; returns {answer_id: topic}."""
    topics = {}
    items = topic_items(per_topic)
    for number, (topic, language, text) in enumerate(items, start=start):
        if contact_leak and number == start:
            text = f"{text} {CONTACT_LEAK}"
        values = {"district": DISTRICTS[number % 3], "children": number % 2 == 0, "missing": text}
        translations = {"missing": GERMAN[text]} if text in GERMAN else None
        response, _ = store_response(survey, values, submission_id=f"themes-test-{number:05d}",
                                     channel=CHANNELS[number % 4], language=language, consent=True,
                                     translations_de=translations)
        answer = next(a for a in response.answers if a.question.code == "missing")
        topics[answer.id] = topic
    db.session.commit()
    return topics
