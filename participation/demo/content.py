"""Demo content: one realistic needs survey of the fictional city of Auenstadt.

Plain data first (process, survey, interview and focus-group guides, a pool of free-text answers in
eight languages, focus-group notes), then a small deterministic generator that turns the pool into about
200 responses. Standard library only; the loader in ``participation.demo`` writes it to the database.

Everything here is invented. The few personal details inside free texts (an e-mail address, a phone
number, a name) are fake and exist only to show the masking of personal data.
"""
import json
import random
from collections import defaultdict
from pathlib import Path

# German text -> {language: text} for the languages not written inline below (ru, uk, pl, fa, easy German,
# and Arabic of the guides); translated and reviewed by hand, kept as data next to this module.
MORE_TRANSLATIONS = json.loads((Path(__file__).with_name("translations.json")).read_text(encoding="utf-8"))
LANGUAGES = ["de", "de-easy", "en", "tr", "ar", "ru", "uk", "pl", "fa"]


def _t(de, en=None, tr=None, ar=None):
    """A translatable text: {language: text}; German is mandatory, the other languages come from the data."""
    text = {"de": de}
    for language, value in (("en", en), ("tr", tr), ("ar", ar)):
        if value is not None:
            text[language] = value
    for language, value in MORE_TRANSLATIONS.get(de, {}).items():
        text.setdefault(language, value)
    return text


def _o(code, de, en, tr, ar):
    """An answer option with its labels."""
    return {"code": code, "label": _t(de, en, tr, ar)}


def _q(code, kind, text, help_text=None, *, required=False, options=None, min_value=None, max_value=None,
       scale_labels=None, profile_field=None, condition=None, followup=None, narrative_prompt=None,
       max_choices=None):
    """A question in the loader's format (help_text, story prompt and followup only when given)."""
    question = {"code": code, "kind": kind, "required": required, "text": text}
    if help_text is not None:
        question["help_text"] = help_text
    if narrative_prompt is not None:
        question["narrative_prompt"] = narrative_prompt
    if followup is not None:
        question["followup"] = followup
    question.update({"options": list(options or []), "min_value": min_value, "max_value": max_value,
                     "scale_labels": scale_labels, "profile_field": profile_field, "condition": condition,
                     "max_choices": max_choices})
    return question


# ---------------------------------------------------------------------------------------------------------
# Process
# ---------------------------------------------------------------------------------------------------------

PROCESS = {
    "title": "Gesund aufwachsen und gut älter werden in Auenstadt 2027",
    "description": (
        "Auenstadt entwickelt eine gemeinsame Strategie, damit Kinder gesund aufwachsen und alle Menschen in "
        "jedem Stadtteil gut älter werden können. In der Bestandsaufnahme fragen wir die Bewohnerinnen und "
        "Bewohner selbst – online, auf Papier, in Gesprächen mit Stadtteilmüttern und Kulturdolmetscher*innen "
        "und in Gesprächsrunden. Die Ergebnisse fließen in Handlungsfelder, Ziele und Maßnahmen ein, über die "
        "der Stadtrat 2027 entscheidet."
    ),
    "phase": "bestandsaufnahme",
    "districts": ["Altstadt", "Am Hafen", "Nordstadt", "Lindenhof", "Eichberg"],
    "target_groups": [
        "Familien mit Kindern",
        "Alleinerziehende Mütter und Väter",
        "Jugendliche und junge Erwachsene",
        "Ältere Menschen",
        "Menschen, die neu in Auenstadt sind",
        "Menschen, die Angehörige pflegen",
    ],
    "languages": LANGUAGES,
    "min_group_size": 5,
}
PROCESS["i18n"] = {language: {field: MORE_TRANSLATIONS[PROCESS[field]][language] for field in ("title", "description")}
                   for language in LANGUAGES if language != "de"}

# Translations of the target-group labels. The German option labels of the life-situation question are
# exactly PROCESS["target_groups"], so the loader can match by code ("tg0".."tg5") or by label.
_TARGET_GROUP_TRANSLATIONS = [
    ("Families with children", "Çocuklu aileler", "عائلات لديها أطفال"),
    ("Single mothers and fathers", "Çocuğunu tek başına büyüten anneler ve babalar",
     "أمهات وآباء يربّون أطفالهم وحدهم"),
    ("Young people and young adults", "Gençler ve genç yetişkinler", "اليافعون والشباب"),
    ("Older people", "Yaşlılar", "كبار السن"),
    ("People who are new to Auenstadt", "Auenstadt'a yeni gelmiş kişiler", "أشخاص جدد في أوينشتات"),
    ("People who care for a relative", "Bir yakınına bakım veren kişiler", "أشخاص يعتنون بأحد أقاربهم"),
]

# ---------------------------------------------------------------------------------------------------------
# Survey (public, no account, about 10 minutes)
# ---------------------------------------------------------------------------------------------------------

_SECTION_ABOUT_YOU = {
    "title": _t("Über Sie", "About you", "Sizin hakkınızda", "معلومات عنكم"),
    "intro": _t(
        "Diese Fragen helfen uns zu sehen, ob wir Menschen aus allen Stadtteilen und Lebenslagen erreichen. "
        "Wir fragen nicht nach Ihrem Namen.",
        "These questions help us see whether we are reaching people from all districts and walks of life. "
        "We do not ask for your name.",
        "Bu sorular, tüm semtlerden ve farklı yaşam koşullarından insanlara ulaşıp ulaşmadığımızı görmemize "
        "yardımcı olur. Adınızı sormuyoruz.",
        "تساعدنا هذه الأسئلة على معرفة ما إذا كنا نصل إلى أشخاص من جميع الأحياء ومن ظروف حياة مختلفة. "
        "لا نسأل عن اسمكم."),
    "questions": [
        _q("district", "district",
           _t("In welchem Stadtteil wohnen Sie?", "Which district do you live in?",
              "Hangi semtte oturuyorsunuz?", "في أي حي تسكنون؟"),
           _t("Wir fragen nur nach dem Stadtteil, nicht nach Ihrer Adresse.",
              "We only ask for the district, not for your address.",
              "Sadece semtinizi soruyoruz, adresinizi değil.",
              "نسأل عن الحي فقط، وليس عن عنوانكم."),
           profile_field="district"),
        _q("life_situation", "single_choice",
           _t("Was beschreibt Ihre Lebenssituation im Moment am besten?",
              "What describes your life situation best at the moment?",
              "Şu anki yaşam durumunuzu en iyi hangisi anlatıyor?",
              "ما الذي يصف وضعكم الحالي في الحياة بشكل أفضل؟"),
           _t("Bitte wählen Sie eine Antwort. So sehen wir, ob wir alle erreichen.",
              "Please choose one answer. This shows us whether we are reaching everyone.",
              "Lütfen bir cevap seçin. Böylece herkese ulaşıp ulaşmadığımızı görebiliriz.",
              "يرجى اختيار إجابة واحدة. هكذا نعرف ما إذا كنا نصل إلى الجميع."),
           options=[_o(f"tg{index}", label, *_TARGET_GROUP_TRANSLATIONS[index])
                    for index, label in enumerate(PROCESS["target_groups"])]
           + [_o("none", "Nichts davon / möchte ich nicht sagen", "None of these / I prefer not to say",
                 "Hiçbiri / söylemek istemiyorum", "لا شيء مما سبق / أفضّل عدم الإجابة")],
           profile_field="target_group"),
        _q("age_band", "single_choice",
           _t("Wie alt sind Sie?", "How old are you?", "Kaç yaşındasınız?", "كم عمركم؟"),
           required=True,
           options=[
               _o("u18", "unter 18 Jahre", "under 18", "18 yaşından küçük", "أقل من 18 سنة"),
               _o("18_29", "18 bis 29 Jahre", "18 to 29", "18–29 yaş", "من 18 إلى 29 سنة"),
               _o("30_49", "30 bis 49 Jahre", "30 to 49", "30–49 yaş", "من 30 إلى 49 سنة"),
               _o("50_64", "50 bis 64 Jahre", "50 to 64", "50–64 yaş", "من 50 إلى 64 سنة"),
               _o("65_79", "65 bis 79 Jahre", "65 to 79", "65–79 yaş", "من 65 إلى 79 سنة"),
               _o("80plus", "80 Jahre und älter", "80 or older", "80 yaş ve üzeri", "80 سنة أو أكثر"),
               _o("na", "möchte ich nicht sagen", "I prefer not to say", "söylemek istemiyorum",
                  "أفضّل عدم الإجابة"),
           ], profile_field="age_band"),
        _q("years_in_district", "number",
           _t("Seit wie vielen Jahren wohnen Sie schon in Ihrem Stadtteil?",
              "How many years have you lived in your district?",
              "Kaç yıldır bu semtte oturuyorsunuz?",
              "منذ كم سنة تسكنون في حيّكم؟"),
           _t("Bitte schreiben Sie eine Zahl. Weniger als ein Jahr? Dann schreiben Sie 0.",
              "Please write a number. Less than one year? Then write 0.",
              "Lütfen bir sayı yazın. Bir yıldan az ise 0 yazın.",
              "يرجى كتابة رقم. أقل من سنة؟ اكتبوا 0."),
           min_value=0, max_value=100),
        _q("children_household", "yes_no",
           _t("Leben Kinder oder Jugendliche unter 18 Jahren in Ihrem Haushalt?",
              "Do children or teenagers under 18 live in your household?",
              "Hanenizde 18 yaşından küçük çocuk veya genç yaşıyor mu?",
              "هل يعيش في بيتكم أطفال أو شباب دون سن 18؟")),
        _q("children_ages", "multiple_choice",
           _t("Wie alt sind die Kinder in Ihrem Haushalt?", "How old are the children in your household?",
              "Hanenizdeki çocuklar kaç yaşında?", "كم أعمار الأطفال في بيتكم؟"),
           _t("Sie können mehrere Antworten wählen.", "You can choose more than one answer.",
              "Birden fazla cevap seçebilirsiniz.", "يمكنكم اختيار أكثر من إجابة."),
           options=[
               _o("0_2", "unter 3 Jahre", "under 3", "3 yaşından küçük", "أقل من 3 سنوات"),
               _o("3_5", "3 bis 5 Jahre", "3 to 5", "3–5 yaş", "من 3 إلى 5 سنوات"),
               _o("6_10", "6 bis 10 Jahre", "6 to 10", "6–10 yaş", "من 6 إلى 10 سنوات"),
               _o("11_17", "11 bis 17 Jahre", "11 to 17", "11–17 yaş", "من 11 إلى 17 سنة"),
           ],
           condition={"question": "children_household", "option": "yes"}),
    ],
}

_SECTION_EVERYDAY = {
    "title": _t("Ihr Alltag im Stadtteil", "Your everyday life in the district", "Semtinizde günlük hayatınız",
                "حياتكم اليومية في الحي"),
    "intro": _t("Hier geht es darum, was Ihnen im Alltag wichtig ist.",
                "This part is about what matters to you in everyday life.",
                "Bu bölüm, günlük hayatınızda sizin için neyin önemli olduğuyla ilgili.",
                "يتعلق هذا الجزء بما هو مهم لكم في حياتكم اليومية."),
    "questions": [
        _q("priorities", "multiple_choice",
           _t("Was ist Ihnen in Ihrem Stadtteil am wichtigsten?", "What matters most to you in your district?",
              "Semtinizde sizin için en önemli olan nedir?", "ما هو الأهم بالنسبة لكم في حيّكم؟"),
           None, max_choices=3,  # the limit is shown and checked in every language ("höchstens 3 Antworten")
           options=[
               _o("bus", "Gute Busverbindungen, auch abends", "Good bus connections, also in the evening",
                  "Akşamları da iyi otobüs bağlantıları", "مواصلات جيدة بالحافلات، في المساء أيضًا"),
               _o("doctors", "Ärztinnen und Ärzte in der Nähe", "Doctors nearby", "Yakında doktorlar",
                  "أطباء قريبون من السكن"),
               _o("childcare", "Kita-Plätze und Kinderbetreuung", "Childcare places and looking after children",
                  "Kreş yeri ve çocuk bakımı", "أماكن في الحضانة ورعاية الأطفال"),
               _o("playgrounds", "Spielplätze und Treffpunkte für Jugendliche",
                  "Playgrounds and places for young people to meet",
                  "Oyun parkları ve gençler için buluşma yerleri", "ملاعب للأطفال وأماكن لقاء للشباب"),
               _o("school_help", "Gutes Essen und Hilfe beim Lernen für Kinder",
                  "Good meals and help with learning for children",
                  "Çocuklar için iyi yemek ve ders desteği", "طعام جيد ومساعدة في التعلم للأطفال"),
               _o("meeting", "Orte, an denen man andere Menschen trifft", "Places where you can meet other people",
                  "Başka insanlarla buluşulabilecek yerler", "أماكن للقاء أشخاص آخرين"),
               _o("housing", "Wohnungen, die man bezahlen kann", "Homes that people can afford",
                  "Uygun fiyatlı konutlar", "مساكن بأسعار مناسبة"),
               _o("safety", "Sicherheit und Licht am Abend", "Safety and lighting in the evening",
                  "Akşamları güvenlik ve aydınlatma", "الأمان والإضاءة في المساء"),
               _o("green", "Grün, Schatten und Bänke", "Green spaces, shade and benches",
                  "Yeşil alanlar, gölge ve banklar", "مساحات خضراء وظل ومقاعد"),
               _o("language", "Deutschkurse", "German courses", "Almanca kursları", "دورات اللغة الألمانية"),
               _o("offices", "Hilfe bei Ämtern und Formularen", "Help with public offices and forms",
                  "Resmi daireler ve formlar konusunda yardım",
                  "المساعدة في التعامل مع الدوائر الرسمية والاستمارات"),
               _o("digital", "Hilfe mit Internet und Smartphone", "Help with the internet and smartphones",
                  "İnternet ve akıllı telefon konusunda yardım", "المساعدة في استخدام الإنترنت والهاتف الذكي"),
               _o("jobs", "Arbeit und Ausbildungsplätze", "Jobs and apprenticeships",
                  "İş ve meslek eğitimi (Ausbildung) yerleri", "فرص العمل والتدريب المهني"),
           ]),
        _q("supported_scale", "scale",
           _t("Wie gut fühlen Sie sich im Alltag unterstützt, wenn Sie Hilfe brauchen?",
              "How well supported do you feel in everyday life when you need help?",
              "Yardıma ihtiyacınız olduğunda günlük hayatta kendinizi ne kadar desteklenmiş hissediyorsunuz?",
              "إلى أي مدى تشعرون بأنكم تحصلون على الدعم في حياتكم اليومية عندما تحتاجون إلى المساعدة؟"),
           _t("1 bedeutet: gar nicht gut. 5 bedeutet: sehr gut.", "1 means: not well at all. 5 means: very well.",
              "1: hiç iyi değil. 5: çok iyi.", "1 تعني: ليس جيدًا على الإطلاق. 5 تعني: جيد جدًا."),
           required=True, min_value=1, max_value=5,
           scale_labels={"min": _t("gar nicht gut", "not well at all", "hiç iyi değil", "ليس جيدًا على الإطلاق"),
                         "max": _t("sehr gut", "very well", "çok iyi", "جيد جدًا")}),
        _q("good_place", "short_text",
           _t("Wo in Ihrem Stadtteil sind Sie gern?", "Where in your district do you like to spend time?",
              "Semtinizde nerede vakit geçirmeyi seviyorsunuz?", "أين تحبون قضاء الوقت في حيّكم؟"),
           _t("Ein Ort reicht, zum Beispiel ein Park, ein Café oder ein Verein.",
              "One place is enough, for example a park, a café or a club.",
              "Bir yer yeterli, örneğin bir park, bir kafe veya bir dernek.",
              "يكفي مكان واحد، مثلًا حديقة أو مقهى أو نادٍ.")),
    ],
}

