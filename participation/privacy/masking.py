"""Masking of personal data in free text before planners or exports see it.

Residents leave contact details, addresses and names in comments. Planners and exports get the text
with visible placeholders instead (in the reader's language inside a request, German in jobs); the
original stays in the database (for admins, and until the process's retention date anonymises it).
No database access.
"""
import re

from flask import has_request_context
from flask_babel import gettext

from ..analysis.privacy import mask_personal_data as mask_contact_data
from ..analysis.privacy import strip_personal_data

__all__ = ["mask_personal_data", "strip_personal_data", "contains_personal_data", "placeholders"]


def _(message: str) -> str:
    """Translated inside a request; German (the source language) in background jobs."""
    return gettext(message) if has_request_context() else message


def placeholders() -> dict:
    return {"url": _("[Link entfernt]"), "email": _("[E-Mail entfernt]"), "iban": _("[IBAN entfernt]"),
            "phone": _("[Telefonnummer entfernt]"), "address": _("[Adresse entfernt]"),
            "name": _("[Name entfernt]")}


# ISO dates (2025-03-14) look like phone numbers to the contact patterns; they are kept readable.
ISO_DATE = re.compile(r"(?<![\d-])\d{4}-\d{1,2}-\d{1,2}(?![\d-])")
_KEPT = "\ue000{}\ue001"
_KEPT_BACK = re.compile("\ue000(\\d+)\ue001")

_UPPER = "A-ZÄÖÜÇŞĞİÉÀÈ"
_LOWER = "a-zäöüßçşğıéèàáíóúñ"
_STREET_WORDS = (r"stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|ring|damm|ufer|steig|pfad|chaussee|markt|"
                 r"promenade|hof|berg|graben|kamp|wall|twiete|zeile")
_HOUSE_NUMBER = r"\s?\d{1,3}(?!\d)(?:\s?[a-zA-Z](?!\w))?(?:\s?[-/]\s?\d{1,3}(?!\d))?"
_STREET_NOUN = r"(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Chaussee|Promenade|Steig|Pfad)"
ADDRESS = re.compile(
    # Hauptstraße 12, Lindenweg 4a, Karl-Marx-Allee 100, Goethestr. 7
    rf"\b[{_UPPER}][\w-]*?(?i:{_STREET_WORDS})(?=[\s\d]){_HOUSE_NUMBER}"
    # Berliner Str. 5, Alte Gasse 3
    rf"|\b[{_UPPER}][{_LOWER}]+\s{_STREET_NOUN}{_HOUSE_NUMBER}"
    # Am Hang 5, In der Aue 2
    rf"|\b(?:Am|An der|Auf dem|Im|In der|Zum|Zur)\s[{_UPPER}][{_LOWER}-]+{_HOUSE_NUMBER}(?=\s|[,.;:!?)]|$)"
    # 221b Baker Street, 12 Main St.
    rf"|\b\d{{1,4}}[a-z]?\s(?:[A-Z][a-z]+\s){{1,2}}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Way)"
    rf"|\b[A-Z][a-z]+\s(?:Street|Road|Avenue|Lane)\s\d{{1,4}}[a-z]?\b"
    # Turkish: Atatürk Caddesi No: 5, Gül Sokak No 12
    rf"|\b[{_UPPER}][{_LOWER}]+\s(?:Caddesi|Cad\.|Sokak|Sokağı|Sk\.|Mahallesi)\s?(?:No\s?:?\s?)?\d{{1,4}}",
    re.UNICODE)

