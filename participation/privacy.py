"""Masking contact data in free text before planners see it."""
import re

from flask_babel import gettext as _

PATTERNS = (
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("url", re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)),
    ("iban", re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b")),
    ("phone", re.compile(r"(?<![\w])(?:\+|00)?\d[\d /().-]{6,}\d(?![\w])")),
)


def mask_personal_data(text: str | None) -> str:
    """Replace e-mail addresses, URLs, IBANs and phone numbers by a visible placeholder."""
    if not text:
        return text or ""
    labels = {"email": _("[E-Mail entfernt]"), "url": _("[Link entfernt]"), "iban": _("[IBAN entfernt]"),
              "phone": _("[Telefonnummer entfernt]")}
    for kind, pattern in PATTERNS:
        text = pattern.sub(labels[kind], text)
    return text