_SECTION_EXPERTS = {
    "title": _t("Sie sind Expertin oder Experte für Ihr Leben", "You are the expert on your own life",
                "Kendi hayatınızın uzmanı sizsiniz", "أنتم الخبراء في حياتكم"),
    "intro": _t(
        "Niemand kennt Ihren Alltag so gut wie Sie. Schreiben Sie so, wie Sie möchten – kurz oder lang, auf "
        "Deutsch oder in Ihrer Sprache. Bitte schreiben Sie keine Namen, Adressen oder Telefonnummern.",
        "Nobody knows your everyday life as well as you do. Write as you like – short or long, in German or in "
        "your own language. Please do not write names, addresses or phone numbers.",
        "Günlük hayatınızı sizin kadar iyi kimse bilemez. İstediğiniz gibi yazın – kısa ya da uzun, Almanca ya "
        "da kendi dilinizde. Lütfen isim, adres veya telefon numarası yazmayın.",
        "لا أحد يعرف حياتكم اليومية أفضل منكم. اكتبوا كما تريدون، باختصار أو بالتفصيل، بالألمانية أو "
        "بلغتكم. يرجى عدم كتابة أسماء أو عناوين أو أرقام هواتف."),
    "questions": [
        _q("support_missing", "long_text",
           _t("Wo genau fehlt Ihnen Unterstützung?", "Where exactly is support missing for you?",
              "Size göre tam olarak nerede destek eksik?", "أين ينقصكم الدعم بالضبط؟"),
           _t("Zum Beispiel bei Gesundheit, Kinderbetreuung, Wohnen, Bus und Bahn, Ämtern oder Freizeit.",
              "For example with health, childcare, housing, buses and trains, public offices or free time.",
              "Örneğin sağlık, çocuk bakımı, konut, otobüs ve tren, resmi daireler veya boş zaman konularında.",
              "مثلًا في الصحة، أو رعاية الأطفال، أو السكن، أو المواصلات، أو الدوائر الرسمية، أو أوقات الفراغ.")),
        _q("contact_person", "long_text",
           _t("Für welches Anliegen hätten Sie gern eine feste Ansprechperson?",
              "For which concern would you like to have a contact person?",
              "Hangi konuda size yardımcı olacak sabit bir muhatap kişi istersiniz?",
              "في أي موضوع تودّون أن يكون لكم شخص ثابت تتواصلون معه؟"),
           _t("Zum Beispiel jemand, der Ihre Sprache spricht, oder jemand, der sich mit Anträgen auskennt.",
              "For example someone who speaks your language, or someone who knows about applications.",
              "Örneğin sizin dilinizi konuşan ya da başvurular konusunda bilgili biri.",
              "مثلًا شخص يتحدث لغتكم، أو شخص يعرف كيفية تقديم الطلبات.")),
        _q("contribute", "long_text",
           _t("Was könnten Sie selbst beitragen?", "What could you contribute yourself?",
              "Siz kendiniz neye katkıda bulunabilirsiniz?", "بماذا يمكنكم أنتم أن تساهموا؟"),
           _t("Jede Kleinigkeit zählt: vorlesen, übersetzen, kochen, reparieren, Sport, Zeit für Nachbarinnen "
              "und Nachbarn …",
              "Every little thing counts: reading aloud, translating, cooking, repairing things, sports, time for "
              "your neighbours …",
              "Her küçük şey önemli: kitap okumak, tercüme etmek, yemek pişirmek, tamir etmek, spor, komşulara "
              "zaman ayırmak …",
              "كل شيء صغير له قيمة: القراءة بصوت عالٍ، الترجمة، الطبخ، التصليح، الرياضة، تخصيص وقت للجيران …")),
    ],
}

SURVEY = {
    "short_code": "auenstadt",
    "title": _t("Gut leben in Auenstadt – Ihre Meinung zählt", "Living well in Auenstadt – your opinion counts",
                "Auenstadt'ta iyi yaşamak – Fikriniz önemli", "حياة جيدة في أوينشتات – رأيكم مهم"),
    "intro": _t(
        "Wir möchten, dass Kinder in Auenstadt gesund aufwachsen und dass alle Menschen hier gut älter werden "
        "können. Dafür fragen wir Sie, denn Sie kennen Ihren Alltag am besten: Was fehlt? Was hilft? Was können "
        "wir gemeinsam tun? Die Umfrage dauert etwa 10 Minuten. Sie können in Ihrer Sprache antworten.",
        "We want children in Auenstadt to grow up healthy and everyone here to be able to grow older well. That "
        "is why we are asking you – you know your everyday life best: What is missing? What helps? What can we do "
        "together? The survey takes about 10 minutes. You can answer in your own language.",
        "Auenstadt'ta çocukların sağlıklı büyümesini ve burada yaşayan herkesin iyi bir şekilde yaşlanabilmesini "
        "istiyoruz. Bu yüzden size soruyoruz, çünkü günlük hayatınızı en iyi siz biliyorsunuz: Ne eksik? Ne "
        "yardımcı oluyor? Birlikte ne yapabiliriz? Anket yaklaşık 10 dakika sürer. Kendi dilinizde cevap "
        "verebilirsiniz.",
        "نريد أن يكبر الأطفال في أوينشتات بصحة جيدة، وأن يتمكن كل من يعيش هنا من التقدم في العمر بشكل جيد. "
        "لذلك نسألكم، فأنتم أدرى الناس بحياتكم اليومية: ما الذي ينقص؟ ما الذي يساعد؟ ماذا يمكننا أن نفعل معًا؟ "
        "يستغرق الاستبيان حوالي 10 دقائق. يمكنكم الإجابة بلغتكم."),
    "consent_text": _t(
        "Ich bin einverstanden, dass meine Antworten für die Planung der Stadt Auenstadt genutzt werden. Die "
        "Umfrage ist anonym: Es werden keine Namen und keine IP-Adressen gespeichert. Ergebnisse werden nur für "
        "Gruppen von mindestens 5 Personen gezeigt. Ich kann jederzeit aufhören.",
        "I agree that my answers may be used for the planning of the City of Auenstadt. The survey is anonymous: "
        "no names and no IP addresses are stored. Results are only shown for groups of at least 5 people. I can "
        "stop at any time.",
        "Cevaplarımın Auenstadt Belediyesi'nin planlaması için kullanılmasını kabul ediyorum. Anket anonimdir: "
        "İsimler ve IP adresleri kaydedilmez. Sonuçlar yalnızca en az 5 kişilik gruplar için gösterilir. "
        "İstediğim zaman bırakabilirim.",
        "أوافق على استخدام إجاباتي في تخطيط مدينة أوينشتات. الاستبيان مجهول الهوية: لا يتم حفظ الأسماء ولا "
        "عناوين IP. تُعرض النتائج فقط لمجموعات من 5 أشخاص على الأقل. يمكنني التوقف في أي وقت."),
    "thanks_text": _t(
        "Vielen Dank für Ihre Zeit! Ihre Antworten sind gespeichert. Auf der Ergebnisseite lesen Sie später, was "
        "aus der Umfrage geworden ist: was die Stadt entschieden hat, warum – und was (noch) nicht umgesetzt "
        "werden kann.",
        "Thank you very much for your time! Your answers have been saved. Later, on the results page, you can "
        "read what came of the survey: what the city decided, why – and what cannot be done (yet).",
        "Zaman ayırdığınız için çok teşekkür ederiz! Cevaplarınız kaydedildi. Anketten ne çıktığını daha sonra "
        "sonuç sayfasında okuyabilirsiniz: Belediyenin neye karar verdiğini, nedenini ve neyin (henüz) "
        "yapılamadığını.",
        "شكرًا جزيلًا على وقتكم! تم حفظ إجاباتكم. يمكنكم لاحقًا أن تقرؤوا في صفحة النتائج ما الذي نتج عن "
        "الاستبيان: ماذا قررت المدينة، ولماذا، وما الذي لا يمكن تنفيذه (بعد)."),
    "sections": [_SECTION_ABOUT_YOU, _SECTION_EVERYDAY, _SECTION_EXPERTS],
}

# ---------------------------------------------------------------------------------------------------------
# Guides for multipliers (peer interview) and moderators (focus group)
# ---------------------------------------------------------------------------------------------------------

INTERVIEW_GUIDE = {
    "guide_type": "interview",
    "title": _t("Peer-Interview: Gut leben in Auenstadt", "Peer interview: Living well in Auenstadt",
                "Akran görüşmesi: Auenstadt'ta iyi yaşamak"),
    "intro": _t(
        "Leitfaden für Stadtteilmütter, Kulturdolmetscher*innen und andere Multiplikator*innen. Erklären Sie vor "
        "dem Gespräch, wofür die Antworten genutzt werden, und halten Sie die Einwilligung fest. Das Gespräch ist "
        "vertraulich: Notieren Sie keine Namen. Sprechen Sie in der Sprache, die Ihr Gegenüber am liebsten "
        "spricht. Nehmen Sie sich Zeit – Pausen sind in Ordnung.",
        "Guide for neighbourhood mothers, cultural interpreters and other multipliers. Before the conversation, "
        "explain what the answers will be used for and record consent. The conversation is confidential: do not "
        "write down names. Speak in the language your interviewee prefers. Take your time – pauses are fine.",
        "Semt anneleri, kültür tercümanları ve diğer gönüllü aracılar için rehber. Görüşmeden önce cevapların ne "
        "için kullanılacağını açıklayın ve onayı kaydedin. Görüşme gizlidir: İsim not etmeyin. Karşınızdaki "
        "kişinin en rahat konuştuğu dilde konuşun. Acele etmeyin – ara vermek sorun değil."),
    "sections": [
        {"title": _t("Einstieg: Alltag im Stadtteil", "Getting started: everyday life in the district",
                     "Başlangıç: Semtte günlük hayat"),
         "planned_minutes": 10,
         "questions": [
             _q("pi_everyday", "long_text",
                _t("Erzählen Sie mir von einem ganz normalen Tag. Was läuft gut, was ist schwer?",
                   "Tell me about a completely ordinary day. What goes well, what is hard?",
                   "Bana sıradan bir gününüzü anlatır mısınız? Neler iyi gidiyor, neler zor?"),
                followup=_t("Wohin gehen Sie an so einem Tag? Wen treffen Sie? Was kostet Sie viel Kraft?",
                            "Where do you go on a day like that? Whom do you meet? What takes a lot of your "
                            "energy?",
                            "Böyle bir günde nereye gidiyorsunuz? Kimlerle görüşüyorsunuz? Sizi en çok ne "
                            "yoruyor?")),
             _q("pi_places", "long_text",
                _t("Welche Orte im Stadtteil sind Ihnen wichtig – und welche meiden Sie?",
                   "Which places in the district are important to you – and which do you avoid?",
                   "Semtte sizin için önemli olan yerler hangileri – ve hangi yerlerden uzak duruyorsunuz?"),
                followup=_t("Warum meiden Sie diese Orte? Zu welcher Tageszeit? Was müsste sich ändern?",
                            "Why do you avoid these places? At what time of day? What would have to change?",
                            "Bu yerlerden neden uzak duruyorsunuz? Günün hangi saatinde? Neyin değişmesi "
                            "gerekir?")),
         ]},
        {"title": _t("Unterstützung und Ansprechpersonen", "Support and contact persons",
                     "Destek ve muhatap kişiler"),
         "planned_minutes": 15,
         "questions": [
             _q("pi_support_missing", "long_text",
                _t("Wo genau fehlt Ihnen oder Ihrer Familie Unterstützung?",
                   "Where exactly is support missing for you or your family?",
                   "Size veya ailenize tam olarak nerede destek eksik?"),
                narrative_prompt=_t(
                    "Denken Sie an das letzte Mal, als Sie Hilfe gebraucht haben. Erzählen Sie einfach, "
                    "wie es war – von Anfang an.",
                    "Think of the last time you needed help. Just tell me how it was – from the beginning.",
                    "En son yardıma ihtiyaç duyduğunuz zamanı düşünün. Nasıl olduğunu baştan anlatır "
                    "mısınız?"),
                followup=_t("Können Sie ein Beispiel aus den letzten Wochen erzählen? Haben Sie schon versucht, "
                            "Hilfe zu bekommen – was ist dann passiert?",
                            "Can you tell me about an example from the last few weeks? Have you tried to get "
                            "help – what happened then?",
                            "Son haftalardan bir örnek anlatabilir misiniz? Yardım almayı denediniz mi – sonra "
                            "ne oldu?")),
             _q("pi_contact", "long_text",
                _t("Für welches Anliegen hätten Sie gern eine feste Ansprechperson?",
                   "For which concern would you like to have a contact person?",
                   "Hangi konuda sabit bir muhatap kişi istersiniz?"),
                followup=_t("Wo sollte diese Person erreichbar sein – im Stadtteil, am Telefon, abends oder am "
                            "Wochenende? Welche Sprache sollte sie sprechen?",
                            "Where should this person be available – in the district, by phone, in the evening "
                            "or at the weekend? Which language should they speak?",
                            "Bu kişiye nerede ulaşılabilmeli – semtte mi, telefonla mı, akşamları veya hafta "
                            "sonu mu? Hangi dili konuşmalı?")),
         ]},
        {"title": _t("Stärken und Wünsche", "Strengths and wishes", "Güçlü yönler ve dilekler"),
         "planned_minutes": 10,
         "questions": [
             _q("pi_contribute", "long_text",
                _t("Was könnten Sie selbst beitragen – für Ihre Nachbarschaft oder für andere Familien?",
                   "What could you contribute yourself – for your neighbourhood or for other families?",
                   "Komşularınız veya diğer aileler için siz kendiniz neye katkıda bulunabilirsiniz?"),
                followup=_t("Was können Sie gut? Wie viel Zeit hätten Sie, und zu welchen Zeiten? Was bräuchten "
                            "Sie dafür?",
                            "What are you good at? How much time would you have, and when? What would you need "
                            "for it?",
                            "Neyi iyi yapıyorsunuz? Ne kadar vaktiniz var, hangi saatlerde? Bunun için neye "
                            "ihtiyacınız olurdu?")),
             _q("pi_one_change", "long_text",
                _t("Wenn Sie eine Sache in Ihrem Stadtteil sofort ändern könnten: Was wäre das?",
                   "If you could change one thing in your district right away: what would it be?",
                   "Semtinizde bir şeyi hemen değiştirebilseydiniz, bu ne olurdu?"),
                followup=_t("Warum gerade das? Wer sollte sich darum kümmern? Zum Schluss: Danken Sie für das "
                            "Gespräch und sagen Sie, wo man die Ergebnisse später sehen kann.",
                            "Why this in particular? Who should take care of it? At the end: thank the person "
                            "and tell them where the results can be seen later.",
                            "Neden özellikle bu? Bununla kim ilgilenmeli? Son olarak: Görüşme için teşekkür "
                            "edin ve sonuçların daha sonra nerede görülebileceğini söyleyin.")),
         ]},
    ],
}

