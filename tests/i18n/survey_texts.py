"""Hand translations of tests.conftest.SMALL_SURVEY, keyed by the ids of participation.translation_files."""
SURVEY_TEXTS = {
    "en": {
        "survey.title": "Short survey", "survey.intro": "Thank you for taking part.",
        "survey.consent_text": "I agree.", "survey.thanks_text": "Thank you!",
        "s.0.title": "About you", "s.1.title": "Your opinion",
        "q.district.text": "Which district do you live in?", "q.children.text": "Do children live in your household?",
        "q.childcare.text": "Do you have a childcare place?", "o.childcare.yes.label": "Yes",
        "o.childcare.waiting.label": "On the waiting list", "q.years.text": "How many years have you lived here?",
        "q.satisfaction.text": "How good do you feel?", "q.topics.text": "What matters to you?",
        "o.topics.bus.label": "Bus", "o.topics.doctors.label": "Doctors", "o.topics.playgrounds.label": "Playgrounds",
        "q.missing.text": "Where exactly is support missing for you?", "q.name_short.text": "One word about your area",
    },
    "tr": {
        "survey.title": "Kısa anket", "survey.intro": "Katıldığınız için teşekkürler.",
        "survey.consent_text": "Kabul ediyorum.", "survey.thanks_text": "Çok teşekkürler!",
        "s.0.title": "Hakkınızda", "s.1.title": "Görüşünüz",
        "q.district.text": "Hangi semtte oturuyorsunuz?", "q.children.text": "Evinizde çocuk yaşıyor mu?",
        "q.childcare.text": "Kreş yeriniz var mı?", "o.childcare.yes.label": "Evet",
        "o.childcare.waiting.label": "Bekleme listesinde", "q.years.text": "Kaç yıldır burada oturuyorsunuz?",
        "q.satisfaction.text": "Kendinizi ne kadar iyi hissediyorsunuz?", "q.topics.text": "Sizin için ne önemli?",
        "o.topics.bus.label": "Otobüs", "o.topics.doctors.label": "Doktorlar", "o.topics.playgrounds.label": "Oyun alanları",
        "q.missing.text": "Tam olarak nerede desteğe ihtiyacınız var?", "q.name_short.text": "Mahalleniz hakkında bir kelime",
    },
    "ar": {
        "survey.title": "استطلاع قصير", "survey.intro": "شكرًا لمشاركتك.",
        "survey.consent_text": "أوافق.", "survey.thanks_text": "شكرًا جزيلًا!",
        "s.0.title": "عنك", "s.1.title": "رأيك",
        "q.district.text": "في أي حي تسكن؟", "q.children.text": "هل يعيش أطفال في أسرتك؟",
        "q.childcare.text": "هل لديك مكان في روضة أطفال؟", "o.childcare.yes.label": "نعم",
        "o.childcare.waiting.label": "على قائمة الانتظار", "q.years.text": "منذ كم سنة تسكن هنا؟",
        "q.satisfaction.text": "ما مدى شعورك بالراحة؟", "q.topics.text": "ما المهم بالنسبة لك؟",
        "o.topics.bus.label": "الحافلات", "o.topics.doctors.label": "الأطباء", "o.topics.playgrounds.label": "الملاعب",
        "q.missing.text": "أين ينقصك الدعم تحديدًا؟", "q.name_short.text": "كلمة واحدة عن حيّك",
    },
    "ru": {
        "survey.title": "Короткий опрос", "survey.intro": "Спасибо за участие.",
        "survey.consent_text": "Я согласен / согласна.", "survey.thanks_text": "Большое спасибо!",
        "s.0.title": "О Вас", "s.1.title": "Ваше мнение",
        "q.district.text": "В каком районе Вы живёте?", "q.children.text": "Живут ли в Вашем домохозяйстве дети?",
        "q.childcare.text": "Есть ли у Вас место в детском саду?", "o.childcare.yes.label": "Да",
        "o.childcare.waiting.label": "В листе ожидания", "q.years.text": "Сколько лет Вы здесь живёте?",
        "q.satisfaction.text": "Насколько хорошо Вы себя чувствуете?", "q.topics.text": "Что для Вас важно?",
        "o.topics.bus.label": "Автобус", "o.topics.doctors.label": "Врачи", "o.topics.playgrounds.label": "Детские площадки",
        "q.missing.text": "Где именно Вам не хватает поддержки?", "q.name_short.text": "Одно слово о Вашем районе",
    },
    "uk": {
        "survey.title": "Коротке опитування", "survey.intro": "Дякуємо за участь.",
        "survey.consent_text": "Я згоден / згодна.", "survey.thanks_text": "Щиро дякуємо!",
        "s.0.title": "Про Вас", "s.1.title": "Ваша думка",
        "q.district.text": "У якому районі Ви живете?", "q.children.text": "Чи живуть у Вашому домогосподарстві діти?",
        "q.childcare.text": "Чи маєте Ви місце в дитсадку?", "o.childcare.yes.label": "Так",
        "o.childcare.waiting.label": "У списку очікування", "q.years.text": "Скільки років Ви тут живете?",
        "q.satisfaction.text": "Наскільки добре Ви почуваєтеся?", "q.topics.text": "Що для Вас важливо?",
        "o.topics.bus.label": "Автобус", "o.topics.doctors.label": "Лікарі", "o.topics.playgrounds.label": "Дитячі майданчики",
        "q.missing.text": "Де саме Вам бракує підтримки?", "q.name_short.text": "Одне слово про Ваш район",
    },
    "pl": {
        "survey.title": "Krótka ankieta", "survey.intro": "Dziękujemy za udział.",
        "survey.consent_text": "Wyrażam zgodę.", "survey.thanks_text": "Bardzo dziękujemy!",
        "s.0.title": "Informacje ogólne", "s.1.title": "Opinia",
        "q.district.text": "W której dzielnicy jest miejsce zamieszkania?", "q.children.text": "Czy w gospodarstwie domowym mieszkają dzieci?",
        "q.childcare.text": "Czy jest miejsce w żłobku lub przedszkolu?", "o.childcare.yes.label": "Tak",
        "o.childcare.waiting.label": "Na liście oczekujących", "q.years.text": "Od ilu lat trwa zamieszkanie tutaj?",
        "q.satisfaction.text": "Jak dobre jest samopoczucie?", "q.topics.text": "Co jest ważne?",
        "o.topics.bus.label": "Autobus", "o.topics.doctors.label": "Lekarze", "o.topics.playgrounds.label": "Place zabaw",
        "q.missing.text": "Gdzie dokładnie brakuje wsparcia?", "q.name_short.text": "Jedno słowo o okolicy",
    },
    "fa": {
        "survey.title": "نظرسنجی کوتاه", "survey.intro": "از مشارکت شما سپاسگزاریم.",
        "survey.consent_text": "موافقم.", "survey.thanks_text": "بسیار سپاسگزاریم!",
        "s.0.title": "درباره شما", "s.1.title": "نظر شما",
        "q.district.text": "در کدام محله زندگی می‌کنید؟", "q.children.text": "آیا در خانوار شما کودک زندگی می‌کند؟",
        "q.childcare.text": "آیا جایی در مهدکودک دارید؟", "o.childcare.yes.label": "بله",
        "o.childcare.waiting.label": "در فهرست انتظار", "q.years.text": "چند سال است که اینجا زندگی می‌کنید؟",
        "q.satisfaction.text": "چقدر احساس خوبی دارید؟", "q.topics.text": "چه چیزی برای شما مهم است؟",
        "o.topics.bus.label": "اتوبوس", "o.topics.doctors.label": "پزشکان", "o.topics.playgrounds.label": "زمین‌های بازی",
        "q.missing.text": "دقیقاً کجا به حمایت نیاز دارید؟", "q.name_short.text": "یک کلمه درباره محله شما",
    },
}


def translate_completely(questionnaire) -> None:
    """Give the questionnaire every translation above (as an imported translator's file would)."""
    from participation.languages.translation_files import text_units
    for language, texts in SURVEY_TEXTS.items():
        for unit in text_units(questionnaire, language):
            unit.obj.set_text(unit.field, language, texts[unit.id])