_NAME_WORD = rf"[{_UPPER}][{_LOWER}'’-]+"
_CYRILLIC_NAME = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+"
_ARABIC_WORD = r"[\u0600-\u06FF]+"
# Cue words after which a personal name follows. The cue stays, the name is masked.
NAME_CUES = (
    # de
    rf"(?:[Ii]ch\s+hei(?:ß|ss)e|[Mm]ein\s+Name\s+ist|[Ii]ch\s+bin\s+die|[Ii]ch\s+bin\s+der|"
    rf"[Hh]err(?:n)?|[Ff]rau|[Gg]ez\.|[Gg]ru(?:ß|ss)\s*,?|[Gg]rüße\s*,?|[Uu]nterschrift:?)"
    rf"\s+(?:(?:Dr|Prof)\.\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD})?)",
    # en
    rf"(?:[Mm]y\s+name\s+is|[Mm]y\s+name's|[Ii]'m\s+called|[Cc]all\s+me|Mr\.?|Mrs\.?|Ms\.?|Miss|[Rr]egards,?)"
    rf"\s+(?:(?:Dr|Prof)\.\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD})?)",
    # tr: "Benim adım Ayşe Yılmaz", "adım Mehmet", "ismim Elif"; "Bay/Bayan X"
    rf"(?:[Bb]enim\s+ad[ıi]m|[Aa]d[ıi]m|[İi]smim|Bay|Bayan|Sayın)\s+({_NAME_WORD}(?:\s+{_NAME_WORD})?)",
    # tr after the name: "Ayşe Hanım", "Mehmet Bey"
    rf"(?<![\w])({_NAME_WORD})(?=\s+(?:Hanım|Bey)\b)",
    # pl
    rf"(?:[Nn]azywam\s+się|[Mm]am\s+na\s+imię|[Pp]an(?:i)?)\s+({_NAME_WORD}(?:\s+{_NAME_WORD})?)",
    # ru / uk
    rf"(?:[Мм]еня\s+зовут|[Мм]оё\s+имя|[Мм]ене\s+звати|[Мм]оє\s+ім'я)\s+({_CYRILLIC_NAME}(?:\s+{_CYRILLIC_NAME})?)",
    # ar / fa: "اسمي أحمد", "اسم من مریم است"
    rf"(?:اسمي|إسمي|اسم\s+من)\s+({_ARABIC_WORD})",
)
NAMES = [re.compile(pattern, re.UNICODE) for pattern in NAME_CUES]
# Words that follow "Frau", "Herr", "ich bin die" without being names.
NOT_NAMES = {"Bürgermeisterin", "Bürgermeister", "Mutter", "Vater", "Oma", "Opa", "Doktor", "Ärztin", "Arzt",
             "Lehrerin", "Lehrer", "Nachbarin", "Nachbar", "Stadt", "Verwaltung", "Kollegin", "Kollege",
             "Erzieherin", "Erzieher", "Sozialarbeiterin", "Sozialarbeiter", "Mitarbeiterin", "Mitarbeiter",
             "Einzige", "Einzigen", "Neue", "Neuen", "Alte", "Älteste", "Jüngste", "Meinung", "The", "A"}


def mask_personal_data(text: str | None) -> str:
    """Replace e-mail addresses, links, IBANs, phone numbers (the analysis library's patterns), street
    addresses and names after cue words by visible placeholders."""
    if not text:
        return text or ""
    marks = placeholders()
    kept = ISO_DATE.findall(text)
    text = ISO_DATE.sub(lambda match: _KEPT.format(kept.index(match.group(0))), text)
    text = ADDRESS.sub(marks["address"], text)
    text = mask_contact_data(text, {kind: marks[kind] for kind in ("url", "email", "iban", "phone")})
    text = _KEPT_BACK.sub(lambda match: kept[int(match.group(1))] if int(match.group(1)) < len(kept)
                          else match.group(0), text)
    for pattern in NAMES:
        text = pattern.sub(lambda match: _name_placeholder(match, marks["name"]), text)
    return text


def contains_personal_data(text: str | None) -> bool:
    return bool(text) and mask_personal_data(text) != text


def _name_placeholder(match: re.Match, placeholder: str) -> str:
    name = match.group(1)
    words = name.split()
    if words[0] in NOT_NAMES:
        return match.group(0)
    kept = [word for word in words[1:] if word in NOT_NAMES]
    start, end = match.span(1)
    offset = match.start(0)
    whole = match.group(0)
    return whole[:start - offset] + placeholder + (" " + " ".join(kept) if kept else "") + \
        whole[end - offset:]