FOCUS_GROUP_GUIDE = {
    "guide_type": "focus_group",
    "title": _t("Gesprächsrunde: Gesund und gut leben im Stadtteil",
                "Focus group: Living healthily and well in the district",
                "Sohbet grubu: Semtte sağlıklı ve iyi yaşamak"),
    "intro": _t(
        "Leitfaden für moderierte Gesprächsrunden mit 6 bis 12 Personen, zum Beispiel im Seniorentreff oder im "
        "Familienzentrum, etwa 90 Minuten. Planen Sie die Runde nicht nur vormittags – viele Berufstätige und "
        "Ehrenamtliche können erst abends oder am Wochenende. Halten Sie Notizen und wörtliche Zitate ohne Namen "
        "fest. Was in der Runde gesagt wird, bleibt vertraulich.",
        "Guide for moderated focus groups of 6 to 12 people, for example at the seniors' meeting point or the "
        "family centre, about 90 minutes. Do not plan the group only for the morning – many working people and "
        "volunteers can only come in the evening or at the weekend. Record notes and verbatim quotes without "
        "names. What is said in the group stays confidential.",
        "6 ila 12 kişilik moderatörlü sohbet grupları için rehber, örneğin yaşlıların buluşma yerinde veya aile "
        "merkezinde, yaklaşık 90 dakika. Grubu yalnızca sabah saatlerine planlamayın – çalışanların ve "
        "gönüllülerin çoğu ancak akşamları veya hafta sonu gelebilir. Notları ve birebir alıntıları isim "
        "olmadan kaydedin. Grupta söylenenler gizli kalır."),
    "sections": [
        {"title": _t("Ankommen und Alltag", "Arriving and everyday life", "Tanışma ve günlük hayat"),
         "planned_minutes": 20,
         "questions": [
             _q("fg_everyday", "long_text",
                _t("Was macht den Alltag in Ihrem Stadtteil leicht – und was macht ihn schwer?",
                   "What makes everyday life in your district easy – and what makes it hard?",
                   "Semtinizde günlük hayatı ne kolaylaştırıyor, ne zorlaştırıyor?"),
                followup=_t("Erst frei sammeln, dann nachfragen: Einkaufen, Wege, Bus, Arzt, Ämter. Wer hat "
                            "Ähnliches erlebt?",
                            "First collect freely, then ask about shopping, getting around, buses, doctors, "
                            "public offices. Who has had similar experiences?",
                            "Önce serbestçe toplayın, sonra sorun: alışveriş, yollar, otobüs, doktor, resmi "
                            "daireler. Benzer şeyler yaşayan başka kim var?")),
         ]},
        {"title": _t("Gesundheit und Begegnung", "Health and meeting people", "Sağlık ve bir araya gelmek"),
         "planned_minutes": 35,
         "questions": [
             _q("fg_health", "long_text",
                _t("Wohin gehen Sie, wenn Sie oder Ihre Familie gesundheitlich Hilfe brauchen – und wie gut "
                   "klappt das?",
                   "Where do you go when you or your family need help with your health – and how well does that "
                   "work?",
                   "Siz veya aileniz sağlık konusunda yardıma ihtiyaç duyduğunuzda nereye gidiyorsunuz – ve bu ne "
                   "kadar iyi işliyor?"),
                followup=_t("Wartezeiten? Fachärzte? Seelische Belastung? Was tun Sie, wenn die Praxis keine neuen "
                            "Patienten nimmt?",
                            "Waiting times? Specialists? Emotional strain? What do you do when the practice does "
                            "not take new patients?",
                            "Bekleme süreleri? Uzman doktorlar? Ruhsal yük? Muayenehane yeni hasta almadığında "
                            "ne yapıyorsunuz?")),
             _q("fg_meeting", "long_text",
                _t("Wo treffen Sie andere Menschen? Wer im Stadtteil ist oft allein?",
                   "Where do you meet other people? Who in the district is often alone?",
                   "Başka insanlarla nerede buluşuyorsunuz? Semtte kimler sık sık yalnız?"),
                followup=_t("Was würde helfen, dass mehr Menschen zusammenkommen – neue und alteingesessene "
                            "Nachbarinnen und Nachbarn?",
                            "What would help more people come together – new and long-time neighbours?",
                            "Daha fazla insanın – yeni ve eski komşuların – bir araya gelmesine ne yardımcı "
                            "olurdu?")),
         ]},
        {"title": _t("Informationen und Ideen", "Information and ideas", "Bilgi ve fikirler"),
         "planned_minutes": 35,
         "questions": [
             _q("fg_info", "long_text",
                _t("Wie erfahren Sie von Angeboten im Stadtteil?", "How do you hear about what is on offer in the "
                   "district?", "Semtteki etkinlik ve hizmetlerden nasıl haberdar oluyorsunuz?"),
                followup=_t("Zeitung, Aushang, WhatsApp-Gruppe, Gemeinde, Kita? Was erreicht Sie nicht?",
                            "Newspaper, notice board, WhatsApp group, religious community, Kita? What does not "
                            "reach you?",
                            "Gazete, ilan panosu, WhatsApp grubu, cemaat, kreş? Size hangi bilgiler ulaşmıyor?")),
             _q("fg_ideas", "long_text",
                _t("Was würden Sie sich wünschen – und was könnten Sie selbst dazu beitragen?",
                   "What would you wish for – and what could you contribute yourself?",
                   "Ne isterdiniz – ve buna kendiniz ne katkıda bulunabilirsiniz?"),
                followup=_t("Auf Karten sammeln und gemeinsam ordnen. Daran erinnern: Nicht alles kann die Stadt "
                            "allein umsetzen.",
                            "Collect on cards and sort them together. Remind the group: the city cannot do "
                            "everything on its own.",
                            "Kartlara toplayın ve birlikte sıralayın. Hatırlatın: Belediye her şeyi tek başına "
                            "yapamaz.")),
         ]},
    ],
}

# ---------------------------------------------------------------------------------------------------------
# Free-text answers
# ---------------------------------------------------------------------------------------------------------
# Entries: (theme, hint, text) or (theme, hint, text, German translation). The theme is the "human coding"
# used to correlate answers with profiles (and usable as a reference for the theme analysis). The hint says
# who can plausibly have written the text; all letters must hold:
#   k = children in the household, o = 65 or older, y = under 30, n = new in Auenstadt,
#   w = working age (18-64), c = cares for a relative (or could: 30-79 without another group).

THEME_LABELS = {
    "child_poverty": "Kinderarmut und Schulessen",
    "childcare": "Kita-Plätze und Kinderbetreuung",
    "playgrounds_youth": "Spielplätze und Jugendtreffs",
    "doctors": "Arzttermine und Fachärzte",
    "mental_health": "Seelische Gesundheit",
    "loneliness": "Einsamkeit älterer Menschen",
    "housing": "Wohnungsnot und Mieten",
    "bus": "Busverbindungen",
    "safety": "Sicherheit und Beleuchtung am Abend",
    "language": "Deutschkurse",
    "authorities": "Ämter, Formulare und Termine",
    "jobs": "Arbeit und Ausbildung",
    "heat_green": "Hitze, Grün und Schatten",
    "digital": "Internet und Hilfe mit dem Smartphone",
    "none": "Keine konkrete Angabe",
    # what people could contribute
    "reading": "Vorlesen",
    "translating": "Übersetzen und begleiten",
    "sports": "Sport und Bewegung anleiten",
    "cooking": "Kochen und Backen",
    "repair": "Reparieren",
    "garden": "Gärtnern und Grünpflege",
    "visiting": "Besuche und Nachbarschaftshilfe",
    "digital_help": "Hilfe mit Handy und Computer",
    "childcare_help": "Auf Kinder aufpassen",
    "homework_help": "Hausaufgabenhilfe",
    "knowledge": "Fachwissen weitergeben",
    "music": "Musik",
    "driving": "Fahrdienste",
    "space": "Räume zur Verfügung stellen",
    "organising": "Feste und Treffen organisieren",
    "sewing": "Nähen",
}

