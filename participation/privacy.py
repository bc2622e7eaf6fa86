"""Masking contact data in free text before planners see it."""
import re

from flask import has_request_context
from flask_babel import gettext


def _(message: str) -> str:
    """Translated inside a request; German (the source language) in background jobs."""
    return gettext(message) if has_request_context() else message


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b")
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d /().-]{5,}\d(?!\w)")
DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
MIN_PHONE_DIGITS = 7


def mask_personal_data(text: str | None) -> str:
    """Replace e-mail addresses, URLs, IBANs and phone numbers by a visible placeholder (dates stay)."""
    if not text:
        return text or ""
    text = EMAIL.sub(_("[E-Mail entfernt]"), text)
    text = URL.sub(_("[Link entfernt]"), text)
    text = IBAN.sub(_("[IBAN entfernt]"), text)
    return PHONE.sub(_mask_phone, text)


def _mask_phone(match: re.Match) -> str:
    candidate = match.group(0)
    if DATE.fullmatch(candidate.strip()) or sum(c.isdigit() for c in candidate) < MIN_PHONE_DIGITS:
        return candidate
    return _("[Telefonnummer entfernt]")
