"""Finding personal data in free-text answers, in the eight resident languages.

Residents leave contact details, addresses and names in comments; planners must not see them and they must
not become theme keywords or labels. `find_personal_data` returns character spans (so the benchmark can
measure recall and precision); `mask_personal_data` replaces them by visible placeholders, and
`strip_personal_data` removes them from text that feeds the analysis.
"""

import re
from dataclasses import dataclass

from .first_names import is_first_name

PLACEHOLDERS = {"url": "[URL]", "email": "[E-Mail]", "iban": "[IBAN]", "phone": "[Telefon]",
                "address": "[Adresse]", "handle": "[Profil]", "name": "[Name]"}
# When spans of two kinds overlap, the merged span is called after the kind listed first.
KIND_ORDER = ("url", "email", "iban", "handle", "phone", "address", "name")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


# ---------------------------------------------------------------------------------------- contact details

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+"
                  r"|(?<![\w@.-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,6}\.(?:com|de|org|net|eu|info|me|ru|ua|pl|tr|ir|io)/[^\s<>\"']+",
                  re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}", re.UNICODE)
_TLD = r"(?:de|com|org|net|eu|info|at|ch|tr|ru|ua|pl|ir|io|me|biz|edu|co|uk|nl|fr|it|es)"
_OBFUSCATED_AT = (r"(?:\s*[(\[{<]\s*(?i:at|ät|@|аt|эт)\s*[)\]}>]\s*|\s+(?i:at|ät)\s+|\s*@\s+|\s+@\s*|"
                  r"\s*(?i:\(at\)|\[at\]))")
_OBFUSCATED_DOT = (r"(?:\s*[(\[{<]\s*(?i:dot|punkt|point|nokta|kropka|точка|крапка)\s*[)\]}>]\s*|"
                   r"\s+(?i:dot|punkt|nokta|kropka)\s+|\s*\.\s*)")
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]{{1,64}}(?:\s+(?i:dot|punkt)\s+[\w+-]{{1,64}}){{0,3}}{_OBFUSCATED_AT}[\w-]{{1,63}}"
    rf"(?:{_OBFUSCATED_DOT}[\w-]{{1,63}}){{0,4}}?{_OBFUSCATED_DOT}{_TLD}(?![\w])")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