SUPPORT_MISSING = {
    "de": [
        ("child_poverty", "k", "Das Mittagessen in der Ganztagsschule kostet 4,20 € am Tag. Bei drei Kindern ist "
         "das am Monatsende einfach zu viel, dann essen sie halt zu Hause Toast."),
        ("child_poverty", "k", "Klassenfahrt, Turnschuhe, Schwimmkurs – für alles muss man extra bezahlen. Das "
         "Bildungspaket gibt es zwar, aber der Antrag ist so kompliziert dass viele es lassen."),
        ("child_poverty", None, "Ich sehe jeden Morgen Kinder ohne Frühstück zur Grundschule gehen. Ein "
         "kostenloses Frühstück in der Schule wäre das Mindeste."),
        ("child_poverty", "k", "mein sohn schämt sich weil er nie bei ausflügen mitmachen kann. es fehlt "
         "unterstützung die nicht peinlich ist"),
        ("child_poverty", None, "Die Tafel in der Nordstadt hat nur dienstags auf und die Schlange ist riesig. "
         "Familien bräuchten das öfter und ohne dass alle zugucken."),
        ("childcare", "kw", "Wir stehen seit 14 Monaten auf der Warteliste für einen Kitaplatz. Ich kann deshalb "
         "nicht wieder arbeiten gehen, obwohl mein Arbeitgeber mich zurück will."),
        ("childcare", "kw", "Die Kita schließt um 14:30 Uhr. Mit meinen Schichten im Krankenhaus passt das "
         "überhaupt nicht, es fehlen Randzeiten und Betreuung in den Ferien."),
        ("childcare", "k", "Kitaplatz haben wir endlich, aber wenn eine Erzieherin krank ist, wird die Gruppe "
         "sofort geschlossen. Das passiert fast jede Woche."),
        ("childcare", None, "Tagesmütter gibt es im Lindenhof fast keine mehr. Wer kein Auto hat, muss ewig quer "
         "durch die Stadt fahren."),
        ("childcare", "k", "Hortplatz für die Grundschule: Fehlanzeige. Ab der ersten Klasse stehen wir um 11:45 "
         "vor der Tür und wissen nicht wohin mit dem Kind."),
        ("playgrounds_youth", None, "Der Spielplatz am Mühlenweg ist seit zwei Jahren halb gesperrt, die Rutsche "
         "ist kaputt und abends liegen da Scherben."),
        ("playgrounds_youth", "y", "Für uns Jugendliche gibt es nichts außer dem Jugendzentrum und das macht um "
         "20 Uhr zu und am Wochenende gar nicht auf. Deshalb hängen alle am Bahnhof rum."),
        ("playgrounds_youth", None, "Ein Bolzplatz mit Flutlicht wäre super. Die Jungs spielen auf dem Parkplatz "
         "vom Supermarkt und dann gibt es Ärger."),
        ("playgrounds_youth", "y", "Es fehlt ein Ort wo man einfach chillen kann ohne was kaufen zu müssen. Im "
         "Winter ist es draußen zu kalt und im Café wird man rausgeschmissen."),
        ("playgrounds_youth", "k", "Kaum Spielplätze für Kleinkinder unter 3, alles nur für die Großen. Und keine "
         "Toilette in der Nähe."),
        ("doctors", None, "Ich suche seit einem halben Jahr einen Hausarzt. Alle Praxen sagen, sie nehmen keine "
         "neuen Patienten auf."),
        ("doctors", "k", "Kinderarzttermine gibt es erst in 6 Wochen. Wenn das Kind Fieber hat, sitzen wir "
         "stundenlang in der Notaufnahme."),
        ("doctors", "o", "Für einen Termin beim Augenarzt muss ich nach Bergstadt fahren, mit dem Bus über eine "
         "Stunde. Mit meinem Rollator schaffe ich das kaum."),
        ("doctors", None, "Facharzttermine (Hautarzt, Orthopädie) frühestens in vier Monaten. Die "
         "Terminservicestelle hat mir auch nicht weitergeholfen."),
        ("doctors", "o", "Unser Hausarzt geht nächstes Jahr in Rente und keiner weiß, ob die Praxis weitergeht. "
         "Viele Ältere im Eichberg machen sich große Sorgen."),
        ("mental_health", None, "Auf einen Therapieplatz wartet man hier über ein Jahr. In der Zeit wird es oft "
         "schlimmer, nicht besser."),
        ("mental_health", "y", "Viele aus meiner Klasse haben Panikattacken oder Depressionen, aber niemand weiß, "
         "wo man hingehen kann, ohne dass die Eltern es gleich erfahren."),
        ("mental_health", "k", "Seit Corona ist meine Tochter sehr zurückgezogen. Die Schulsozialarbeiterin ist "
         "nur an zwei Tagen da und für 600 Schüler zuständig."),
        ("mental_health", "c", "Als pflegende Angehörige bin ich am Ende meiner Kräfte. Es gibt keine "
         "Gesprächsgruppe in der Nähe, und abends schon gar nicht."),
        ("mental_health", "w", "Mir fehlt ein Ort, wo man einfach mal reden kann, wenn einem alles zu viel wird. "
         "Die Beratungsstelle hat nur vormittags offen, da bin ich auf der Arbeit."),
        ("loneliness", "o", "Seit mein Mann gestorben ist, rede ich manchmal tagelang mit niemandem. Der "
         "Seniorentreff ist zu weit weg, und abends gehe ich nicht mehr raus."),
        ("loneliness", "o", "Früher gab es im Eichberg noch den Mittagstisch in der Kirche, da hat man sich "
         "getroffen. Der ist weg und jetzt sitzt jeder allein in seiner Wohnung."),
        ("loneliness", "o", "Ich bin 84 und meine Kinder wohnen in Hamburg und München. Ein Besuchsdienst, der "
         "einfach mal zum Kaffee vorbeikommt, würde mir sehr helfen."),
        ("loneliness", None, "In unserem Haus wohnen viele ältere Leute alleine. Man merkt es oft erst, wenn der "
         "Briefkasten überquillt. Da müsste es mehr Nachbarschaftshilfe geben."),
        ("loneliness", "o", "Es gibt Angebote, aber alle vormittags um 10 und man muss sich anmelden. Spontan mal "
         "vorbeikommen geht nirgends."),
        ("loneliness", None, "Eigentlich fehlt mir nichts Konkretes. Aber man kennt seine Nachbarn nicht mehr, "
         "früher hat man mal geklingelt und gefragt, ob man was braucht."),
        ("housing", None, "Unsere Miete ist in drei Jahren um 180 Euro gestiegen. Wir suchen eine größere Wohnung, "
         "aber bei jeder Besichtigung stehen 40 Leute."),
        ("housing", "k", "Wir wohnen zu fünft in einer 2-Zimmer-Wohnung am Hafen. Die Kinder haben keinen Platz "
         "zum Hausaufgaben machen."),
        ("housing", "o", "Ich bräuchte eine Wohnung ohne Treppen, ich wohne im 3. Stock ohne Aufzug. "
         "Barrierefreie Wohnungen, die man mit einer kleinen Rente bezahlen kann, gibt es nicht."),
        ("housing", None, "Schimmel im Schlafzimmer seit dem Winter, der Vermieter reagiert nicht. Wo kann man "
         "sich da beschweren ohne Angst vor Kündigung?"),
        ("housing", None, "Seit die Neubauten am Hafen fertig sind, steigen überall die Mieten. Alteingesessene "
         "können sich das Viertel bald nicht mehr leisten."),
        ("housing", None, "Zu teure Mieten, zu wenig Grün, zu viel Verkehr. Am Hafen wird alles für Touristen "
         "gemacht und nichts für die Leute, die hier wohnen."),
        ("bus", "o", "Der 12er fährt abends nur noch jede Stunde und ab 20 Uhr gar nicht mehr in den Eichberg. "
         "Wer kein Auto hat, sitzt fest."),
        ("bus", None, "Die Bushaltestelle an der Lindenstraße hat kein Dach und keine Bank. Bei Regen stehen die "
         "Alten da und werden nass."),
        ("bus", "w", "Wenn ich Spätschicht habe, komme ich um 23 Uhr nicht mehr nach Hause. Ein Nachtbus oder "
         "Anrufsammeltaxi würde viel helfen."),
        ("bus", "k", "Busse sind oft so voll, dass man mit Kinderwagen nicht reinkommt. Dann wartet man 20 Minuten "
         "auf den nächsten."),
        ("bus", None, "Das Deutschlandticket ist für mich mit Grundsicherung immer noch zu teuer. Ein Sozialticket "
         "für 19 Euro wäre eine echte Hilfe."),
        ("bus", "kw", "bus kommt zu spät, arzt hat keine termine und das amt ist nur vormittags offen. als "
         "berufstätige alleinerziehende schafft man das alles nicht"),
        ("safety", None, "Der Weg vom Bahnhof durch die Unterführung ist abends total dunkel. Als Frau gehe ich da "
         "nach 21 Uhr nicht mehr lang."),
        ("safety", None, "Am Hafenplatz wird offen gedealt, auch neben dem Spielplatz. Die Polizei kommt, fährt "
         "weg, und am nächsten Tag ist alles wie vorher."),
        ("safety", "o", "Im Park fehlen Laternen. Ich traue mich im Winter ab 17 Uhr nicht mehr zum Einkaufen."),
        ("safety", "k", "Mein Sohn (12) muss über die Hafenstraße zur Schule, da gibt es keine Ampel und die Autos "
         "rasen. Ein Zebrastreifen wäre schon viel."),
        ("language", "n", "Ich habe einen Deutschkurs B1 gemacht, aber für B2 gibt es ein halbes Jahr Wartezeit. "
         "Ohne B2 bekomme ich meine Anerkennung als Krankenpflegerin nicht."),
        ("language", "k", "Deutschkurse gibt es nur vormittags ohne Kinderbetreuung. Wie soll ich mit einem Baby "
         "da hingehen?"),
        ("language", None, "Meine Nachbarin ist seit 2 Jahren hier und möchte gern Deutsch üben, aber es gibt kein "
         "Sprachcafé oder so in der Nordstadt. Nur Kurse mit Prüfung."),
        ("language", "n", "Ich verstehe viel, aber bei Arzt oder Behörde fehlen mir die Wörter. Ein Kurs nur für "
         "Alltagssprache am Abend wäre gut."),
        ("authorities", None, "Einen Termin im Bürgerbüro bekommt man nur online und dann erst in 5 Wochen. Für "
         "meinen Vater (kein Internet) musste ich drei Tage Urlaub nehmen."),
        ("authorities", None, "Die Briefe vom Jobcenter versteht kein Mensch, auch ich als Deutscher nicht. Bitte "
         "in einfacher Sprache schreiben!!"),
        ("authorities", None, "Wohngeld beantragt im März, jetzt ist September und noch keine Antwort. Niemand "
         "geht ans Telefon."),
        ("authorities", "k", "Für Kinderzuschlag, Wohngeld und Bildungspaket muss man zu drei verschiedenen "
         "Stellen mit jeweils eigenen Formularen. Eine Stelle für alles wäre eine echte Hilfe."),
        ("jobs", "y", "Ich habe 30 Bewerbungen für eine Ausbildung als Kfz-Mechatroniker geschrieben und nur "
         "Absagen bekommen. Mit Hauptschulabschluss hat man kaum Chancen."),
        ("jobs", "w", "Mein Abschluss als Ingenieur aus Syrien wird nicht anerkannt. Ich arbeite jetzt im Lager, "
         "obwohl ich viel mehr kann."),
        ("jobs", "kw", "Teilzeitjobs, die zu den Kita-Zeiten passen, gibt es kaum. Alleinerziehend ist man bei "
         "vielen Arbeitgebern gleich raus."),
        ("jobs", "y", "Praktikumsplätze für Schüler sind schwer zu finden, wenn die Eltern keine Kontakte haben. "
         "Eine Praktikumsbörse im Stadtteil wäre gut."),
        ("heat_green", "o", "Im Sommer wird meine Dachwohnung 32 Grad warm. Es gibt keinen kühlen Ort in der Nähe, "
         "wo ich mich tagsüber hinsetzen kann."),
        ("heat_green", None, "Am Marktplatz in der Altstadt ist alles zugepflastert, kein Baum, kein Schatten, "
         "kein Trinkbrunnen. Im Juli ist das unerträglich."),
        ("heat_green", "k", "Die Spielplätze in der Nordstadt liegen in der prallen Sonne, das Klettergerüst wird "
         "so heiß, dass sich die Kinder verbrennen. Sonnensegel bitte!"),
        ("heat_green", "o", "Mehr Bänke im Schatten auf dem Weg zum Friedhof und zum Einkaufen. Ich muss "
         "unterwegs immer Pause machen."),
        ("digital", "o", "Alles soll man jetzt per App machen: Arzttermin, Bank, Rezept. Ich habe ein Smartphone "
         "von meinem Enkel, aber niemand zeigt mir, wie es geht."),
        ("digital", "k", "Bei uns im Haus ist das Internet so schlecht, dass die Kinder ihre Hausaufgaben im "
         "Schulportal nicht hochladen können. Einen Laptop haben wir auch nur einen für drei Kinder."),
        ("digital", "o", "Im Seniorentreff gab es mal eine Handy-Sprechstunde, die war immer voll. Leider ist die "
         "Ehrenamtliche weggezogen."),
        ("none", None, "Weiß ich nicht so genau."),
        ("none", None, "nichts, bin soweit zufrieden"),
    ],
    "tr": [
        ("child_poverty", "k", "Okulda öğle yemeği çok pahalı, iki çocuğum var ve her ay 150 euro sadece yemeğe "
         "gidiyor. Bazen çocuklara ekmek arası verip gönderiyorum.",
         "Das Mittagessen in der Schule ist sehr teuer. Ich habe zwei Kinder, und jeden Monat gehen 150 Euro nur "
         "fürs Essen weg. Manchmal gebe ich den Kindern nur ein belegtes Brot mit."),
        ("childcare", "kw", "Kreşte yer bulamadık, iki yıldır bekliyoruz. Eşim çalışıyor, ben de çalışmak "
         "istiyorum ama çocuğu bırakacak yer yok."),
        ("doctors", None, "Annem 78 yaşında ve Türkçe konuşan bir doktor arıyoruz. Almanca derdini anlatamadığı "
         "için doktora gitmek istemiyor.",
         "Meine Mutter ist 78 und wir suchen eine Ärztin oder einen Arzt, die Türkisch sprechen. Weil sie ihre "
         "Beschwerden auf Deutsch nicht erklären kann, will sie nicht zum Arzt gehen."),
        ("loneliness", "o", "Emekli olduktan sonra evde yalnız kaldım. Çocuklar İstanbul'a döndü. Camide birkaç "
         "arkadaşım var ama kadınların buluşacağı bir yer yok.",
         "Seit ich in Rente bin, bin ich zu Hause allein. Die Kinder sind nach Istanbul zurückgegangen. In der "
         "Moschee habe ich ein paar Freundinnen, aber für Frauen gibt es keinen Ort, an dem sie sich treffen "
         "können."),
        ("housing", None, "Kiralar çok yükseldi. Hafen'de 3 odalı ev 1100 euro olmuş, normal bir işçi bunu nasıl "
         "ödesin?"),
        ("housing", "k", "Evde küf var, çocuklar sürekli hasta oluyor. Ev sahibine defalarca söyledim, hiçbir şey "
         "yapmıyor."),
        ("bus", None, "Eichberg'e akşam 8'den sonra otobüs yok. Gece vardiyasından dönen komşularımız yürüyerek "
         "geliyor."),
        ("safety", "k", "Hafen meydanında akşamları kızlarımı yalnız göndermeye korkuyorum. Işıklar yetersiz ve "
         "bazı gruplar içki içip bağırıyor."),
        ("authorities", None, "Ausländerbehörde'den randevu almak imkansız. Telefon açılmıyor, e-postaya cevap "
         "gelmiyor, oturum iznim bitmek üzere.",
         "Einen Termin bei der Ausländerbehörde zu bekommen ist unmöglich. Niemand geht ans Telefon, auf E-Mails "
         "kommt keine Antwort, und meine Aufenthaltserlaubnis läuft bald ab."),
        ("authorities", "k", "Kindergeld ve Kinderzuschlag formları çok karışık. Her seferinde bir sürü belge "
         "istiyorlar, anlamıyoruz."),
        ("jobs", "y", "Ausbildung yeri arıyorum ama soyadım yüzünden mülakata bile çağrılmıyorum gibi "
         "hissediyorum. Arkadaşlarım da aynı şeyi yaşıyor.",
         "Ich suche einen Ausbildungsplatz, habe aber das Gefühl, wegen meines Nachnamens nicht einmal zum "
         "Vorstellungsgespräch eingeladen zu werden. Meinen Freunden geht es genauso."),
        ("playgrounds_youth", "k", "Oyun parkı çok küçük ve hep dolu. Büyük çocuklar için futbol oynayacak bir "
         "yer de yok."),
        ("mental_health", None, "Türkçe konuşan psikolog bulmak çok zor, bekleme listesi bir yıl. Eşim depresyonda "
         "ve ne yapacağımızı bilmiyoruz.",
         "Eine Psychologin oder einen Psychologen zu finden, die Türkisch sprechen, ist sehr schwer, die Warteliste "
         "ist ein Jahr lang. Mein Mann ist depressiv und wir wissen nicht, was wir tun sollen."),
        ("heat_green", None, "yazın evler çok sıcak oluyor, parkta da gölge yok. yaşlılar ve bebekler için serin "
         "bir yer lazım"),
        ("digital", "o", "Artık her şey internetten yapılıyor. Ben telefonda sadece WhatsApp kullanabiliyorum, "
         "gerisini torunum yapıyor. Bize bir kurs olsa iyi olur."),
        ("language", "w", "Almanca kursu var ama akşam saatlerinde yok. Gündüz çalışıyorum, akşam kurs olsa hemen "
         "giderim."),
        ("doctors", "kn", "Çocuk doktoru bulmak çok zor. Yeni taşındık ve hiçbir doktor yeni hasta almıyor."),
    ],
    "ar": [
        ("language", "kn", "انتظرت ثمانية أشهر حتى حصلت على مكان في دورة اللغة، والآن الدورة صباحًا فقط ولا "
         "يوجد من يعتني بطفلي الصغير.",
         "Ich habe acht Monate auf einen Platz im Sprachkurs gewartet, und jetzt ist der Kurs nur vormittags und "
         "niemand passt auf mein kleines Kind auf."),
        ("authorities", None, "الرسائل من الجوب سنتر صعبة جدًا، لا أفهم ماذا يريدون مني. أخاف أن أخطئ فيتوقف "
         "الدعم.",
         "Die Briefe vom Jobcenter sind sehr schwer, ich verstehe nicht, was sie von mir wollen. Ich habe Angst, "
         "etwas falsch zu machen, und dass dann die Unterstützung gestoppt wird."),
        ("housing", "k", "نسكن ستة أشخاص في شقة من غرفتين في حي الميناء. أبحث عن شقة منذ سنتين، وعندما يسمعون "
         "اسمي لا يردّون.",
         "Wir wohnen zu sechst in einer Zwei-Zimmer-Wohnung Am Hafen. Ich suche seit zwei Jahren eine Wohnung, und "
         "wenn sie meinen Namen hören, antworten sie nicht."),
        ("doctors", None, "لا توجد طبيبة نسائية تقبل مريضات جديدات في المدينة كلها. وفي الطوارئ ننتظر ست "
         "ساعات."),
        ("mental_health", None, "بعد الحرب والهجرة يعاني كثير من الناس نفسيًا، لكن لا يوجد معالج يتكلم "
         "العربية. الأطفال أيضًا يحتاجون إلى مساعدة.",
         "Nach dem Krieg und der Flucht leiden viele Menschen seelisch, aber es gibt niemanden für Therapie, der "
         "Arabisch spricht. Auch die Kinder brauchen Hilfe."),
        ("child_poverty", "k", "أطفالي لا يستطيعون المشاركة في الرحلات المدرسية ولا في النادي الرياضي بسبب "
         "التكاليف. سمعت عن باقة التعليم لكن لا أعرف كيف أقدّم الطلب."),
        ("jobs", "nw", "أنا صيدلانية من حلب، وشهادتي لم يُعترف بها بعد. أريد أن أعمل، لكن الإجراءات طويلة جدًا "
         "ولا أحد يشرح لي الخطوات.",
         "Ich bin Apothekerin aus Aleppo und mein Abschluss ist noch nicht anerkannt. Ich möchte arbeiten, aber das "
         "Verfahren dauert sehr lange und niemand erklärt mir die Schritte."),
        ("authorities", "n", "الحصول على موعد في مكتب الأجانب يحتاج شهورًا. إقامتي انتهت وأنا أنتظر، ولا أستطيع "
         "السفر أو تغيير العمل."),
        ("childcare", "k", "ابنتي عمرها ثلاث سنوات ولا يوجد لها مكان في الروضة. هي لا تتكلم الألمانية وستدخل "
         "المدرسة بعد سنتين."),
        ("safety", None, "في الليل يكون الشارع المؤدي إلى محطة الحافلات مظلمًا، وزوجتي تعود من العمل متأخرة. "
         "نحتاج إلى إنارة أفضل."),
        ("playgrounds_youth", "y", "الشباب مثلي ليس لديهم مكان يذهبون إليه في المساء. النادي الشبابي يغلق "
         "مبكرًا، والمقاهي غالية."),
        ("language", None, "أريد مكانًا أتكلم فيه الألمانية مع الناس، ليس فقط في الدورة. مقهى لغة أو نشاط مع "
         "الجيران الألمان."),
        ("digital", None, "كل المواعيد الآن عبر الإنترنت، والمواقع بالألمانية فقط. نحتاج إلى من يساعدنا في حجز "
         "المواعيد وملء الاستمارات على الإنترنت."),
        ("heat_green", "k", "في الصيف تكون الشقة حارة جدًا ولا توجد أشجار في الشارع. نذهب إلى الحديقة الكبيرة "
         "لكنها بعيدة مع الأطفال."),
    ],
    "en": [
        ("childcare", "k", "We moved here for my husband's job at the hospital and there is simply no Kita place "
         "for our 2-year-old. All the information online is in German only."),
        ("authorities", "n", "Registering at the Bürgerbüro took three visits because nobody told me which "
         "documents I need. A checklist in English would save everyone time."),
        ("doctors", None, "Finding a GP who takes new patients is almost impossible. I've called 12 practices. "
         "Also no idea how referrals to specialists work here."),
        ("housing", "y", "Rents are crazy and landlords want a SCHUFA and 3 payslips before you even get a "
         "viewing. As an international student I have none of that."),
        ("language", "w", "Evening German classes that fit around a full-time job. The integration course "
         "schedule assumes you don't work."),
        ("mental_health", "y", "Mental health support in English. The waiting lists are long even in German and "
         "i feel quite isolated since moving here."),
        ("bus", None, "Buses stop running too early at weekends, it's hard to get home from the Altstadt after "
         "10pm without a car."),
        ("digital", None, "The city's online appointment system keeps crashing and there's no phone alternative. "
         "Not everyone has a laptop at home."),
    ],
    "ru": [
        ("loneliness", "o", "Мы с мужем переехали к дочери 20 лет назад, теперь мужа нет, а дочь работает целыми "
         "днями. По-немецки я говорю плохо, поэтому в немецкий клуб для пожилых не хожу.",
         "Mein Mann und ich sind vor 20 Jahren zu unserer Tochter gezogen, jetzt ist mein Mann nicht mehr da und "
         "die Tochter arbeitet den ganzen Tag. Ich spreche schlecht Deutsch, deshalb gehe ich nicht in den "
         "deutschen Seniorenclub."),
        ("bus", None, "Автобус до Айхберга вечером ходит раз в час, а в воскресенье почти не ходит. До врача без "
         "машины не доехать.",
         "Der Bus zum Eichberg fährt abends einmal pro Stunde und sonntags fast gar nicht. Ohne Auto kommt man "
         "nicht zum Arzt."),
        ("doctors", None, "Очень долго ждать приёма у специалистов. К кардиологу записали через пять месяцев, а у "
         "меня давление.",
         "Man wartet sehr lange auf Termine bei Fachärzten. Beim Kardiologen habe ich einen Termin in fünf "
         "Monaten bekommen, und ich habe Bluthochdruck."),
        ("jobs", "y", "Молодёжи трудно найти место для Ausbildung. Школа не помогает, родители не знают, как тут "
         "всё устроено.",
         "Für junge Leute ist es schwer, einen Ausbildungsplatz zu finden. Die Schule hilft nicht, die Eltern "
         "wissen nicht, wie hier alles funktioniert."),
        ("digital", "o", "Банк закрыл отделение, теперь всё через приложение. Я не умею, боюсь ошибиться и "
         "потерять деньги.",
         "Die Bank hat die Filiale geschlossen, jetzt geht alles über die App. Ich kann das nicht und habe Angst, "
         "einen Fehler zu machen und Geld zu verlieren."),
        ("housing", None, "Квартплата выросла, а дом старый: из окон дует, отопление плохо работает. Хозяин "
         "ничего не делает."),
    ],
    "uk": [
        ("language", "n", "Курси німецької є, але черга на пів року. Я вчу сама через YouTube, але без розмовної "
         "практики дуже важко.",
         "Es gibt Deutschkurse, aber die Warteliste ist ein halbes Jahr lang. Ich lerne selbst mit YouTube, aber "
         "ohne Sprechpraxis ist es sehr schwer."),
        ("childcare", "k", "Не можу знайти місце в садочку для сина, тому не можу піти ні на курси, ні на роботу. "
         "Замкнене коло.",
         "Ich finde keinen Kita-Platz für meinen Sohn, deshalb kann ich weder zum Kurs noch zur Arbeit. Ein "
         "Teufelskreis."),
        ("mental_health", "k", "Діти після війни погано сплять, бояться гучних звуків. Потрібен дитячий психолог, "
         "який розуміє українську.",
         "Die Kinder schlafen seit dem Krieg schlecht und haben Angst vor lauten Geräuschen. Wir brauchen eine "
         "Kinderpsychologin, die Ukrainisch versteht."),
        ("housing", "n", "Ми досі живемо в гуртожитку, вже другий рік. Власники квартир не хочуть здавати людям "
         "з Jobcenter.",
         "Wir wohnen immer noch in der Gemeinschaftsunterkunft, schon das zweite Jahr. Vermieter wollen nicht an "
         "Menschen vom Jobcenter vermieten."),
        ("authorities", None, "Дуже багато листів і формулярів, і на кожен лист треба відповісти за два тижні. Я "
         "постійно боюся щось пропустити.",
         "Sehr viele Briefe und Formulare, und auf jeden Brief muss man innerhalb von zwei Wochen antworten. Ich "
         "habe ständig Angst, etwas zu verpassen."),
        ("jobs", "nw", "Я бухгалтерка з 15 роками досвіду, але тут можу працювати тільки прибиральницею. Потрібні "
         "курси, щоб визнали мою професію."),
    ],
    "pl": [
        ("bus", "w", "Pracuję na zmiany w magazynie i po nocnej zmianie nie ma żadnego autobusu. Musimy jeździć "
         "rowerem nawet zimą.",
         "Ich arbeite im Schichtdienst im Lager und nach der Nachtschicht fährt kein Bus. Wir müssen sogar im "
         "Winter mit dem Fahrrad fahren."),
        ("housing", None, "Mieszkanie przez agencję pracy jest drogie i ciasne, 4 osoby w jednym pokoju. Ciężko "
         "znaleźć coś samemu bez znajomości.",
         "Die Wohnung über die Zeitarbeitsfirma ist teuer und eng, vier Personen in einem Zimmer. Ohne Kontakte "
         "ist es schwer, selbst etwas zu finden."),
        ("doctors", "k", "Nie możemy znaleźć pediatry dla córki. Wszyscy mówią, że nie przyjmują nowych "
         "pacjentów.",
         "Wir finden keinen Kinderarzt für unsere Tochter. Alle sagen, dass sie keine neuen Patienten nehmen."),
        ("language", None, "Kursy niemieckiego są tylko rano, a ja wtedy pracuję. Przydałby się kurs wieczorem "
         "albo w sobotę."),
    ],
    "fa": [
        ("language", "kn", "کلاس زبان آلمانی فقط صبح‌هاست و من بچه کوچک دارم. اگر کلاس با مهدکودک باشد حتماً "
         "شرکت می‌کنم.",
         "Der Deutschkurs ist nur vormittags und ich habe ein kleines Kind. Wenn es einen Kurs mit "
         "Kinderbetreuung gäbe, würde ich auf jeden Fall teilnehmen."),
        ("authorities", "n", "نامه‌های اداره اتباع خارجی را نمی‌فهمم و همیشه می‌ترسم مهلتی را از دست بدهم. کسی "
         "نیست که فارسی صحبت کند و کمک کند.",
         "Ich verstehe die Briefe der Ausländerbehörde nicht und habe immer Angst, eine Frist zu verpassen. Es gibt "
         "niemanden, der Persisch spricht und hilft."),
        ("mental_health", None, "بعد از سال‌ها در راه بودن، خیلی از ما مشکل خواب و اضطراب داریم. روانشناسی که "
         "زبان ما را بفهمد پیدا نمی‌شود.",
         "Nach Jahren auf der Flucht haben viele von uns Schlafprobleme und Angst. Eine Psychologin oder einen "
         "Psychologen, die unsere Sprache verstehen, findet man nicht."),
        ("jobs", "y", "می‌خواهم آموزش حرفه‌ای (Ausbildung) را شروع کنم ولی مدرک مدرسه‌ام از افغانستان قبول "
         "نمی‌شود.",
         "Ich möchte eine Ausbildung anfangen, aber mein Schulabschluss aus Afghanistan wird nicht anerkannt."),
        ("housing", None, "هنوز در خوابگاه پناهندگان زندگی می‌کنیم. خانه پیدا نمی‌شود و صاحبخانه‌ها جواب "
         "نمی‌دهند."),
    ],
}

