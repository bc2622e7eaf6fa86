"""Masking of personal data in free-text answers.

Residents often leave contact details in comments; planners must not see them
and they must not become theme keywords.
"""

import re

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
# A phone number: optional +country or leading 0, then at least 6 digits in
# groups separated by spaces, slashes, dots, dashes or brackets.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d ()/.\-]{5,}\d(?!\w)")

PLACEHOLDERS = {"url": "[URL]", "email": "[E-Mail]", "iban": "[IBAN]", "phone": "[Telefon]"}
_PATTERNS = (("url", _URL), ("email", _EMAIL), ("iban", _IBAN), ("phone", _PHONE))


_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}")


def _looks_like_phone(match):
    """Dates, years and amounts also match the loose phone pattern; require 7+ digits, no date."""
    candidate = match.group(0)
    return sum(ch.isdigit() for ch in candidate) >= 7 and not _DATE.fullmatch(candidate.strip())


def mask_personal_data(text, placeholders=None):
    """Replace e-mail addresses, URLs, IBANs and phone numbers by placeholders.

    `placeholders` maps kind ("url", "email", "iban", "phone") to the
    replacement; defaults to readable German markers such as "[E-Mail]".
    """
    replacements = {**PLACEHOLDERS, **(placeholders or {})}
    for kind, pattern in _PATTERNS:
        replacement = replacements[kind]
        if kind == "phone":
            text = pattern.sub(lambda m: replacement if _looks_like_phone(m) else m.group(0), text)
        else:
            text = pattern.sub(replacement, text)
    return text


def strip_personal_data(text):
    """Remove personal data entirely, for text that feeds models rather than people."""
    return mask_personal_data(text, {kind: " " for kind in PLACEHOLDERS})