# A phone number: optional +country or leading 0, then at least 6 digits in groups separated by spaces,
# slashes, dots, dashes or brackets.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d ()/.\-]{5,}\d(?!\w)")
_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}")
# ISO dates (2025-03-14) look like phone numbers; they are hidden from the phone pattern.
_ISO_DATE = re.compile(r"(?<![\d-])\d{4}-\d{1,2}-\d{1,2}(?![\d-])")
_HANDLE = re.compile(r"(?<![\w@.+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
_HANDLE_AFTER_NETWORK = re.compile(
    r"(?<!\w)(?i:instagram|insta|telegram|tiktok|snapchat|twitter|facebook|discord|youtube|linkedin|mastodon|"
    r"инстаграм|інстаграм|телеграм)\s*(?::|-|：)?\s*(?:[^\W\d_]+\s+){0,2}?"
    r"@?((?=[\w.]*[._\d])(?=[\w.]*[^\W\d_])[\w.]{3,30}(?<!\.)|(?<=[:：]\s)[\w.]{3,30}|(?<=[:：])[\w.]{3,30})")


_TIME_RANGE = re.compile(r"\d{1,2}[.:]\d{2}\s*-\s*\d{1,2}[.:]\d{2}")
_AMOUNT_AFTER = re.compile(r"\s*(?:€|\$|(?i:euro|eur|euros|dollars?|lira|tl|zł|złotych|руб|грн|rubel)\b)")
_THOUSANDS = re.compile(r"\d{1,3}(?:[ .]\d{3})+")


def _looks_like_phone(match: re.Match, text: str) -> bool:
    """Dates, times, years and amounts also match the loose phone pattern; require 7+ digits and none of
    those (an amount is a number in groups of three followed by a currency)."""
    candidate = match.group(0).strip()
    if sum(ch.isdigit() for ch in candidate) < 7 or _DATE.fullmatch(candidate) or _TIME_RANGE.fullmatch(candidate):
        return False
    return not (_THOUSANDS.fullmatch(candidate) and _AMOUNT_AFTER.match(text, match.end()))


def _contact_spans(text: str) -> list[Span]:
    spans = [Span(*m.span(), "url") for m in _URL.finditer(text)]
    spans += [Span(*m.span(), "email") for m in _EMAIL.finditer(text)]
    spans += [Span(*m.span(), "email") for m in _OBFUSCATED_EMAIL.finditer(text)]
    spans += [Span(*m.span(), "iban") for m in _IBAN.finditer(text)]
    without_dates = _ISO_DATE.sub(lambda m: "\ue000" * len(m.group(0)), text)
    spans += [Span(*m.span(), "phone") for m in _PHONE.finditer(without_dates) if _looks_like_phone(m, text)]
    spans += [Span(*m.span(), "handle") for m in _HANDLE.finditer(text)]
    spans += [Span(*m.span(1), "handle") for m in _HANDLE_AFTER_NETWORK.finditer(text)]
    return spans


# ------------------------------------------------------------------------------------------ street addresses

_UPPER = "A-ZÄÖÜÇŞĞİÉÀÈŁŚŻŹ"
_LOWER = "a-zäöüßçşğıéèàáíóúñąćęłńóśźż"
_STREET_WORDS = (r"stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|ring|damm|ufer|steig|pfad|chaussee|markt|"
                 r"promenade|hof|berg|graben|kamp|wall|twiete|zeile")
_HOUSE_NUMBER = r"\s?\d{1,3}(?!\d)(?:\s?[a-zA-Z](?!\w))?(?:\s?[-/]\s?\d{1,3}(?!\d))?"
_STREET_NOUN = r"(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Chaussee|Promenade|Steig|Pfad)"
_POSTCODE_CITY = rf"(?:,?\s\d{{5}}\s[{_UPPER}][{_LOWER}-]+)?"
_CYRILLIC_WORD = r"[А-ЯЁІЇЄҐа-яёіїєґ'’.-]+"
_ARABIC_WORD = r"[\u0600-\u06FF\u200c]+"
_ARABIC_DIGITS = r"[\d٠-٩۰-۹]{1,4}"
ADDRESS = re.compile(
    # Hauptstraße 12, Lindenweg 4a, Karl-Marx-Allee 100, Goethestr. 7 (, 12345 Beispielstadt)
    rf"\b[{_UPPER}][\w-]*?(?i:{_STREET_WORDS})(?=[\s\d]){_HOUSE_NUMBER}{_POSTCODE_CITY}"
    # Berliner Str. 5, Alte Gasse 3
    rf"|\b[{_UPPER}][{_LOWER}]+\s{_STREET_NOUN}{_HOUSE_NUMBER}{_POSTCODE_CITY}"
    # Am Hang 5, In der Aue 2
    rf"|\b(?:Am|An der|Auf dem|Im|In der|Zum|Zur)\s[{_UPPER}][{_LOWER}-]+{_HOUSE_NUMBER}(?=\s|[,.;:!?)]|$)"
    # 221b Baker Street, 12 Main St., Baker Street 5
    rf"|\b(?:(?:Flat|Apt\.?|Apartment|Unit)\s\d{{1,4}}[a-z]?,?\s)?\d{{1,4}}[a-z]?\s(?:[A-Z][a-z]+\s){{1,2}}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Way)"
    rf"|\b[A-Z][a-z]+\s(?:Street|Road|Avenue|Lane)\s\d{{1,4}}[a-z]?\b"
    # Turkish: Atatürk Caddesi No: 5, Gül Sokak No 12, Çiçek Sok. 7
    rf"|\b(?:[{_UPPER}][{_LOWER}]+\s(?:Mahallesi|Mah\.),?\s)?[{_UPPER}][{_LOWER}]+\s(?:Caddesi|Cad\.|Cd\.|Sokak|Sokağı|Sok\.|Sk\.|Mahallesi|Bulvarı)\s?"
    rf"(?:No\s?[:.]?\s?)?\d{{1,4}}"
    # Polish: ul. Długa 5, ulica Marszałkowska 12/3, al. Jerozolimskie 3
    rf"|(?<!\w)(?i:ul\.|ulica|ulicy|al\.|aleja|alei|os\.|osiedle|pl\.|plac)\s?[{_UPPER}][{_LOWER}.-]*"
    rf"(?:\s[{_UPPER}][{_LOWER}-]*){{0,2}}\s\d{{1,4}}[a-zA-Z]?(?:\s?/\s?\d{{1,4}})?"
    # Russian and Ukrainian: ул. Ленина, д. 5; вулиця Хрещатик 22, кв. 7
    rf"|(?<![\w])(?i:ул\.|улица|улице|вул\.|вулиця|вулиці|просп\.|проспект|пр-т|пер\.|переулок|провулок|"
    rf"бульвар|б-р|пл\.|площадь|площа)\s?{_CYRILLIC_WORD}(?:\s{_CYRILLIC_WORD}){{0,2}}?,?\s?"
    rf"(?:(?i:д\.|дом|буд\.|будинок)\s?)?\d{{1,4}}[а-яa-z]?(?:\s?/\s?\d{{1,4}})?"
    rf"(?:,?\s?(?i:кв\.|квартира)\s?\d{{1,4}})?"
    # Arabic: شارع الملك فهد 12, شارع النيل رقم 5
    rf"|(?:شارع|ش\.|طريق|جادة)\s{_ARABIC_WORD}(?:\s{_ARABIC_WORD}){{0,2}}?\s?[،,]?\s?"
    rf"(?:(?:رقم|بناية|مبنى)\s?)?{_ARABIC_DIGITS}"
    # Persian: خیابان آزادی، کوچه ۵، پلاک ۱۲
    rf"|(?:خیابان|خ\.|کوچه|بلوار|میدان)\s{_ARABIC_WORD}(?:[\s،,]+{_ARABIC_WORD}){{0,4}}?[\s،,]*"
    rf"(?:پلاک|پ\.)\s?{_ARABIC_DIGITS}",
    re.UNICODE)


# -------------------------------------------------------------------------------------------------- names

_NAME_WORD = rf"[{_UPPER}][{_LOWER}'’-]+"
_ANY_WORD = r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*"
_CYRILLIC_NAME = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+"
# Forms of address and signatures after which a personal name follows. The cue stays, the name is masked.
NAME_CUES = (
    # de
    r"(?:[Hh]err(?:n)?|[Ff]rau|[Gg]ez\.|[Gg]ru(?:ß|ss)\s*,?|[Gg]rüße\s*,?|[Uu]nterschrift:?|LG,?|VG,?|MfG,?)"
    rf"\s+(?:(?:Dr|Prof)\.\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD})?)",
    # en
    rf"(?:Mr\.?|Mrs\.?|Ms\.?|Miss|[Rr]egards,?|[Cc]heers,?)\s+(?:(?:Dr|Prof)\.\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD})?)",
    # tr: "Bay/Bayan X", "Sayın X"; after the name: "Ayşe Hanım", "Mehmet Bey"
    rf"(?:Bay|Bayan|Sayın)\s+({_NAME_WORD}(?:\s+{_NAME_WORD})?)",
    rf"(?<![\w])({_NAME_WORD})(?=\s+(?:Hanım|Bey)\b)",
    # pl
    rf"(?:[Pp]an(?:i)?|[Pp]ozdrawiam,?)\s+({_NAME_WORD}(?:\s+{_NAME_WORD})?)",
    # ru / uk: "с уважением, Ольга"
    rf"(?:[Сс]\s+уважением,?|[Зз]\s+повагою,?)\s+({_CYRILLIC_NAME}(?:\s+{_CYRILLIC_NAME})?)",
)
NAMES = [re.compile(pattern, re.UNICODE) for pattern in NAME_CUES]
# Self-introductions whose next words are a name, whatever their case ("mein name ist anna müller").
INTRODUCTION = re.compile(
    r"(?<![\w])(?i:ich\s+hei(?:ß|ss)e|mein\s+name\s+ist|mein\s+name\s*:|my\s+name\s+is|my\s+name's|name\s*:|"
    r"i'm\s+called|call\s+me|benim\s+ad[ıi]m|ad[ıi]m|ismim|benim\s+ismim|nazywam\s+się|mam\s+na\s+imię|"
    r"меня\s+зовут|моё\s+имя|мое\s+имя|мене\s+звати|моє\s+ім'я|моє\s+ім’я)"
    r"(?:\s*[:,-])?\s+"
    rf"({_ANY_WORD}(?:\s+{_ANY_WORD})?)", re.UNICODE)
INTRODUCTION_RTL = re.compile(
    rf"(?:اسمي|إسمي|اسم\s+من|نام\s+من|أنا\s+اسمي)\s*[:،]?\s*({_ARABIC_WORD}(?:\s+{_ARABIC_WORD})?)")
# Weak cues ("ich bin …", "I'm …", "ben …", "jestem …", "я …", "أنا …", "من … هستم"): a name only when the
# next word is a known first name.
WEAK_INTRODUCTION = re.compile(
    r"(?<![\w])(?i:ich\s+bin|hier\s+ist|hier\s+schreibt|i\s+am|i'm|this\s+is|ben|jestem|tu\s+jest|я|это|"
    r"це|أنا|انا|هذا|من)\s+"
    rf"({_ANY_WORD})((?:\s+{_ANY_WORD})?)", re.UNICODE)
# Words after a cue that are not names (and end a name).
NOT_NAMES = {
    "bürgermeisterin", "bürgermeister", "mutter", "vater", "oma", "opa", "doktor", "ärztin", "arzt",
    "lehrerin", "lehrer", "nachbarin", "nachbar", "stadt", "verwaltung", "kollegin", "kollege", "erzieherin",
    "erzieher", "sozialarbeiterin", "sozialarbeiter", "mitarbeiterin", "mitarbeiter", "einzige", "einzigen",
    "neue", "neuen", "alte", "älteste", "jüngste", "meinung", "the", "a",
    # words that end a name after a self-introduction
    "und", "and", "ve", "i", "и", "і", "та", "و", "ich", "bin", "habe", "wohne", "komme", "aus", "seit", "von",
    "in", "im", "mit", "nicht", "egal", "unwichtig", "geheim", "is", "am", "from", "live", "have", "not",
    "ben", "ve", "ile", "jestem", "mam", "mieszkam", "z", "я", "живу", "из", "з", "не", "hier", "here",
    "bir", "mein", "meine", "my", "sind", "ist", "war", "wir", "we", "jahre", "years", "yaşında", "lat",
    "است", "هستم", "هست", "در", "از", "في", "فى", "من", "عمري", "أنا", "انا", "عندي", "لدي", "دارم",
    "лет", "років", "also", "auch", "too", "hanım", "hanim", "bey", "efendi", "abla", "teyze", "amca", "dziękuję", "danke", "thanks", "teşekkürler", "спасибо", "дякую",
}


def _name_word_ok(word: str) -> bool:
    """False for words that are no name and end one ("und", "aus", "است"; Arabic words joined by "و")."""
    if not word or word.casefold() in NOT_NAMES:
        return False
    return not (word.startswith("و") and len(word) > 3 and not is_first_name(word))


def _cue_spans(text: str) -> list[Span]:
    spans = []
    for pattern in NAMES:
        for match in pattern.finditer(text):
            words = match.group(1).split()
            if not _name_word_ok(words[0]):
                continue
            kept = [word for word in words[1:] if not _name_word_ok(word)]
            end = match.end(1) if not kept else match.start(1) + len(words[0])
            spans.append(Span(match.start(1), end, "name"))
    return spans


_CLAUSE_OPENERS = ("أنا", "انا", "مرحبا", "مرحباً", "سلام", "السلام عليكم", "من")


def _opens_clause(text: str, start: int) -> bool:
    """"اسمي" starts an introduction only at the start of a sentence or after a greeting; inside a sentence
    it is "my name" ("…يسمعون اسمي لا يردّون": when they hear my name they do not answer)."""
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?؟،,:؛\n-" or before.endswith(_CLAUSE_OPENERS)


def _introduction_spans(text: str) -> list[Span]:
    spans = []
    for pattern in (INTRODUCTION, INTRODUCTION_RTL):
        for match in pattern.finditer(text):
            words = match.group(1).split()
            if not _name_word_ok(words[0]) or pattern is INTRODUCTION_RTL and not _opens_clause(text, match.start()):
                continue
            end = match.end(1) if len(words) == 1 or _name_word_ok(words[1]) else \
                match.start(1) + len(words[0])
            spans.append(Span(match.start(1), end, "name"))
    for match in WEAK_INTRODUCTION.finditer(text):
        first, second = match.group(1), match.group(2).strip()
        # Russian and Ukrainian write nouns and nationalities in lower case: "Я Мирослава" is a name.
        cyrillic_name = first[:1].isupper() and "\u0400" <= first[:1] <= "\u04ff" and match.start(1) > 0 \
            and _name_word_ok(first)
        if not (is_first_name(first) or cyrillic_name):
            continue
        surname = second and _name_word_ok(second) and (second[:1].isupper() or first.islower())
        spans.append(Span(match.start(1), match.end(2) if surname else match.end(1), "name"))
    return spans


_SAINT_OR_FEAST = re.compile(r"(?i:sankt|st\.|hl\.|heilige[nr]?|saint|santa|san|święt[aey])\s+$")
_FEAST_AFTER = re.compile(r"\s+(?i:himmelfahrt|lichtmess|empfängnis)\b")
_HYPHENATED = re.compile(rf"{_NAME_WORD}(?:-{_NAME_WORD})+")
_WORD_TOKEN = re.compile(rf"(?<![\w-]){_NAME_WORD}(?![\w-])|(?<![\w-]){_CYRILLIC_NAME}(?![\w-])"
                         rf"|(?<!\w){_ARABIC_WORD}(?!\w)|\S+", re.UNICODE)


def _known_name_spans(text: str) -> list[Span]:
    """Known first names on their own ("Anna hat geholfen"), with a capitalised surname if one follows."""
    tokens = list(_WORD_TOKEN.finditer(text))
    spans = []
    for index, token in enumerate(tokens):
        word = token.group(0)
        if _HYPHENATED.fullmatch(word) and all(is_first_name(part) for part in word.split("-")):
            spans.append(Span(token.start(), token.end(), "name"))  # Lea-Marie, Anna-Lena
            continue
        if not (word[:1].isupper() or not word[:1].isascii()) or not is_first_name(word) \
                or _SAINT_OR_FEAST.search(text[max(0, token.start() - 12):token.start()]) or _FEAST_AFTER.match(text, token.end()):
            continue
        end = token.end()
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and following.group(0)[:1].isupper() and _name_word_ok(following.group(0)) \
                and text[end:following.start()].strip() == "" and following.group(0).isalpha():
            end = following.end()
        spans.append(Span(token.start(), end, "name"))
    return spans


# ------------------------------------------------------------------------------------------------ together

def find_personal_data(text: str | None) -> list[Span]:
    """Non-overlapping spans of personal data, in text order."""
    if not text:
        return []
    spans = _contact_spans(text)
    spans += [Span(*m.span(), "address") for m in ADDRESS.finditer(text)]
    spans += _cue_spans(text) + _introduction_spans(text) + _known_name_spans(text)
    return _merged(spans)


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            kind = min(last.kind, span.kind, key=KIND_ORDER.index)
            merged[-1] = Span(last.start, max(last.end, span.end), kind)
        else:
            merged.append(span)
    return merged


def mask_personal_data(text, placeholders=None):
    """Replace contact details, street addresses, handles and names by placeholders.

    `placeholders` maps kind (see PLACEHOLDERS) to the replacement; defaults to readable German markers
    such as "[E-Mail]".
    """
    if not text:
        return text or ""
    replacements = {**PLACEHOLDERS, **(placeholders or {})}
    parts, position = [], 0
    for span in find_personal_data(text):
        parts.append(text[position:span.start])
        parts.append(replacements[span.kind])
        position = span.end
    parts.append(text[position:])
    return "".join(parts)


def strip_personal_data(text):
    """Remove personal data entirely, for text that feeds models rather than people."""
    return mask_personal_data(text, {kind: " " for kind in PLACEHOLDERS})