CONTACT_PERSON = {
    "de": [
        ("authorities", None, "Für alles rund um Anträge: Wohngeld, Kinderzuschlag, Rente. Jemand, der mir sagt, "
         "was mir zusteht und was ich wo abgeben muss."),
        ("authorities", "c", "Für Fragen zur Pflege meiner Mutter. Ich weiß nicht, welchen Pflegegrad sie bekommen "
         "kann und wer mir da hilft."),
        ("authorities", None, "Eine Person im Bürgerbüro, die man anrufen kann und die auch zurückruft."),
        ("childcare", "k", "Für die Kitaplatzsuche. Wir haben uns bei 9 Kitas einzeln beworben und keiner weiß, "
         "wo man gerade steht."),
        ("child_poverty", "k", "Wenn es um Geld für Schulsachen und Klassenfahrten geht, hätte ich gern eine "
         "Ansprechperson an der Schule selbst, nicht im Amt."),
        ("mental_health", None, "Wenn es mir psychisch schlecht geht. Eine Nummer, wo abends jemand rangeht und "
         "nicht nur eine Bandansage."),
        ("mental_health", "y", "Jemand Junges, mit dem man über Stress in der Schule und zu Hause reden kann, am "
         "besten auch per Chat."),
        ("housing", None, "Bei Problemen mit dem Vermieter (Schimmel, Nebenkosten). Eine Mieterberatung im "
         "Stadtteil, die nicht 80 Euro im Jahr kostet."),
        ("housing", "o", "Wohnungstausch: Ich habe eine große Wohnung allein, eine Familie braucht sie dringender. "
         "Aber wer hilft beim Tauschen?"),
        ("loneliness", "o", "Jemand aus dem Stadtteil, der ab und zu anruft und fragt, wie es mir geht."),
        ("loneliness", None, "Für Nachbarschaftshilfe. Eine Stelle, die Leute zusammenbringt, die Hilfe brauchen, "
         "und Leute, die helfen wollen."),
        ("digital", "o", "Für Fragen zum Handy und Computer. Am liebsten jede Woche zur gleichen Zeit am gleichen "
         "Ort, damit man sich das merken kann."),
        ("jobs", "y", "Für Ausbildung und Bewerbungen. Bei der Arbeitsagentur fühlt man sich wie eine Nummer."),
        ("jobs", "nw", "Für die Anerkennung meines Berufsabschlusses. Ich bin Lehrerin und darf hier nicht "
         "unterrichten."),
        ("doctors", None, "Bei der Suche nach einem Hausarzt oder Facharzt. Es müsste einen Lotsen geben, der weiß, "
         "welche Praxen noch Patienten nehmen."),
        ("doctors", "k", "Eine Familienhebamme oder Kinderkrankenschwester, die man bei Fragen zum Baby anrufen "
         "kann, auch nach dem Wochenbett."),
        ("safety", None, "Kontaktbeamter der Polizei, den man im Stadtteil auch wirklich sieht und ansprechen "
         "kann."),
        ("playgrounds_youth", None, "Wenn am Spielplatz was kaputt ist: Wer ist zuständig? Ich habe schon dreimal "
         "beim Grünflächenamt angerufen."),
        ("language", "n", "Für Deutschkurse – welcher Kurs passt zu mir, wo ist noch Platz, wer bezahlt?"),
        ("authorities", None, "Eigentlich für alles. Man wird immer weitergeschickt. Eine Person für den ganzen "
         "Stadtteil, die sich auskennt, wäre Gold wert."),
        ("loneliness", "o", "Am liebsten wieder jemand wie Frau Becker aus dem Seniorentreff, die kannte jeden und "
         "wusste immer, wer helfen kann. Seit sie in Rente ist, fehlt so jemand."),
        ("authorities", "w", "Für die Anträge meiner Eltern, die sprechen wenig Deutsch. Sie können mich gern "
         "anrufen, 0176 1234567, ich helfe auch anderen Familien."),
        ("child_poverty", "k", "Was gibt es kostenlos im Stadtteil (Ferienprogramm, Sport, Musik)? Eine Übersicht "
         "und jemand, der einem beim Anmelden hilft."),
        ("mental_health", "c", "Für pflegende Angehörige, die nicht mehr können. Jemand, der auch mal vorbeikommt "
         "und nicht nur Broschüren verteilt."),
        ("heat_green", None, "Für Ideen zum Grün im Viertel (Baumpatenschaften, Hochbeete). Wir würden gern was "
         "machen, wissen aber nicht, wen man fragen muss."),
        ("bus", None, "Für Beschwerden über den Busverkehr. Die Verkehrsbetriebe antworten nie auf E-Mails."),
        ("none", None, "weiß nicht"),
        ("childcare", "kw", "Für die Ferienbetreuung. 6 Wochen Sommerferien sind nicht zu überbrücken, wenn beide "
         "arbeiten."),
    ],
    "tr": [
        ("authorities", None, "Resmi yazılar için Türkçe konuşan bir danışman. Mektupları okuyup ne yapmamız "
         "gerektiğini anlatsa yeter.",
         "Eine Beraterin oder ein Berater, die Türkisch sprechen, für offizielle Briefe. Es würde reichen, wenn "
         "jemand die Briefe liest und erklärt, was wir tun müssen."),
        ("doctors", "w", "Hastane ve doktor randevularında tercüman. Babam her seferinde beni işten çağırıyor."),
        ("childcare", "k", "Kreş başvurusu için. Nereye başvuracağımı, ne kadar bekleyeceğimi söyleyen biri "
         "olsun."),
        ("loneliness", None, "Yaşlılar için Türkçe konuşan bir sosyal görevli. Annem artık kimseyle konuşmuyor."),
        ("authorities", None, "Bana e-posta ile yazabilirsiniz: fatma.k@example.org. Özellikle kadınlar için bir "
         "danışma saati olursa ben de yardım etmek isterim.",
         "Sie können mir per E-Mail schreiben: fatma.k@example.org. Wenn es eine Beratungsstunde besonders für "
         "Frauen gibt, möchte ich auch helfen."),
        ("jobs", "y", "İş ve Ausbildung konusunda gençlere yol gösterecek biri. Okulda bu konuda kimse yardım "
         "etmiyor."),
        ("housing", None, "Ev sahibiyle sorun olduğunda haklarımızı anlatacak biri."),
    ],
    "ar": [
        ("authorities", None, "شخص يتكلم العربية في البلدية أو في الجوب سنتر، نستطيع أن نسأله عن الرسائل "
         "والمواعيد.",
         "Eine Person, die Arabisch spricht, bei der Stadt oder im Jobcenter, die wir zu Briefen und Terminen "
         "fragen können."),
        ("mental_health", None, "للصحة النفسية، خاصة للنساء. مكان آمن نتكلم فيه دون خوف."),
        ("childcare", "k", "للتسجيل في الروضة والمدرسة، لأننا لا نعرف النظام هنا."),
        ("housing", None, "للبحث عن سكن. شخص يساعدنا في الكتابة إلى شركات السكن ويشرح لنا حقوقنا.",
         "Für die Wohnungssuche. Jemand, der uns hilft, den Wohnungsgesellschaften zu schreiben, und uns unsere "
         "Rechte erklärt."),
        ("jobs", "nw", "للاعتراف بالشهادات والبحث عن عمل يناسب خبرتي."),
        ("doctors", None, "مترجم أو مترجمة في المواعيد الطبية، لأن الأطفال يترجمون لنا وهذا ليس جيدًا.",
         "Eine Dolmetscherin oder ein Dolmetscher bei Arztterminen, weil die Kinder für uns übersetzen, und das "
         "ist nicht gut."),
        ("language", "n", "لأختار دورة اللغة المناسبة وأعرف أين توجد أماكن فارغة."),
    ],
    "en": [
        ("authorities", "n", "One person who can explain residence permit, tax ID and health insurance stuff in "
         "English. Right now every office sends you to another office."),
        ("childcare", "k", "Childcare and school registration for newcomers."),
        ("jobs", "w", "Career advice for partners of international workers - I'm a qualified accountant but "
         "can't find work."),
        ("housing", None, "Someone to check rental contracts before you sign."),
    ],
    "ru": [
        ("authorities", None, "Человек, который поможет с документами на пенсию и с больничной кассой. Лучше, если "
         "говорит по-русски.",
         "Eine Person, die bei den Unterlagen für die Rente und bei der Krankenkasse hilft. Am besten, wenn sie "
         "Russisch spricht."),
        ("mental_health", None, "Для психологической поддержки, особенно для тех, кто ухаживает за больными "
         "родственниками.",
         "Für psychologische Unterstützung, besonders für Menschen, die kranke Angehörige pflegen."),
        ("loneliness", None, "Чтобы кто-то звонил пожилым людям, которые живут одни."),
    ],
    "uk": [
        ("authorities", "n", "Людина, яка допоможе з Jobcenter і з листами від Ausländerbehörde.",
         "Eine Person, die beim Jobcenter und mit Briefen von der Ausländerbehörde hilft."),
        ("childcare", "k", "Щодо садочка і школи для дітей, хтось, хто може пояснити систему."),
        ("doctors", None, "Для пошуку лікаря, особливо стоматолога. Ніхто не бере нових пацієнтів.",
         "Für die Suche nach einer Ärztin oder einem Arzt, besonders nach einer Zahnarztpraxis. Niemand nimmt neue "
         "Patienten."),
    ],
    "pl": [
        ("jobs", "w", "W sprawie umowy o pracę i praw pracownika, bo agencja często nie płaci za nadgodziny.",
         "Zu Arbeitsverträgen und Arbeitnehmerrechten, weil die Zeitarbeitsfirma Überstunden oft nicht bezahlt."),
        ("authorities", None, "Ktoś, kto pomoże z Kindergeld i z urzędem skarbowym."),
    ],
    "fa": [
        ("authorities", None, "برای کارهای اداری، کسی که فارسی یا دری صحبت کند.",
         "Für Behördengänge, jemand, der Persisch oder Dari spricht."),
        ("doctors", None, "برای نوبت دکتر و ترجمه در مطب.", "Für Arzttermine und zum Dolmetschen in der Praxis."),
        ("childcare", "k", "برای ثبت‌نام بچه‌ها در مدرسه و مهدکودک."),
    ],
}

