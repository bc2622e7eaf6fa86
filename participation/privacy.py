"""Masking of personal data in free text before planners or exports see it."""
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
PHONE = re.compile(r"(?<![\w/])(?:\+|00)?\d[\d ()/.-]{5,}\d(?![\w/])")
DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")

MASKS = ((EMAIL, "[E-Mail]"), (URL, "[Link]"), (IBAN, "[IBAN]"))


def mask_personal_data(text: str | None) -> str:
    """Replace e-mail addresses, links, IBANs and phone numbers with neutral placeholders."""
    if not text:
        return text or ""
    for pattern, placeholder in MASKS:
        text = pattern.sub(placeholder, text)
    return PHONE.sub(_phone_placeholder, text)


def _phone_placeholder(match: re.Match) -> str:
    """Years, dates and short numbers stay; only digit runs long enough to be a phone number go."""
    digits = re.sub(r"\D", "", match.group(0))
    if len(digits) < 7 or DATE.fullmatch(match.group(0).strip()):
        return match.group(0)
    return "[Telefon]"