CONTRIBUTE = {
    "de": [
        ("reading", "o", "Ich könnte in der Kita oder Bücherei Kindern vorlesen, ich war 35 Jahre "
         "Grundschullehrerin."),
        ("translating", None, "Ich spreche Deutsch, Türkisch und Kurdisch und könnte bei Elterngesprächen in der "
         "Schule übersetzen."),
        ("sports", None, "Ich trainiere schon die E-Jugend beim TuS Lindenhof. Wir hätten Platz für mehr Kinder, "
         "uns fehlen nur Trainer und Bälle."),
        ("cooking", None, "Einmal im Monat gemeinsam kochen im Gemeindehaus, jeder bringt ein Rezept aus seiner "
         "Heimat mit. Ich würde das organisieren."),
        ("repair", "o", "Ich bin Rentner und war Elektriker. Bei einem Reparatur-Café würde ich gern mitmachen."),
        ("garden", None, "Ich würde mich um ein Hochbeet oder eine Baumscheibe vor unserem Haus kümmern, wenn man "
         "darf."),
        ("visiting", None, "Einmal pro Woche eine ältere Nachbarin besuchen, mit ihr einkaufen oder spazieren "
         "gehen. Das mache ich eigentlich jetzt schon."),
        ("digital_help", "y", "Ich kann älteren Leuten zeigen, wie WhatsApp und Online-Banking gehen. Vielleicht "
         "samstags im Seniorentreff?"),
        ("childcare_help", None, "Ab und zu auf Kinder aufpassen, damit die Mütter zum Deutschkurs können."),
        ("cooking", "k", "Kuchen backen für Feste in der Kita und im Stadtteil, das mache ich gern."),
        ("translating", "n", "Ich spreche Arabisch und Englisch und könnte neuen Familien beim Ausfüllen von "
         "Formularen helfen."),
        ("none", "kw", "Leider nichts, ich arbeite Vollzeit und habe zwei Kinder. Aber vielleicht später."),
        ("sports", "y", "Ich kann Breakdance und würde im Jugendzentrum einen Kurs geben, wenn es einen Raum "
         "gibt."),
        ("garden", "o", "Ich habe einen Kleingarten und könnte Kindern zeigen, wie man Gemüse anbaut."),
        ("visiting", "o", "Telefonkette für Ältere im Eichberg: jeden Morgen kurz anrufen, ob alles in Ordnung "
         "ist. Würde ich übernehmen."),
        ("homework_help", None, "Hausaufgabenhilfe in Mathe für Kinder aus der Nachbarschaft, zweimal die Woche "
         "nachmittags."),
        ("knowledge", None, "Ich kenne mich mit Mietrecht aus (früher Mieterverein) und könnte einmal im Monat "
         "Fragen beantworten."),
        ("none", None, "Zeit habe ich kaum, aber ich spende gern Spielzeug und Kleidung."),
        ("music", None, "Gitarre unterrichten oder mit Kindern singen. Ich hätte auch ein paar alte Instrumente "
         "abzugeben."),
        ("driving", "o", "Ich habe noch ein Auto und könnte Nachbarn zum Arzt fahren, wenn das "
         "versicherungsmäßig geht."),
        ("cooking", None, "Ich koche gerne für viele Leute. Bei einem Mittagstisch für Alt und Jung im "
         "Stadtteilzentrum wäre ich dabei."),
        ("space", None, "Unsere Kirchengemeinde hat Räume, die unter der Woche leer stehen. Die könnten Gruppen "
         "nutzen."),
        ("organising", None, "Ich würde bei einer Aktion mitmachen, bei der wir dunkle Ecken im Viertel sammeln "
         "und der Stadt melden."),
        ("knowledge", "o", "Ich war Krankenschwester und könnte bei Fragen zu Medikamenten und Pflegeanträgen "
         "helfen."),
        ("organising", None, "Straßenfest organisieren, damit sich neue und alte Nachbarn kennenlernen. Hab ich "
         "früher schon mal gemacht."),
        ("reading", "k", "Vorlesen auf Deutsch und Polnisch in der Bücherei, meine Kinder sind zweisprachig."),
        ("sports", None, "Eine Spaziergruppe für Leute, die nicht gern allein rausgehen. Jeden Mittwoch eine Runde "
         "um den See."),
        ("digital_help", "w", "Ich bin IT-ler und kann beim Einrichten von Laptops für Schüler helfen, auch alte "
         "Geräte aufbereiten."),
    ],
    "tr": [
        ("translating", None, "Komşularım için tercümanlık yapabilirim, Türkçem ve Almancam iyi.",
         "Ich kann für meine Nachbarn dolmetschen, mein Türkisch und mein Deutsch sind gut."),
        ("cooking", None, "Mahalle şenliklerinde yemek yapabilirim, börek ve mercimek çorbası benden :)"),
        ("sports", "y", "Çocuklara futbol antrenmanı verebilirim, lisanslı oynadım."),
        ("visiting", "o", "Yaşlı komşuları ziyaret edip onlarla çay içebilirim, zaten ben de yalnızım."),
        ("childcare_help", "k", "Kadınlar Almanca kursuna giderken çocuklarına bakabilirim."),
        ("sewing", None, "Dikiş biliyorum, kadınlara dikiş kursu verebilirim.",
         "Ich kann nähen und könnte Frauen einen Nähkurs geben."),
        ("homework_help", "y", "Üniversitede okuyorum, haftada bir gün çocuklara matematik ve Almanca dersi "
         "verebilirim."),
    ],
    "ar": [
        ("cooking", None, "أستطيع أن أطبخ مع النساء في مركز الحي، وأن أعلّم الأطباق السورية.",
         "Ich kann mit den Frauen im Stadtteilzentrum kochen und syrische Gerichte zeigen."),
        ("translating", "n", "أترجم من العربية إلى الإنجليزية، وألمانيتي الآن جيدة. يمكنني مساعدة العائلات "
         "الجديدة."),
        ("reading", "k", "أستطيع أن أقرأ قصصًا بالعربية للأطفال في المكتبة، حتى لا ينسوا لغتهم."),
        ("repair", None, "كنت أعمل في تصليح الدراجات والأجهزة، ويمكنني المساعدة في ورشة تصليح."),
        ("sports", "y", "ألعب كرة القدم وأستطيع تدريب الأطفال الصغار يوم السبت."),
        ("visiting", None, "أزور جارتي الألمانية المسنّة وأساعدها في التسوق، ويمكن أن أفعل ذلك لأشخاص آخرين "
         "أيضًا.",
         "Ich besuche meine ältere deutsche Nachbarin und helfe ihr beim Einkaufen, und das könnte ich auch für "
         "andere machen."),
    ],
    "en": [
        ("translating", None, "I could run an English-German language exchange café once a week."),
        ("sports", None, "I coach basketball and would happily volunteer with teenagers."),
        ("reading", "k", "Reading English stories to kids at the library on Saturdays."),
        ("digital_help", "w", "Helping older people with their phones, I'm a software developer."),
    ],
    "ru": [
        ("cooking", None, "Могу печь пироги для праздников во дворе и учить детей готовить.",
         "Ich kann Piroggen für Hoffeste backen und Kindern das Kochen beibringen."),
        ("music", "o", "Я много лет работала учительницей музыки. Могу вести хор для пожилых или для детей.",
         "Ich war viele Jahre Musiklehrerin. Ich kann einen Chor für Ältere oder für Kinder leiten."),
        ("translating", None, "Переводить для соседей с русского на немецкий, если нужно к врачу или в "
         "ведомство.",
         "Für Nachbarn vom Russischen ins Deutsche übersetzen, wenn sie zum Arzt oder zu einem Amt müssen."),
    ],
    "uk": [
        ("translating", None, "Я можу перекладати з української та російської на англійську, і трохи на "
         "німецьку.",
         "Ich kann aus dem Ukrainischen und Russischen ins Englische übersetzen, und ein bisschen ins Deutsche."),
        ("reading", "k", "Можу читати казки дітям українською в бібліотеці.",
         "Ich kann Kindern in der Bücherei Märchen auf Ukrainisch vorlesen."),
        ("sports", "w", "Я тренер з волейболу, можу безкоштовно тренувати підлітків.",
         "Ich bin Volleyballtrainer und kann Jugendliche kostenlos trainieren."),
    ],
    "pl": [
        ("repair", "w", "Jestem elektrykiem, mogę pomóc przy drobnych naprawach w domu sąsiedzkim.",
         "Ich bin Elektriker und kann bei kleinen Reparaturen im Nachbarschaftshaus helfen."),
        ("cooking", None, "Mogę ugotować pierogi na festyn i pokazać dzieciom, jak się je lepi.",
         "Ich kann Piroggen für das Fest kochen und den Kindern zeigen, wie man sie formt."),
    ],
    "fa": [
        ("translating", None, "می‌توانم برای خانواده‌های تازه‌وارد ترجمه کنم، آلمانی‌ام در سطح B2 است.",
         "Ich kann für neu angekommene Familien übersetzen, mein Deutsch ist auf B2-Niveau."),
        ("sports", "y", "فوتبال بازی می‌کنم و می‌توانم با بچه‌ها تمرین کنم.",
         "Ich spiele Fußball und kann mit Kindern trainieren."),
        ("cooking", None, "آشپزی افغانی بلدم و می‌توانم در جشن محله غذا درست کنم.",
         "Ich kann afghanisch kochen und beim Stadtteilfest Essen zubereiten."),
    ],
}

# Short answers to "Where in your district do you like to be?" (may repeat, like real place names do).
# German entries may be tied to a district.
GOOD_PLACES = {
    "de": [("Stadtpark", None), ("Der Stadtpark am Wasser", None), ("Bücherei in der Altstadt", "Altstadt"),
           ("Seniorentreff Eichberg", "Eichberg"), ("Auf dem Markt am Samstag", None),
           ("Spielplatz Mühlenweg", "Nordstadt"), ("Jugendzentrum Nordstadt", "Nordstadt"),
           ("Beim TuS Lindenhof", "Lindenhof"), ("Auf den Treppen am Hafenbecken", "Am Hafen"),
           ("Kleingarten", None), ("Café Mittendrin", "Altstadt"), ("Eigentlich nirgends mehr", None),
           ("Kirchencafé St. Marien", None), ("Im Freibad", None), ("Familienzentrum Am Hafen", "Am Hafen"),
           ("Auf der Bank vor dem Edeka", "Eichberg"), ("bei meiner Tochter", None), ("Schwimmhalle", None),
           ("Stadtteilbibliothek Nordstadt", "Nordstadt"), ("Am See im Lindenhof", "Lindenhof")],
    "tr": ["Stadtpark", "Cuma günleri camide", "Pazarda", "Hafen'deki çay ocağında", "Mühlenweg'deki çocuk parkı",
           "Aile merkezindeki kadın kahvaltısında", "Lindenhof'taki yürüyüş yolu"],
    "ar": ["الحديقة الكبيرة قرب النهر", "المسجد", "المكتبة", "ملعب الأطفال", "مركز العائلة في حي الميناء",
           "السوق يوم السبت"],
    "en": ["The riverside park", "The library café", "Saturday market", "The climbing wall at the youth centre",
           "My allotment"],
    "ru": ["Парк у реки", "Библиотека", "Рынок по субботам", "Церковь", "Скамейка у дома"],
    "uk": ["Парк біля річки", "Бібліотека, там є розмовний клуб", "Дитячий майданчик",
           "Українська недільна школа"],
    "pl": ["Park nad rzeką", "Kościół św. Marii", "Basen", "Ogródek działkowy"],
    "fa": ["پارک کنار رودخانه", "کتابخانه", "زمین فوتبال", "کلاس زبان در مرکز خانواده"],
}

# ---------------------------------------------------------------------------------------------------------
# Focus-group sessions (aggregate composition only, never names of participants)
# ---------------------------------------------------------------------------------------------------------

FOCUS_GROUP_SESSIONS = [
    {
        "held_days_ago": 34,
        "place": "Seniorentreff Eichberg",
        "moderator": "Katrin Brandt (Quartiersmanagement Eichberg)",
        "participant_count": 11,
        "composition": {"Ältere Menschen": 9, "Menschen, die Angehörige pflegen": 2},
        "language": "de",
        "items": [
            {"question": "fg_everyday", "kind": "note", "text": "Einkaufen ist für viele das größte Problem, seit "
             "der Supermarkt an der Eichbergstraße geschlossen hat. Mehrere fahren mit dem Bus zum Markt in der "
             "Altstadt – abends und sonntags fährt aber kaum etwas."},
            {"question": "fg_everyday", "kind": "quote", "text": "Ohne meinen Nachbarn, der mich zum Einkaufen "
             "mitnimmt, wüsste ich nicht, wie ich das machen soll."},
            {"question": "fg_health", "kind": "note", "text": "Drei Teilnehmende haben keinen Hausarzt mehr im "
             "Stadtteil. Wartezeiten beim Facharzt drei bis sechs Monate. Ein Fahrdienst zum Arzt wird gewünscht."},
            {"question": "fg_health", "kind": "quote", "text": "Beim Arzt hängen Sie eine halbe Stunde in der "
             "Warteschleife. Und dann heißt es: Buchen Sie online."},
            {"question": "fg_meeting", "kind": "note", "text": "Einsamkeit wird offen angesprochen. Besonders "
             "Männer kommen nach dem Tod der Partnerin kaum noch raus. Der frühere Mittagstisch in der Kirche wird "
             "vermisst."},
            {"question": "fg_meeting", "kind": "quote", "text": "Hier im Treff sind immer dieselben zwölf. Die, "
             "die wirklich allein sind, erreichen wir nicht."},
            {"question": "fg_info", "kind": "note", "text": "Informationen kommen über das Gemeindeblatt und den "
             "Aushang im Treff. Nur 4 von 11 nutzen regelmäßig das Internet; Wunsch nach einer Handy-Sprechstunde."},
            {"question": "fg_info", "kind": "quote", "text": "Wenn es nur noch im Internet steht, dann bin ich "
             "draußen."},
            {"question": "fg_ideas", "kind": "note", "text": "Ideen: Telefonkette, Mittagstisch für Alt und Jung "
             "mit der Kita nebenan, Bänke im Schatten auf dem Weg zur Haltestelle, Fahrdienst mit Ehrenamtlichen."},
            {"question": "fg_ideas", "kind": "quote", "text": "Ich kann noch gut zuhören. Das können viele Junge "
             "nicht mehr – das wäre doch was."},
        ],
    },
    {
        "held_days_ago": 21,
        "place": "Familienzentrum Am Hafen (Abendrunde mit Kinderbetreuung)",
        "moderator": "Selin Aydın (Familienzentrum Am Hafen)",
        "participant_count": 9,
        "composition": {"Familien mit Kindern": 5, "Alleinerziehende Mütter und Väter": 2,
                        "Menschen, die neu in Auenstadt sind": 2},
        "language": "de",
        "items": [
            {"question": "fg_everyday", "kind": "note", "text": "Runde von 18 bis 19:30 Uhr, Flüsterübersetzung "
             "Türkisch und Arabisch durch zwei Stadtteilmütter. Hauptthemen: enge Wohnungen, fehlende Kita-Plätze, "
             "Lärm und Dealen am Hafenplatz."},
            {"question": "fg_everyday", "kind": "quote", "text": "Wir haben drei Kinder in einem Zimmer. "
             "Hausaufgaben machen sie am Küchentisch, wenn ich koche."},
            {"question": "fg_health", "kind": "note", "text": "Lange Wartezeiten beim Kinderarzt, die Notaufnahme "
             "wird als Ersatz genutzt. Mehrere Eltern wünschen eine Kinderärztin, die Türkisch oder Arabisch "
             "spricht, oder Dolmetscher in der Praxis."},
            {"question": "fg_health", "kind": "quote", "text": "Meine Tochter übersetzt beim Arzt für mich. Sie ist "
             "neun. Das ist nicht richtig."},
            {"question": "fg_meeting", "kind": "note", "text": "Der Spielplatz am Hafenplatz wird abends gemieden. "
             "Das Familienzentrum ist der wichtigste Treffpunkt, hat aber nur bis 16 Uhr geöffnet."},
            {"question": "fg_meeting", "kind": "quote", "text": "Hier habe ich meine erste deutsche Freundin "
             "gefunden. Vorher kannte ich niemanden."},
            {"question": "fg_info", "kind": "note", "text": "Informationen laufen über WhatsApp-Gruppen der "
             "Kita-Eltern und über die Moscheegemeinde. Briefe der Ämter werden oft nicht verstanden; Termine im "
             "Bürgerbüro gibt es nur online."},
            {"question": "fg_ideas", "kind": "note", "text": "Ideen: Elterncafé am Samstag, Sprachcafé mit "
             "Kinderbetreuung, eine Lotsin für Anträge im Familienzentrum. Eltern bieten an: übersetzen, kochen "
             "für Feste, neue Familien begleiten."},
            {"question": "fg_ideas", "kind": "quote", "text": "Wir wollen nicht nur fragen, wir wollen auch "
             "helfen. Aber jemand muss den Raum aufschließen."},
        ],
    },
    {
        "held_days_ago": 9,
        "place": "Jugendzentrum Nordstadt (Samstagnachmittag)",
        "moderator": "Jonas Weber (Jugendzentrum Nordstadt)",
        "participant_count": 8,
        "composition": {"Jugendliche und junge Erwachsene": 8},
        "language": "de",
        "items": [
            {"question": "fg_everyday", "kind": "note", "text": "Die Jugendlichen (14 bis 21 Jahre) nennen fehlende "
             "Orte, an denen man nichts kaufen muss, frühe Schließzeiten des Jugendzentrums und den letzten Bus "
             "um 22:40 Uhr."},
            {"question": "fg_everyday", "kind": "quote", "text": "Am Wochenende ist hier alles zu. Dann stehen wir "
             "halt an der Tanke."},
            {"question": "fg_health", "kind": "note", "text": "Stress durch Schule und Angst vor der Zukunft werden "
             "oft genannt. Die Schulsozialarbeit ist bekannt, aber überlastet. Wunsch nach anonymer Beratung per "
             "Chat."},
            {"question": "fg_health", "kind": "quote", "text": "Wenn du sagst, dir geht's nicht gut, kriegst du "
             "einen Flyer. Und dann wartest du ein Jahr."},
            {"question": "fg_meeting", "kind": "note", "text": "Gewünscht: Bolzplatz mit Licht, überdachter "
             "Treffpunkt, ein Raum für Musik. Ältere Nachbarn beschweren sich über Lärm – Idee: ein gemeinsames "
             "Treffen mit ihnen."},
            {"question": "fg_info", "kind": "note", "text": "Infos kommen über Instagram und TikTok, nicht über die "
             "Seite der Stadt. Ausbildungsmessen sind bekannt, aber die Jugendlichen fühlen sich dort nicht "
             "angesprochen."},
            {"question": "fg_info", "kind": "quote", "text": "Ich hab 40 Bewerbungen geschrieben. Niemand hat mir "
             "gesagt, was ich falsch mache."},
            {"question": "fg_ideas", "kind": "note", "text": "Angebote der Jugendlichen: Handy-Hilfe für ältere "
             "Menschen, Fußballtraining für Jüngere, Graffiti-Projekt in der Unterführung (mehr Licht, weniger "
             "Angst)."},
            {"question": "fg_ideas", "kind": "quote", "text": "Gebt uns eine Wand und Farbe, dann ist die "
             "Unterführung nicht mehr so gruselig."},
        ],
    },
]

# ---------------------------------------------------------------------------------------------------------
# Tables that shape the generated responses
# ---------------------------------------------------------------------------------------------------------

RESPONSES_PER_LANGUAGE = {"de": 109, "tr": 26, "ar": 22, "en": 12, "ru": 9, "uk": 9, "pl": 6, "fa": 7}

AGE_BANDS = {"u18": (14, 17), "18_29": (18, 29), "30_49": (30, 49), "50_64": (50, 64), "65_79": (65, 79),
             "80plus": (80, 93), "na": (25, 70)}
#                 u18 18_29 30_49 50_64 65_79 80plus na
AGE_WEIGHTS = {"de": (4, 13, 30, 19, 21, 8, 5),
               "tr": (4, 20, 38, 18, 14, 3, 3),
               "ar": (5, 30, 45, 12, 4, 1, 3),
               "en": (0, 40, 50, 8, 2, 0, 0),
               "ru": (0, 10, 25, 20, 35, 10, 0),
               "uk": (3, 20, 50, 15, 10, 2, 0),
               "pl": (0, 35, 50, 15, 0, 0, 0),
               "fa": (5, 45, 40, 8, 2, 0, 0)}
NEWCOMER_SHARE = {"de": 0.1, "tr": 0.15, "ar": 0.75, "en": 0.7, "ru": 0.2, "uk": 0.95, "pl": 0.5, "fa": 0.85}
CHILDREN_SHARE = {"u18": 0.55, "18_29": 0.3, "30_49": 0.7, "50_64": 0.25, "65_79": 0.03, "80plus": 0.0,
                  "na": 0.4}
#                    Altstadt Am Hafen Nordstadt Lindenhof Eichberg
DISTRICT_WEIGHTS = {"de": (22, 16, 20, 24, 18),
                    "tr": (8, 30, 35, 7, 20),
                    "ar": (5, 40, 40, 5, 10),
                    "en": (40, 20, 10, 25, 5),
                    "ru": (5, 10, 15, 5, 65),
                    "uk": (10, 35, 30, 10, 15),
                    "pl": (10, 40, 30, 5, 15),
                    "fa": (5, 40, 45, 5, 5)}

# How strongly a profile pulls answers of a theme towards itself (added to a base weight of 1).
AFFINITY = {
    "old": {"loneliness": 3, "bus": 2.5, "doctors": 2, "digital": 2.5, "heat_green": 1.5, "safety": 1,
            "visiting": 2, "reading": 1, "knowledge": 1, "driving": 2, "garden": 1, "music": 1},
    "young": {"playgrounds_youth": 3, "jobs": 3, "mental_health": 2.5, "safety": 1, "bus": 1.5,
              "sports": 2, "digital_help": 2.5, "homework_help": 2},
    "children": {"playgrounds_youth": 3, "childcare": 3.5, "child_poverty": 3, "heat_green": 1, "doctors": 1,
                 "childcare_help": 1.5, "cooking": 1, "reading": 1},
    "newcomer": {"language": 4, "authorities": 3.5, "housing": 2, "jobs": 1.5, "translating": 2},
    "single_parent": {"childcare": 2, "child_poverty": 2, "housing": 1.5, "authorities": 1},
    "caregiver": {"doctors": 2.5, "mental_health": 2, "authorities": 1.5, "visiting": 1},
}
DISTRICT_AFFINITY = {
    "Altstadt": {"heat_green": 2, "housing": 1},
    "Am Hafen": {"housing": 3, "safety": 3, "child_poverty": 1},
    "Nordstadt": {"child_poverty": 1.5, "playgrounds_youth": 1, "language": 1},
    "Lindenhof": {"childcare": 2},
    "Eichberg": {"bus": 2.5, "loneliness": 1.5, "doctors": 1},
}
LANGUAGE_AFFINITY = {"ar": {"language": 2, "authorities": 2}, "fa": {"language": 2, "authorities": 2},
                     "uk": {"authorities": 1}, "tr": {"doctors": 0.5}}

THEME_TO_PRIORITY = {"child_poverty": "school_help", "childcare": "childcare", "playgrounds_youth": "playgrounds",
                     "doctors": "doctors", "mental_health": "doctors", "loneliness": "meeting",
                     "housing": "housing", "bus": "bus", "safety": "safety", "language": "language",
                     "authorities": "offices", "jobs": "jobs", "heat_green": "green", "digital": "digital"}

OPEN_QUESTIONS = (("support_missing", SUPPORT_MISSING), ("contact_person", CONTACT_PERSON),
                  ("contribute", CONTRIBUTE))


# ---------------------------------------------------------------------------------------------------------
# Generator
# ---------------------------------------------------------------------------------------------------------

def _entry(question, language, item):
    """Normalise one pool tuple into a dict."""
    theme, hint, text = item[:3]
    return {"question": question, "language": language, "theme": theme, "hint": hint or "", "text": text,
            "text_de": item[3] if len(item) > 3 else None}


def free_text_pool():
    """All written free-text answers with their theme (human coding) and German translation if any."""
    return [_entry(question, language, item)
            for question, pool in OPEN_QUESTIONS for language, items in pool.items() for item in items]


def _profile(rng, language):
    """One respondent: age, household, district, life situation and channel, plausibly related."""
    age_band = rng.choices(list(AGE_BANDS), weights=AGE_WEIGHTS[language])[0]
    low, high = AGE_BANDS[age_band]
    age = rng.randint(low, high)
    newcomer = rng.random() < NEWCOMER_SHARE[language]
    children = rng.random() < CHILDREN_SHARE[age_band] + (0.1 if language in ("tr", "ar", "fa") else 0)
    years = rng.randint(0, 3) if newcomer else rng.randint(4, max(4, min(age, 70)))
    district = None
    if rng.random() > 0.06:
        district = rng.choices(PROCESS["districts"], weights=DISTRICT_WEIGHTS[language])[0]
    old = age_band in ("65_79", "80plus")
    parent = children and age_band in ("18_29", "30_49", "50_64", "na")
    choices = {"tg0": 5 if parent else 0, "tg1": 1.3 if parent else 0,
               "tg2": 4 if age_band in ("u18", "18_29") else 0,
               "tg3": 6 if old else (0.3 if age_band == "50_64" else 0),
               "tg4": 3.5 if newcomer else 0,
               "tg5": {"30_49": 0.4, "50_64": 1.5, "65_79": 0.8}.get(age_band, 0),
               "none": 1.0, None: 0.3}
    codes = [code for code, weight in choices.items() if weight]
    life_situation = rng.choices(codes, weights=[choices[code] for code in codes])[0]

    if language in ("ru", "uk", "pl", "fa"):
        channel = "peer_interview" if rng.random() < 0.65 else "online"
    else:
        roll = rng.random()
        if language in ("tr", "ar"):
            channel = "peer_interview" if roll < 0.1 else "paper" if roll < 0.15 else "online"
        elif language == "de" and old:
            channel = "paper" if roll < 0.22 else "peer_interview" if roll < 0.26 else "online"
        elif language == "de":
            channel = "paper" if roll < 0.015 else "peer_interview" if roll < 0.03 else "online"
        else:
            channel = "online"
    return {"language": language, "age_band": age_band, "age": age, "newcomer": newcomer, "children": children,
            "years": years, "district": district, "life_situation": life_situation, "old": old,
            "young": age_band in ("u18", "18_29"), "channel": channel, "texts": {}}


def _fits(profile, hint):
    """Whether a text with this hint could plausibly come from this person."""
    checks = {
        "k": profile["children"],
        "o": profile["old"],
        "y": profile["young"],
        "n": profile["newcomer"] or profile["life_situation"] == "tg4",
        "w": profile["age_band"] in ("18_29", "30_49", "50_64", "na"),
        "c": profile["life_situation"] == "tg5" or (
            profile["age_band"] in ("30_49", "50_64", "65_79") and profile["life_situation"] in (None, "none", "tg3")),
    }
    return all(checks[letter] for letter in hint)


def _affinity(profile):
    """Theme weights that a profile adds on top of the base weight."""
    result = defaultdict(float)
    parts = [AFFINITY[key] for key in ("old", "young", "children", "newcomer") if profile[key]]
    if profile["life_situation"] == "tg1":
        parts.append(AFFINITY["single_parent"])
    if profile["life_situation"] == "tg5":
        parts.append(AFFINITY["caregiver"])
    parts.append(DISTRICT_AFFINITY.get(profile["district"], {}))
    parts.append(LANGUAGE_AFFINITY.get(profile["language"], {}))
    for part in parts:
        for theme, weight in part.items():
            result[theme] += weight
    return result


def _assign_texts(rng, profiles):
    """Give every pool text to exactly one plausible respondent of its language (most constrained first)."""
    by_language = defaultdict(list)
    for profile in profiles:
        by_language[profile["language"]].append(profile)
    for question, pool in OPEN_QUESTIONS:
        for language in sorted(pool):
            entries = [_entry(question, language, item) for item in pool[language]]
            rng.shuffle(entries)
            entries.sort(key=lambda entry: -len(entry["hint"]))
            for entry in entries:
                candidates = [p for p in by_language[language]
                              if question not in p["texts"] and _fits(p, entry["hint"])]
                if not candidates:
                    continue
                weights = []
                for p in candidates:
                    weight = 1 + p["affinity"][entry["theme"]]
                    weight *= {"peer_interview": 3, "paper": 0.7}.get(p["channel"], 1)
                    if p["texts"]:
                        weight *= 1.8  # people who write once tend to write again
                    if p["channel"] == "peer_interview" and entry["text_de"]:
                        weight *= 3
                    weights.append(weight)
                rng.choices(candidates, weights=weights)[0]["texts"][question] = entry


def _children_ages(rng, profile):
    """Age bands of the children, consistent with the respondent's age and texts."""
    bands = {"u18": {"6_10": 1, "11_17": 2}, "18_29": {"0_2": 4, "3_5": 3, "6_10": 1},
             "50_64": {"6_10": 1, "11_17": 4}}.get(profile["age_band"], {"0_2": 2, "3_5": 2, "6_10": 3, "11_17": 3})
    codes = list(bands)
    wanted = 2 if rng.random() < 0.4 else 1
    chosen = set()
    while len(chosen) < wanted:
        chosen.add(rng.choices(codes, weights=[bands[c] for c in codes])[0])
    themes = {entry["theme"] for entry in profile["texts"].values()}
    if "childcare" in themes and not chosen & {"0_2", "3_5"}:
        chosen.add(rng.choice(["0_2", "3_5"]))
    if "child_poverty" in themes and not chosen & {"6_10", "11_17"}:
        chosen.add("6_10")
    return [code for code in ("0_2", "3_5", "6_10", "11_17") if code in chosen]


def _priorities(rng, profile):
    """Up to three of the priority options, pulled by profile and by what the person wrote."""
    weights = defaultdict(lambda: 1.0)
    for theme, weight in profile["affinity"].items():
        if theme in THEME_TO_PRIORITY:
            weights[THEME_TO_PRIORITY[theme]] += weight
    for entry in profile["texts"].values():
        if entry["theme"] in THEME_TO_PRIORITY:
            weights[THEME_TO_PRIORITY[entry["theme"]]] += 8
    codes = [option["code"] for option in _SECTION_EVERYDAY["questions"][0]["options"]]
    count = rng.choices((1, 2, 3), weights=(2, 3, 5))[0]
    chosen = []
    while len(chosen) < count:
        remaining = [code for code in codes if code not in chosen]
        chosen.append(rng.choices(remaining, weights=[weights[code] for code in remaining])[0])
    return [code for code in codes if code in chosen]


def _supported(rng, profile):
    """The 1-5 scale: most answer 3 or 4; newcomers and people with pressing needs lower."""
    value = rng.choices((1, 2, 3, 4, 5), weights=(8, 20, 34, 28, 10))[0]
    themes = {entry["theme"] for entry in profile["texts"].values()}
    strained = profile["newcomer"] or profile["life_situation"] in ("tg1", "tg5") or themes & {
        "authorities", "housing", "mental_health", "loneliness"}
    if strained and rng.random() < 0.4:
        value -= 1
    if profile["district"] == "Lindenhof" and rng.random() < 0.2:
        value += 1
    return min(5, max(1, value))


def _good_place(rng, profile):
    """A short answer about a favourite place, if the person gives one."""
    if rng.random() > (0.6 if profile["channel"] == "peer_interview" else 0.4):
        return None
    places = GOOD_PLACES[profile["language"]]
    if profile["language"] == "de":
        places = [name for name, district in places if district in (None, profile["district"])]
    return rng.choice(places)


def _days_ago(rng, channel):
    """Online answers peak at launch (day 60) and after the flyer campaign; paper and interviews later."""
    if channel == "paper":
        return rng.randint(18, 50)
    if channel == "peer_interview":
        return rng.randint(2, 42)
    roll = rng.random()
    if roll < 0.4:
        return rng.randint(48, 60)
    if roll < 0.65:
        return rng.randint(24, 34)
    return rng.randint(0, 60)


def responses(seed: int = 2027) -> list[dict]:
    """About 200 online, paper and peer-interview responses; the same seed gives the same list."""
    rng = random.Random(seed)
    profiles = []
    for language, count in RESPONSES_PER_LANGUAGE.items():
        for _ in range(count):
            profile = _profile(rng, language)
            profile["affinity"] = _affinity(profile)
            profiles.append(profile)
    _assign_texts(rng, profiles)

    result = []
    for profile in profiles:
        answers = {}
        if profile["district"]:
            answers["district"] = profile["district"]
        if profile["life_situation"]:
            answers["life_situation"] = profile["life_situation"]
        answers["age_band"] = profile["age_band"]
        if rng.random() < (0.75 if profile["channel"] == "paper" else 0.9):
            answers["years_in_district"] = profile["years"]
        answers["children_household"] = profile["children"]
        if profile["children"] and rng.random() < 0.95:
            answers["children_ages"] = _children_ages(rng, profile)
        if rng.random() < 0.93:
            answers["priorities"] = _priorities(rng, profile)
        answers["supported_scale"] = _supported(rng, profile)
        place = _good_place(rng, profile)
        if place:
            answers["good_place"] = place
        translations = {}
        for question, _pool in OPEN_QUESTIONS:
            entry = profile["texts"].get(question)
            if entry is None:
                continue
            answers[question] = entry["text"]
            if (profile["channel"] == "peer_interview" and profile["language"] != "de" and entry["text_de"]
                    and rng.random() < 0.9):
                translations[question] = entry["text_de"]
        situation = profile["life_situation"]
        result.append({
            "channel": profile["channel"],
            "language": profile["language"],
            "district": profile["district"],
            "target_group": PROCESS["target_groups"][int(situation[2:])] if situation and situation != "none"
            else None,
            "days_ago": _days_ago(rng, profile["channel"]),
            "consent": True,
            "answers": answers,
            "translations_de": translations,
        })
    rng.shuffle(result)
    result.sort(key=lambda response: -response["days_ago"])
    return result


def focus_group_sessions() -> list[dict]:
    """The recorded focus-group sessions (copies, so callers may change them)."""
    return [dict(session, composition=dict(session["composition"]), items=[dict(i) for i in session["items"]])
            for session in FOCUS_GROUP_SESSIONS]
